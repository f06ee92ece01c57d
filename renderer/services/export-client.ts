import * as Comlink from 'comlink';

import { installAbortTransfer } from '../../shared/comlink-abort.ts';
import { installErrorTransfer } from '../../shared/comlink-errors.ts';
import type { ImportOutcome } from '../../shared/export-contract.ts';
import type { ConversationsJob, ConversationsResult } from '../../workers/export/conversations-export.ts';
import type { ExportWorkerApi } from '../../workers/export/export-worker.ts';
import type { TimewarriorProjectRule } from '../../workers/export/imports.ts';
import type { Progress } from '../../workers/export/progress.ts';
import type { ImportSummary } from '../../workers/export/read-import.ts';
import type { ExportJob, ExportResult } from '../../workers/export/run-export.ts';
import type { ExportTarget } from '../../workers/export/sinks.ts';
import type { DataClient } from './data-client.ts';
import { offerDownload } from './files.ts';
import { WorkerBridge } from './worker-bridge.ts';

installErrorTransfer();
installAbortTransfer();

export type {
  ConversationsJob,
  ConversationsResult,
  ExportJob,
  ExportResult,
  ImportSummary,
  Progress,
  TimewarriorProjectRule,
};

/** A worker with nothing to do for this long is stopped (it holds parsed import rows and libraries in memory). */
export const IDLE_STOP_MS = 60_000;

/**
 * The window's handle on its export worker (a WorkerBridge: lazy start, queue, cancel, restart after a crash, idle
 * stop).
 * Each job gets a fresh port to the data worker: the rows travel worker to worker, never through this thread.
 */
export class ExportClient {
  readonly #bridge: WorkerBridge<ExportWorkerApi>;

  constructor(
    private readonly data: DataClient,
    workerUrl: URL | string = new URL('./workers/export-worker.js', location.href),
    idleMs = IDLE_STOP_MS,
  ) {
    this.#bridge = new WorkerBridge('export', workerUrl, idleMs);
  }

  /** Whether a worker is running now (tests, diagnostics). */
  get running(): boolean {
    return this.#bridge.running;
  }

  /** Writes the export to `target`; a download target is handed to the browser's downloads when done. */
  exportReport(
    job: ExportJob,
    target: ExportTarget,
    onProgress: (p: Progress) => void,
    signal?: AbortSignal,
  ): Promise<ExportResult> {
    return this.#toFile(
      (remote, port, to) => remote.exportReport(job, port, to, Comlink.proxy(onProgress), signal),
      target,
      signal,
    );
  }

  /** The assistant's conversations (one, some or all) as JSON or Markdown, with progress and cancel. */
  exportConversations(
    job: ConversationsJob,
    target: ExportTarget,
    onProgress: (p: Progress) => void,
    signal?: AbortSignal,
  ): Promise<ConversationsResult> {
    return this.#toFile(
      (remote, port, to) => remote.exportConversations(job, port, to, Comlink.proxy(onProgress), signal),
      target,
      signal,
    );
  }

  /**
   * Reads and parses the file in the worker and answers what an import would do; nothing is written. In this
   * machine's zone unless another is chosen (the dialog re-runs it when the user picks one).
   */
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
    void this.#bridge.remote?.discardImport(previewId).catch(() => undefined);
  }

  dispose(): void {
    this.#bridge.dispose();
  }

  /** A job that writes a file: the worker gets a port to the data worker and the target; a download is handed on. */
  #toFile<R extends ExportResult | ConversationsResult>(
    call: (remote: Comlink.Remote<ExportWorkerApi>, port: MessagePort, target: ExportTarget) => Promise<R>,
    target: ExportTarget,
    signal: AbortSignal | undefined,
  ): Promise<R> {
    return this.#run(async (remote) => {
      const port = await this.data.connectPort();
      const result = await call(
        remote,
        Comlink.transfer(port, [port]),
        target.kind === 'file' ? target : { ...target },
      );
      if (result.tempName) await this.#download(result);
      return result;
    }, signal);
  }

  /** The OPFS temp file goes to the browser's downloads; it is deleted once the browser has had time to read it. */
  async #download(result: { tempName: string | null; destination: string }): Promise<void> {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('exports-tmp');
    const file = await (await dir.getFileHandle(result.tempName!)).getFile();
    offerDownload(result.destination, file);
    // deleted from here, not by the worker: an idle worker may be gone by then
    setTimeout(() => void dir.removeEntry(result.tempName!).catch(() => undefined), 60_000);
  }

  #run<T>(job: (remote: Comlink.Remote<ExportWorkerApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.#bridge.run(job, signal);
  }
}

const clients = new WeakMap<DataClient, ExportClient>();

/** One export client per window (per data client); `workerUrl` names the worker for the first (tests run it from source). */
export function exportClientFor(data: DataClient, workerUrl?: URL): ExportClient {
  let client = clients.get(data);
  if (!client) clients.set(data, (client = workerUrl ? new ExportClient(data, workerUrl) : new ExportClient(data)));
  return client;
}
