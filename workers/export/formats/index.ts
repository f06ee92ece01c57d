import type { ExportContext, ExportWriter } from '../../../shared/export-rows.ts';
import type { CsvOptions } from './csv-cells.ts';
import type { PresetOptions } from './csv-toggl.ts';
import type { LighttrackJsonOptions } from './lighttrack-json.ts';
import type { PdfOptions } from './pdf.ts';

/**
 * Every export format by id, each loaded on first use: the export worker imports only this map, so the XLSX and
 * PDF libraries (and their fonts) are fetched only when someone exports one of those.
 */
export interface FormatOptions {
  csv: CsvOptions;
  'csv-toggl': PresetOptions;
  'csv-clockify': PresetOptions;
  'csv-summary': CsvOptions;
  xlsx: Record<string, never>;
  pdf: PdfOptions;
  markdown: Record<string, never>;
  ics: Record<string, never>;
  'lighttrack-json': LighttrackJsonOptions;
}
export type FormatId = keyof FormatOptions;

export interface FormatInfo {
  /** file name extension, without the dot */
  extension: string;
  mimeType: string;
  label: string;
}

export const FORMATS: Record<FormatId, FormatInfo> = {
  csv: { extension: 'csv', mimeType: 'text/csv', label: 'CSV (detailed)' },
  'csv-toggl': { extension: 'csv', mimeType: 'text/csv', label: 'CSV (Toggl Track)' },
  'csv-clockify': { extension: 'csv', mimeType: 'text/csv', label: 'CSV (Clockify)' },
  'csv-summary': { extension: 'csv', mimeType: 'text/csv', label: 'CSV (summary)' },
  xlsx: {
    extension: 'xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel workbook',
  },
  pdf: { extension: 'pdf', mimeType: 'application/pdf', label: 'PDF timesheet' },
  markdown: { extension: 'md', mimeType: 'text/markdown', label: 'Markdown timesheet' },
  ics: { extension: 'ics', mimeType: 'text/calendar', label: 'iCalendar' },
  'lighttrack-json': { extension: 'json', mimeType: 'application/json', label: 'LightTrack JSON' },
};

type Factory<F extends FormatId> = (
  context: ExportContext,
  options: FormatOptions[F],
) => ExportWriter | Promise<ExportWriter>;

const FACTORIES: { [F in FormatId]: () => Promise<Factory<F>> } = {
  csv: async () => (await import('./csv-lighttrack.ts')).createLighttrackCsvWriter,
  'csv-toggl': async () => (await import('./csv-toggl.ts')).createTogglCsvWriter,
  'csv-clockify': async () => (await import('./csv-clockify.ts')).createClockifyCsvWriter,
  'csv-summary': async () => (await import('./csv-summary.ts')).createSummaryCsvWriter,
  xlsx: async () => (await import('./xlsx.ts')).createXlsxWriter,
  pdf: async () => (await import('./pdf.ts')).createPdfWriter,
  markdown: async () => (await import('./markdown.ts')).createMarkdownWriter,
  ics: async () => (await import('./icalendar.ts')).createIcalendarWriter,
  'lighttrack-json': async () => (await import('./lighttrack-json.ts')).createLighttrackJsonWriter,
};

export const FORMAT_IDS = Object.keys(FORMATS) as FormatId[];

export function isFormatId(value: unknown): value is FormatId {
  return typeof value === 'string' && Object.hasOwn(FORMATS, value);
}

/** The writer for `format`, its module (and library) loaded on first use. */
export async function createWriter<F extends FormatId>(
  format: F,
  context: ExportContext,
  options: FormatOptions[F],
): Promise<ExportWriter> {
  const factory = await FACTORIES[format]();
  return factory(context, options);
}
