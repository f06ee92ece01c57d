import * as Comlink from 'comlink';

import { installErrorTransfer } from '../../../shared/comlink-errors.ts';
import type { DataApi } from '../../../shared/data-contract.ts';

installErrorTransfer();

export interface WorkerHandle {
  api: Comlink.Remote<DataApi>;
  worker: Worker;
}

/** Starts a real data worker from source (the dev server transpiles it) — no stand-ins. */
export function startDataWorker(): WorkerHandle {
  const worker = new Worker(new URL('../../../workers/data/data-worker.ts', import.meta.url), { type: 'module' });
  return { worker, api: Comlink.wrap<DataApi>(worker) };
}

export function uniqueDbName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}.sqlite3`;
}

/** A test's data worker: the live handle, its own database file, and a fresh worker on that file when asked. */
export interface UsedDataWorker extends WorkerHandle {
  /** the test's database file, new for each test */
  readonly dbName: string;
  /** Ends the worker (a closed window, a crash) and starts a fresh one on nothing yet: open it yourself. */
  replace(): void;
  /** Another window: a worker of its own (not opened), ended with the test. */
  another(): WorkerHandle;
}

/**
 * The data-worker set-up of a describe block, instead of its own beforeEach/afterEach: before each test a real data
 * worker starts on a new database file (opened unless `open` is false); after it, every worker the test started ends.
 * The handle reads through to the test's current worker.
 */
export function useDataWorker(prefix: string, options: { open?: boolean } = {}): UsedDataWorker {
  let current: WorkerHandle | null = null;
  let dbName = '';
  const started: WorkerHandle[] = [];
  const start = () => {
    const handle = startDataWorker();
    started.push(handle);
    return handle;
  };
  const now = (): WorkerHandle => {
    if (!current) throw new Error('useDataWorker: the worker exists only inside a test');
    return current;
  };
  beforeEach(async () => {
    dbName = uniqueDbName(prefix);
    current = start();
    if (options.open !== false) await current.api.open({ name: dbName });
  });
  afterEach(() => {
    for (const handle of started.splice(0)) handle.worker.terminate();
    current = null;
  });
  return {
    get api() {
      return now().api;
    },
    get worker() {
      return now().worker;
    },
    get dbName() {
      return dbName;
    },
    replace() {
      now().worker.terminate();
      current = start();
    },
    another: start,
  };
}

/** Rejects with the AppError the worker sent, so tests can look at its code. */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; details?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; details?: unknown };
  }
  throw new Error('expected the call to be rejected');
}

export function nextChange(filter: (data: any) => boolean = () => true, timeoutMs = 5000): Promise<any> {
  const channel = new BroadcastChannel('lighttrack:changes');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      channel.close();
      reject(new Error('no change announced'));
    }, timeoutMs);
    channel.onmessage = (event) => {
      if (!filter(event.data)) return;
      clearTimeout(timer);
      channel.close();
      resolve(event.data);
    };
  });
}
