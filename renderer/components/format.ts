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
