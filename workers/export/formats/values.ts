import { offsetAt } from '../../../shared/quick-entry/zoned.ts';

/**
 * How every format spells a time, a duration and an amount. Pure (Intl only), so the formats run in the export
 * worker and in Node alike; the zone is always the context's, never the process's.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM:SS, 24-hour */
  time: string;
  y: number;
  m: number;
  d: number;
  hour: number;
  minute: number;
  second: number;
  /** the zone's UTC offset then, ms */
  offsetMs: number;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Per zone: the last span [from, to] known to share one offset (exports ask in time order). */
interface ZoneSpan {
  from: number;
  to: number;
  offset: number;
}
const zoneSpans = new Map<string, ZoneSpan>();
const SPAN_DAYS = 31;

/**
 * The zone's UTC offset at ms. Intl is ~10 µs a call, far too slow for 250k rows × 4 times, so each answer is kept
 * with the span it holds for: stepping a day at a time while the offset a day later is the same (no zone changes
 * twice within a day), up to a month ahead. In time order most calls are two comparisons, and 250k sessions over
 * twelve years ask Intl ~10k times instead of a million.
 */
export function zoneOffset(ms: number, timeZone: string): number {
  const span = zoneSpans.get(timeZone);
  if (span && ms >= span.from && ms <= span.to) return span.offset;
  const offset = offsetAt(ms, timeZone);
  let to = ms;
  while (to - ms < SPAN_DAYS * DAY && offsetAt(to + DAY, timeZone) === offset) to += DAY;
  zoneSpans.set(timeZone, { from: ms, to, offset });
  return offset;
}

/** '00'…'59': clock fields without padStart per call */
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

interface CivilDay {
  y: number;
  m: number;
  d: number;
  date: string;
}
/** day number (since 1970-01-01) → its civil date; an export's days repeat ~70 times each */
const days = new Map<number, CivilDay>();
function civilDay(day: number): CivilDay {
  let c = days.get(day);
  if (!c) {
    const t = new Date(day * DAY);
    const y = t.getUTCFullYear(),
      m = t.getUTCMonth() + 1,
      d = t.getUTCDate();
    c = { y, m, d, date: `${pad(y, 4)}-${TWO[m]}-${TWO[d]}` };
    if (days.size > 100_000) days.clear();
    days.set(day, c);
  }
  return c;
}

export function localTime(ms: number, timeZone: string): LocalTime {
  const offsetMs = zoneOffset(ms, timeZone);
  const wall = ms + offsetMs;
  const day = Math.floor(wall / DAY);
  const c = civilDay(day);
  const secondOfDay = Math.floor((wall - day * DAY) / 1000);
  const hour = Math.floor(secondOfDay / 3600),
    minute = Math.floor(secondOfDay / 60) % 60,
    second = secondOfDay % 60;
  return {
    y: c.y,
    m: c.m,
    d: c.d,
    hour,
    minute,
    second,
    offsetMs,
    date: c.date,
    time: `${TWO[hour]}:${TWO[minute]}:${TWO[second]}`,
  };
}

/** ISO 8601 with the zone's offset, e.g. 2026-03-08T03:30:00-04:00 (a reader gets the instant and the wall time). */
export function isoLocal(ms: number, timeZone: string): string {
  return isoOf(localTime(ms, timeZone));
}

export function isoOf(t: LocalTime): string {
  return `${t.date}T${t.time}${offsetText(t.offsetMs)}`;
}

const offsetTexts = new Map<number, string>();
function offsetText(offsetMs: number): string {
  let text = offsetTexts.get(offsetMs);
  if (text === undefined) {
    const offsetMin = Math.round(offsetMs / 60_000);
    const abs = Math.abs(offsetMin);
    text = `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    offsetTexts.set(offsetMs, text);
  }
  return text;
}

/** The wall time as if it were UTC: what spreadsheets (which have no zones) should show. */
export function wallClockMs(ms: number, timeZone: string): number {
  return ms + zoneOffset(ms, timeZone);
}

/** 12-hour clock as Clockify writes it: 09:05:00 AM. */
export function clock12(t: LocalTime): string {
  const h = t.hour % 12 === 0 ? 12 : t.hour % 12;
  return `${pad(h)}:${pad(t.minute)}:${pad(t.second)} ${t.hour < 12 ? 'AM' : 'PM'}`;
}

/** H:MM:SS (hours may exceed 24), whole seconds. */
export function hms(ms: number): string {
  const s = Math.round(Math.max(0, ms) / 1000);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** h:mm, minutes rounded to nearest. */
export function hm(ms: number): string {
  const minutes = Math.round(Math.max(0, ms) / 60_000);
  return `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;
}

/** Decimal hours with `places` places (a '.' point; callers swap it for a locale's comma). */
export function decimalHours(ms: number, places = 2): string {
  return (Math.max(0, ms) / 3_600_000).toFixed(places);
}

/** An amount to cents, as text with a '.' point. */
export function money(amount: number): string {
  return (Math.round(amount * 100) / 100).toFixed(2);
}

/** "Website / Design", or '' without a project. */
export function projectLabel(path: readonly string[]): string {
  return path.join(' / ');
}

export const utf8 = new TextEncoder();

/** A clock time for documents people read: 14:05 or 2:05 PM, as the user's clock setting says. */
export function clockText(t: LocalTime, hour12: boolean): string {
  if (!hour12) return `${pad(t.hour)}:${pad(t.minute)}`;
  const h = t.hour % 12 === 0 ? 12 : t.hour % 12;
  return `${h}:${pad(t.minute)} ${t.hour < 12 ? 'AM' : 'PM'}`;
}

/** "260.00 USD" or "" when there is no amount. */
export function moneyText(amount: number | null, currency: string | null): string {
  return amount === null ? '' : `${money(amount)}${currency ? ` ${currency}` : ''}`;
}
