import type { JiraApi } from '../../shared/data-contract.ts';
import type { JiraJob, JiraOutcome } from '../../shared/jira-bookings.ts';
import {
  stopsTheSender,
  WorklogPageSchema,
  WorklogSchema,
  type JiraFailure,
  type Worklog,
} from '../../shared/jira-wire.ts';
import { JIRA_PROPERTY_KEY, jiraStarted, parseJiraStarted } from '../../shared/jira.ts';
import { JiraFailureError, type JiraHttp } from './jira-http.ts';

type Data = { [K in keyof JiraApi]: (...args: Parameters<JiraApi[K]>) => Promise<Awaited<ReturnType<JiraApi[K]>>> };

export interface DrainResult {
  sent: number;
  failed: number;
  /** the connection itself failed (sign-in, CAPTCHA, not Jira): nothing more is sent until the user acts */
  stopped: { kind: string; message: string } | null;
  /** ms until the sender should run again (a backoff or Retry-After); null: only when something changes */
  waitMs: number | null;
}

/** Rows claimed per round trip to the data worker: few, so a killed sender leaves few leases to expire. */
const CLAIM = 5;
/** One drain gives the worker's queue back after this long (monotonic time) and asks to be run again at once. */
const DRAIN_BUDGET_MS = 20_000;

/**
 * Drains the outbox: claim a few bookings (leased to `owner`), send each, record each answer, until nothing is due.
 * Kill-safety: a create is recorded as possibly sent before it goes out (the claim marks it), and every create first
 * looks on the issue (and where an unanswered try went) for a worklog carrying this session's property, adopting it
 * rather than creating another. A 429 pauses the whole drain for Retry-After; a sign-in failure stops it.
 */
export async function drain(data: Data, http: JiraHttp, owner: string, leaseMs: number): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, stopped: null, waitMs: null };
  const began = performance.now();
  for (;;) {
    if (performance.now() - began > DRAIN_BUDGET_MS) return { ...result, waitMs: 0 };
    const claim = await data.jiraClaim({ owner, leaseMs, limit: CLAIM });
    if (claim.jobs.length === 0) {
      if (claim.more) continue;
      return { ...result, waitMs: claim.nextInMs };
    }
    for (const [i, job] of claim.jobs.entries()) {
      const outcome = await perform(http, job);
      await data.jiraRecord({ owner, sessionId: job.sessionId, gen: job.gen, outcome });
      if (outcome.kind !== 'failed') {
        result.sent++;
        continue;
      }
      result.failed++;
      const pause = outcome.failure === 'rate-limited';
      if (pause || stopsTheSender(outcome.failure)) {
        for (const rest of claim.jobs.slice(i + 1))
          await data.jiraRecord({
            owner,
            sessionId: rest.sessionId,
            gen: rest.gen,
            // Jira's limit is per user: the rest wait as long as the one that was refused
            outcome: { kind: 'released', waitMs: pause ? (outcome.retryAfterMs ?? 60_000) : 0 },
          });
        if (pause) return { ...result, waitMs: outcome.retryAfterMs ?? 60_000 };
        return { ...result, stopped: { kind: outcome.failure, message: outcome.message } };
      }
    }
  }
}

function failed(f: JiraFailure, uncertain: boolean): JiraOutcome {
  return { kind: 'failed', failure: f.kind, message: f.message, uncertain, retryAfterMs: f.retryAfterMs };
}

/** Jira Cloud's v3 wants comments as Atlassian Document Format; Data Center's v2 takes text. */
function commentBody(http: JiraHttp, comment: string): unknown {
  if (!comment) return undefined;
  if (http.api === '2') return comment;
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: comment }] }] };
}

function commentText(w: Worklog & { comment?: unknown }): string {
  const c = (w as { comment?: unknown }).comment;
  if (typeof c === 'string') return c;
  const texts: string[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const node = n as { text?: unknown; content?: unknown };
    if (typeof node.text === 'string') texts.push(node.text);
    if (Array.isArray(node.content)) node.content.forEach(walk);
  };
  walk(c);
  return texts.join('').slice(0, 500);
}

/**
 * The worklogs on `issueKey` that carry this session's property (every page). `started` narrows the search to
 * worklogs starting then (startedAfter/startedBefore: Cloud filters by them; a server that ignores them just answers
 * more pages).
 */
