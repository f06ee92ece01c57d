import * as Comlink from 'comlink';

import { installAbortTransfer } from '../../shared/comlink-abort.ts';
import { installErrorTransfer } from '../../shared/comlink-errors.ts';
import type { DataApi } from '../../shared/data-contract.ts';
import { AppError } from '../../shared/errors.ts';
import { holdLifelineLock } from '../lifeline.ts';
import { exportConversations, type ConversationsJob } from './conversations-export.ts';
import type { Progress } from './progress.ts';
import { confirmImport, discardPreview, previewImport, type PreviewChoices } from './read-import.ts';
import { runExport, type ExportJob } from './run-export.ts';
import { removeTemp, type ExportTarget } from './sinks.ts';

installErrorTransfer();
installAbortTransfer();

/** The data worker over a port the window handed over for this one job; closed when the job ends. */
function dataOver(port: unknown): { data: Comlink.Remote<DataApi>; done: () => void } {
  if (!(port instanceof MessagePort))
    throw new AppError('VALIDATION', 'The export worker needs a MessagePort to the data worker');
  const data = Comlink.wrap<DataApi>(port);
  return { data, done: () => port.close() };
}

async function withData<T>(port: unknown, fn: (data: Comlink.Remote<DataApi>) => Promise<T>): Promise<T> {
  const { data, done } = dataOver(port);
  try {
    return await fn(data);
  } finally {
    done();
  }
}

/**
 * The export worker: writes exports and reads imports off the UI thread, reading and writing the database through
 * the data worker directly (no row passes through the window). Started on the first export or import and stopped
 * when idle by renderer/services/export-client.ts.
 */
const api = {
  /** Held for the worker's life: the window learns of a crash when the lock is freed (as with the data worker). */
  holdLifeline(lockName: string): Promise<void> {
    if (typeof lockName !== 'string' || !/^lighttrack-export-life-[\w-]{1,64}$/.test(lockName))
      throw new AppError('VALIDATION', 'Not a lifeline lock name');
    return holdLifelineLock(lockName, 'That lifeline is already held');
  },
  exportReport(
    job: ExportJob,
    port: MessagePort,
    target: ExportTarget,
    progress: (p: Progress) => void,
    signal?: AbortSignal,
  ) {
    return withData(port, (data) => runExport(data, job, target, progress, signal));
  },
  exportConversations(
    job: ConversationsJob,
    port: MessagePort,
    target: ExportTarget,
    progress: (p: Progress) => void,
    signal?: AbortSignal,
  ) {
    return withData(port, (data) => exportConversations(data, job, target, progress, signal));
  },
  previewImport(file: File, port: MessagePort, timeZone: string, choices?: PreviewChoices) {
    if (!(file instanceof Blob)) throw new AppError('VALIDATION', 'The import needs a file');
    if (typeof timeZone !== 'string' || timeZone.length > 64)
      throw new AppError('VALIDATION', 'The import needs a time zone');
    // (the rule is checked against the parsers' list once they are loaded)
    const timewarriorProjectRule = choices?.timewarriorProjectRule;
    return withData(port, (data) => previewImport(data, file as File, timeZone, { timewarriorProjectRule }));
  },
  confirmImport(
    previewId: string,
    port: MessagePort,
    progress: (p: Progress) => void,
    signal?: AbortSignal,
    options?: { restoreSettings?: boolean },
  ) {
    const restoreSettings = options?.restoreSettings === true;
    return withData(port, (data) => confirmImport(data, String(previewId), progress, signal, { restoreSettings }));
  },
  discardImport(previewId: string) {
    discardPreview(String(previewId));
  },
  removeTemp(tempName: string) {
    if (typeof tempName !== 'string' || !/^[\w-]{36}-[^/\\]{1,200}$/.test(tempName))
      throw new AppError('VALIDATION', 'Not an export temp file');
    return removeTemp(tempName);
  },
};
export type ExportWorkerApi = typeof api;

Comlink.expose(api);
