import type * as v from 'valibot';
import { safeParse } from 'valibot';

import { bytesToBase64 } from '../../shared/base64.ts';
import {
  failureOfResponse,
  networkFailure,
  notJira,
  type JiraConnection,
  type JiraFailure,
} from '../../shared/jira-wire.ts';

/** A failed request, carrying its structured failure (never the token, never the request's headers). */
export class JiraFailureError extends Error {
  constructor(readonly failure: JiraFailure) {
    super(failure.message);
  }
}

/** How long one request may take. The sender's lease is longer, so a request never outlives the claim it was made under. */
export const REQUEST_TIMEOUT_MS = 20_000;

/**
 * One Jira site, reached from this worker with fetch. Jira Cloud speaks /rest/api/3 and signs in with Basic
 * e-mail:API-token; Data Center speaks /rest/api/2 with a Bearer personal access token. Only the configured site is
 * ever asked: every path is relative to it. Every answer is validated; anything else is a JiraFailure.
 */
export class JiraHttp {
  readonly #base: string;
  readonly #auth: string;
  readonly api: '2' | '3';

  constructor(
    readonly connection: JiraConnection,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {
    this.#base = connection.siteUrl.replace(/\/+$/, '');
    this.api = connection.kind === 'cloud' ? '3' : '2';
    this.#auth =
      connection.kind === 'cloud'
        ? `Basic ${bytesToBase64(new TextEncoder().encode(`${connection.email}:${connection.token}`))}`
        : `Bearer ${connection.token}`;
  }

  /** `path` below /rest/api/N; `what` names the request in the failure's sentence ("booking ABC-123"). */
  async call<S extends v.GenericSchema | null>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    schema: S,
    what: string,
    body?: unknown,
  ): Promise<S extends v.GenericSchema ? v.InferOutput<S> : undefined> {
    let res: Response;
    try {
      res = await fetch(`${this.#base}/rest/api/${this.api}${path}`, {
        method,
        headers: {
          Authorization: this.#auth,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      // offline, refused, CORS, dropped after sending, timed out: a write may have been carried out all the same
      throw new JiraFailureError(networkFailure(what, method !== 'GET'));
    }
    const type = res.headers.get('content-type') ?? '';
    let json: unknown = undefined;
    let readable = true;
    if (res.status !== 204) {
      try {
        const text = await res.text();
        json = /json/i.test(type) && text ? JSON.parse(text) : undefined;
        readable = /json/i.test(type) || text === '';
      } catch {
        // a body cut off mid-way is no answer: the request may have been carried out
        if (res.ok) throw new JiraFailureError(networkFailure(what, method !== 'GET'));
        readable = false;
      }
    }
    if (!res.ok) throw new JiraFailureError(failureOfResponse(res.status, res.headers, json, what, Date.now()));
    if (schema === null) return undefined as never;
    if (!readable || json === undefined) throw new JiraFailureError(notJira(res.status, what));
    const parsed = safeParse(schema, json);
    if (!parsed.success) throw new JiraFailureError(notJira(res.status, what));
    return parsed.output as never;
  }
}
