import { localDayKey } from '../../../shared/day.ts';
import { subtract } from '../../../shared/session-math.ts';
import type { Session } from '../../../shared/session.ts';
import { workingHoursOn, type Settings } from '../../../shared/settings.ts';
import { totalWorkedWithin } from '../../../shared/worked-time.ts';

export type ReminderKind = 'no-timer' | 'long-timer' | 'end-of-day' | 'goal';

export interface Reminder {
  kind: ReminderKind;
  /** one occasion: a reminder with a key already shown is never shown again */
  key: string;
  title: string;
  body: string;
  /** where a click takes the user */
  route: string;
}

export interface ReminderInput {
  now: number;
  settings: Pick<Settings, 'reminders' | 'workingHours'>;
  running: Session | null;
  /** today's live sessions (the running one too) */
  today: readonly Session[];
  /** "7 h 40 m", as the window formats durations */
  duration: (ms: number) => string;
  /** "14:00", as the window formats times of day */
  time: (ms: number) => string;
  /** daily at-least goals and their progress today */
  goals?: readonly { id: string; name: string; doneMs: number; targetMs: number; met: boolean; from: number }[];
}

/** A daily goal is about to be missed once what it still needs no longer fits in the last two working hours. */
const GOAL_WINDOW_MS = 2 * 3_600_000;

const at = (now: number, clock: string) => {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), h, m).getTime();
};

/**
 * The reminders due at `now`, pure so a fake clock drives it: no timer for N minutes inside working hours (once per
 * stretch without one), a timer running longer than N hours (once per session), a daily goal that the working hours
 * left cannot meet (once per goal and day), the end-of-day summary (once per day) with the longest untracked stretch
 * inside working hours.
 */
export function dueReminders(input: ReminderInput): Reminder[] {
  const { now, settings, running, today } = input;
  const r = settings.reminders;
  const out: Reminder[] = [];
  const hours = workingHoursOn(settings.workingHours, new Date(now).getDay());
  const from = hours ? at(now, hours.start) : null;
  const to = hours ? at(now, hours.end) : null;
  if (r.noTimerMinutes > 0 && !running && from !== null && to !== null && now >= from && now < to) {
    const lastEnd = today.reduce((m, s) => Math.max(m, s.endTime ?? now), from);
    if (now - lastEnd >= r.noTimerMinutes * 60_000)
      out.push({
        kind: 'no-timer',
        key: `no-timer:${lastEnd}`,
        title: 'No timer running',
        body: `Nothing tracked since ${input.time(lastEnd)}. Start a timer, or log what you did.`,
        route: '#day',
      });
  }
  if (r.longTimerHours > 0 && running && now - running.startTime >= r.longTimerHours * 3_600_000)
    out.push({
      kind: 'long-timer',
      key: `long-timer:${running.id}`,
      title: 'Still working on this?',
      body: `“${running.name || 'untitled'}” has run for ${input.duration(now - running.startTime)}. Stop it, or correct it in the Day view.`,
      route: '#day',
    });
  if (r.goals !== false && to !== null && now < to && to - now <= GOAL_WINDOW_MS) {
    for (const g of input.goals ?? []) {
      const needed = g.targetMs - g.doneMs;
      if (g.met || needed <= to - now) continue;
      out.push({
        kind: 'goal',
        key: `goal:${g.id}:${g.from}`,
        title: 'A goal is slipping',
        body: `“${g.name || 'Daily goal'}” needs ${input.duration(needed)} more today; ${input.duration(to - now)} of working hours are left.`,
        route: '#projects',
      });
    }
  }
  if (r.endOfDay && from !== null && to !== null && now >= to) {
    const worked = totalWorkedWithin(today, at(now, '00:00'), now, now);
    const covered = today.map((s) => ({ start: s.startTime, end: s.endTime ?? now }));
    const holes = subtract(from, to, covered);
    const widest = holes.reduce<{ start: number; end: number } | null>(
      (w, h) => (!w || h.end - h.start > w.end - w.start ? h : w),
      null,
    );
    const untracked =
      widest && widest.end - widest.start >= 15 * 60_000
        ? `, ${input.duration(widest.end - widest.start)} untracked between ${input.time(widest.start)} and ${input.time(widest.end)} — log it?`
        : '.';
    out.push({
      kind: 'end-of-day',
      key: `end-of-day:${localDayKey(now)}`,
      title: 'Your day',
      body: `${input.duration(worked)} today${untracked}`,
      route: '#day',
    });
  }
  return out;
}
