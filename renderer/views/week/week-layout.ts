import { addLocalDays, localDayKey, startOfLocalDay } from '../../../shared/day.ts';
import { endOf } from '../../../shared/session-math.ts';
import type { Session } from '../../../shared/session.ts';
import { workedMsWithin } from '../../../shared/worked-time.ts';

/**
 * The week grid's arithmetic, pure and DOM-free: which days a week holds, where a session sits in them (wall-clock
 * minutes, so hour lines line up on 23- and 25-hour days), lanes for overlapping blocks, untracked gaps and totals.
 */

export const DAY_MINUTES = 24 * 60;
export const SNAP_MINUTES = 5;

export interface WeekDay {
  /** 0..6, in display order */
  index: number;
  /** local midnight and the next one (23 or 25 hours apart on DST days) */
  from: number;
  to: number;
  /** YYYY-MM-DD */
  key: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

/** Local midnight of the first day of the week holding `ms`; `weekStartsOn` 0 = Sunday, 1 = Monday … */
export function weekStartOf(ms: number, weekStartsOn = 1): number {
  const day = startOfLocalDay(ms);
  const back = (new Date(day).getDay() - weekStartsOn + 7) % 7;
  return addLocalDays(day, -back);
}

export function weekDays(weekStart: number, count = 7): WeekDay[] {
  return Array.from({ length: count }, (_, index) => {
    const from = addLocalDays(weekStart, index);
    return { index, from, to: addLocalDays(from, 1), key: localDayKey(from), weekday: new Date(from).getDay() };
  });
}

/** Wall-clock minutes since midnight of an instant inside the day; the day's end is 1440. */
export function minuteOfDay(ms: number, day: Pick<WeekDay, 'from' | 'to'>): number {
  if (ms <= day.from) return 0;
  if (ms >= day.to) return DAY_MINUTES;
  const d = new Date(ms);
  return d.getHours() * 60 + d.getMinutes() + d.getSeconds() / 60 + d.getMilliseconds() / 60_000;
}

/** The instant at a wall-clock minute of a day; minutes past 1440 run into the next days (the calendar decides). */
export function atMinute(dayFrom: number, minutes: number): number {
  const d = new Date(dayFrom);
  d.setHours(0, Math.round(minutes), 0, 0);
  return d.getTime();
}

export function snap(minutes: number, step = SNAP_MINUTES): number {
  return Math.round(minutes / step) * step;
}

export interface Band {
  top: number;
  bottom: number;
}

/** One session's piece inside one day. */
export interface Segment extends Band {
  session: Session;
  day: number;
  /** the session starts (ends) inside this day, so this piece carries that edge */
  isStart: boolean;
  isEnd: boolean;
  running: boolean;
  lane: number;
  lanes: number;
  /** pauses inside this piece, in the day's minutes (the open pause of a paused timer included) */
  pauses: Band[];
}

function pausesOf(a: Session, now: number): Array<{ start: number; end: number }> {
  const closed = a.pauses.map((p) => ({ start: p.start, end: p.end }));
  if (a.pauseStartedAt !== null) closed.push({ start: a.pauseStartedAt, end: endOf(a, now) });
  return closed;
}

/** Each day's pieces, in lanes so overlapping sessions sit side by side. */
export function layoutWeek(sessions: readonly Session[], days: readonly WeekDay[], now: number): Segment[][] {
  return days.map((day) => {
    const pieces: Segment[] = [];
    for (const session of sessions) {
      const end = endOf(session, now);
      // a zero-length session still shows on the day it sits in
      const inDay = session.startTime < day.to && (end > day.from || (end === session.startTime && end >= day.from));
      if (!inDay) continue;
      const top = minuteOfDay(session.startTime, day);
      const bottom = Math.max(top, minuteOfDay(end, day));
      const pauses: Band[] = [];
      for (const p of pausesOf(session, now)) {
        const pTop = minuteOfDay(Math.max(p.start, session.startTime), day);
        const pBottom = minuteOfDay(Math.min(p.end, end), day);
        if (pBottom > pTop) pauses.push({ top: pTop, bottom: pBottom });
      }
      pieces.push({
        session,
        day: day.index,
        top,
        bottom,
        pauses,
        isStart: session.startTime >= day.from,
        isEnd: end <= day.to && session.endTime !== null,
        running: session.endTime === null,
        lane: 0,
        lanes: 1,
      });
    }
    pieces.sort((a, b) => a.top - b.top || b.bottom - a.bottom || a.session.id.localeCompare(b.session.id));
    assignLanes(pieces);
    return pieces;
  });
}

/**
 * The new layout, with each day that came out the same as before given back as the same array: the grid redraws
 * only the days whose blocks changed (a drag moves one block, the minute tick grows one).
 */
export function keepUnchangedDays(previous: readonly Segment[][] | null, next: Segment[][]): Segment[][] {
  if (!previous || previous.length !== next.length) return next;
  return next.map((day, i) => (sameDay(previous[i]!, day) ? previous[i]! : day));
}

function sameDay(a: readonly Segment[], b: readonly Segment[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return (
        p.session === q.session &&
        p.day === q.day &&
        p.top === q.top &&
        p.bottom === q.bottom &&
        p.lane === q.lane &&
        p.lanes === q.lanes &&
        p.isStart === q.isStart &&
        p.isEnd === q.isEnd &&
        p.running === q.running &&
        p.pauses.length === q.pauses.length &&
        p.pauses.every((x, j) => x.top === q.pauses[j]!.top && x.bottom === q.pauses[j]!.bottom)
      );
    })
  );
}

