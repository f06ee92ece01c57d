/**
 * Wall-clock arithmetic in an explicit IANA time zone (Intl), independent of the process zone. Skipped local times
 * (spring forward) land after the gap and repeated ones (fall back) take the first occurrence, as Temporal's
 * 'compatible' disambiguation does.
 */

/** A calendar day: y, m (1-12), d. */
export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone if Intl knows it, else 'UTC' (a parser must not throw on a bad setting). */
export function safeTimeZone(timeZone: unknown): string {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 100) return 'UTC';
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

export interface ZonedParts extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const out: ZonedParts = { y: 1970, m: 1, d: 1, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(ms)) {
    const n = Number(p.value);
    if (p.type === 'year') out.y = n;
    else if (p.type === 'month') out.m = n;
    else if (p.type === 'day') out.d = n;
    else if (p.type === 'hour') out.hour = n % 24;
    else if (p.type === 'minute') out.minute = n;
    else if (p.type === 'second') out.second = n;
  }
  return out;
}

/** Local time minus UTC at the instant ms, in ms. */
export function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const floored = Math.floor(ms / 1000) * 1000;
  return Date.UTC(p.y, p.m - 1, p.d, p.hour, p.minute, p.second) - floored;
}

/** The instant at which the wall clock in `timeZone` shows `minutes` past midnight on `date`. */
export function zonedToEpoch(date: CivilDate, minutes: number, timeZone: string): number {
  const wall = Date.UTC(date.y, date.m - 1, date.d, 0, minutes);
  const early = wall - offsetAt(wall - DAY, timeZone);
  const late = wall - offsetAt(wall + DAY, timeZone);
  const shows = (t: number) => t + offsetAt(t, timeZone) === wall;
  const earlyOk = shows(early);
  const lateOk = shows(late);
  if (earlyOk && lateOk) return Math.min(early, late);
  if (earlyOk) return early;
  if (lateOk) return late;
  // In a gap neither reading exists: the offset from before the change puts it just after the gap (2:30 → 3:30).
  return early;
}

export function civilDateOf(ms: number, timeZone: string): CivilDate {
  const { y, m, d } = zonedParts(ms, timeZone);
  return { y, m, d };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(date: CivilDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export function sameDate(a: CivilDate, b: CivilDate): boolean {
  return a.y === b.y && a.m === b.m && a.d === b.d;
}

/** [start, end) of a calendar day in the zone (23 or 25 hours on DST days). */
export function dayBounds(date: CivilDate, timeZone: string): { from: number; to: number } {
  return { from: zonedToEpoch(date, 0, timeZone), to: zonedToEpoch(addDays(date, 1), 0, timeZone) };
}
