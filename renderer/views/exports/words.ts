/** "1.2 MB", "830 KB", "12 bytes" */
export function bytesText(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "about 12 s left", "about 3 min left", "almost done" */
export function leftText(ms: number | null): string {
  if (ms === null) return 'working out the time left…';
  if (ms < 1_000) return 'almost done';
  if (ms < 60_000) return `about ${Math.ceil(ms / 1_000)} s left`;
  return `about ${Math.ceil(ms / 60_000)} min left`;
}

/** "12 h 30 min" for a preview's totals */
export function hoursText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h.toLocaleString()} h ${minutes % 60} min` : `${minutes} min`;
}
