/** Local-day arithmetic in the user's time zone (DST-safe: uses the calendar, not 24h steps). */
export function startOfLocalDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export function addLocalDays(dayStart: number, days: number): number {
  const d = new Date(dayStart);
  d.setDate(d.getDate() + days);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** [start of today, start of tomorrow) for the given instant. */
export function localDayRange(ms: number): { from: number; to: number } {
  const from = startOfLocalDay(ms);
  return { from, to: addLocalDays(from, 1) };
}

/** "2026-11-25" for the local day containing ms. */
export function localDayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
