/**
 * One wa-sqlite connection on OPFS, with the small query surface the repositories need.
 *
 * VFS choice: OPFSCoopSyncVFS with the synchronous (non-Asyncify) build, its WAL appends coalesced into one OPFS
 * call per commit (coalescing-vfs.ts: every access-handle call costs ~0.5 ms here whatever its size, and SQLite
 * writes two per WAL frame).
 *  - One worker owns the file (owner/ownership.ts) with exclusive locking, which lets SQLite use WAL without shared memory;
 *    OPFSCoopSyncVFS's cooperative hand-over of access handles (Web Locks + BroadcastChannel) is then only used
 *    for the second files a worker opens (backups, restore candidates).
 *  - It is synchronous, so it runs on the plain build: no Asyncify/JSPI stack switching on every page read, which
 *    is the single biggest speed factor for inserts and scans.
 *  - It is filesystem transparent (the database is an ordinary OPFS file), so backup/export can copy it as is.
 *  AccessHandlePoolVFS is as fast but single-connection; OPFSAdaptiveVFS/OPFSPermutedVFS need the async builds;
 *  OPFSWriteAheadVFS needs the non-standard "readwrite-unsafe" access mode.
 *  The old `wa-sqlite@1.0.0` npm package ships none of these, hence `@journeyapps/wa-sqlite` 2.x.
 */
import * as SQLite from '@journeyapps/wa-sqlite';
import SQLiteESMFactory from '@journeyapps/wa-sqlite/dist/wa-sqlite.mjs';
import type { OPFSCoopSyncVFS } from '@journeyapps/wa-sqlite/src/examples/OPFSCoopSyncVFS.js';

import { AppError } from '../../../shared/errors.ts';
import { createCoalescingWalVFS } from './coalescing-vfs.ts';

export type SqlValue = number | string | Uint8Array | null;
export type Params = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;
export type Row = Record<string, SqlValue>;

const VFS_NAME = 'opfs-coop-sync';
/** Prepared statements kept per connection; analytics SQL varies with the range, so the cache is bounded. */
const STATEMENT_CACHE_SIZE = 64;

/** The few raw exports of the wasm module that wa-sqlite's JS API does not wrap (the online backup API). */
interface RawModule {
  HEAPU8: Uint8Array;
  _sqlite3_malloc(n: number): number;
  _sqlite3_free(p: number): void;
  _sqlite3_backup_init(dest: number, destName: number, src: number, srcName: number): number;
  _sqlite3_backup_step(backup: number, pages: number): number;
  _sqlite3_backup_finish(backup: number): number;
  _sqlite3_backup_remaining(backup: number): number;
  _sqlite3_stmt_readonly(stmt: number): number;
}

interface Engine {
  sqlite3: SQLiteAPI;
  vfs: OPFSCoopSyncVFS;
  module: RawModule;
}
let enginePromise: Promise<Engine> | null = null;

/**
 * The WASM module and VFS are per worker; loading them once serves every connection this worker opens.
 * OPFSCoopSyncVFS.create() deletes other instances' leftover temp folders (.ahp-*) and two instances starting at
 * once race to delete the same one ("A requested file or directory could not be found", about 1 start in 3 with
 * three workers). One origin-wide Web Lock around the creation makes them take turns; it is held for ~10 ms.
 */
function engine(): Promise<Engine> {
  enginePromise ??= (async () => {
    const module = await SQLiteESMFactory();
    const sqlite3 = SQLite.Factory(module);
    const vfs = await navigator.locks.request('lighttrack:vfs-create', () => createCoalescingWalVFS(VFS_NAME, module));
    sqlite3.vfs_register(vfs as unknown as SQLiteVFS, true);
    return { sqlite3, vfs, module: module as unknown as RawModule };
  })();
  enginePromise.catch(() => (enginePromise = null));
  return enginePromise;
}

/** Resolves after pending events (incoming messages) had their turn; faster than setTimeout's clamped delay. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** SQLite result codes the open sequence tells apart (primary codes: the low byte of an extended code). */
export const SQLITE_CORRUPT: number = SQLite.SQLITE_CORRUPT;
export const SQLITE_NOTADB: number = SQLite.SQLITE_NOTADB;

