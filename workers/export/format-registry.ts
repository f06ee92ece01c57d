import type { ExportFormat, ExportOptions } from '../../shared/export-contract.ts';
import type { ExportContext, ExportWriter } from '../../shared/export-rows.ts';
import { AppError } from '../../shared/errors.ts';
import { FORMAT_FILES } from '../../shared/export-formats.ts';

type Factory = (context: ExportContext, options: ExportOptions) => ExportWriter;

/**
 * Which writer makes each format, each loaded only when asked for (XLSX and PDF bring large libraries). Formats
 * without a writer in this build answer UNAVAILABLE with their name. The ids are those of the full set
 * (formats/index.ts `createWriter(format, context, options)`), which replaces this file when merged.
 */
const WRITERS: Partial<Record<ExportFormat, () => Promise<Factory>>> = {
  'csv': async () => (await import('./formats/csv-basic.ts')).createCsvBasicWriter,
};


export async function writerFor(format: ExportFormat, context: ExportContext, options: ExportOptions): Promise<ExportWriter> {
  const load = WRITERS[format];
  if (!load) throw new AppError('UNAVAILABLE', `${FORMAT_FILES[format].label} cannot be written by this build yet; choose CSV, detailed (LightTrack)`, { format });
  return (await load())(context, options);
}
