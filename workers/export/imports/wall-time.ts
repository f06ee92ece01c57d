import { offsetAt } from '../../../shared/quick-entry/zoned.ts';

/**
 * Dates, clock times and durations as the CSV exports write them, turned into instants in an explicit IANA zone
 * (never the machine's). A wall time that the zone skipped (spring forward) is refused, not shifted; one it repeated
 * (fall back) takes the earlier instant and says so.
 */

export type DateOrder = 'dmy' | 'mdy';

export interface Civil {
  y: number;
  m: number;
  d: number;
}

const DAY = 86_400_000;
const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const OTHER_DATE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/;

/**
 * Which of day/month comes first in the file's dd?mm?yyyy dates: a part above 12 decides; else dots mean day first
 * (German and Kimai usage) and slashes or dashes month first (Toggl's and Clockify's default). `guessed` is true
 * when no date could decide, so the preview can say how the dates were read.
 */
export function dateOrder(values: Iterable<string>): { order: DateOrder; guessed: boolean; example: string | null } {
  let dayFirst = false;
  let monthFirst = false;
  let dotted = 0;
  let other = 0;
  let example: string | null = null;
  for (const raw of values) {
    const m = OTHER_DATE.exec(raw.trim());
    if (!m) continue;
    example ??= raw.trim();
    if (m[2] === '.') dotted++;
    else other++;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[3]) > 12) monthFirst = true;
  }
  if (dayFirst !== monthFirst) return { order: dayFirst ? 'dmy' : 'mdy', guessed: false, example };
  return { order: dotted > other ? 'dmy' : 'mdy', guessed: example !== null, example };
}

/** A calendar date, or null when it is not one (including Feb 30). */
export function parseDate(raw: string, order: DateOrder): Civil | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  const iso = ISO_DATE.exec(s);
  const other = iso ? null : OTHER_DATE.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (other) {
    const a = Number(other[1]),
      b = Number(other[3]);
    y = Number(other[4]);
    if (other[4]!.length === 2) y += 2000;
    [d, m] = order === 'dmy' ? [a, b] : [b, a];
  } else return null;
  return realDate(y, m, d) ? { y, m, d } : null;
}

export function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1970 && y <= 9999 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Seconds after midnight for "13:05", "13:05:09", "1:05 PM", "01:05:09 pm" (also a.m./p.m.); null when not a time. */
export function parseClock(raw: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(?:([ap])\.?\s?m\.?)?$/i.exec(raw.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] ? Number(m[3]) : 0;
  if (min > 59 || sec > 59) return null;
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  } else if (h > 23 && !(h === 24 && min === 0 && sec === 0)) return null;
  return h * 3600 + min * 60 + sec;
}

/** "1:30:00", "90:00:00", "1:30", "1.5", "1,50" (decimal hours) → ms; null when unreadable. */
export function parseDuration(raw: string): number | null {
  const s = raw.trim();
  const hms = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (hms) return ((Number(hms[1]) * 60 + Number(hms[2])) * 60 + Number(hms[3] ?? 0)) * 1000;
  const dec = /^\d+(?:[.,]\d+)?$/.exec(s);
  if (dec) return Math.round(Number(s.replace(',', '.')) * 3_600_000);
  return null;
}

const days = new Map<string, Map<number, number>>();

/**
 * offsetAt with a per-zone, per-UTC-day memo: Intl is slow (~4 µs a call) and a 100k-row file asks ~10 times a row.
 * A day whose start and end offsets agree holds one offset (no zone changes twice within a day); a day with a change
 * is marked NaN and asked exactly.
 */
function offset(ms: number, timeZone: string): number {
  let zone = days.get(timeZone);
  if (!zone) days.set(timeZone, (zone = new Map()));
  const day = Math.floor(ms / DAY);
  let o = zone.get(day);
  if (o === undefined) {
    if (zone.size > 50_000) zone.clear();
    const first = offsetAt(day * DAY, timeZone);
    o = first === offsetAt(day * DAY + DAY - 1000, timeZone) ? first : NaN;
    zone.set(day, o);
  }
  return Number.isNaN(o) ? offsetAt(ms, timeZone) : o;
}

export type Zoned =
  | { kind: 'ok'; ms: number }
  /** the wall time happened twice: `ms` is the earlier, `all` every reading in order */
  | { kind: 'repeated'; ms: number; all: number[] }
  | { kind: 'skipped' };

/** The instant the wall clock in `timeZone` shows `seconds` after midnight of `date` (seconds may pass 86400). */
export function zonedInstant(date: Civil, seconds: number, timeZone: string): Zoned {
  const wall = Date.UTC(date.y, date.m - 1, date.d) + seconds * 1000;
  const before = wall - offset(wall - DAY, timeZone);
  const after = wall - offset(wall + DAY, timeZone);
  // the common case: one offset all around, one reading
  if (before === after && before + offset(before, timeZone) === wall) return { kind: 'ok', ms: before };
  const candidates = new Set([before, after, wall - offset(wall, timeZone)]);
  const valid = [...candidates].filter((t) => t + offset(t, timeZone) === wall).sort((a, b) => a - b);
  if (valid.length === 0) return { kind: 'skipped' };
  return valid.length > 1 ? { kind: 'repeated', ms: valid[0]!, all: valid } : { kind: 'ok', ms: valid[0]! };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2024-03-10 02:30" for messages (the file's own wall time, unambiguous to any reader). */
export function wallText(date: Civil, seconds: number): string {
  const s = seconds % 60;
  return `${date.y}-${pad(date.m)}-${pad(date.d)} ${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}${s ? `:${pad(s)}` : ''}`;
}

export function durationText(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  return `${ms < 0 ? '−' : ''}${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}
