const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const logTimeFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Wall-clock time in the user's locale, e.g. "09:05". */
export function clockTime(ms: number): string {
  return timeFormat.format(ms);
}

/** Date and time in the user's locale, e.g. "Wed, 25 Nov 2026, 09:05"; a dash for a missing or impossible time. */
export function dateTime(ms: number): string {
  return Number.isFinite(ms) ? dateTimeFormat.format(ms) : '—';
}

/** A short timestamp for log lines, with seconds: "25 Nov, 09:05:12". */
export function logTime(ms: number): string {
  return Number.isFinite(ms) ? logTimeFormat.format(ms) : '—';
}

/** "1 session", "3 sessions". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** File sizes in plain units: "812 bytes", "48 KB", "1.3 MB". */
export function fileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1000) return plural(bytes, 'byte');
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** A duration per the user's setting: "2:05" (h:mm) or "2.08 h" (decimal hours). */
export function formatDuration(ms: number, format: 'hm' | 'decimal' = 'hm'): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '−' : '';
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (format === 'decimal') return `${sign}${(minutes / 60).toFixed(2)} h`;
  return `${sign}${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

const clockFormats = {
  '24h': new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  '12h': new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }),
};

/** Time of day per the user's clock setting: "14:05" or "2:05 PM". */
export function formatTimeOfDay(ms: number, clock: '24h' | '12h' = '24h'): string {
  return Number.isFinite(ms) ? clockFormats[clock].format(ms) : '—';
}
