// Staying live across a crash: another window (a data worker of its own on the same file, which it owns) changes the
// data, and this window's data worker dies just as the change is announced, so whatever the window started reading
// on the announcement meets a dead worker. The window restarts its worker and must still show the change.
import type * as Comlink from 'comlink';

import type { DataClient } from '../../../renderer/services/data-client.ts';
import type { DataApi } from '../../../shared/data-contract.ts';
import { until } from './wait.ts';
import { startDataWorker, type WorkerHandle } from './worker-harness.ts';

/** Another window on `dbName`: a real data worker of its own; opened before the window under test, it owns the file. */
export async function openOtherWindow(dbName: string): Promise<WorkerHandle> {
  const other = startDataWorker();
  await other.api.open({ name: dbName });
  return other;
}

/**
 * Makes `change` in the other window, kills this window's data worker the moment that answers (what a crash looks
 * like from the window), and resolves with the change's answer once the window runs a new worker. The other window
 * must own the file (open it first): this window's reads then go through it, and are still on their way when the
 * worker dies.
 */
export async function crashAsAnotherWindowChanges<T>(
  client: DataClient,
  other: WorkerHandle,
  change: (api: Comlink.Remote<DataApi>) => Promise<T>,
): Promise<T> {
  if ((await client.data.status()).role !== 'proxy') throw new Error('open the other window before this one');
  const before = client.worker!;
  const restarts = client.restarts;
  const result = await change(other.api);
  before.terminate();
  await until(() => client.restarts > restarts && client.worker !== before, 'the window to restart its worker');
  return result;
}
