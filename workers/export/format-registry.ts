import type { ExportFormat, ExportOptions } from '../../shared/export-contract.ts';
import type { ExportContext, ExportWriter } from '../../shared/export-rows.ts';
import { createWriter, type FormatId } from './formats/index.ts';

/**
 * The writer for a format, its module (and library) loaded on first use by formats/index.ts. The ids are the same;
 * the dialog's options (delimiter, BOM, durations) are passed to every writer, each reading those it knows.
 */
export function writerFor(format: ExportFormat, context: ExportContext, options: ExportOptions): Promise<ExportWriter> {
  return createWriter(format satisfies FormatId, context, options as never);
}
