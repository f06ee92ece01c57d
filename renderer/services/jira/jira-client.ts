import * as Comlink from 'comlink';

import { installErrorTransfer } from '../../../shared/comlink-errors.ts';
import type { JiraConnection } from '../../../shared/jira-wire.ts';
import type { JiraTest, JiraWorkerApi } from '../../../workers/jira/jira-worker.ts';
import type { DrainResult } from '../../../workers/jira/sender.ts';
import type { DataClient } from '../data-client.ts';
import { WorkerBridge } from '../worker-bridge.ts';

installErrorTransfer();

/** An idle Jira worker is stopped after this long (the sender starts it again on the next change). */
export const JIRA_IDLE_STOP_MS = 120_000;

export type { DrainResult, JiraTest };

/**
 * The window's handle on its Jira worker (a WorkerBridge: lazy start, one job at a time, a new worker after a
 * crash, idle stop). Each drain gets a fresh port to the data worker, so bookings go worker to worker.
 */
export class JiraClient {
  readonly #bridge: WorkerBridge<JiraWorkerApi>;

  constructor(
    private readonly data: DataClient,
    workerUrl: URL | string = new URL('./workers/jira-worker.js', location.href),
    idleMs = JIRA_IDLE_STOP_MS,
  ) {
    this.#bridge = new WorkerBridge('jira', workerUrl, idleMs);
  }

  drain(connection: JiraConnection, owner: string, leaseMs: number): Promise<DrainResult> {
    return this.#bridge.run(async (remote) => {
      const port = await this.data.connectPort();
      return remote.drain({ connection, owner, leaseMs }, Comlink.transfer(port, [port]));
    });
  }

  testConnection(connection: JiraConnection): Promise<JiraTest> {
    return this.#bridge.run((remote) => remote.testConnection({ connection }) as Promise<JiraTest>);
  }

  refreshIssues(connection: JiraConnection) {
    return this.#bridge.run(async (remote) => {
      const port = await this.data.connectPort();
      return remote.refreshIssues({ connection }, Comlink.transfer(port, [port]));
    });
  }

  dispose(): void {
    this.#bridge.dispose();
  }
}
