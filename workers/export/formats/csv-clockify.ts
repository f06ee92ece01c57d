import type { ExportContext, ExportSession, ExportWriter } from '../../../shared/export-rows.ts';
import { csvStream, type CsvCell } from './csv-cells.ts';
import type { PresetOptions } from './csv-toggl.ts';
import { clock12, decimalHours, hms, localTime, money, projectLabel, type LocalTime } from './values.ts';

/** Clockify's detailed CSV header, word for word (plus a rate/amount pair per further currency). */
export function clockifyHeader(currencies: readonly string[]): string[] {
  return [
    'Project',
    'Client',
    'Description',
    'Task',
    'User',
    'Group',
    'Email',
    'Tags',
    'Billable',
    'Start Date',
    'Start Time',
    'End Date',
    'End Time',
    'Duration (h)',
    'Duration (decimal)',
    ...currencies.flatMap((c) => [`Billable Rate (${c})`, `Billable Amount (${c})`]),
  ];
}

const usDate = (t: LocalTime) => `${String(t.m).padStart(2, '0')}/${String(t.d).padStart(2, '0')}/${t.y}`;

/** As Toggl's preset: Description is the session's name, durations are worked time, sub-projects joined by ' / '. */
export function createClockifyCsvWriter(context: ExportContext, options: PresetOptions = {}): ExportWriter {
  const currencies = options.currencies?.length ? options.currencies : ['USD'];
  const rowOf = (s: ExportSession): CsvCell[] => {
    const start = localTime(s.start, context.timeZone);
    const end = localTime(s.end, context.timeZone);
    return [
      { text: projectLabel(s.projectPath) },
      { text: s.client ?? '' },
      { text: s.name },
      '',
      { text: context.person ?? '' },
      '',
      '',
      { text: s.tags.join(', ') },
      s.billable ? 'Yes' : 'No',
      usDate(start),
      clock12(start),
      usDate(end),
      clock12(end),
      hms(s.workedMs),
      decimalHours(s.workedMs),
      ...currencies.flatMap((c) =>
        s.currency === c && s.hourlyRate !== null
          ? [money(s.hourlyRate), s.amountRounded === null ? '0.00' : money(s.amountRounded)]
          : ['', ''],
      ),
    ];
  };
  const stream = csvStream(clockifyHeader(currencies), rowOf, options);
  return { page: (sessions) => stream.page(sessions), finish: () => stream.finish() };
}
