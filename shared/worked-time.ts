import type { Session } from './session.ts';

type Timed = Pick<Session, 'startTime' | 'endTime' | 'pausedMs' | 'pauseStartedAt'> & { pauses?: Session['pauses'] };

const overlap = (a: number, b: number, from: number, to: number) => Math.max(0, Math.min(b, to) - Math.max(a, from));

/**
 * Worked milliseconds of a session inside [from, to) as of `now`. Pauses stored as intervals (and the open pause) are
 * taken out where they happened; paused time whose place is unknown (old rows) is spread evenly over the session.
 */
export function workedMsWithin(a: Timed, from: number, to: number, now: number): number {
  const end = a.endTime ?? Math.max(now, a.startTime);
  const span = end - a.startTime;
  if (!(span > 0)) return 0;
  let worked = overlap(a.startTime, end, from, to);
  if (worked === 0) return 0;
  let placed = 0;
  for (const p of a.pauses ?? []) {
    placed += p.end - p.start;
    worked -= overlap(p.start, p.end, from, to);
  }
  if (a.pauseStartedAt !== null) worked -= overlap(a.pauseStartedAt, end, from, to);
  const unplaced = Math.max(0, a.pausedMs - placed);
  if (unplaced > 0) worked -= (unplaced * overlap(a.startTime, end, from, to)) / span;
  return Number.isFinite(worked) ? Math.max(0, Math.round(worked)) : 0; // one odd row must not make a total NaN
}

/** Sum of worked time inside [from, to); a row with impossible numbers counts as nothing rather than NaN. */
export function totalWorkedWithin(sessions: readonly Timed[], from: number, to: number, now: number): number {
  let sum = 0;
  for (const s of sessions) {
    const ms = workedMsWithin(s, from, to, now);
    if (Number.isFinite(ms)) sum += ms;
  }
  return sum;
}

/** Ids of sessions that share time with another one in the list (running sessions end at `now`). */
export function overlappingIds(sessions: readonly (Timed & { id: string })[], now: number): Set<string> {
  const sorted = [...sessions].sort((x, y) => x.startTime - y.startTime);
  const ids = new Set<string>();
  let reach = -Infinity;
  let reachId = '';
  for (const s of sorted) {
    const end = s.endTime ?? now;
    if (s.startTime < reach) {
      ids.add(s.id);
      ids.add(reachId);
    }
    if (end > reach) {
      reach = end;
      reachId = s.id;
    }
  }
  return ids;
}
