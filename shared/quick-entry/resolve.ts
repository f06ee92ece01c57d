import type { Scan } from './grammar.ts';
import { resolveName, type NameRef } from './names.ts';
import type { QuickEntryContext, QuickEntryProblem, QuickEntryResult } from './types.ts';
import type { Clock, DayWord } from './words.ts';
import { addDays, civilDateOf, dayBounds, safeTimeZone, weekday, zonedToEpoch, type CivilDate } from './zoned.ts';

/** MAX_SESSION_MS of session.ts (ten years), repeated: importing it would pull the schemas into the quick-entry page */
const MAX_SESSION_MS = 10 * 366 * 86_400_000;
const MAX_NAME = 500;
const MAX_PROJECT_NAME = 120;
const MAX_TAG_NAME = 60;
const MAX_TAGS = 50;

type Span = { from: number; to: number; text: string };

/** Turns what the words said into an entry: names resolved, times placed on the calendar, problems found. */
export function resolveScan(s: Scan, text: string, context: QuickEntryContext): QuickEntryResult {
  const problems: QuickEntryProblem[] = [];
  const problem = (message: string, sp: { from: number; to: number }) =>
    problems.push({ message, from: sp.from, to: sp.to });
  // Intl refuses instants beyond ±8.64e15; a nonsense clock falls back to the real one.
  const now = Number.isFinite(context.now) && Math.abs(context.now) < 8e15 ? context.now : Date.now();
  const base = {
    name: '',
    project: null,
    tags: [],
    billable: s.billable,
    tokens: s.tokens,
    problems,
  };
  if (s.command) return { ...base, kind: 'command', start: null, end: null, command: s.command };

  const name = s.nameWords.join(' ');
  if (name.length > MAX_NAME)
    problem(`The name is ${name.length} characters long; at most ${MAX_NAME} fit.`, { from: 0, to: text.length });
  const nul = text.indexOf('\0');
  if (nul !== -1) problem('The line contains a NUL character, which cannot be saved.', { from: nul, to: nul + 1 });

  let project: NameRef | null = null;
  s.projects.forEach((p, i) => {
    if (i > 0) return problem(`One project per entry: ‘${p.text}’ is a second one.`, p);
    if (p.name.length > MAX_PROJECT_NAME)
      return problem(`A project name has at most ${MAX_PROJECT_NAME} characters.`, p);
    if (p.name.includes('\0')) return;
    project = resolveName(p.name, context.projects ?? [], p.quoted);
  });
  const tags: NameRef[] = [];
  const seen = new Set<string>();
  for (const t of s.tags) {
    if (t.name.length > MAX_TAG_NAME) {
      problem(`A tag name has at most ${MAX_TAG_NAME} characters.`, t);
      continue;
    }
    const ref = resolveName(t.name, context.tags ?? [], t.quoted);
    const key = 'id' in ref ? `id:${ref.id}` : `new:${ref.newName.toLowerCase()}`;
    if (!seen.has(key)) {
      seen.add(key);
      tags.push(ref);
    }
  }
  if (tags.length > MAX_TAGS) problem(`At most ${MAX_TAGS} tags per entry.`, s.tags[MAX_TAGS]!);

  const when = placeInTime(s, context, now, problem);
  if (!text.trim()) problem('Type what you are working on.', { from: 0, to: text.length });
  const kind = problems.length ? 'invalid' : when.kind;
  return { ...base, kind, name, project, tags, start: when.start ?? now, end: when.end, command: null };
}