/** The primary SQLite result code behind an error from this module, if any. */
export function sqliteCodeOf(error: unknown): number | null {
  const details = (error as { details?: { sqliteCode?: unknown } } | null)?.details;
  const code = details?.sqliteCode ?? (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code & 0xff : null;
}

export class Database {
  readonly vfsName = 'OPFSCoopSyncVFS';
  readonly #sqlite3: SQLiteAPI;
  readonly #module: RawModule;
  readonly #db: number;
  readonly #statements = new Map<string, number>();
  #closed = false;

  private constructor(sqlite3: SQLiteAPI, module: RawModule, db: number) {
    this.#sqlite3 = sqlite3;
    this.#module = module;
    this.#db = db;
  }

  static async open(fileName: string): Promise<Database> {
    try {
      const { sqlite3, module } = await engine();
      const db = await sqlite3.open_v2(fileName, SQLite.SQLITE_OPEN_CREATE | SQLite.SQLITE_OPEN_READWRITE, VFS_NAME);
      return new Database(sqlite3, module, db);
    } catch (error) {
      throw dbError(error, `Could not open database ${fileName}`);
    }
  }

  get sqliteVersion(): string {
    return this.#sqlite3.libversion();
  }

  /** Runs one or more statements without parameters (DDL, pragmas). */
  async exec(sql: string): Promise<void> {
    try {
      await this.#sqlite3.exec(this.#db, sql);
    } catch (error) {
      throw dbError(error);
    }
  }

  async all<T extends Row = Row>(sql: string, params: Params = []): Promise<T[]> {
    const rows: T[] = [];
    await this.#each(sql, params, (row) => rows.push(row as T));
    return rows;
  }

  async get<T extends Row = Row>(sql: string, params: Params = []): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params);
    return rows[0];
  }

  /** Runs a statement and returns the number of rows it changed. */
  async run(sql: string, params: Params = []): Promise<number> {
    await this.#each(sql, params, () => undefined);
    return this.#sqlite3.changes(this.#db);
  }

  /**
   * Runs fn inside BEGIN IMMEDIATE … COMMIT (rolled back if it throws). IMMEDIATE takes the write lock up front,
   * so two windows' workers never deadlock upgrading a read lock.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn();
      await this.exec('COMMIT');
      return result;
    } catch (error) {
      if (!this.#sqlite3.get_autocommit(this.#db)) await this.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** The raw API and connection, for the guarded read-only path (guarded-query.ts) only. */
  withHandle<T>(fn: (sqlite3: SQLiteAPI, db: number, readonly: (stmt: number) => boolean) => Promise<T>): Promise<T> {
    return fn(this.#sqlite3, this.#db, (stmt) => this.#module._sqlite3_stmt_readonly(stmt) !== 0);
  }

  get closed(): boolean {
    return this.#closed;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    for (const stmt of this.#statements.values()) await this.#sqlite3.finalize(stmt);
    this.#statements.clear();
    await this.#sqlite3.close(this.#db);
    this.#closed = true;
  }

  /**
   * Copies this database into `dest` with SQLite's online backup API (which wa-sqlite's JS API does not wrap), in
   * steps of about `stepMs` each (the pages per step adapt to how long the last one took: a 64 KiB page costs ~1.7 ms
   * to read and write here). Each step runs through `schedule`, so the caller can let other calls (a timer commit)
   * run between steps, and one waits at most about a step; writes made through this connection meanwhile are carried
   * into the copy by SQLite.
   * `dest` must be a connection that already holds its file (exclusive locking, schema read), because a backup step
   * is synchronous and cannot wait for the VFS to fetch a lock.
   */
  async backupTo(dest: Database, stepMs: number, schedule: <T>(step: () => Promise<T>) => Promise<T>): Promise<void> {
    let pagesPerStep = 8;
    const m = this.#module;
    const main = m._sqlite3_malloc(5);
    m.HEAPU8.set([0x6d, 0x61, 0x69, 0x6e, 0], main); // "main"
    const backup = m._sqlite3_backup_init(dest.#db, main, this.#db, main);
    m._sqlite3_free(main);
    if (!backup) throw new AppError('DB', 'The backup could not start (the copy is already in use?)');
    let finished = false;
    try {
      for (let done = false; !done;) {
        await schedule(async () => {
          if (this.#closed || dest.#closed) throw new AppError('CONFLICT', 'The database was closed during the backup');
          const t = performance.now();
          const rc = m._sqlite3_backup_step(backup, pagesPerStep);
          const ms = performance.now() - t;
          // no more than doubling at a time (a step may meet cached pages), never under 2 pages
          pagesPerStep = Math.max(2, Math.min(pagesPerStep * 2, Math.round((pagesPerStep * stepMs) / Math.max(1, ms))));
          if (rc === SQLite.SQLITE_DONE) done = true;
          else if (rc !== SQLite.SQLITE_OK && rc !== SQLite.SQLITE_BUSY && rc !== SQLite.SQLITE_LOCKED) {
            throw new AppError(
              rc === SQLite.SQLITE_CORRUPT ? 'DAMAGED' : 'DB',
              `Backup step failed (SQLite code ${rc})`,
              { sqliteCode: rc },
            );
          }
        });
        // A macrotask between steps: calls that arrived during a step are still unread messages, and queuing the
        // next step from a microtask would put it ahead of them every time.
        if (!done) await yieldToEvents();
      }
      finished = true;
    } finally {
      const rc = m._sqlite3_backup_finish(backup);
      if (finished && rc !== SQLite.SQLITE_OK)
        throw new AppError('DB', `Backup could not finish (SQLite code ${rc})`, { sqliteCode: rc });
    }
  }

  async #prepare(sql: string): Promise<number> {
    const cached = this.#statements.get(sql);
    if (cached !== undefined) {
      // Map keeps insertion order: re-inserting marks the statement as most recently used.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
      const [oldestSql, oldest] = this.#statements.entries().next().value as [string, number];
      this.#statements.delete(oldestSql);
      await this.#sqlite3.finalize(oldest);
    }
    const iterator = this.#sqlite3.statements(this.#db, sql, { unscoped: true })[Symbol.asyncIterator]();
    const { value: stmt, done } = await iterator.next();
    await iterator.return?.();
    if (done || typeof stmt !== 'number') throw new AppError('DB', 'Empty SQL statement', { sql });
    this.#statements.set(sql, stmt);
    return stmt;
  }

  async #each(sql: string, params: Params, onRow: (row: Row) => void): Promise<void> {
    const sqlite3 = this.#sqlite3;
    let stmt: number;
    try {
      stmt = await this.#prepare(sql);
    } catch (error) {
      throw dbError(error);
    }
    try {
      if (Array.isArray(params) ? params.length > 0 : Object.keys(params).length > 0) {
        sqlite3.bind_collection(stmt, params as Parameters<SQLiteAPI['bind_collection']>[1]);
      }
      let columns: string[] | null = null;
      while ((await sqlite3.step(stmt)) === SQLite.SQLITE_ROW) {
        columns ??= sqlite3.column_names(stmt);
        const values = sqlite3.row(stmt);
        const row: Row = {};
        for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i] as SqlValue;
        onRow(row);
      }
    } catch (error) {
      throw dbError(error);
    } finally {
      await sqlite3.reset(stmt).catch(() => undefined);
      sqlite3.clear_bindings(stmt);
    }
  }
}

function dbError(error: unknown, message?: string): AppError {
  if (error instanceof AppError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const constraint = typeof code === 'number' && (code & 0xff) === SQLite.SQLITE_CONSTRAINT;
  const damaged = typeof code === 'number' && [SQLITE_CORRUPT, SQLITE_NOTADB].includes(code & 0xff);
  return new AppError(constraint ? 'CONFLICT' : damaged ? 'DAMAGED' : 'DB', message ? `${message}: ${text}` : text, {
    sqliteCode: code,
  });
}
