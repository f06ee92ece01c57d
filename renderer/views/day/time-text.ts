/**
 * Times and durations as a user types them in the Day view: "9", "9:30", "0930", "21:05", "2026-11-24 23:30";
 * durations "1:30", "1h30", "1h 30m", "90m", "1.5h", or a bare number of minutes.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "09:05", with the date in front when `ms` is not on the day starting at `dayStart`. */
export function timeText(ms: number, dayStart: number): string {
  const d = new Date(ms);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return dayKey(ms) === dayKey(dayStart) ? hm : `${dayKey(ms)} ${hm}`;
}

/** The instant a typed time names on the local day `dayStart` (or on the date typed); null when it names none. */
export function parseTimeText(text: string, dayStart: number): number | null {
  const m = /^\s*(?:(\d{4})-(\d{1,2})-(\d{1,2})[ T]+)?(\d{1,2})(?::?(\d{2}))?\s*(am|pm)?\s*$/i.exec(text);
  if (!m) return null;
  let hours = Number(m[4]);
  const minutes = m[5] === undefined ? 0 : Number(m[5]);
  const meridiem = m[6]?.toLowerCase();
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  const d = new Date(dayStart);
  if (m[1]) d.setFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  d.setHours(hours, minutes, 0, 0);
  return Number.isFinite(d.getTime()) ? d.getTime() : null;
}

/** "1:30" (h:mm), or "1:30:15" when there are seconds. */
export function durationText(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return s ? `${h}:${pad(m)}:${pad(s)}` : `${h}:${pad(m)}`;
}

/** Milliseconds of a typed duration; null when the text is not one. */
export function parseDurationText(text: string): number | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d+):(\d{1,2})(?::(\d{1,2}))?$/.exec(t);
  if (m) {
    if (Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return null;
    return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000;
  }
  m = /^(?:(\d+(?:[.,]\d+)?)\s*h)?\s*(?:(\d+)\s*m?)?$/.exec(t);
  if (m && (m[1] !== undefined || m[2] !== undefined)) {
    const hours = m[1] === undefined ? 0 : Number(m[1].replace(',', '.'));
    return Math.round((hours * 60 + Number(m[2] ?? 0)) * 60_000);
  }
  return null;
}
