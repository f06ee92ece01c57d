/** Report ranges in local days ("YYYY-MM-DD", both ends inclusive): presets, and stepping to the previous/next one. */
export const PRESETS = [
  'today',
  'this-week',
  'last-week',
  'this-month',
  'last-month',
  'this-year',
  'last-year',
  'all',
  'custom',
] as const;
export type Preset = (typeof PRESETS)[number];
export const PRESET_LABELS: Record<Preset, string> = {
  today: 'Today',
  'this-week': 'This week',
  'last-week': 'Last week',
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-year': 'This year',
  'last-year': 'Last year',
  all: 'All time',
  custom: 'Custom',
};
export const ALL_TIME_FROM = '1970-01-02';

export interface DayRange {
  from: string;
  to: string;
}

const key = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const local = (k: string) => {
  const [y, m, d] = k.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};
const plusDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

export function presetRange(preset: Preset, now: number, weekStart: number): DayRange {
  const today = new Date(now);
  const day = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  const weekFirst = plusDays(day, -((day.getDay() - weekStart + 7) % 7));
  switch (preset) {
    case 'today':
    case 'custom':
      return { from: key(day), to: key(day) };
    case 'this-week':
      return { from: key(weekFirst), to: key(plusDays(weekFirst, 6)) };
    case 'last-week':
      return { from: key(plusDays(weekFirst, -7)), to: key(plusDays(weekFirst, -1)) };
    case 'this-month':
      return {
        from: key(new Date(day.getFullYear(), day.getMonth(), 1)),
        to: key(new Date(day.getFullYear(), day.getMonth() + 1, 0)),
      };
    case 'last-month':
      return {
        from: key(new Date(day.getFullYear(), day.getMonth() - 1, 1)),
        to: key(new Date(day.getFullYear(), day.getMonth(), 0)),
      };
    case 'this-year':
      return { from: `${day.getFullYear()}-01-01`, to: `${day.getFullYear()}-12-31` };
    case 'last-year':
      return { from: `${day.getFullYear() - 1}-01-01`, to: `${day.getFullYear() - 1}-12-31` };
    case 'all':
      return { from: ALL_TIME_FROM, to: key(day) };
  }
}

/** The same-sized range before (-1) or after (+1): whole months and years step as months and years. */
export function stepRange(r: DayRange, direction: -1 | 1): DayRange {
  const a = local(r.from);
  const b = local(r.to);
  const wholeMonths = a.getDate() === 1 && plusDays(b, 1).getDate() === 1;
  if (wholeMonths) {
    const months = (b.getFullYear() - a.getFullYear()) * 12 + b.getMonth() - a.getMonth() + 1;
    const from = new Date(a.getFullYear(), a.getMonth() + direction * months, 1);
    return { from: key(from), to: key(new Date(from.getFullYear(), from.getMonth() + months, 0)) };
  }
  const days = Math.round((b.getTime() - a.getTime()) / 86_400_000) + 1;
  return { from: key(plusDays(a, direction * days)), to: key(plusDays(b, direction * days)) };
}