export async function worklogsOf(
  http: JiraHttp,
  issueKey: string,
  sessionId: string,
  started?: number,
  what = `the worklogs of ${issueKey}`,
): Promise<Worklog[]> {
  const found: Worklog[] = [];
  const window = started === undefined ? '' : `&startedAfter=${started - 1000}&startedBefore=${started + 1000}`;
  for (let startAt = 0, page = 0; page < 50; page++) {
    const res = await http.call(
      'GET',
      `/issue/${issueKey}/worklog?startAt=${startAt}&maxResults=1000&expand=properties${window}`,
      WorklogPageSchema,
      what,
    );
    for (const w of res.worklogs) {
      const ours = w.properties.some(
        (p) =>
          p.key === JIRA_PROPERTY_KEY &&
          typeof p.value === 'object' &&
          p.value !== null &&
          (p.value as { sessionId?: unknown }).sessionId === sessionId,
      );
      if (ours) found.push(w);
    }
    startAt += res.worklogs.length;
    if (res.worklogs.length === 0 || startAt >= res.total) break;
  }
  return found;
}

/** Deletes the session's worklogs on `issueKey` other than `keep` (duplicates a lost answer or a resend made). */
async function deleteOthers(http: JiraHttp, issueKey: string, keep: string, others: readonly Worklog[]): Promise<void> {
  for (const w of others) {
    if (w.id === keep) continue;
    try {
      await http.call(
        'DELETE',
        `/issue/${issueKey}/worklog/${w.id}`,
        null,
        `removing a duplicate worklog on ${issueKey}`,
      );
    } catch (error) {
      if (!(error instanceof JiraFailureError) || error.failure.kind !== 'not-found') throw error;
    }
  }
}

/** One job against Jira; every way it ends is an outcome to record (nothing here throws). */
export async function perform(http: JiraHttp, job: JiraJob): Promise<JiraOutcome> {
  const step = job.step;
  let uncertain = job.lookIn !== null;
  try {
    if (step.op === 'create') {
      // Look before every create, not only after an unknown outcome: a restored backup or a re-imported file can
      // bring back a session whose worklog exists while the row that knew of it does not. First where an unanswered
      // try went, then the issue it is for.
      for (const issueKey of new Set([job.lookIn, step.issueKey].filter((k): k is string => k !== null))) {
        const [found, ...more] = await worklogsOf(http, issueKey, job.sessionId, undefined, `booking ${issueKey}`);
        if (!found) continue;
        await deleteOthers(http, issueKey, found.id, more);
        // an earlier try did reach Jira: adopt it (the next round updates or moves it if it differs)
        const started = parseJiraStarted(found.started);
        return {
          kind: 'booked',
          issueKey,
          worklogId: found.id,
          started: Number.isNaN(started) ? 0 : started,
          seconds: found.timeSpentSeconds,
          comment: commentText(found),
        };
      }
      uncertain = false; // looked, and it is not there
      const comment = commentBody(http, step.comment);
      const w = await http.call('POST', `/issue/${step.issueKey}/worklog`, WorklogSchema, `booking ${step.issueKey}`, {
        started: jiraStarted(step.started),
        timeSpentSeconds: step.seconds,
        ...(comment === undefined ? {} : { comment }),
        properties: [{ key: JIRA_PROPERTY_KEY, value: { sessionId: job.sessionId } }],
      });
      // Chromium resends a request, POST included, when a reused connection closes before any answer came; a server
      // that did the work and then dropped the connection has made two. Look once, and keep only the answered one.
      try {
        await deleteOthers(
          http,
          step.issueKey,
          w.id,
          await worklogsOf(http, step.issueKey, job.sessionId, step.started),
        );
      } catch {
        // the booking itself succeeded; a duplicate left here is found by the next look (see docs in README)
      }
      return {
        kind: 'booked',
        issueKey: step.issueKey,
        worklogId: w.id,
        started: step.started,
        seconds: step.seconds,
        comment: step.comment,
      };
    }
    if (step.op === 'update') {
      const comment = commentBody(http, step.comment);
      await http.call(
        'PUT',
        `/issue/${step.issueKey}/worklog/${step.worklogId}`,
        WorklogSchema,
        `updating the worklog on ${step.issueKey}`,
        {
          started: jiraStarted(step.started),
          timeSpentSeconds: step.seconds,
          ...(comment === undefined ? {} : { comment }),
        },
      );
      return {
        kind: 'booked',
        issueKey: step.issueKey,
        worklogId: step.worklogId,
        started: step.started,
        seconds: step.seconds,
        comment: step.comment,
      };
    }
    try {
      await http.call(
        'DELETE',
        `/issue/${step.issueKey}/worklog/${step.worklogId}`,
        null,
        `deleting the worklog on ${step.issueKey}`,
      );
    } catch (error) {
      // already gone is what was wanted
      if (!(error instanceof JiraFailureError) || error.failure.kind !== 'not-found') throw error;
    }
    return { kind: 'unbooked' };
  } catch (error) {
    if (error instanceof JiraFailureError) return failed(error.failure, uncertain || error.failure.uncertain);
    return {
      kind: 'failed',
      failure: 'network',
      message: `Sending to Jira failed: ${String((error as Error)?.message ?? error).slice(0, 200)}`,
      uncertain: true,
      retryAfterMs: null,
    };
  }
}
