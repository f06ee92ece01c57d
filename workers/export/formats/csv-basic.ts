import type { ExportContext, ExportSession, ExportWriter } from '../../../shared/export-rows.ts';
import type { ExportOptions } from '../../../shared/export-contract.ts';

/**
 * A minimal detailed CSV (one row per session) so the export worker and its tests run end to end; the full
 * formats (Toggl/Clockify presets, summary, XLSX, PDF…) live beside it in this folder and replace it by name in
 * format-registry.ts. RFC 4180 quoting; cells a spreadsheet would run as a formula get a leading apostrophe.
 */
const HEADER = ['Start', 'End', 'Name', 'Project', 'Client', 'Tags', 'Billable', 'Duration', 'Rounded', 'Amount', 'Currency', 'Description'];

export function createCsvBasicWriter(context: ExportContext, options: Partial<ExportOptions> = {}): ExportWriter {
  const delimiter = options.delimiter ?? ',';
  const decimal = options.durations === 'decimal';
  const encoder = new TextEncoder();
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",;\r\n]/.test(safe) || safe.includes(delimiter) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const line = (cells: string[]) => `${cells.map(cell).join(delimiter)}\r\n`;
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: context.timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const time = (ms: number) => local.format(ms);
  const duration = (ms: number) => {
    if (decimal) return (ms / 3_600_000).toFixed(2);
    const minutes = Math.round(ms / 60_000);
    return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
  };
  let first = true;
  return {
    page(sessions: readonly ExportSession[]) {
      let text = first ? `${options.bom ? '\uFEFF' : ''}${line(HEADER)}` : '';
      first = false;
      for (const s of sessions) {
        text += line([time(s.start), time(s.end), s.name, s.projectPath.join(' / '), s.client ?? '', s.tags.join(', '), s.billable ? 'Yes' : 'No',
          duration(s.workedMs), duration(s.roundedMs), s.amountRounded === null ? '' : s.amountRounded.toFixed(2), s.currency ?? '', s.description]);
      }
      return encoder.encode(text);
    },
    finish() {
      return encoder.encode(first ? `${options.bom ? '\uFEFF' : ''}${line(HEADER)}` : '');
    },
  };
}
