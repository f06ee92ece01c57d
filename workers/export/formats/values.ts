import { offsetAt, zonedParts } from '../../../shared/quick-entry/zoned.ts';

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
}

export function localTime(ms: number, timeZone: string): LocalTime {
  const p = zonedParts(ms, timeZone);
  return { ...p, date: `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`, time: `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` };
}

/** ISO 8601 with the zone's offset, e.g. 2026-03-08T03:30:00-04:00 (a reader gets the instant and the wall time). */
export function isoLocal(ms: number, timeZone: string): string {
  const t = localTime(ms, timeZone);
  const offsetMin = Math.round(offsetAt(ms, timeZone) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${t.date}T${t.time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The wall time as if it were UTC: what spreadsheets (which have no zones) should show. */
export function wallClockMs(ms: number, timeZone: string): number {
  return ms + offsetAt(ms, timeZone);
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