function placeInTime(
  s: Scan,
  context: QuickEntryContext,
  now: number,
  problem: (message: string, sp: { from: number; to: number }) => void,
): { kind: 'start' | 'log'; start: number | null; end: number | null } {
  const zone = safeTimeZone(context.timeZone);
  const today = civilDateOf(now, zone);
  const at = (date: CivilDate, minutes: number) => zonedToEpoch(date, minutes, zone);

  for (const extra of s.days.slice(1)) problem(`One day per entry: ‘${extra.text}’ is a second one.`, extra);
  const dayFact = s.days[0];
  let day = today;
  if (dayFact) {
    const resolved = dayOf(dayFact.day, today);
    if (resolved) day = resolved;
    else problem(`‘${dayFact.text}’ is not a date.`, dayFact);
  }

  const starts: (Span & { kind: 'range' | 'start' | 'ago' })[] = [
    ...s.ranges.map((r) => ({ ...r, kind: 'range' as const })),
    ...s.starts.map((r) => ({ ...r, kind: 'start' as const })),
    ...s.agos.map((r) => ({ ...r, kind: 'ago' as const })),
  ].sort((a, b) => a.from - b.from);
  for (const extra of starts.slice(1)) problem(`‘${extra.text}’ is a second time; give one.`, extra);
  for (const extra of s.durations.slice(1)) problem(`‘${extra.text}’ is a second duration; give one.`, extra);
  const duration = s.durations[0];
  if (duration && duration.ms <= 0) problem(`‘${duration.text}’ has no length.`, duration);
  if (duration && duration.ms > MAX_SESSION_MS) problem(`‘${duration.text}’ is longer than ten years.`, duration);
  const first = starts[0];
  const range = first?.kind === 'range' ? s.ranges.find((r) => r.from === first.from)! : null;
  const future = (sp: Span, what: string) => problem(`${what} ‘${sp.text}’ is in the future.`, sp);

  if (range && range.end) {
    if (duration) problem(`The range ‘${range.text}’ already says how long; drop ‘${duration.text}’.`, duration);
    const [startMin, endMin] = rangeMinutes(range.start, range.end);
    if (startMin === endMin) {
      problem(`The range ‘${range.text}’ has no length.`, range);
      return { kind: 'log', start: at(day, startMin), end: at(day, startMin) };
    }
    const crosses = endMin < startMin;
    let startDay = day;
    // "23:00-1:00" typed at 2 am without a day means last night
    if (!dayFact && crosses && at(addDays(day, 1), endMin) > now) startDay = addDays(day, -1);
    const start = at(startDay, startMin);
    const end = at(crosses ? addDays(startDay, 1) : startDay, endMin);
    if (end > now)
      problem(
        `‘${range.text}’ ends in the future.`,
        dayFact ? { from: Math.min(dayFact.from, range.from), to: Math.max(dayFact.to, range.to) } : range,
      );
    return { kind: 'log', start, end };
  }
  if (first && (first.kind === 'start' || first.kind === 'range')) {
    const clock = first.kind === 'range' ? range!.start : s.starts.find((r) => r.from === first.from)!.clock;
    const start = at(day, clock.minutes);
    if (duration) {
      const end = start + duration.ms;
      if (end > now)
        problem(`Starting at ‘${first.text}’, ‘${duration.text}’ ends in the future.`, {
          from: Math.min(first.from, duration.from),
          to: Math.max(first.to, duration.to),
        });
      return { kind: 'log', start, end };
    }
    if (start > now) future(first, 'The start');
    return { kind: 'start', start, end: null };
  }
  if (first && first.kind === 'ago') {
    if (dayFact) problem(`‘${first.text}’ already says when; drop ‘${dayFact.text}’.`, dayFact);
    const start = now - s.agos.find((r) => r.from === first.from)!.ms;
    if (duration) {
      const end = start + duration.ms;
      if (end > now) problem(`Started ‘${first.text}’, ‘${duration.text}’ ends in the future.`, duration);
      return { kind: 'log', start, end };
    }
    return { kind: 'start', start, end: null };
  }
  if (duration) {
    if (!dayFact) return { kind: 'log', start: now - duration.ms, end: now };
    const start = lastEndOn(day, context, zone) ?? at(day, workdayMinutes(context.workdayStart));
    const end = start + duration.ms;
    if (end > now)
      problem(`‘${duration.text}’ on ${dayFact.text} ends in the future.`, {
        from: Math.min(dayFact.from, duration.from),
        to: Math.max(dayFact.to, duration.to),
      });
    return { kind: 'log', start, end };
  }
  if (dayFact) {
    problem(`‘${dayFact.text}’ needs a time: a range like 9-10:30 or a duration like 2h.`, dayFact);
    return { kind: 'log', start: at(day, workdayMinutes(context.workdayStart)), end: null };
  }
  return { kind: 'start', start: now, end: null };
}

/** Minutes past midnight of both ends; "9-11am" and "11-1pm" borrow the end's am/pm, and "9-5" means 9 to 17. */
function rangeMinutes(start: Clock, end: Clock): [number, number] {
  let s = start.minutes;
  let e = end.minutes;
  const startHour = Math.floor(s / 60);
  if (start.meridiem === null && end.meridiem !== null && startHour >= 1 && startHour <= 12) {
    const base = (startHour % 12) * 60 + (s % 60);
    const same = base + (end.meridiem === 'pm' ? 720 : 0);
    const other = base + (end.meridiem === 'pm' ? 0 : 720);
    s = same <= e ? same : other;
  } else if (start.bare && end.bare && e < s && startHour <= 11 && e < 720) {
    e += 720;
  }
  return [s, e];
}

function dayOf(day: DayWord, today: CivilDate): CivilDate | null {
  if (day.kind === 'offset') return addDays(today, day.days);
  if (day.kind === 'weekday') return addDays(today, -((weekday(today) - day.weekday + 7) % 7));
  return day.valid ? { y: day.y, m: day.m, d: day.d } : null;
}

function workdayMinutes(value: string | undefined): number {
  const m = typeof value === 'string' ? /^(\d{1,2}):(\d{2})$/.exec(value) : null;
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return 9 * 60;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The end of the last finished session that started on `day`, if the context lists one. */
function lastEndOn(day: CivilDate, context: QuickEntryContext, zone: string): number | null {
  if (!Array.isArray(context.sessions) || context.sessions.length === 0) return null;
  const { from, to } = dayBounds(day, zone);
  let last: number | null = null;
  for (const session of context.sessions) {
    if (session.startTime >= from && session.startTime < to && session.endTime !== null) {
      if (last === null || session.endTime > last) last = session.endTime;
    }
  }
  return last;
}
