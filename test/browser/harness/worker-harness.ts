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

/** Rejects with the AppError the worker sent, so tests can look at its code. */
export async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; details?: unknown }> {
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
