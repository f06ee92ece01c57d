import * as Comlink from 'comlink';
import * as v from 'valibot';

import { installErrorTransfer } from '../../shared/comlink-errors.ts';
import type { DataApi } from '../../shared/data-contract.ts';
import { AppError } from '../../shared/errors.ts';
import { IssueSearchSchema, JiraConnectionSchema, MyselfSchema, ProjectSearchSchema } from '../../shared/jira-wire.ts';
import { parse } from '../../shared/validate.ts';
import { holdLifelineLock } from '../lifeline.ts';
import { JiraFailureError, JiraHttp } from './jira-http.ts';
import { drain, type DrainResult } from './sender.ts';

installErrorTransfer();

const DrainInputSchema = v.object({
  connection: JiraConnectionSchema,
  owner: v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/)),
  leaseMs: v.pipe(v.number(), v.integer(), v.minValue(50), v.maxValue(600_000)),
  /** tests: a short request timeout, so the lease can be short too */
  timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(60_000))),
});
const ConnectionInputSchema = v.object({ connection: JiraConnectionSchema });

export type JiraTest =
  | { ok: true; account: { name: string; email: string | null }; projects: { key: string; name: string }[] }
  | { ok: false; error: { code: string; message: string } };

function portOf(port: unknown): Comlink.Remote<DataApi> {
  if (!(port instanceof MessagePort))
    throw new AppError('VALIDATION', 'The Jira worker needs a MessagePort to the data worker');
  return Comlink.wrap<DataApi>(port);
}

function errorOf(error: unknown): { code: string; message: string } {
  if (error instanceof JiraFailureError) return { code: error.failure.kind, message: error.failure.message };
  return { code: 'internal', message: String((error as Error)?.message ?? error).slice(0, 300) };
}

/** The user's recent and assigned issues, for suggestions (JQL; Cloud's /search/jql, Data Center's /search). */
const RECENT_JQL =
  '(assignee = currentUser() OR worklogAuthor = currentUser()) AND updated >= -30d ORDER BY updated DESC';

/**
 * The Jira worker: the only place LightTrack talks to Jira. It sends the outbox's bookings (sender.ts) and reads
 * through a MessagePort to the data worker, never through the window. Requests go only to the configured site; the
 * token arrives with each call (the window unseals it) and is kept nowhere.
 */
const api = {
  holdLifeline(lockName: string): Promise<void> {
    if (typeof lockName !== 'string' || !/^lighttrack-jira-life-[\w-]{1,64}$/.test(lockName))
      throw new AppError('VALIDATION', 'Not a lifeline lock name');
    return holdLifelineLock(lockName, 'That lifeline is already held');
  },

  async drain(input: unknown, port: MessagePort): Promise<DrainResult> {
    const p = parse(DrainInputSchema, input, 'Jira drain');
    const data = portOf(port);
    try {
      return await drain(data, new JiraHttp(p.connection, p.timeoutMs), p.owner, p.leaseMs);
    } finally {
      port.close();
    }
  },

  /** "Test connection": who Jira says you are, and the projects you can see. */
  async testConnection(input: unknown): Promise<JiraTest> {
    const { connection } = parse(ConnectionInputSchema, input, 'Jira connection');
    const http = new JiraHttp(connection);
    try {
      const me = await http.call('GET', '/myself', MyselfSchema, 'signing in');
      const projects = await http.call(
        'GET',
        http.api === '3' ? '/project/search?maxResults=100&orderBy=key' : '/project',
        ProjectSearchSchema,
        'the list of projects',
      );
      const list = Array.isArray(projects) ? projects : projects.values;
      return {
        ok: true,
        account: { name: me.displayName, email: me.emailAddress ?? null },
        projects: list.slice(0, 100).map((p) => ({ key: p.key, name: p.name })),
      };
    } catch (error) {
      return { ok: false, error: errorOf(error) };
    }
  },

  /** Refreshes the local issue cache; answers how many issues came, or why none did. */
  async refreshIssues(
    input: unknown,
    port: MessagePort,
  ): Promise<{ count: number } | { error: { code: string; message: string } }> {
    const { connection } = parse(ConnectionInputSchema, input, 'Jira connection');
    const data = portOf(port);
    const http = new JiraHttp(connection);
    try {
      const res =
        http.api === '3'
          ? await http.call('POST', '/search/jql', IssueSearchSchema, 'your recent issues', {
              jql: RECENT_JQL,
              fields: ['summary'],
              maxResults: 100,
            })
          : await http.call(
              'GET',
              `/search?jql=${encodeURIComponent(RECENT_JQL)}&fields=summary&maxResults=100`,
              IssueSearchSchema,
              'your recent issues',
            );
      const issues = res.issues
        .filter((i) => /^[A-Z][A-Z0-9_]{1,19}-[1-9]\d{0,9}$/.test(i.key))
        .map((i) => ({ key: i.key, summary: (i.fields.summary ?? '').slice(0, 2000) }));
      return { count: await data.jiraCacheIssues(issues) };
    } catch (error) {
      return { error: errorOf(error) };
    } finally {
      port.close();
    }
  },
};
export type JiraWorkerApi = typeof api;

Comlink.expose(api);
