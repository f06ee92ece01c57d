import * as Comlink from 'comlink';

import { installAbortTransfer } from '../../shared/comlink-abort.ts';
import { installErrorTransfer } from '../../shared/comlink-errors.ts';
import { AppError } from '../../shared/errors.ts';
import type { ImportOutcome } from '../../shared/export-contract.ts';
import type { ExportWorkerApi } from '../../workers/export/export-worker.ts';
import type { TimewarriorProjectRule } from '../../workers/export/imports.ts';
import type { Progress } from '../../workers/export/progress.ts';
import type { ImportSummary } from '../../workers/export/read-import.ts';
import type { ExportJob, ExportResult } from '../../workers/export/run-export.ts';
import type { ExportTarget } from '../../workers/export/sinks.ts';
import type { DataClient } from './data-client.ts';
import { offerDownload } from './files.ts';

installErrorTransfer();
installAbortTransfer();

export type { ExportJob, ExportResult, ImportSummary, Progress, TimewarriorProjectRule };

/** A worker with nothing to do for this long is stopped (it holds parsed import rows and libraries in memory). */
export const IDLE_STOP_MS = 60_000;

interface Connection {
  worker: Worker;
  remote: Comlink.Remote<ExportWorkerApi>;
  ready: Promise<void>;
  died: Promise<never>;
}

/**
 * The window's handle on its export worker, in the style of DataClient: started on the first export or import,
 * jobs run one at a time in a queue, a job can be cancelled (an AbortSignal crosses to the worker), a crashed worker
 * is replaced on the next job (the job in flight rejects with UNAVAILABLE), and an idle worker is stopped.
 * Each job gets a fresh port to the data worker: the rows travel worker to worker, never through this thread.
 */
export class ExportClient {
  #connection: Connection | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #busy = 0;
  #idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly data: DataClient,
    private readonly workerUrl: URL | string = new URL('./workers/export-worker.js', location.href),
    private readonly idleMs = IDLE_STOP_MS,
  ) {}

  /** Whether a worker is running now (tests, diagnostics). */
  get running(): boolean {
    return this.#connection !== null;
  }

  /** Writes the export to `target`; a download target is handed to the browser's downloads when done. */
  exportReport(
    job: ExportJob,
    target: ExportTarget,
    onProgress: (p: Progress) => void,
    signal?: AbortSignal,
  ): Promise<ExportResult> {
    return this.#run(async (remote) => {
      const port = await this.data.connectPort();
      const result = await remote.exportReport(
        job,
        Comlink.transfer(port, [port]),
        target.kind === 'file' ? target : { ...target },
        Comlink.proxy(onProgress),
        signal,
      );
      if (result.tempName) await this.#download(result);
      return result;
    }, signal);
  }

  /** Reads and parses the file in the worker and answers what an import would do; nothing is written. */
  /** The preview, in this machine's zone unless another is chosen (the dialog re-runs it when the user picks one). */
  previewImport(
    file: File,
    choices: { timeZone?: string; timewarriorProjectRule?: TimewarriorProjectRule } = {},
  ): Promise<ImportSummary> {
    return this.#run(async (remote) => {
      const port = await this.data.connectPort();
      return remote.previewImport(
        file,
        Comlink.transfer(port, [port]),
        choices.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
        { timewarriorProjectRule: choices.timewarriorProjectRule },
      );
    });
  }

  confirmImport(
    previewId: string,
    onProgress: (p: Progress) => void,
    signal?: AbortSignal,
    options: { restoreSettings?: boolean } = {},
  ): Promise<ImportOutcome> {
    return this.#run(async (remote) => {
      const port = await this.data.connectPort();
      return remote.confirmImport(
        previewId,
        Comlink.transfer(port, [port]),
        Comlink.proxy(onProgress),
        signal,
        options,
      );
    }, signal);
  }

  discardImport(previewId: string): void {
    if (this.#connection) void this.#connection.remote.discardImport(previewId).catch(() => undefined);
  }

  dispose(): void {
    clearTimeout(this.#idle);
    this.#connection?.worker.terminate();
    this.#connection = null;
  }

  /** The OPFS temp file goes to the browser's downloads; it is deleted once the browser has had time to read it. */
  async #download(result: ExportResult): Promise<void> {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('exports-tmp');
    const file = await (await dir.getFileHandle(result.tempName!)).getFile();
    offerDownload(result.destination, file);
    // deleted from here, not by the worker: an idle worker may be gone by then
    setTimeout(() => void dir.removeEntry(result.tempName!).catch(() => undefined), 60_000);
  }

  #run<T>(job: (remote: Comlink.Remote<ExportWorkerApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    clearTimeout(this.#idle);
    this.#busy++;
    const run = this.#queue.then(async () => {
      if (signal?.aborted) throw new AppError('CONFLICT', 'Cancelled before it started', { cancelled: true });
      const connection = this.#current();
      await connection.ready;
      return Promise.race([job(connection.remote), connection.died]);
    });
    this.#queue = run.catch(() => undefined);
    return run.finally(() => {
      if (--this.#busy === 0) this.#idle = setTimeout(() => this.dispose(), this.idleMs);
    });
  }

  #current(): Connection {
    this.#connection ??= this.#spawn();
    return this.#connection;
  }

  #spawn(): Connection {
    const worker = new Worker(this.workerUrl, { type: 'module', name: 'lighttrack-export' });
    const remote = Comlink.wrap<ExportWorkerApi>(worker);
    let markDead: (e: AppError) => void = () => undefined;
    const died = new Promise<never>((_r, reject) => (markDead = reject));
    died.catch(() => undefined);
    const lifeline = `lighttrack-export-life-${crypto.randomUUID()}`;
    const failed = new Promise<never>((_r, reject) =>
      worker.addEventListener(
        'error',
        (e) => {
          e.preventDefault();
          reject(new AppError('UNAVAILABLE', `The export worker failed to start: ${e.message || 'script error'}`));
        },
        { once: true },
      ),
    );
    failed.catch(() => undefined);
    const connection: Connection = {
      worker,
      remote,
      died,
      ready: Promise.race([remote.holdLifeline(lifeline), failed]).then(() => {
        void navigator.locks.request(lifeline, () => {
          markDead(new AppError('UNAVAILABLE', 'The export worker stopped; try again'));
          if (this.#connection === connection) this.#connection = null; // the next job starts a new one
        });
      }),
    };
    connection.ready.catch(() => {
      if (this.#connection === connection) this.#connection = null;
      worker.terminate();
    });
    return connection;
  }
}

const clients = new WeakMap<DataClient, ExportClient>();

/** One export client per window (per data client); `workerUrl` names the worker for the first (tests run it from source). */
export function exportClientFor(data: DataClient, workerUrl?: URL): ExportClient {
  let client = clients.get(data);
  if (!client) clients.set(data, (client = workerUrl ? new ExportClient(data, workerUrl) : new ExportClient(data)));
  return client;
}