/** Greedy lanes within each cluster of pieces that overlap one another. */
function assignLanes(pieces: Segment[]): void {
  let cluster: Segment[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const close = () => {
    for (const p of cluster) p.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const p of pieces) {
    if (p.top >= clusterEnd) close();
    // a zero-length piece still takes a little room, so it gets a lane of its own when something covers it
    const bottom = Math.max(p.bottom, p.top + 1);
    let lane = laneEnds.findIndex((end) => end <= p.top);
    if (lane === -1) lane = laneEnds.push(bottom) - 1;
    else laneEnds[lane] = bottom;
    p.lane = lane;
    cluster.push(p);
    clusterEnd = Math.max(clusterEnd, bottom);
  }
  close();
}

export interface WorkingHours {
  /** minutes since midnight */
  start: number;
  end: number;
  /** weekdays that are working days, 0 = Sunday */
  days: readonly number[];
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: 9 * 60, end: 18 * 60, days: [1, 2, 3, 4, 5] };

/** Untracked stretches of a working day up to now: the time no piece covers. */
export function untrackedGaps(
  pieces: readonly Segment[],
  day: WeekDay,
  now: number,
  hours = DEFAULT_WORKING_HOURS,
): Band[] {
  if (!hours.days.includes(day.weekday) || now <= day.from) return [];
  const limit = Math.min(hours.end, minuteOfDay(now, day));
  const covered = pieces.map((p) => ({ top: p.top, bottom: p.bottom })).sort((a, b) => a.top - b.top);
  const gaps: Band[] = [];
  let at = hours.start;
  for (const c of covered) {
    if (at >= limit) break;
    if (c.top > at) gaps.push({ top: at, bottom: Math.min(c.top, limit) });
    at = Math.max(at, c.bottom);
  }
  if (at < limit) gaps.push({ top: at, bottom: limit });
  return gaps.filter((g) => g.bottom - g.top >= 1);
}

export interface WeekTotals {
  days: number[];
  week: number;
  /** worked ms per project (null = no project), largest first */
  projects: Array<{ projectId: string | null; ms: number }>;
}

export function weekTotals(sessions: readonly Session[], days: readonly WeekDay[], now: number): WeekTotals {
  const perDay = days.map(() => 0);
  const perProject = new Map<string | null, number>();
  for (const s of sessions) {
    for (const day of days) {
      const ms = workedMsWithin(s, day.from, day.to, now);
      if (ms === 0) continue;
      perDay[day.index]! += ms;
      perProject.set(s.projectId, (perProject.get(s.projectId) ?? 0) + ms);
    }
  }
  const projects = [...perProject].map(([projectId, ms]) => ({ projectId, ms })).sort((a, b) => b.ms - a.ms);
  return { days: perDay, week: perDay.reduce((a, b) => a + b, 0), projects };
}

// a running session ends now for drawing; the week's totals use the app's one worked-time rule
export { endOf, workedMsWithin };
