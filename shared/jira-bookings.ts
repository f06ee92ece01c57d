// The data worker's Jira calls (JiraApi in data-contract.ts): the sender's claim and record, the panel's list and
// choices, and the issue cache. Inputs are validated in the worker.
import * as v from 'valibot';

import { IdSchema } from './ids.ts';
import { JIRA_FAILURE_KINDS } from './jira-wire.ts';
import { ISSUE_KEY, type JiraStep } from './jira.ts';
import { noNul } from './validate.ts';

export const JIRA_STATES = [
  'pending', // will be sent
  'sent', // on Jira (worklog id known)
  'failed', // a try failed for a reason that may pass; tried again with backoff
  'attention', // Jira refused it: the user has to act (fix the key, the permission) and retry
  'review', // waits for the end-of-day review
  'short', // under Jira's minute: flagged, not booked
  'ask-delete', // the session was deleted (or unlinked) after booking: delete the worklog too?
  'skipped', // "don't book"
] as const;
export type JiraState = (typeof JIRA_STATES)[number];

const IssueKey = v.pipe(v.string(), v.regex(ISSUE_KEY, 'must be an issue key like ABC-123'));
const Owner = v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/, 'must be a sender id'));

export const JiraClaimInputSchema = v.object({
  owner: Owner,
  /** how long the claimed rows are the sender's; longer than any request can take */
  leaseMs: v.pipe(v.number(), v.integer(), v.minValue(50), v.maxValue(600_000)),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 10),
});
export type JiraClaimInput = v.InferInput<typeof JiraClaimInputSchema>;

export interface JiraJob {
  sessionId: string;
  /** the outbox generation claimed: an edit in flight bumps it, and the row is looked at again */
  gen: number;
  step: Exclude<JiraStep, { op: 'done' } | { op: 'wait' }>;
  /** an earlier create of this session may have reached Jira unanswered: look for its property on this issue first */
  lookIn: string | null;
}

export interface JiraClaim {
  jobs: JiraJob[];
  /** more rows are waiting (claim again) */
  more: boolean;
  /** ms until the earliest row in backoff is due; null when none waits */
  nextInMs: number | null;
  /** sessions whose row was settled without sending (booked already, waiting for the user, nothing to book) */
  settled: string[];
}

const Seconds = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10 * 366 * 86_400));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max), noNul);

export const JiraOutcomeSchema = v.variant('kind', [
  v.object({
    kind: v.literal('booked'),
    issueKey: IssueKey,
    worklogId: v.pipe(v.string(), v.regex(/^\d{1,20}$/, 'must be a worklog id')),
    started: v.pipe(v.number(), v.integer()),
    seconds: Seconds,
    comment: Text(500),
  }),
  v.object({ kind: v.literal('unbooked') }),
  v.object({
    kind: v.literal('failed'),
    failure: v.picklist(JIRA_FAILURE_KINDS),
    message: Text(600),
    /** a request went out whose outcome is unknown */
    uncertain: v.boolean(),
    /** Jira's Retry-After, when it gave one */
    retryAfterMs: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
  /** not sent after all (the sender stopped): the row goes back as it was */
  v.object({ kind: v.literal('released'), waitMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0) }),
]);
export type JiraOutcome = v.InferOutput<typeof JiraOutcomeSchema>;

export const JiraRecordInputSchema = v.object({
  owner: Owner,
  sessionId: IdSchema,
  gen: v.pipe(v.number(), v.integer(), v.minValue(0)),
  outcome: JiraOutcomeSchema,
});
export type JiraRecordInput = v.InferInput<typeof JiraRecordInputSchema>;

export const JiraChoiceInputSchema = v.variant('choice', [
  v.object({ choice: v.literal('retry'), sessionIds: v.pipe(v.array(IdSchema), v.maxLength(10_000)) }),
  v.object({ choice: v.literal('skip'), sessionIds: v.pipe(v.array(IdSchema), v.maxLength(10_000)) }),
  /** the review's "book these" */
  v.object({ choice: v.literal('approve'), sessionIds: v.pipe(v.array(IdSchema), v.maxLength(10_000)) }),
  v.object({ choice: v.literal('delete-worklog'), sessionIds: v.pipe(v.array(IdSchema), v.maxLength(10_000)) }),
  v.object({ choice: v.literal('keep-worklog'), sessionIds: v.pipe(v.array(IdSchema), v.maxLength(10_000)) }),
]);
export type JiraChoiceInput = v.InferInput<typeof JiraChoiceInputSchema>;

export const JiraListInputSchema = v.optional(
  v.object({
    states: v.optional(v.array(v.picklist(JIRA_STATES))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 100),
  }),
  {},
);
export type JiraListInput = v.InferInput<typeof JiraListInputSchema>;

/** One row of the Jira panel. */
export interface JiraBooking {
  sessionId: string;
  sessionName: string;
  state: JiraState;
  /** what is (or will be) booked */
  issueKey: string | null;
  started: number | null;
  seconds: number | null;
  worklogId: string | null;
  attempts: number;
  /** the last failure, in words */
  error: string | null;
  updatedAt: number;
}

export interface JiraBookingList {
  rows: JiraBooking[];
  /** rows per state, all of them (the list is capped) */
  counts: Partial<Record<JiraState, number>>;
  /** sessions changed and not looked at yet by the sender (those waiting for a retry are in counts.failed) */
  queued: number;
}

export const JiraIssuesInputSchema = v.pipe(
  v.array(v.object({ key: IssueKey, summary: Text(2000) })),
  v.maxLength(1000),
);
export interface JiraIssue {
  key: string;
  summary: string;
}
export const JiraIssueQuerySchema = v.object({
  query: v.pipe(v.string(), v.maxLength(200)),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 20),
});
