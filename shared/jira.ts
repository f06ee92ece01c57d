// Jira booking (issue 20), the pure part: which issue a session is linked to, what should be booked for it, and the
// one step that takes what is booked on Jira towards that. The data worker and the sender both use these; the
// property tests check the algebra (test/browser/shared/jira-reconcile.test.ts).
import { workedMs } from './session-math.ts';
import type { Session } from './session.ts';
import type { Settings } from './settings.ts';

export type JiraSettings = Settings['jira'];

/** Jira's smallest worklog: it refuses timeSpentSeconds under 60. */
export const JIRA_MIN_SECONDS = 60;
/** The worklog property that carries the LightTrack session id, so a retry can find what an earlier try created. */
export const JIRA_PROPERTY_KEY = 'lighttrack-session';

/**
 * A Jira issue key: a project key (a capital letter, then capitals, digits or _, 2–20 in all; Jira's own rule) and
 * a number without leading zeros. Word boundaries keep `xABC-1`, `ABC-1x` and `ABC-1.5` out; lower case is not a key
 * (Jira shows keys in capitals, and "e-1" in prose is not one).
 */
const KEY = /(?<![\w-])([A-Z][A-Z0-9_]{1,19}-[1-9]\d{0,9})(?![\w-]|\.\d)/;
export const ISSUE_KEY = /^[A-Z][A-Z0-9_]{1,19}-[1-9]\d{0,9}$/;

/** The first issue key in a text, or null. */
export function issueKeyIn(text: string): string | null {
  return KEY.exec(text)?.[1] ?? null;
}

export function isIssueKey(text: string): boolean {
  return ISSUE_KEY.test(text);
}

/** The issue a session books to: a key in its name, else in its description, else its project's default issue. */
export function linkedIssue(
  s: { name: string; description: string; projectId: string | null },
  projectIssues: Readonly<Record<string, string>>,
): string | null {
  return issueKeyIn(s.name) ?? issueKeyIn(s.description) ?? (s.projectId ? (projectIssues[s.projectId] ?? null) : null);
}

/** Booked seconds from worked seconds, as the Jira rounding setting says (whole seconds either way). */
export function roundedSeconds(seconds: number, rounding: JiraSettings['rounding']): number {
  const s = Math.max(0, Math.round(seconds));
  if (rounding.mode === 'none' || s === 0) return s;
  const step = rounding.minutes * 60;
  const f = rounding.mode === 'up' ? Math.ceil : rounding.mode === 'down' ? Math.floor : Math.round;
  return f(s / step) * step;
}

/** The worklog's comment: the session's name with its issue key taken out. */
export function worklogComment(name: string, issueKey: string): string {
  return name
    .replace(issueKey, '')
    .replace(/^[\s:–—-]+|\s+$/g, '')
    .slice(0, 500);
}

/** What the sender needs of a session (deleted ones included; null when it is gone altogether). */
export type BookableSession = Pick<
  Session,
  | 'id'
  | 'name'
  | 'description'
  | 'projectId'
  | 'startTime'
  | 'endTime'
  | 'pausedMs'
  | 'pauseStartedAt'
  | 'pauses'
  | 'deletedAt'
>;

export type Desired =
  | { kind: 'none'; why: 'running' | 'no-issue' | 'deleted' | 'before-connection' }
  | { kind: 'short'; issueKey: string; started: number; seconds: number }
  | { kind: 'book'; issueKey: string; started: number; seconds: number; comment: string };

/** What should be on Jira for a session. `started` is the session's own start: the machine's clock plays no part. */
export function desiredBooking(s: BookableSession | null, jira: JiraSettings): Desired {
  if (!s || s.deletedAt !== null) return { kind: 'none', why: 'deleted' };
  if (s.endTime === null) return { kind: 'none', why: 'running' };
  if (s.startTime < jira.since) return { kind: 'none', why: 'before-connection' };
  const issueKey = linkedIssue(s, jira.projectIssues);
  if (!issueKey) return { kind: 'none', why: 'no-issue' };
  const seconds = roundedSeconds(workedMs(s, s.endTime) / 1000, jira.rounding);
  if (seconds < JIRA_MIN_SECONDS) return { kind: 'short', issueKey, started: s.startTime, seconds };
  return { kind: 'book', issueKey, started: s.startTime, seconds, comment: worklogComment(s.name, issueKey) };
}

/** What is on Jira for a session, as far as LightTrack knows. */
export interface Booked {
  issueKey: string;
  worklogId: string;
  started: number;
  seconds: number;
  comment: string;
}

/** The user's say over one session's booking. */
export interface BookingChoices {
  /** booking mode 'review' holds new bookings until the user confirms them */
  review: boolean;
  approved: boolean;
  /** "don't book" */
  skipped: boolean;
  /** the session was deleted (or unlinked) after booking: delete the worklog too, keep it, or not asked yet */
  deleteChoice: 'delete' | 'keep' | null;
}

export type JiraStep =
  | { op: 'done' }
  | { op: 'create'; issueKey: string; started: number; seconds: number; comment: string }
  | { op: 'update'; issueKey: string; worklogId: string; started: number; seconds: number; comment: string }
  /** removes a worklog: the session is gone (and the user said so) or moved to another issue (a create follows) */
  | { op: 'delete'; issueKey: string; worklogId: string }
  /** nothing is sent; the row waits for the user */
  | { op: 'wait'; why: 'review' | 'short' | 'ask-delete' | 'skipped' };

/**
 * The one next step from `booked` towards `desired`. Applying it and planning again converges: create/update reach
 * `done`, a move is a delete then a create, and nothing is ever created while something is booked.
 */
export function planStep(desired: Desired, booked: Booked | null, choices: BookingChoices): JiraStep {
  if (desired.kind === 'book') {
    if (booked) {
      if (booked.issueKey !== desired.issueKey)
        return { op: 'delete', issueKey: booked.issueKey, worklogId: booked.worklogId };
      if (
        booked.started === desired.started &&
        booked.seconds === desired.seconds &&
        booked.comment === desired.comment
      )
        return { op: 'done' };
      return { op: 'update', worklogId: booked.worklogId, ...withoutKind(desired) };
    }
    if (choices.skipped) return { op: 'wait', why: 'skipped' };
    if (choices.review && !choices.approved) return { op: 'wait', why: 'review' };
    return { op: 'create', ...withoutKind(desired) };
  }
  if (!booked) {
    if (desired.kind === 'short' && !choices.skipped) return { op: 'wait', why: 'short' };
    return { op: 'done' };
  }
  // booked, but no longer wanted: a running session keeps its booking until it stops again
  if (desired.kind === 'none' && desired.why === 'running') return { op: 'done' };
  if (choices.deleteChoice === 'delete')
    return { op: 'delete', issueKey: booked.issueKey, worklogId: booked.worklogId };
  if (choices.deleteChoice === 'keep') return { op: 'done' };
  return { op: 'wait', why: 'ask-delete' };
}

function withoutKind(d: Extract<Desired, { kind: 'book' }>) {
  return { issueKey: d.issueKey, started: d.started, seconds: d.seconds, comment: d.comment };
}

/** Jira's `started`: ISO 8601 with milliseconds and a numeric offset, here always UTC (+0000). */
export function jiraStarted(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Parses Jira's `started` (any offset, with or without ms) back to epoch ms; NaN when it is not one. */
export function parseJiraStarted(text: string): number {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?)([+-])(\d\d):?(\d\d)$/.exec(text);
  if (!m) return Number.NaN;
  return Date.parse(`${m[1]}${m[2]}${m[3]}:${m[4]}`);
}
