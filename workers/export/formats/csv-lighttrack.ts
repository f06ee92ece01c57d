import type { ExportContext, ExportSession, ExportWriter } from '../../../shared/export-rows.ts';
import { csvStream, localNumber, type CsvCell, type CsvOptions } from './csv-cells.ts';
import { decimalHours, hm, isoOf, localTime, money, projectLabel } from './values.ts';

/** LightTrack's own detailed CSV: every figure raw and rounded, decimal hours beside h:mm, local and ISO times. */
export const LIGHTTRACK_CSV_HEADER = [
  'Start date',
  'Start time',
  'End date',
  'End time',
  'Start (ISO)',
  'End (ISO)',
  'Name',
  'Description',
  'Project',
  'Client',
  'Tags',
  'Billable',
  'Worked (h)',
  'Worked (h:mm)',
  'Rounded (h)',
  'Rounded (h:mm)',
  'Paused (h:mm)',
  'Rate',
  'Currency',
  'Amount',
  'Amount (rounded)',
  'Source',
  'Running',
  'ID',
] as const;

export function createLighttrackCsvWriter(context: ExportContext, options: CsvOptions = {}): ExportWriter {
  const zone = context.timeZone;
  const d = options.delimiter ?? ',';
  const num = (text: string) => localNumber(text, d);
  const rowOf = (s: ExportSession): CsvCell[] => {
    const start = localTime(s.start, zone);
    const end = localTime(s.end, zone);
    const paused = s.pauses.reduce((sum, p) => sum + (p.end - p.start), 0);
    return [
      start.date,
      start.time,
      end.date,
      end.time,
      isoOf(start),
      isoOf(end),
      { text: s.name },
      { text: s.description },
      { text: projectLabel(s.projectPath) },
      { text: s.client ?? '' },
      { text: s.tags.join(', ') },
      s.billable ? 'yes' : 'no',
      num(decimalHours(s.workedMs)),
      hm(s.workedMs),
      num(decimalHours(s.roundedMs)),
      hm(s.roundedMs),
      hm(paused),
      s.hourlyRate === null ? '' : num(money(s.hourlyRate)),
      s.currency ?? '',
      s.amount === null ? '' : num(money(s.amount)),
      s.amountRounded === null ? '' : num(money(s.amountRounded)),
      s.source,
      s.running ? 'yes' : 'no',
      s.id,
    ];
  };
  const stream = csvStream(LIGHTTRACK_CSV_HEADER, rowOf, options);
  return { page: (sessions) => stream.page(sessions), finish: () => stream.finish() };
}
