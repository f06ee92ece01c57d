import type { ExportFormat, ExportOptions } from '../../shared/export-contract.ts';
import type { ExportContext, ExportWriter } from '../../shared/export-rows.ts';
import { AppError } from '../../shared/errors.ts';

type Factory = (context: ExportContext, options: ExportOptions) => ExportWriter;

/**
 * Which writer makes each format, each loaded only when asked for (XLSX and PDF bring large libraries). Formats
 * without a writer in this build answer UNAVAILABLE with their name; the full set is in formats/.
 */
const WRITERS: Partial<Record<ExportFormat, () => Promise<Factory>>> = {
  'csv-lighttrack': async () => (await import('./formats/csv-basic.ts')).createCsvBasicWriter,
};

export const FORMAT_FILES: Record<ExportFormat, { label: string; extension: string; mime: string }> = {
  'csv-lighttrack': { label: 'CSV, detailed (LightTrack)', extension: 'csv', mime: 'text/csv' },
  'csv-toggl': { label: 'CSV, detailed (Toggl Track)', extension: 'csv', mime: 'text/csv' },
  'csv-clockify': { label: 'CSV, detailed (Clockify)', extension: 'csv', mime: 'text/csv' },
  'csv-summary': { label: 'CSV, summary', extension: 'csv', mime: 'text/csv' },
  xlsx: { label: 'Excel workbook (XLSX)', extension: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pdf: { label: 'PDF timesheet', extension: 'pdf', mime: 'application/pdf' },
  markdown: { label: 'Markdown timesheet', extension: 'md', mime: 'text/markdown' },
  ics: { label: 'iCalendar (.ics)', extension: 'ics', mime: 'text/calendar' },
  json: { label: 'LightTrack JSON', extension: 'json', mime: 'application/json' },
};

export async function writerFor(format: ExportFormat, context: ExportContext, options: ExportOptions): Promise<ExportWriter> {
  const load = WRITERS[format];
  if (!load) throw new AppError('UNAVAILABLE', `${FORMAT_FILES[format].label} cannot be written by this build yet; choose CSV, detailed (LightTrack)`, { format });
  return (await load())(context, options);
}
