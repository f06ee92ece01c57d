import type { AwayGap, GapChoice, GapSource } from '../../../shared/away.ts';
import { localDayKey } from '../../../shared/day.ts';
import { formatTimeOfDay } from '../../components/format.ts';

/** What each source means, as the review's title ends. */
export const SOURCE_WORDS: Record<GapSource, string> = {
  idle: 'idle',
  lock: 'screen locked',
  suspend: 'computer asleep',
  'clock-jump': 'the clock jumped',
  'app-gone': 'LightTrack was closed',
};

/** The five choices: the key that picks each (Enter keeps too), and its words. */
export const CHOICES: readonly {
  choice: GapChoice;
  key: string;
  label: string;
  hint: (gap: AwayGap, clock: Clock) => string;
}[] = [
  { choice: 'keep', key: 'k', label: 'Keep', hint: () => 'It was work; count it.' },
  {
    choice: 'discard',
    key: 'd',
    label: 'Discard',
    hint: (g, clock) => `Stop the timer at ${formatTimeOfDay(g.start, clock)}.`,
  },
  {
    choice: 'discard-continue',
    key: 'c',
    label: 'Discard and continue',
    hint: () => 'Cut it out as a pause; the timer goes on.',
  },
  { choice: 'log-other', key: 'l', label: 'Log as something else…', hint: () => 'Type what it was, in one line.' },
  { choice: 'break', key: 'b', label: 'Mark as a break', hint: () => 'Not work: cut out and counted as a break.' },
];

type Clock = '24h' | '12h';

/** "45 min", "1 h 20 min", "3 h". */
export function awayLength(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "You were away 10:42–11:27 (45 min) — idle"; a gap reaching another day names its days. */
export function gapTitle(gap: AwayGap, clock: Clock, now: number): string {
  const end = gap.end ?? gap.start;
  const sameDay = localDayKey(gap.start) === localDayKey(end);
  const today = localDayKey(now) === localDayKey(gap.start);
  const day = (ms: number) =>
    new Date(ms).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  const from = `${sameDay && today ? '' : `${day(gap.start)} `}${formatTimeOfDay(gap.start, clock)}`;
  const to = `${sameDay ? '' : `${day(end)} `}${formatTimeOfDay(end, clock)}`;
  return `You were away ${from}–${to} (${awayLength(end - gap.start)}) — ${SOURCE_WORDS[gap.source]}`;
}

const hm = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/**
 * The quick-entry line a gap is logged with: its range in the grammar ("10:42-11:27 "), with the day of its start
 * when that is not today (a range past midnight reads as ending the next day).
 */
export function prefillLine(gap: AwayGap, now: number): string {
  const end = gap.end ?? gap.start;
  const day = localDayKey(now) === localDayKey(gap.start) ? '' : `${localDayKey(gap.start)} `;
  return `${day}${hm(gap.start)}-${hm(end)} `;
}
