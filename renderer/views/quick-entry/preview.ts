import type { NameRef, QuickEntryResult } from '../../../shared/quick-entry.ts';
import { addDays, civilDateOf, sameDate, type CivilDate } from '../../../shared/quick-entry/zoned.ts';

/** The entry in words before Enter: "Start ‘Write report’ on Website #writing, started 15 min ago". */

export interface PreviewNames {
  project(ref: NameRef | null): string | null;
  tag(ref: NameRef): string;
}

export function durationWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h && m) return `${h} h ${m} min`;
  return h ? `${h} h` : `${m} min`;
}

/** Times of day in the entry's zone per the user's clock setting: "14:05" or "2:05 PM". */
export function clockFormat(timeZone: string | undefined, hourCycle: '24h' | '12h' = '24h'): Intl.DateTimeFormat {
  return hourCycle === '12h'
    ? new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h12' })
    : new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

export function describeEntry(
  r: QuickEntryResult,
  names: PreviewNames,
  now: number,
  timeZone: string,
  hourCycle: '24h' | '12h' = '24h',
): string {
  if (r.kind === 'command') {
    return {
      stop: 'Stop the running timer',
      pause: 'Pause the running timer',
      resume: 'Resume the paused timer',
      continue: 'Continue the most recent session',
    }[r.command!];
  }
  const clock = clockFormat(timeZone, hourCycle);
  const today = civilDateOf(now, timeZone);
  const dayWords = (ms: number) => dayLabel(civilDateOf(ms, timeZone), today);
  const what = r.name ? `‘${r.name}’` : '';
  const project = names.project(r.project);
  const on = project
    ? ` on ${r.project && 'newName' in r.project ? newProjectWords(r.project, project) : project}`
    : '';
  const tags = r.tags.map((t) => ` #${names.tag(t)}${'newName' in t ? ' (new)' : ''}`).join('');
  const billable = r.billable ? ', billable' : '';
  const body = `${what}${on}${tags}`.trim();
  if (r.kind === 'log' || (r.kind === 'invalid' && r.end !== null)) {
    const start = r.start!;
    const end = r.end!;
    const startDay = dayWords(start);
    const endDay = dayWords(end);
    const span = `${clock.format(start)}–${clock.format(end)}${endDay !== startDay ? ` (${endDay})` : ''}`;
    return `Log ${durationWords(end - start)}${body ? ` ${body}` : ''}${billable}, ${startDay} ${span}`;
  }
  const start = r.start ?? now;
  let when: string;
  if (Math.abs(now - start) < 60_000) when = 'now';
  else if (start > now) when = `at ${dayWords(start)} ${clock.format(start)}`;
  else if (now - start < 3_600_000 && dayWords(start) === 'today') when = `started ${durationWords(now - start)} ago`;
  else when = `started ${dayWords(start) === 'today' ? 'at' : dayWords(start)} ${clock.format(start)}`;
  return `Start ${body || 'a timer'}${billable}, ${when}`;
}

/** A project the entry creates, saying where it goes, and warning when its very name will hold a slash. */
function newProjectWords(ref: Extract<NameRef, { newName: string }>, label: string): string {
  if (ref.client) return `new project ${label} for client ${ref.client}`;
  if (!ref.parentId && label.includes('/'))
    return `new project named “${label}” (no project or client ‘${label.slice(0, label.lastIndexOf('/'))}’ exists)`;
  return `new project ${label}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function dayLabel(day: CivilDate, today: CivilDate): string {
  if (sameDate(day, today)) return 'today';
  if (sameDate(day, addDays(today, -1))) return 'yesterday';
  if (sameDate(day, addDays(today, 1))) return 'tomorrow';
  for (let back = 2; back < 7; back++) {
    if (sameDate(day, addDays(today, -back))) return WEEKDAYS[new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay()]!;
  }
  return `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}
