import type { DayRange } from '../../../shared/report-range.ts';
import type { ReportSeries } from '../../../shared/reports.ts';

/** Weekday names, Sunday first, in the user's language. */
export const WEEKDAYS = Array.from({ length: 7 }, (_, i) =>
  new Intl.DateTimeFormat(undefined, { weekday: 'short' }).format(new Date(2026, 0, 4 + i)),
);

export function money(a: { currency: string; amount: number }): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: a.currency }).format(a.amount);
  } catch {
    return `${a.amount.toFixed(2)} ${a.currency}`;
  }
}

/** A local day key (YYYY-MM-DD) or month (YYYY-MM) as a local Date at midnight. */
export function dayOf(key: string): Date {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number?];
  return new Date(y, m - 1, d ?? 1);
}

const keyOf = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dateFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const shortFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const monthFmt = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });

/** "Tue, 3 Nov", "Week of 2 Nov 2026", "Nov 2026". */
export function bucketLabel(key: string, unit: ReportSeries['unit']): string {
  if (unit === 'month') return monthFmt.format(dayOf(key));
  if (unit === 'week') return `Week of ${dateFmt.format(dayOf(key))}`;
  return dayFmt.format(dayOf(key));
}

/** A short axis label: "3 Nov", "Nov 2026". */
export function axisLabel(key: string, unit: ReportSeries['unit']): string {
  return unit === 'month' ? monthFmt.format(dayOf(key)) : shortFmt.format(dayOf(key));
}

/** A date as the user reads it: "3 Nov 2026". */
export function dateLabel(key: string): string {
  return dateFmt.format(dayOf(key));
}

/** "3 Nov 2026 – 9 Nov 2026", or one date when both ends are the same day. */
export function rangeLabel(r: DayRange): string {
  return r.from === r.to ? dateLabel(r.from) : `${dateLabel(r.from)} – ${dateLabel(r.to)}`;
}

/** The days a bar stands for: its day, its week (7 days) or its month. */
export function bucketRange(key: string, unit: ReportSeries['unit']): DayRange {
  const a = dayOf(key);
  if (unit === 'day') return { from: keyOf(a), to: keyOf(a) };
  const b =
    unit === 'week'
      ? new Date(a.getFullYear(), a.getMonth(), a.getDate() + 6)
      : new Date(a.getFullYear(), a.getMonth() + 1, 0);
  return { from: keyOf(a), to: keyOf(b) };
}

/** A tick step in hours giving about `count` ticks up to `maxMs`. */
export function hourTicks(maxMs: number, count = 4): number[] {
  const hours = maxMs / 3_600_000;
  const step =
    [0.25, 0.5, 1, 2, 4, 6, 8, 12, 24, 48, 100, 200, 500, 1000, 2000, 5000].find((s) => hours / s <= count) ?? 10_000;
  const ticks: number[] = [];
  for (let h = step; h <= hours + 1e-9; h += step) ticks.push(h * 3_600_000);
  return ticks;
}

/** A percentage with its sign: "+12%", "−8%". */
export function signedPct(pct: number): string {
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(Math.round(pct))}%`;
}
