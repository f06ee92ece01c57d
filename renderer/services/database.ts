import * as Comlink from 'comlink';
import { atom, computed } from 'nanostores';

import type { OpenInfo } from '../../shared/data-contract.ts';
import {
  MAX_RESTORE_BYTES,
  type BackupInfo,
  type BackupRetention,
  type IntegrityResult,
  type RecoveryProblem,
  type RestoreResult,
} from '../../shared/database.ts';
import { AppError, toAppError } from '../../shared/errors.ts';
import type { DataClient } from './data-client.ts';
import { offerDownload } from './files.ts';

/** What the window can do with its database right now. */
export type DatabaseMode = 'starting' | 'ready' | 'recovery' | 'failed';

/**
 * The database file as the window sees it: whether it opened (or needs recovery, and why), and the calls on the file
 * itself — integrity, backups, export, restore, start fresh. Views reach the DatabaseApi only through here.
 */
export class DatabaseService {
  /** the worker's latest answer to open()/status(); null until it answers */
  readonly $info = atom<OpenInfo | null>(null);
  /** set when the worker could not even open the file (it did not start, or could not tell what is wrong) */
  readonly $startError = atom<AppError | null>(null);
  readonly $mode = computed([this.$info, this.$startError], (info, error): DatabaseMode =>
    info ? info.status : error ? 'failed' : 'starting',
  );
  readonly $problem = computed(this.$info, (info): RecoveryProblem | null =>
    info?.status === 'recovery' ? (info.problem ?? { kind: 'damaged', message: '', technical: '' }) : null,
  );

  readonly #client: DataClient;
  #disconnect: (() => void) | null = null;

  constructor(client: DataClient) {
    this.#client = client;
  }

  /** Opens the database (once) and follows its status: after a worker restart and whenever a call meets recovery. */
  connect(): () => void {
    if (!this.#disconnect) {
      const stopWatching = this.watchRestarts(() => this.refresh());
      const refresh = () => void this.refresh();
      this.#client.addEventListener('recovery', refresh);
      this.#disconnect = () => {
        stopWatching();
        this.#client.removeEventListener('recovery', refresh);
        this.#disconnect = null;
      };
      this.#client.start().then(
        (info) => this.#set(info),
        (error: unknown) => this.$startError.set(toAppError(error)),
      );
    }
    return this.#disconnect;
  }

  /**
   * Runs `reload` after each worker restart, for views of the file (backups, the error log, its status) that no
   * change announcement covers. Returns the unsubscribe.
   */
  watchRestarts(reload: () => unknown): () => void {
    return this.#client.watch([], reload);
  }

  /** Asks the worker for its current status. */
  async refresh(): Promise<OpenInfo | null> {
    try {
      const info = await this.#client.data.status();
      this.#set(info);
      return info;
    } catch (error) {
      if (!this.$info.get()) this.$startError.set(toAppError(error));
      return null;
    }
  }

  /**
   * The main window's check after its first paint: a quick integrity check (a failure switches to the recovery
   * screen), then today's scheduled backups when the file is fine. Runs when the browser is idle.
   */
  checkWhenIdle(timeoutMs = 2000): void {
    const run = async () => {
      if ((await this.#client.start().catch(() => null))?.status !== 'ready') return;
      const result = await this.checkIntegrity().catch(() => null);
      if (result?.ok) await this.#client.data.runScheduledBackups().catch(() => undefined);
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void run(), { timeout: timeoutMs });
    else setTimeout(() => void run(), 200);
  }

  async checkIntegrity(full = false): Promise<IntegrityResult> {
    const result = await this.#client.data.checkIntegrity({ full });
    if (!result.ok) await this.refresh();
    return result;
  }

  /** Backups, newest first. */
  async listBackups(): Promise<BackupInfo[]> {
    const backups = await this.#client.data.listBackups();
    return [...backups].sort((a, b) => b.createdAt - a.createdAt);
  }

  backupNow(): Promise<BackupInfo> {
    return this.#client.data.backupNow();
  }

  getRetention(): Promise<BackupRetention> {
    return this.#client.data.getBackupRetention();
  }

  setRetention(retention: BackupRetention): Promise<BackupRetention> {
    return this.#client.data.setBackupRetention(retention);
  }

  /** Offers the database file as a download (in recovery: the unusable file as it is). Returns its name. */
  async downloadDatabase(): Promise<string> {
    const file = await this.#client.data.exportDatabase();
    return offerDownload(file.fileName, file.bytes, 'application/vnd.sqlite3');
  }

  async restoreBackup(name: string): Promise<RestoreResult> {
    return this.#afterRestore(await this.#client.data.restoreBackup(name));
  }

  /** Restores from a file the user picked. Its bytes are handed to the worker, not copied. */
  async restoreFromFile(file: File): Promise<RestoreResult> {
    if (file.size === 0) throw new AppError('VALIDATION', `“${file.name}” is empty.`);
    if (file.size > MAX_RESTORE_BYTES) throw new AppError('VALIDATION', `“${file.name}” is larger than 1 GiB.`);
    const bytes = await file.arrayBuffer();
    const input = Comlink.transfer({ fileName: file.name.slice(0, 255), bytes }, [bytes]);
    return this.#afterRestore(await this.#client.data.restoreFromFile(input));
  }

  /** Recovery only: keeps the unusable file aside and starts an empty database. */
  async startFresh(): Promise<OpenInfo> {
    const info = await this.#client.data.startFresh();
    this.#set(info);
    return info;
  }

  /** Every window reloads after a restore (the worker says so on the lifecycle channel); until then, show the truth. */
  async #afterRestore(result: RestoreResult): Promise<RestoreResult> {
    await this.refresh();
    return result;
  }

  #set(info: OpenInfo): void {
    this.$startError.set(null);
    this.$info.set(info);
  }
}
