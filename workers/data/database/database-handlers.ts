import * as Comlink from 'comlink';
import * as v from 'valibot';

import type { DataApi, DatabaseApi, OpenInfo } from '../../../shared/data-contract.ts';
import {
  BackupNameSchema,
  BackupRetentionSchema,
  DEFAULT_BACKUP_RETENTION,
  LIFECYCLE_CHANNEL,
  RestoreFileInputSchema,
  type BackupInfo,
  type BackupRetention,
  type DatabaseFile,
  type IntegrityResult,
  type LifecycleMessage,
  type RestoreResult,
} from '../../../shared/database.ts';
import { localDayKey } from '../../../shared/day.ts';
import { AppError } from '../../../shared/errors.ts';
import { parse } from '../../../shared/validate.ts';
import type { Core } from '../owner/core.ts';
import { readSettings, writeSettings } from '../settings/settings.ts';
import { copyFile, emptyDatabaseFiles, fileSize, readBytes, removeDatabaseFiles, writeBytes } from '../storage/opfs.ts';
import {
  applyRetention,
  backupPath,
  copyDatabase,
  exportDir,
  fileStamp,
  findBackup,
  inspectCandidate,
  listBackups,
  makeBackup,
  stagingDir,
  type Schedule,
} from './backups.ts';
import type { Lifecycle } from './lifecycle.ts';
import { removeMarker } from './open-database.ts';

/**
 * The file itself: integrity checks, backups, export, restore and the recovery choices. These calls also work while
 * the file needs recovery. A restore replaces the file only after the candidate passed every check, keeps the file
 * it replaces (a pre-restore backup, or the damaged file set aside), and tells every window to reload.
 */
export class DatabaseHandlers implements DatabaseApi {
  constructor(
    private readonly core: Core,
    private readonly lifecycle: Lifecycle,
  ) {}

  checkIntegrity(options?: { full?: boolean }): Promise<IntegrityResult> {
    const kind = parse(v.optional(v.object({ full: v.optional(v.boolean()) }), {}), options, 'integrity options').full
      ? 'full'
      : 'quick';
    return this.#checkIntegrity(kind);
  }

  /**
   * Checks a fresh copy instead of the live file: quick_check reads every page (~0.8 s at 250k sessions) and on the
   * owner's thread every call would wait for it, right after launch. The copy is made in queued steps (a commit
   * waits for one step at most) and checked in a worker of its own; its pages are the file's pages, so a damaged
   * page shows up the same way.
   */
  async #checkIntegrity(kind: 'quick' | 'full'): Promise<IntegrityResult> {
    const started = performance.now();
    const db = await this.core.serial(async () =>
      this.core.info?.status === 'recovery' ? null : this.core.requireDb(),
    );
    if (!db) return { ok: false, kind, problems: [this.core.info?.problem?.technical ?? 'needs recovery'], ms: 0 };
    const path = `${stagingDir(this.core.name)}/check-${crypto.randomUUID().slice(0, 8)}.sqlite3`;
    let check: { ok: boolean; problems: string[] };
    try {
      check = await copyDatabase(db, path, this.#queued, kind);
    } catch (error) {
      if (this.core.db !== db) throw error; // closed or replaced meanwhile (restore): not a verdict on the file
      check = { ok: false, problems: [(error as Error).message] };
    } finally {
      await removeDatabaseFiles(path).catch(() => undefined);
    }
    if (!check.ok) {
      await this.core.serial(() =>
        this.core.enterRecovery({
          kind: 'damaged',
          message:
            "LightTrack's data file failed its integrity check: part of it is damaged. Nothing more will be written " +
            'to it until you choose what to do. Restoring a backup is the safest choice.',
          technical: check.problems.join('\n'),
        }),
      );
      void this.core.logError(
        new AppError('DAMAGED', `Integrity check (${kind}) failed`, check),
        'worker:checkIntegrity',
      );
    }
    return { ok: check.ok, kind, problems: check.problems, ms: performance.now() - started };
  }

  status(): Promise<OpenInfo> {
    return this.core.serial(async () => {
      if (!this.core.info) throw new AppError('UNAVAILABLE', 'The database is not open; call open() first');
      return this.core.info;
    });
  }

  listBackups(): Promise<BackupInfo[]> {
    return this.core.serial(() => listBackups(this.core.name));
  }

  /** Runs outside the queue: its copy steps are queued one by one, so a timer commit waits for one step at most. */
  backupNow(): Promise<BackupInfo> {
    return this.#backup('manual');
  }

