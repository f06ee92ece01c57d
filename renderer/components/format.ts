const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Wall-clock time in the user's locale, e.g. "09:05". */
export function clockTime(ms: number): string {
  return timeFormat.format(ms);
}
