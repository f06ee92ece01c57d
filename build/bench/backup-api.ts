/**
 * SQLite's online backup API from wa-sqlite. The JS API does not wrap sqlite3_backup_*, but the WebAssembly module
 * exports them (`_sqlite3_backup_init/_step/_finish/_remaining/_pagecount`), so Emscripten's cwrap reaches them
 * ('string' arguments are copied onto the wasm stack by cwrap itself).
 *
 * Copies `pagesPerStep` pages per step and awaits `between()` after each one, so other work on the source
 * connection (a timer commit) runs between steps instead of waiting for the whole copy. Writes made through the
 * same source connection during the backup are applied to the copy by SQLite itself (no restart); writes from
 * another connection would restart it.
 */
import * as SQLite from '@journeyapps/wa-sqlite';

/** The Emscripten module wa-sqlite was created from (the object SQLiteESMFactory() resolved with). */
export interface SqliteWasmModule {
  cwrap(
    name: string,
    returns: 'number' | 'string',
    args: ('number' | 'string')[],
  ): (...args: (number | string)[]) => any;
  /** OPFSCoopSyncVFS answers SQLITE_BUSY while it fetches an access handle and parks the promise here */
  retryOps: Promise<unknown>[];
}

export interface BackupApiOptions {
  /** pages copied per sqlite3_backup_step (64 pages of 64 KiB = 4 MiB) */
  pagesPerStep?: number;
  /** awaited after every step; give other work its turn here (and take your connection lock in `step`) */
  between?: () => Promise<void>;
  /** runs each step; a single-owner worker passes its connection mutex, e.g. (f) => mutex.run(f) */
  step?: <T>(fn: () => T | Promise<T>) => Promise<T>;
  /** pragmas run on the destination before the copy, e.g. 'PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF' */
  destPragmas?: string;
}

export interface BackupApiResult {
  pages: number;
  steps: number;
}

/**
 * Copies the main database of `srcDb` into the file `destName` (created or overwritten) on VFS `vfsName`.
 * Rejects with an Error carrying the SQLite result code when a step fails; the destination is then incomplete.
 */
export async function backupWithApi(
  module: SqliteWasmModule,
  sqlite3: SQLiteAPI,
  srcDb: number,
  destName: string,
  vfsName: string,
  options: BackupApiOptions = {},
): Promise<BackupApiResult> {
  const pagesPerStep = options.pagesPerStep ?? 64;
  const between = options.between ?? (() => Promise.resolve());
  const runStep = options.step ?? (async <T>(fn: () => T | Promise<T>) => fn());
  const init = module.cwrap('sqlite3_backup_init', 'number', ['number', 'string', 'number', 'string']);
  const step = module.cwrap('sqlite3_backup_step', 'number', ['number', 'number']);
  const finish = module.cwrap('sqlite3_backup_finish', 'number', ['number']);
  const pagecount = module.cwrap('sqlite3_backup_pagecount', 'number', ['number']);
  const errmsg = module.cwrap('sqlite3_errmsg', 'string', ['number']) as (db: number) => string;

  const dest = await sqlite3.open_v2(destName, SQLite.SQLITE_OPEN_CREATE | SQLite.SQLITE_OPEN_READWRITE, vfsName);
  try {
    if (options.destPragmas) await sqlite3.exec(dest, options.destPragmas);
    const backup = await runStep(() => init(dest, 'main', srcDb, 'main'));
    if (!backup) throw new Error(`sqlite3_backup_init: ${errmsg(dest)}`);
    let steps = 0;
    let pages = 0;
    let rc: number = SQLite.SQLITE_OK;
    try {
      for (;;) {
        rc = await runStep(() => step(backup, pagesPerStep));
        steps++;
        if (rc === SQLite.SQLITE_DONE) break;
        if (rc === SQLite.SQLITE_BUSY || rc === SQLite.SQLITE_LOCKED) {
          // OPFSCoopSyncVFS returns BUSY once per file while it acquires the access handle: wait for it, retry.
          if (module.retryOps.length) {
            const ops = module.retryOps;
            module.retryOps = [];
            await Promise.all(ops);
          } else {
            await between();
          }
          continue;
        }
        if (rc !== SQLite.SQLITE_OK) break;
        await between();
      }
      pages = pagecount(backup);
    } finally {
      const finished = finish(backup); // releases locks; returns the first error of the backup, if any
      if (rc === SQLite.SQLITE_DONE && finished !== SQLite.SQLITE_OK) rc = finished;
    }
    if (rc !== SQLite.SQLITE_DONE) {
      throw Object.assign(new Error(`sqlite3_backup_step failed (${rc}): ${errmsg(dest)}`), { code: rc });
    }
    return { pages, steps };
  } finally {
    await sqlite3.close(dest);
  }
}
