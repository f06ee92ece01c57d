import type { QuickEntryToken, QuickEntryTokenKind } from './types.ts';
import {
  markerName,
  parseClock,
  parseClockDuration,
  parseCommand,
  parseDay,
  parseDuration,
  splitWords,
  unescape,
  type Clock,
  type Command,
  type DayWord,
  type Word,
} from './words.ts';

/** Where a fact was written, for highlighting and for problems that point at it. */
interface Span {
  from: number;
  to: number;
  text: string;
}

/** What the words of a line say, before any of it is resolved against the clock or the project list. */
export interface Scan {
  tokens: QuickEntryToken[];
  nameWords: string[];
  command: Command | null;
  projects: (Span & { name: string; quoted: boolean })[];
  tags: (Span & { name: string; quoted: boolean })[];
  billable: boolean;
  /** closed (end set) or open (end null) ranges */
  ranges: (Span & { start: Clock; end: Clock | null })[];
  /** `from 14:00`, `at 9:30`, a lone `9:30` */
  starts: (Span & { clock: Clock })[];
  agos: (Span & { ms: number })[];
  durations: (Span & { ms: number })[];
  days: (Span & { day: DayWord })[];
}

const DASH = /^[-–]$/;

export function scan(text: string): Scan {
  const words = splitWords(text);
  const s: Scan = {
    tokens: [],
    nameWords: [],
    command: null,
    projects: [],
    tags: [],
    billable: false,
    ranges: [],
    starts: [],
    agos: [],
    durations: [],
    days: [],
  };
  const span = (first: Word, last: Word): Span => ({
    from: first.from,
    to: last.to,
    text: text.slice(first.from, last.to),
  });
  const mark = (kind: QuickEntryTokenKind, sp: Span) => s.tokens.push({ kind, from: sp.from, to: sp.to });

  if (words.length === 1) {
    const command = parseCommand(words[0]!.text);
    if (command) {
      s.command = command;
      mark('command', span(words[0]!, words[0]!));
      return s;
    }
  }

  /** A clock phrase starting at word i: a range (one to three words), an open range, or a lone time. */
  const clockPhrase = (
    i: number,
  ): { used: number; range?: { start: Clock; end: Clock | null }; clock?: Clock } | null => {
    const w = words[i]?.text;
    if (w === undefined) return null;
    const next = words[i + 1]?.text;
    const joined = /^([^-–]+)[-–]([^-–]*)$/.exec(w);
    if (joined) {
      const start = parseClock(joined[1]!, true);
      if (!start) return null;
      if (joined[2]) {
        const end = parseClock(joined[2], true);
        return end ? { used: 1, range: { start, end } } : null;
      }
      const end = next === undefined ? null : parseClock(next, true);
      if (end) return { used: 2, range: { start, end } };
      return start.bare ? null : { used: 1, range: { start, end: null } };
    }
    const start = parseClock(w, true);
    if (!start) return null;
    if (next !== undefined && DASH.test(next)) {
      const after = words[i + 2]?.text;
      const end = after === undefined ? null : parseClock(after, true);
      if (end) return { used: 3, range: { start, end } };
      return start.bare ? null : { used: 2, range: { start, end: null } };
    }
    const dashed = next === undefined ? null : /^[-–](.+)$/.exec(next);
    const end = dashed ? parseClock(dashed[1]!, true) : null;
    if (end) return { used: 2, range: { start, end } };
    return start.bare ? null : { used: 1, clock: start };
  };

  /** Consecutive durations ("1h 30m") add up; returns the total and how many words it took. */
  const durationRun = (i: number): { ms: number; used: number } | null => {
    let ms = 0;
    let used = 0;
    for (let d; i + used < words.length && (d = parseDuration(words[i + used]!.text)) !== null; used++) ms += d;
    return used ? { ms, used } : null;
  };

  for (let i = 0; i < words.length;) {
    const w = words[i]!;
    const lower = w.text.toLowerCase();
    const at = (used: number) => span(w, words[i + used - 1]!);

    if (w.text === '$') {
      s.billable = true;
      mark('billable', at(1));
      i += 1;
      continue;
    }
    if (w.text[0] === '@' || w.text[0] === '#') {
      const named = markerName(w.text);
      if (named) {
        const sp = at(1);
        (w.text[0] === '@' ? s.projects : s.tags).push({ ...sp, ...named });
        mark(w.text[0] === '@' ? 'project' : 'tag', sp);
        i += 1;
        continue;
      }
    }
    // `from 14:00`, `since 9am`, `at 9:30`, `from 9-11`
    if (lower === 'from' || lower === 'since' || lower === 'at') {
      const phrase = clockPhrase(i + 1);
      if (phrase) {
        const sp = at(phrase.used + 1);
        if (phrase.range) s.ranges.push({ ...sp, ...phrase.range });
        else s.starts.push({ ...sp, clock: phrase.clock! });
        mark('time', sp);
        i += phrase.used + 1;
        continue;
      }
    }
    if (lower === 'for') {
      const run = durationRun(i + 1);
      const clock = run ? null : parseClockDuration(words[i + 1]?.text ?? '');
      if (run || clock !== null) {
        const used = run ? run.used + 1 : 2;
        const sp = at(used);
        s.durations.push({ ...sp, ms: run ? run.ms : clock! });
        mark('duration', sp);
        i += used;
        continue;
      }
    }
    if (lower === 'on' && words[i + 1] && parseDay(words[i + 1]!.text)) {
      const sp = at(2);
      s.days.push({ ...sp, day: parseDay(words[i + 1]!.text)! });
      mark('day', sp);
      i += 2;
      continue;
    }
    const ago = w.text[0] === '-' ? parseDuration(w.text.slice(1)) : null;
    if (ago !== null) {
      const sp = at(1);
      s.agos.push({ ...sp, ms: ago });
      mark('time', sp);
      i += 1;
      continue;
    }
    const run = durationRun(i);
    if (run) {
      const isAgo = words[i + run.used]?.text.toLowerCase() === 'ago';
      const used = run.used + (isAgo ? 1 : 0);
      const sp = at(used);
      (isAgo ? s.agos : s.durations).push({ ...sp, ms: run.ms });
      mark(isAgo ? 'time' : 'duration', sp);
      i += used;
      continue;
    }
    const phrase = clockPhrase(i);
    if (phrase) {
      const sp = at(phrase.used);
      if (phrase.range) s.ranges.push({ ...sp, ...phrase.range });
      else s.starts.push({ ...sp, clock: phrase.clock! });
      mark('time', sp);
      i += phrase.used;
      continue;
    }
    const day = parseDay(w.text);
    if (day) {
      const sp = at(1);
      s.days.push({ ...sp, day });
      mark('day', sp);
      i += 1;
      continue;
    }
    s.nameWords.push(unescape(w.text));
    i += 1;
  }
  return s;
}
