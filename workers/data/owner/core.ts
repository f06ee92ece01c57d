import type { Change } from '../../../shared/changes.ts';
import type { OpenInfo } from '../../../shared/data-contract.ts';
import type { RecoveryProblem } from '../../../shared/database.ts';
import type { ErrorLogEntry } from '../../../shared/error-log.ts';
import { AppError, toAppError } from '../../../shared/errors.ts';
import { detailsJson, insertError, type NewErrorLogEntry } from '../diagnostics/diagnostics.ts';
import type { Database } from '../storage/sqlite.ts';
import { ChangeAnnouncer } from './changes.ts';

export const DEFAULT_DB_NAME = 'lighttrack.sqlite3';
/** Errors kept in memory while the database cannot take them (recovery mode); written out once it can. */
const MEMORY_LOG_CAP = 500;
/** Quiet time after the last write before the WAL is folded into the file (a checkpoint of a few pages: ~10 ms). */
const IDLE_FOLD_MS = 250;
/** Quiet time after the last write before the WAL file is also emptied. */
const IDLE_CHECKPOINT_MS = 2_000;

/**
 * The owner's state shared by the domain services: the one connection, the call queue, the status (ready or
 * recovery), change announcements and the error log. Calls run one at a time, so a transaction's statements never
 * interleave with another call's.
 */
export class Core {
  readonly changes = new ChangeAnnouncer();
  readonly clock: () => number;
  name = DEFAULT_DB_NAME;
  db: Database | null = null;
  info: OpenInfo | null = null;
  /** errors not yet in the database, oldest first */
  readonly unsaved: NewErrorLogEntry[] = [];
  #queue: Promise<unknown> = Promise.resolve();
  #checkpointTimers: ReturnType<typeof setTimeout>[] = [];
  readonly #reportedDamaged = new Set<string>();
  /** called after each committed write (e.g. to catch derived tables up later, in small queued steps) */
  readonly afterWrite = new Set<() => void>();

  constructor(clock: () => number) {
    this.clock = clock;
  }

  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** The open connection, or UNAVAILABLE (details.recovery) when the file needs the user first. */
  requireDb(): Database {
    if (this.db && this.info?.status === 'ready') return this.db;
    if (this.info?.status === 'recovery') {
      throw new AppError('UNAVAILABLE', 'The database needs recovery before it can be used', {
        recovery: true,
        problem: this.info.problem,
      });
    }
    throw new AppError('UNAVAILABLE', 'The database is not open; call open() first');
  }

  read<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    return this.serial(async () => this.#guard(() => fn(this.requireDb())));
  }

  /** Runs fn in one write transaction; announces the change only after COMMIT succeeded. */
  write<T>(
    table: Change['table'],
    op: Change['op'],
    fn: (db: Database, now: number) => Promise<{ result: T; ids: string[]; also?: Omit<Change, 'origin'>[] }>,
  ): Promise<T> {
    return this.serial(async () => {
      const db = this.requireDb();
      const { result, ids, also } = await this.#guard(() => db.transaction(() => fn(db, this.clock())));
      if (ids.length > 0 || op === 'insert') this.changes.announce({ table, op, ids });
      for (const change of also ?? []) this.changes.announce(change);
      this.scheduleCheckpoint();
      for (const listener of this.afterWrite) listener();
      return result;
    });
  }

  /**
   * When writes pause, fold the WAL into the database: soon (PASSIVE, after IDLE_FOLD_MS), so the commits a user
   * waits for rarely meet SQLite's own checkpoint (wal_autocheckpoint is only the cap for bursts), and again after
   * IDLE_CHECKPOINT_MS truncating the file, so a window closed later (its worker ends without closing the file)
   * leaves nothing to replay at the next launch. Also after an open, which may have replayed a WAL left by a worker
   * that ended mid-work: folded, the next launch need not replay it again.
   */
  scheduleCheckpoint(): void {
    for (const t of this.#checkpointTimers) clearTimeout(t);
    const fold = (mode: 'PASSIVE' | 'TRUNCATE') => () =>
      void this.serial(async () => {
        if (this.db && this.info?.status === 'ready') await this.db.exec(`PRAGMA wal_checkpoint(${mode})`);
      }).catch(() => undefined); // the next write retries; a failing file shows up in the next call anyway
    this.#checkpointTimers = [
      setTimeout(fold('PASSIVE'), IDLE_FOLD_MS),
      setTimeout(fold('TRUNCATE'), IDLE_CHECKPOINT_MS),
    ];
  }

  /** A corrupt page met during normal use puts the worker into recovery, like a failed check at open. */
  async #guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (
        error instanceof AppError &&
        error.code === 'DAMAGED' &&
        (error.details as { sqliteCode?: unknown })?.sqliteCode
      ) {
        await this.enterRecovery({
          kind: 'damaged',
          message: "LightTrack's data file is damaged. Nothing more will be written to it until you choose what to do.",
          technical: error.message,
        });
      }
      throw error;
    }
  }

  async enterRecovery(problem: RecoveryProblem): Promise<void> {
    await this.db?.close().catch(() => undefined);
    this.db = null;
    if (this.info) this.info = { ...this.info, status: 'recovery', problem };
  }

  /** A bad stored setting falls back to its default; logged once per worker life like a damaged row. */
  readonly onBadSetting = (key: string, value: unknown, issues: string[]): void => {
    const id = `${key}=${String(value).slice(0, 200)}`;
    if (this.#reportedDamaged.has(`settings:${id}`)) return;
    this.#reportedDamaged.add(`settings:${id}`);
    void this.logError(
      new AppError('DAMAGED', `The setting “${key}” on disk is invalid; using its default`, {
        key,
        value: String(value).slice(0, 500),
        issues,
      }),
      'worker:settings',
    );
  };

  /** A damaged row is hidden from views and logged once per worker life (views re-read often). */
  reportDamaged(table: string, id: unknown, issues: string[]): void {
    const key = `${table}:${String(id)}`;
    if (this.#reportedDamaged.has(key)) return;
    this.#reportedDamaged.add(key);
    void this.logError(
      new AppError('DAMAGED', `A damaged ${table} row was hidden`, { table, id, issues }),
      'worker:read',
    );
  }

  /** Records an error; queued after the call that failed. Never throws: a log that cannot be written stays in memory. */
  logError(error: unknown, source: string, correlationId: string | null = null): Promise<void> {
    const e = toAppError(error);
    return this.appendLog({
      time: this.clock(),
      code: e.code,
      message: e.message.slice(0, 2000),
      details: detailsJson(e.details),
      correlationId,
      source,
    });
  }

  appendLog(entry: NewErrorLogEntry): Promise<void> {
    return this.serial(async () => {
      this.unsaved.push(entry);
      if (this.unsaved.length > MEMORY_LOG_CAP) this.unsaved.shift();
      if (!this.db || this.info?.status !== 'ready') return;
      const db = this.db;
      const pending = this.unsaved.slice();
      try {
        await db.transaction(async () => {
          for (const p of pending) await insertError(db, p);
        });
        this.unsaved.splice(0, pending.length);
      } catch {
        // the database refused; the entries stay in memory (Diagnostics shows them as unsaved)
      }
    });
  }

  unsavedEntries(): ErrorLogEntry[] {
    return this.unsaved.map((e, i) => ({ ...e, id: i + 1 })).reverse();
  }
}
