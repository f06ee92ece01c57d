import * as Comlink from 'comlink';

import { installAbortTransfer } from '../../../../shared/comlink-abort.ts';
import type { ExportWorkerApi } from '../../../../workers/export/export-worker.ts';
import { startDataWorker, uniqueDbName, type WorkerHandle } from '../../harness/worker-harness.ts';

installAbortTransfer();

export interface Pair {
  data: WorkerHandle;
  exporter: Comlink.Remote<ExportWorkerApi>;
  exportWorker: Worker;
  /** a fresh port to the data worker, as the window hands one over per job */
  port(): Promise<MessagePort>;
  stop(): void;
}

/** A real data worker on its own OPFS file, and a real export worker beside it, both from source. */
export async function startPair(prefix: string): Promise<Pair> {
  const data = startDataWorker();
  await data.api.open({ name: uniqueDbName(prefix) });
  const exportWorker = new Worker(new URL('../../../../workers/export/export-worker.ts', import.meta.url), {
    type: 'module',
  });
  const exporter = Comlink.wrap<ExportWorkerApi>(exportWorker);
  return {
    data,
    exporter,
    exportWorker,
    async port() {
      const { port1, port2 } = new MessageChannel();
      await (data.api as unknown as { servePort(p: MessagePort): Promise<void> }).servePort(
        Comlink.transfer(port2, [port2]),
      );
      return Comlink.transfer(port1, [port1]);
    },
    stop() {
      exportWorker.terminate();
      data.worker.terminate();
    },
  };
}

export async function tempFiles(): Promise<string[]> {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle('exports-tmp', { create: true });
  const names: string[] = [];
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  return names;
}

export async function readTemp(name: string): Promise<string> {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle('exports-tmp');
  return (await (await dir.getFileHandle(name)).getFile()).text();
}
