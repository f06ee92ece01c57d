import type { Session } from './session.ts';

type Timed = Pick<Session, 'startTime' | 'endTime' | 'pausedMs' | 'pauseStartedAt'>;

/** Worked (non-paused) milliseconds of a session as of `now`. */
export function activeMs(a: Timed, now: number): number {
  const end = a.endTime ?? now;
  const openPause = a.pauseStartedAt !== null ? Math.max(0, end - a.pauseStartedAt) : 0;
  return Math.max(0, end - a.startTime - a.pausedMs - openPause);
}

/** "1:05:09" style clock for running timers. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** "2h 05m" style summary for totals. */
export function formatHours(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m`;
}
