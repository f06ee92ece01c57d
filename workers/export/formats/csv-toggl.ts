import type { ExportContext, ExportSession, ExportWriter } from '../../../shared/export-rows.ts';
import { csvStream, type CsvCell, type CsvOptions } from './csv-cells.ts';
import { hms, localTime, money, projectLabel } from './values.ts';

export interface PresetOptions extends CsvOptions {
  /** one amount column per currency, in this order (Toggl and Clockify have one: default ['USD']) */
  currencies?: string[];
}

/** Toggl Track's detailed CSV header, word for word (plus one "Amount (CUR)" per further currency). */
export function togglHeader(currencies: readonly string[]): string[] {
  return [
    'User',
    'Email',
    'Client',
    'Project',
    'Task',
    'Description',
    'Billable',
    'Start date',
    'Start time',
    'End date',
    'End time',
    'Duration',
    'Tags',
    ...currencies.map((c) => `Amount (${c})`),
  ];
}

/**
 * Toggl has one description per entry: it gets the session's name (LightTrack's description has no Toggl column).
 * Duration is the worked time, so a reader recovers pauses as (end − start) − duration. Sub-projects are the path
 * joined with ' / ' (Toggl's projects are flat).
 */
export function createTogglCsvWriter(context: ExportContext, options: PresetOptions = {}): ExportWriter {
  const currencies = options.currencies?.length ? options.currencies : ['USD'];
  const rowOf = (s: ExportSession): CsvCell[] => {
    const start = localTime(s.start, context.timeZone);
    const end = localTime(s.end, context.timeZone);
    return [
      { text: context.person ?? '' },
      '',
      { text: s.client ?? '' },
      { text: projectLabel(s.projectPath) },
      '',
      { text: s.name },
      s.billable ? 'Yes' : 'No',
      start.date,
      start.time,
      end.date,
      end.time,
      hms(s.workedMs),
      { text: s.tags.join(', ') },
      ...currencies.map((c) => (s.currency === c && s.amountRounded !== null ? money(s.amountRounded) : '')),
    ];
  };
  const stream = csvStream(togglHeader(currencies), rowOf, options);
  return { page: (sessions) => stream.page(sessions), finish: () => stream.finish() };
}
