import * as Comlink from 'comlink';

import type { JiraConnection } from '../../../../shared/jira-wire.ts';
import type { JiraSettings } from '../../../../shared/jira.ts';
import type { JiraWorkerApi } from '../../../../workers/jira/jira-worker.ts';
import { startDataWorker, uniqueDbName, type WorkerHandle } from '../../harness/worker-harness.ts';

const FAKE_MODULE = '/__fake-jira.js';

export interface FakeWorklog {
  id: string;
  issueKey: string;
  started: number;
  timeSpentSeconds: number;
  comment: unknown;
  properties: { key: string; value: { sessionId?: string } }[];
  updates: number;
  deleted: boolean;
}

export interface JiraScenario {
  id: string;
  siteUrl: string;
  state(): Promise<{ worklogs: FakeWorklog[]; requests: { method: string; path: string }[] }>;
  /** replaces the scenario's rules (see test/fakes/fake-jira.mjs) */
  rules(rules: unknown[]): Promise<void>;
}

/** A scenario of the fake Jira (test/fakes/fake-jira.mjs) for one test. */
export async function jiraScenario(spec: Record<string, unknown> = {}): Promise<JiraScenario> {
  const { fakeJiraOrigin } = (await import(FAKE_MODULE)) as { fakeJiraOrigin: string };
  const res = await fetch(`${fakeJiraOrigin}/__scenario`, { method: 'POST', body: JSON.stringify(spec) });
  const { id, siteUrl } = (await res.json()) as { id: string; siteUrl: string };
  return {
    id,
    siteUrl,
    state: async () => (await fetch(`${fakeJiraOrigin}/s/${id}/__state`)).json(),
    rules: async (rules) =>
      void (await fetch(`${fakeJiraOrigin}/s/${id}/__rules`, { method: 'POST', body: JSON.stringify(rules) })),
  };
}

export function connectionOf(s: JiraScenario, kind: 'cloud' | 'datacenter' = 'cloud'): JiraConnection {
  return { kind, siteUrl: s.siteUrl, email: 'ada@example.com', token: 'secret-token' };
}

export function jiraSettings(s: JiraScenario, extra: Partial<JiraSettings> = {}): JiraSettings {
  return {
    kind: 'cloud',
    siteUrl: s.siteUrl,
    email: 'ada@example.com',
    booking: 'on-stop',
    rounding: { mode: 'none', minutes: 15 },
    since: 0,
    projectIssues: {},
    ...extra,
  };
}

export interface JiraPair {
  data: WorkerHandle;
  /** the data worker's file */
  dbName: string;
  /** closes the data worker, runs `between` on the closed file (fixture SQL), and opens a new one on it */
  reopen(between: () => Promise<unknown>): Promise<void>;
  /** a fresh port to the data worker, as the window hands one over per job */
  port(): Promise<MessagePort>;
  /** a new Jira worker (the old one, if any, is terminated) */
  sender(): Comlink.Remote<JiraWorkerApi>;
  /** terminates the current Jira worker now (a crash, a closed window) */
  kill(): void;
  stop(): void;
}

const jiraWorkerUrl = new URL('../../../../workers/jira/jira-worker.ts', import.meta.url);

/** A real data worker on its own OPFS file and a real Jira worker beside it, both from source. */
export async function startJiraPair(prefix: string): Promise<JiraPair> {
  const dbName = uniqueDbName(prefix);
  let data = startDataWorker();
  await data.api.open({ name: dbName });
  let worker: Worker | null = null;
  return {
    get data() {
      return data;
    },
    dbName,
    async reopen(between) {
      await data.api.close();
      data.worker.terminate();
      await between();
      data = startDataWorker();
      await data.api.open({ name: dbName });
    },
    async port() {
      const { port1, port2 } = new MessageChannel();
      await (data.api as unknown as { servePort(p: MessagePort): Promise<void> }).servePort(
        Comlink.transfer(port2, [port2]),
      );
      return Comlink.transfer(port1, [port1]);
    },
    sender() {
      worker?.terminate();
      worker = new Worker(jiraWorkerUrl, { type: 'module' });
      return Comlink.wrap<JiraWorkerApi>(worker);
    },
    kill() {
      worker?.terminate();
      worker = null;
    },
    stop() {
      worker?.terminate();
      data.worker.terminate();
    },
  };
}

/** 09:00 local on 2 December 2026, plus minutes. */
export function at(minutes: number): number {
  return new Date(2026, 11, 2, 9, 0).getTime() + minutes * 60_000;
}
