// What Jira answers, validated (Cloud /rest/api/3 and Data Center /rest/api/2), and every way a request can fail,
// as one structured failure with a sentence for the Jira panel.
import * as v from 'valibot';

import { AppError, type ErrorCode } from './errors.ts';
import { noNul } from './validate.ts';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const JiraConnectionSchema = v.object({
  kind: v.picklist(['cloud', 'datacenter'], 'must be cloud or datacenter'),
  siteUrl: v.pipe(v.string(), v.url('must be a URL'), v.maxLength(2048), noNul),
  email: v.pipe(v.string(), v.maxLength(254), noNul),
  token: v.pipe(v.string(), v.nonEmpty('is missing'), v.maxLength(4096, 'is too long'), noNul),
});
export type JiraConnection = v.InferOutput<typeof JiraConnectionSchema>;

/** GET /myself */
export const MyselfSchema = v.object({
  displayName: Text(500),
  accountId: v.optional(Text(200)),
  name: v.optional(Text(200)),
  emailAddress: v.optional(v.nullable(Text(500))),
});

/** GET /project/search (Cloud) pages, or GET /project (Data Center): a plain list */
const ProjectSchema = v.object({ id: Text(40), key: Text(40), name: Text(500) });
export const ProjectSearchSchema = v.union([
  v.object({ values: v.array(ProjectSchema), isLast: v.optional(v.boolean()) }),
  v.array(ProjectSchema),
]);

/** POST /search/jql (Cloud) or /search (Data Center) */
export const IssueSearchSchema = v.object({
  issues: v.array(
    v.object({
      key: Text(40),
      fields: v.object({ summary: v.optional(v.nullable(Text(2000)), '') }),
    }),
  ),
});

const PropertySchema = v.object({ key: Text(255), value: v.unknown() });
export const WorklogSchema = v.object({
  id: Text(40),
  started: Text(40),
  timeSpentSeconds: v.pipe(v.number(), v.integer(), v.minValue(0)),
  properties: v.optional(v.array(PropertySchema), []),
});
export type Worklog = v.InferOutput<typeof WorklogSchema>;
export const WorklogPageSchema = v.object({
  startAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  maxResults: v.pipe(v.number(), v.integer(), v.minValue(0)),
  total: v.pipe(v.number(), v.integer(), v.minValue(0)),
  worklogs: v.array(WorklogSchema),
});

/** Jira's error body: `{errorMessages: [...], errors: {field: message}}` */
export const JiraErrorBodySchema = v.object({
  errorMessages: v.optional(v.array(v.string()), []),
  errors: v.optional(v.record(v.string(), v.string()), {}),
});

export const JIRA_FAILURE_KINDS = [
  'auth', // 401: wrong e-mail or token
  'captcha', // Jira wants a CAPTCHA solved in the browser before it takes a token again
  'forbidden', // 403: no permission (to the issue, to log work)
  'not-found', // 404: the issue (or worklog) does not exist, or cannot be seen
  'bad-request', // 400 with Jira's errorMessages
  'too-large', // 413
  'rate-limited', // 429, with Retry-After
  'server', // 5xx
  'not-jira', // an answer that is not Jira's (an HTML page, a proxy's login, another server)
  'network', // no answer: offline, refused, dropped after sending, timed out
] as const;
export type JiraFailureKind = (typeof JIRA_FAILURE_KINDS)[number];

export interface JiraFailure {
  kind: JiraFailureKind;
  /** one sentence for the Jira panel */
  message: string;
  status: number | null;
  /** 429: how long Jira asked to wait */
  retryAfterMs: number | null;
  /** the request may have been carried out although no answer came (a create must look before it tries again) */
  uncertain: boolean;
}

/** Failures that say nothing about one booking but about the connection: the sender stops and says so. */
export function stopsTheSender(kind: JiraFailureKind): boolean {
  return kind === 'auth' || kind === 'captcha' || kind === 'not-jira';
}
/** Failures a later try may fix by itself (with backoff); the rest need the user. */
export function isTransient(kind: JiraFailureKind): boolean {
  return kind === 'rate-limited' || kind === 'server' || kind === 'network';
}

