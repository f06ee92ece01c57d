import type { ImportedSession, ImportProblem } from '../../../shared/export-rows.ts';
import { addDays } from '../../../shared/quick-entry/zoned.ts';
import { Columns, type CsvRecord } from './csv.ts';
import { finishSession, type Draft } from './session.ts';
import {
  dateOrder,
  durationText,
  parseClock,
  parseDate,
  parseDuration,
  wallText,
  zonedInstant,
  type Civil,
  type DateOrder,
  type Zoned,
} from './wall-time.ts';

/**
 * The part Toggl, Clockify and Kimai CSVs share: rows of wall-clock dates and times read in the zone the user says
 * they were recorded in, checked against the file's own Duration column.
 */

/** The cell at a header's column, or '' when the file has no such column (index -1) or the row is short. */
export function cellAt(cells: readonly string[], i: number): string {
  return i < 0 ? '' : (cells[i] ?? '');
}

export interface WallCells {
  startDate: string;
  startTime: string;
  /** null when the format has one date per row (Kimai): an end before the start then means the next day */
  endDate: string | null;
  endTime: string;
  duration: string | null;
}

export interface WallContext {
  timeZone: string;
  order: DateOrder;
  report: (message: string) => void;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function dateProblem(raw: string, what: string, order: DateOrder): string {
  const parts = raw.trim().split(/[-/.]/).map(Number);
  if (parts.length === 3 && parts.every(Number.isInteger)) {
    const [a, b, c] = parts as [number, number, number];
    const [y, m, d] = a > 31 ? [a, b, c] : order === 'dmy' ? [c, b, a] : [c, a, b];
    if (m >= 1 && m <= 12)
      return `The ${what} date "${raw.trim()}" does not exist (${MONTHS[m - 1]} has no day ${d} in ${y}); the row was skipped.`;
  }
  return `The ${what} date "${raw.trim()}" is not a date; the row was skipped.`;
}

/**
 * Start and end instants of one row and its paused time, or null after reporting why the row cannot be used. A
 * Duration shorter than start-to-end is paused time (how LightTrack's own Toggl and Clockify presets write a session
 * with pauses; Toggl and Clockify themselves never do); a longer one cannot be, and is reported.
 */
export function wallInterval(
  cells: WallCells,
  ctx: WallContext,
): { start: number; end: number; pausedMs: number } | null {
  const { report, order, timeZone } = ctx;
  const startDate = parseDate(cells.startDate, order);
  if (!startDate) return (report(dateProblem(cells.startDate, 'start', order)), null);
  const startTime = parseClock(cells.startTime);
  if (startTime === null)
    return (report(`The start time "${cells.startTime.trim()}" is not a time of day; the row was skipped.`), null);
  let endDate: Civil | null = startDate;
  if (cells.endDate !== null) {
    endDate = parseDate(cells.endDate, order);
    if (!endDate) return (report(dateProblem(cells.endDate, 'end', order)), null);
  }
  const endTime = parseClock(cells.endTime);
  if (endTime === null)
    return (report(`The end time "${cells.endTime.trim()}" is not a time of day; the row was skipped.`), null);
  if (cells.endDate === null && endTime < startTime) endDate = addDays(startDate, 1); // one date per row: it ran past midnight
  const start = zonedInstant(startDate, startTime, timeZone);
  const end = zonedInstant(endDate, endTime, timeZone);
  const skipped = (date: Civil, time: number) =>
    report(
      `${wallText(date, time)} did not exist in ${timeZone}: the clocks jumped forward over it. The row was skipped; correct the time, or choose the time zone the file was recorded in.`,
    );
  if (start.kind === 'skipped') return (skipped(startDate, startTime), null);
  if (end.kind === 'skipped') return (skipped(endDate, endTime), null);
  if (start.kind === 'ok' && end.kind === 'ok')
    return checked(start.ms, end.ms, cells, ctx, endDate, endTime, startDate, startTime);
  const duration = cells.duration === null ? null : parseDuration(cells.duration);
  // a repeated wall time has two readings: of the pairs that do not run backwards, the one matching the file's
  // duration is taken, else the earliest
  const starts = start.kind === 'repeated' ? start.all : [start.ms];
  const ends = end.kind === 'repeated' ? end.all : [end.ms];
  const pairs = starts.flatMap((s) => ends.filter((e) => e >= s).map((e) => ({ start: s, end: e })));
  if (pairs.length === 0) {
    report(
      `It ends (${wallText(endDate, endTime)}) before it starts (${wallText(startDate, startTime)}); the row was skipped.`,
    );
    return null;
  }
  const miss = (p: { start: number; end: number }) => (duration === null ? 0 : Math.abs(p.end - p.start - duration));
  const best = pairs.reduce((a, b) => (miss(b) < miss(a) ? b : a));
  const fits = duration === null ? 0 : pairs.filter((p) => miss(p) <= 60_000).length;
  const why =
    pairs.length === 1 ? ' (the only reading that ends after it starts)' : fits === 1 ? ', as the duration says' : '';
  const said = (at: Zoned, date: Civil, time: number, ms: number) => {
    if (at.kind === 'repeated')
      report(
        `${wallText(date, time)} happened twice in ${timeZone} (the clocks went back); ${ms === at.all[0] ? 'the earlier' : 'the later'} was used${why}.`,
      );
  };
  said(start, startDate, startTime, best.start);
  said(end, endDate, endTime, best.end);
  return checked(best.start, best.end, cells, ctx, endDate, endTime, startDate, startTime);
}

/** The interval with its paused time, once the instants are known (the common case goes straight here). */
function checked(
  start: number,
  end: number,
  cells: WallCells,
  ctx: WallContext,
  endDate: Civil,
  endTime: number,
  startDate: Civil,
  startTime: number,
): { start: number; end: number; pausedMs: number } | null {
  if (end < start) {
    ctx.report(
      `It ends (${wallText(endDate, endTime)}) before it starts (${wallText(startDate, startTime)}); the row was skipped.`,
    );
    return null;
  }
  const duration = cells.duration === null ? null : parseDuration(cells.duration);
  const span = end - start;
  if (duration !== null && duration - span > 60_000) {
    ctx.report(
      `The duration column says ${durationText(duration)} but the start and end are only ${durationText(span)} apart; the start and end were used.`,
    );
  }
  return { start, end, pausedMs: duration !== null && span - duration > 60_000 ? span - duration : 0 };
}

/** A wall-time CSV format: which header it has and how a row becomes a draft session. */
export interface WallFormat {
  id: string;
  /** the date cells of a row, so the file's day/month order can be found from all of them */
  dates(cells: readonly string[]): string[];
  row(cells: readonly string[], ctx: WallContext): Draft | null;
}

/**
 * Undoes the OWASP CSV-injection guard: one `'` before a cell matching /^'*[=+\-@\t\r]/ (the writer adds one to
 * such cells, including ones that already start with `'=`, so the guard is reversible), so a file from LightTrack's
 * Toggl and Clockify presets imports back to the text it came from.
 */
function unguard(cell: string): string {
  return cell.charCodeAt(0) === 39 && /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Reads every data record of a wall-time CSV, reporting each bad one by its line. */
export function readWallRows(
  records: readonly CsvRecord[],
  columns: Columns,
  format: WallFormat,
  timeZone: string,
  problems: ImportProblem[],
): ImportedSession[] {
  const rows = records.slice(1);
  const { order, guessed, example } = dateOrder(rows.flatMap((r) => format.dates(r.cells)));
  if (guessed && example && !/^\d{4}/.test(example)) {
    problems.push({
      line: null,
      message: `No date in the file shows whether the day or the month comes first; dates like "${example}" were read as ${order === 'dmy' ? 'day/month/year' : 'month/day/year'}.`,
    });
  }
  const sessions: ImportedSession[] = [];
  const paused: number[] = [];
  for (const record of rows) {
    const report = (message: string) => problems.push({ line: record.line, message });
    if (
      record.cells.length !== columns.header.length &&
      !(
        record.cells.length > columns.header.length &&
        record.cells.slice(columns.header.length).every((c) => c.trim() === '')
      )
    ) {
      report(`The row has ${record.cells.length} cells but the header has ${columns.header.length}; it was skipped.`);
      continue;
    }
    const draft = format.row(record.cells.map(unguard), { timeZone, order, report });
    if (!draft) continue;
    const session = finishSession(draft, record.line, format.id, problems);
    if (session) sessions.push(session);
    if (session?.pausedMs) paused.push(record.line);
  }
  if (paused.length > 0) {
    const lines = paused.length > 10 ? `${paused.slice(0, 10).join(', ')} …` : paused.join(', ');
    problems.push({
      line: null,
      message: `On ${paused.length === 1 ? '1 row' : `${paused.length} rows`} (line${paused.length === 1 ? '' : 's'} ${lines}) the duration is shorter than the time from start to end; the difference was kept as paused time.`,
    });
  }
  return sessions;
}
