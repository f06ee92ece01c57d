/** Splitting a line into words and recognising what a single word can mean (a clock time, a duration, a day). */

export interface Word {
  text: string;
  from: number;
  to: number;
}

const isSpace = (c: string) => /\s/.test(c);

/**
 * Words separated by white space; `@"…"` and `#"…"` run to their closing quote (or to the end while still typed),
 * so a quoted name keeps its spaces.
 */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text[i]!)) i++;
    if (i >= n) break;
    const from = i;
    if ((text[i] === '@' || text[i] === '#') && text[i + 1] === '"') {
      const close = text.indexOf('"', i + 2);
      i = close === -1 ? n : close + 1;
    }
    while (i < n && !isSpace(text[i]!)) i++;
    words.push({ text: text.slice(from, i), from, to: i });
  }
  return words;
}

/** A time of day as written: minutes past midnight, whether it said am/pm, and whether it was a bare hour ("9"). */
export interface Clock {
  minutes: number;
  meridiem: 'am' | 'pm' | null;
  bare: boolean;
}

export function parseClock(s: string, allowBare: boolean): Clock | null {
  let m = /^(\d{1,2}):(\d{2})$/.exec(s);
  if (m) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    return h <= 23 && min <= 59 ? { minutes: h * 60 + min, meridiem: null, bare: false } : null;
  }
  m = /^(\d{1,2})(?::(\d{2}))?(am|pm)$/i.exec(s);
  if (m) {
    const h = Number(m[1]);
    const min = m[2] === undefined ? 0 : Number(m[2]);
    if (h < 1 || h > 12 || min > 59) return null;
    const meridiem = m[3]!.toLowerCase() as 'am' | 'pm';
    return { minutes: ((h % 12) + (meridiem === 'pm' ? 12 : 0)) * 60 + min, meridiem, bare: false };
  }
  if (allowBare) {
    m = /^(\d{1,2})$/.exec(s);
    if (m && Number(m[1]) <= 23) return { minutes: Number(m[1]) * 60, meridiem: null, bare: true };
  }
  return null;
}

/** "2h", "45m", "1h30", "1h30m", "1.5h", "90min" → ms; a bare number is never a duration. */
export function parseDuration(s: string): number | null {
  let m = /^(\d{1,7}(?:[.,]\d{1,4})?)(?:h|hr|hrs|hour|hours)(?:(\d{1,2})(?:m|min|mins)?)?$/i.exec(s);
  if (m) {
    const hours = Number(m[1]!.replace(',', '.'));
    if (m[2] !== undefined && (!Number.isInteger(hours) || Number(m[2]) > 59)) return null;
    return Math.round((hours * 60 + Number(m[2] ?? 0)) * 60_000);
  }
  m = /^(\d{1,9}(?:[.,]\d{1,4})?)(?:m|min|mins|minute|minutes)$/i.exec(s);
  if (m) return Math.round(Number(m[1]!.replace(',', '.')) * 60_000);
  return null;
}

/** "1:30" after `for`: hours and minutes. */
export function parseClockDuration(s: string): number | null {
  const m = /^(\d{1,5}):(\d{2})$/.exec(s);
  if (!m || Number(m[2]) > 59) return null;
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

const WEEKDAYS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};

export type DayWord =
  | { kind: 'offset'; days: number }
  | { kind: 'weekday'; weekday: number }
  | { kind: 'date'; y: number; m: number; d: number; valid: boolean };

export function parseDay(s: string): DayWord | null {
  const lower = s.toLowerCase();
  if (lower === 'today') return { kind: 'offset', days: 0 };
  if (lower === 'yesterday') return { kind: 'offset', days: -1 };
  const wd = Object.hasOwn(WEEKDAYS, lower) ? WEEKDAYS[lower] : undefined;
  if (wd !== undefined) return { kind: 'weekday', weekday: wd };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const t = new Date(Date.UTC(y, mo - 1, d));
    const valid = t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && y >= 1970;
    return { kind: 'date', y, m: mo, d, valid };
  }
  return null;
}

export const COMMANDS = ['stop', 'pause', 'resume', 'continue'] as const;
export type Command = (typeof COMMANDS)[number];

export function parseCommand(s: string): Command | null {
  const word = s.toLowerCase().replace(/^\//, '');
  return (COMMANDS as readonly string[]).includes(word) ? (word as Command) : null;
}

/** A marker word's name: `@"two words"` → "two words", `@name` → "name"; null for a lone marker. */
export function markerName(word: string): { name: string; quoted: boolean } | null {
  if (word.length < 2) return null;
  if (word[1] === '"') {
    const close = word.indexOf('"', 2);
    // only a quote that ends the word closes it; `@"a b` while typing takes the rest of the line
    if (close !== -1 && close !== word.length - 1) return null;
    const name = word
      .slice(2, close === -1 ? undefined : close)
      .replace(/\s+/g, ' ')
      .trim();
    return name ? { name, quoted: true } : null;
  }
  return { name: word.slice(1), quoted: false };
}

/** `\@`, `\#`, `\$` keep the character. */
export function unescape(word: string): string {
  return word.replace(/\\([@#$])/g, '$1');
}
