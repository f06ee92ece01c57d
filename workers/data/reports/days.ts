import { dayNumberToKey } from '../../../shared/timezone.ts';

/** Local day numbers (days since 1970-01-01 in local time, as localDayNumberSql computes them) and their instants. */
export function localDay(ms: number): number {
  return Math.floor((ms - new Date(ms).getTimezoneOffset() * 60_000) / 86_400_000);
}

/** The local midnight starting day number `day`. */
export function dayStartMs(day: number): number {
  const [y, m, d] = dayNumberToKey(day).split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/** The next local midnight after ms. */
export function nextLocalDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

/**
 * The local clock hour containing t: its start, the next one's start, and its hour of day. Computed from t's own UTC
 * offset: Date#setMinutes on the repeated hour of a DST fall-back picks its first occurrence, so a loop stepping
 * through the second one never moved forward (the first report on a file with such a session hung the worker).
 */
export function localHour(t: number): { start: number; next: number; hour: number } {
  const offset = -new Date(t).getTimezoneOffset() * 60_000;
  const start = t - ((((t + offset) % 3_600_000) + 3_600_000) % 3_600_000);
  return { start, next: start + 3_600_000, hour: new Date(t).getHours() };
}

/** "YYYY-MM-DD" → day number. */
export function dayNumberOf(key: string): number {
  return Math.round(Date.parse(`${key}T00:00:00Z`) / 86_400_000);
}

export { dayNumberToKey };

/** First day number of the month of a day-number SQL expression. */
export const monthStartSql = (day: string) =>
  `(${day} - CAST(strftime('%d', (${day}) * 86400, 'unixepoch') AS INTEGER) + 1)`;