  /** Today's daily backup when there is none yet; retention applied after. */
  async runScheduledBackups(): Promise<BackupInfo[]> {
    const due = await this.core.serial(async () => {
      if (this.core.info?.status !== 'ready') return false;
      const today = localDayKey(this.core.clock());
      const existing = await listBackups(this.core.name);
      if (existing.some((b) => b.kind === 'daily' && localDayKey(b.createdAt) === today)) {
        await applyRetention(this.core.name, await this.#retention());
        return false;
      }
      return true;
    });
    return due ? [await this.#backup('daily')] : [];
  }

  getBackupRetention(): Promise<BackupRetention> {
    return this.core.serial(() => this.#retention());
  }

  setBackupRetention(retention: BackupRetention): Promise<BackupRetention> {
    const parsed = parse(BackupRetentionSchema, retention, 'backup retention');
    return this.core.serial(async () => {
      const db = this.core.requireDb();
      await db.transaction(() => writeSettings(db, { backupRetention: parsed }, this.core.clock()));
      this.core.changes.announce({ table: 'settings', op: 'update', ids: [] });
      await applyRetention(this.core.name, parsed);
      return parsed;
    });
  }

  exportDatabase(): Promise<DatabaseFile> {
    return this.core.serial(async () => {
      const day = localDayKey(this.core.clock());
      const base = this.core.name.replace(/\.sqlite3$/, '');
      let bytes: ArrayBuffer;
      let fileName: string;
      if (this.core.info?.status === 'ready') {
        // a consistent, self-contained copy (no -wal beside it) that the sqlite3 tool opens as is
        const path = `${exportDir(this.core.name)}/${fileStamp(this.core.clock())}.sqlite3`;
        try {
          const check = await copyDatabase(this.core.requireDb(), path);
          if (!check.ok)
            throw new AppError('DAMAGED', `The exported copy failed its check: ${check.problems[0] ?? ''}`);
          bytes = await readBytes(path);
        } finally {
          await removeDatabaseFiles(path);
        }
        fileName = `${base}-${day}.sqlite3`;
      } else {
        bytes = await readBytes(this.core.name).catch(() => new ArrayBuffer(0));
        fileName = `${base}-damaged-${day}.sqlite3`;
      }
      return Comlink.transfer({ fileName, bytes }, [bytes]);
    });
  }

  restoreBackup(name: string): Promise<RestoreResult> {
    const parsed = parse(BackupNameSchema, name, 'backup name');
    return this.core.serial(async () => {
      await findBackup(this.core.name, parsed);
      return this.#restore(backupPath(this.core.name, parsed), `the backup of ${parsed}`);
    });
  }

  restoreFromFile(input: Parameters<DataApi['restoreFromFile']>[0]): Promise<RestoreResult> {
    const parsed = parse(RestoreFileInputSchema, input, 'restore file');
    return this.core.serial(async () => {
      const staging = `${stagingDir(this.core.name)}/restore.sqlite3`;
      await writeBytes(staging, parsed.bytes);
      try {
        return await this.#restore(staging, `the file ${parsed.fileName || '(unnamed)'}`);
      } finally {
        await removeDatabaseFiles(staging).catch(() => undefined);
      }
    });
  }

  startFresh(): Promise<OpenInfo> {
    return this.core.serial(async () => {
      if (this.core.info?.status !== 'recovery') {
        throw new AppError('CONFLICT', 'Start fresh is only offered when the database cannot be used');
      }
      const name = this.core.name;
      await this.#keepAside();
      await removeMarker(name); // an empty file with the marker would read as "lost"
      await emptyDatabaseFiles(name, true);
      const info = await this.lifecycle.openNow(name);
      this.#announceReload('LightTrack started a fresh database; the damaged file was kept aside.');
      return info;
    });
  }

  /** Runs inside the queue: validates the candidate, keeps the current file, swaps, reopens, reloads every window. */
  async #restore(source: string, what: string): Promise<RestoreResult> {
    const candidate = await inspectCandidate(source);
    const name = this.core.name;
    let safetyBackup: BackupInfo | null = null;
    let keptAs: string | null = null;
    if (this.core.info?.status === 'ready' && this.core.db) {
      safetyBackup = await makeBackup(this.core.db, name, 'pre-restore', this.core.clock());
    } else {
      keptAs = await this.#keepAside();
    }
    await this.core.db?.close();
    this.core.db = null;
    await copyFile(source, name);
    // A WAL or hot journal left from the replaced file must not be replayed onto the restored one.
    await emptyDatabaseFiles(name, false);
    const info = await this.lifecycle.openNow(name);
    if (info.status !== 'ready')
      throw new AppError('DB', `The restored file could not be opened: ${info.problem?.message}`);
    this.#announceReload(`LightTrack restored ${what}.`);
    return { safetyBackup, keptAs, sessions: candidate.sessions };
  }

  /** Copies the unusable file (and its WAL) to damaged/<name>/…; never deletes it. */
  async #keepAside(): Promise<string | null> {
    const name = this.core.name;
    await this.core.db?.close().catch(() => undefined);
    this.core.db = null;
    if (!(await fileSize(name))) return null;
    const path = `damaged/${name}/${new Date(this.core.clock()).toISOString().replaceAll(':', '-')}.sqlite3`;
    await copyFile(name, path);
    if (await fileSize(`${name}-wal`)) await copyFile(`${name}-wal`, `${path}-wal`);
    return path;
  }

  async #backup(kind: 'manual' | 'daily'): Promise<BackupInfo> {
    // No separate check of the live file first: the backup API copies its pages as they are, so the quick_check
    // of the copy (in makeBackup) checks the file as of the backup and a failure leaves no listed backup; a second
    // check here only doubled the ~1 s the owner is busy on 250k sessions.
    const db = await this.core.serial(async () => this.core.requireDb());
    const made = await makeBackup(db, this.core.name, kind, this.core.clock(), this.#queued);
    await this.core.serial(async () => applyRetention(this.core.name, await this.#retention()));
    return made;
  }

  /** Each backup step as its own queued call (see Database.backupTo). */
  readonly #queued: Schedule = <T>(step: () => Promise<T>) => this.core.serial(step);

  async #retention(): Promise<BackupRetention> {
    if (!this.core.db || this.core.info?.status !== 'ready') return DEFAULT_BACKUP_RETENTION;
    return (await readSettings(this.core.db, this.core.onBadSetting)).backupRetention;
  }

  #announceReload(reason: string): void {
    const channel = new BroadcastChannel(LIFECYCLE_CHANNEL);
    channel.postMessage({ type: 'reload', reason } satisfies LifecycleMessage);
    channel.close();
  }
}