const CODE_OF: Record<JiraFailureKind, ErrorCode> = {
  auth: 'FORBIDDEN',
  captcha: 'FORBIDDEN',
  forbidden: 'FORBIDDEN',
  'not-found': 'NOT_FOUND',
  'bad-request': 'VALIDATION',
  'too-large': 'VALIDATION',
  'rate-limited': 'UNAVAILABLE',
  server: 'UNAVAILABLE',
  'not-jira': 'UNAVAILABLE',
  network: 'UNAVAILABLE',
};

export function failureError(f: JiraFailure): AppError {
  return new AppError(CODE_OF[f.kind], f.message, { jira: f.kind, status: f.status });
}

/** The most a Retry-After is honoured for; a longer one is someone's mistake and waits this long. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * Retry-After as ms: seconds, or an HTTP date measured against the answer's own Date header (so a machine clock
 * that is hours wrong does not turn it into hours of waiting). Null when absent or unreadable.
 */
export function retryAfterMs(value: string | null, dateHeader: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  const base = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  return Math.min(Math.max(0, at - (Number.isNaN(base) ? now : base)), MAX_RETRY_AFTER_MS);
}

/** Jira's own words from an error body, joined; null when the body is not Jira's. */
export function jiraMessages(body: unknown): string | null {
  const parsed = v.safeParse(JiraErrorBodySchema, body);
  if (!parsed.success) return null;
  const words = [...parsed.output.errorMessages, ...Object.values(parsed.output.errors)].filter(Boolean);
  return words.length > 0 ? words.join(' ').slice(0, 400) : null;
}

/** A failure from an HTTP answer that was not a success. `what` names the request ("booking ABC-123"). */
export function failureOfResponse(
  status: number,
  headers: { get(name: string): string | null },
  body: unknown,
  what: string,
  now: number,
): JiraFailure {
  const base = { status, retryAfterMs: null, uncertain: false };
  const said = jiraMessages(body);
  const denied = headers.get('x-authentication-denied-reason');
  if (denied && /captcha/i.test(denied)) {
    return {
      ...base,
      kind: 'captcha',
      message:
        'Jira wants a CAPTCHA solved before it accepts this token again: sign in to Jira in your browser once, then retry.',
    };
  }
  if (status === 401)
    return {
      ...base,
      kind: 'auth',
      message: 'Jira refused the sign-in: check the e-mail and the API token (or personal access token) in Settings.',
    };
  if (status === 403)
    return {
      ...base,
      kind: 'forbidden',
      message: `Jira refused ${what}: you may not log work there${said ? ` (${said})` : ''}.`,
    };
  if (status === 404)
    return {
      ...base,
      kind: 'not-found',
      message: `Jira found nothing for ${what}: the issue does not exist or you cannot see it${said ? ` (${said})` : ''}.`,
    };
  if (status === 413) return { ...base, kind: 'too-large', message: `Jira refused ${what} as too large.` };
  if (status === 429) {
    const wait = retryAfterMs(headers.get('retry-after'), headers.get('date'), now);
    return {
      ...base,
      kind: 'rate-limited',
      retryAfterMs: wait ?? 60_000,
      message: `Jira asked LightTrack to slow down; it tries again in ${Math.ceil((wait ?? 60_000) / 1000)} s.`,
    };
  }
  if (status >= 500)
    return {
      ...base,
      kind: 'server',
      uncertain: true,
      message: `Jira had a problem (${status}) with ${what}; LightTrack tries again later.`,
    };
  if (status === 400 && said) return { ...base, kind: 'bad-request', message: `Jira refused ${what}: ${said}` };
  return {
    ...base,
    kind: 'not-jira',
    message: `The site answered ${what} with ${status}, not as Jira does: check the site URL in Settings.`,
  };
}

export function notJira(status: number, what: string): JiraFailure {
  return {
    kind: 'not-jira',
    status,
    retryAfterMs: null,
    uncertain: false,
    message: `The site's answer to ${what} is not Jira's (an HTML page or another server?): check the site URL in Settings.`,
  };
}

export function networkFailure(what: string, sent: boolean): JiraFailure {
  return {
    kind: 'network',
    status: null,
    retryAfterMs: null,
    uncertain: sent,
    message: `No answer from Jira for ${what} (offline, or the connection dropped); LightTrack tries again.`,
  };
}
