/**
 * wa-sqlite on OPFS for the bench, straight on the library (not through workers/data/storage/sqlite.ts), so the engine-level
 * measurements can set every pragma, reach the WebAssembly module (backup API) and swap the VFS.
 */
import * as SQLite from '@journeyapps/wa-sqlite';
import SQLiteESMFactory from '@journeyapps/wa-sqlite/dist/wa-sqlite.mjs';
import { OPFSCoopSyncVFS } from '@journeyapps/wa-sqlite/src/examples/OPFSCoopSyncVFS.js';

import { createCoalescingWalVFS } from '../../workers/data/storage/coalescing-vfs.ts';

export type SqlValue = number | string | Uint8Array | null;
export type Row = Record<string, SqlValue>;

/** The parts of the Emscripten module the bench calls directly. */
export interface WasmModule {
  cwrap(
    name: string,
    returns: 'number' | 'string' | null,
    args: ('number' | 'string')[],
  ): (...args: (number | string)[]) => number;
  retryOps: Promise<unknown>[];
}

export interface WaEngine {
  module: WasmModule;
  sqlite3: SQLiteAPI;
  /** the OPFSCoopSyncVFS registered as default */
  vfs: string;
}

let enginePromise: Promise<WaEngine> | null = null;
let coalescingPromise: Promise<string> | null = null;

/** One WebAssembly module per worker with OPFSCoopSyncVFS registered as the default VFS. */
export function waEngine(): Promise<WaEngine> {
  enginePromise ??= (async () => {
    const module = (await SQLiteESMFactory()) as unknown as WasmModule;
    const sqlite3 = SQLite.Factory(module);
    const coop = await OPFSCoopSyncVFS.create('bench-coop', module);
    sqlite3.vfs_register(coop as unknown as SQLiteVFS, true);
    return { module, sqlite3, vfs: 'bench-coop' };
  })();
  return enginePromise;
}

/** Registers (once) the OPFSCoopSyncVFS variant that coalesces WAL appends; returns its name. */
export function coalescingVfs(): Promise<string> {
  coalescingPromise ??= (async () => {
    const { module, sqlite3 } = await waEngine();
    const vfs = await createCoalescingWalVFS('bench-coalescing', module);
    sqlite3.vfs_register(vfs as unknown as SQLiteVFS, false);
    return 'bench-coalescing';
  })();
  return coalescingPromise;
}

/** A connection with a prepared-statement cache, like the app's Database (so per-call costs are comparable). */
export class Conn {
  readonly #statements = new Map<string, number>();

  private constructor(
    readonly engine: WaEngine,
    readonly db: number,
    readonly fileName: string,
  ) {}

  static async open(fileName: string, vfs?: string): Promise<Conn> {
    const engine = await waEngine();
    const db = await engine.sqlite3.open_v2(
      fileName,
      SQLite.SQLITE_OPEN_CREATE | SQLite.SQLITE_OPEN_READWRITE,
      vfs ?? engine.vfs,
    );
    return new Conn(engine, db, fileName);
  }

  async exec(sql: string): Promise<void> {
    await this.engine.sqlite3.exec(this.db, sql);
  }

  async all(sql: string, params: readonly SqlValue[] | Record<string, SqlValue> = []): Promise<Row[]> {
    const { sqlite3 } = this.engine;
    let stmt = this.#statements.get(sql);
    if (stmt === undefined) {
      const it = sqlite3.statements(this.db, sql, { unscoped: true })[Symbol.asyncIterator]();
      const { value } = await it.next();
      await it.return?.();
      stmt = value as number;
      this.#statements.set(sql, stmt);
    }
    const rows: Row[] = [];
    try {
      if (Array.isArray(params) ? params.length : Object.keys(params).length) {
        sqlite3.bind_collection(stmt, params as Parameters<SQLiteAPI['bind_collection']>[1]);
      }
      let columns: string[] | null = null;
      while ((await sqlite3.step(stmt)) === SQLite.SQLITE_ROW) {
        columns ??= sqlite3.column_names(stmt);
        const values = sqlite3.row(stmt);
        const row: Row = {};
        for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i] as SqlValue;
        rows.push(row);
      }
    } finally {
      await sqlite3.reset(stmt).catch(() => undefined);
      sqlite3.clear_bindings(stmt);
    }
    return rows;
  }

  async get(sql: string, params: readonly SqlValue[] | Record<string, SqlValue> = []): Promise<Row | undefined> {
    return (await this.all(sql, params))[0];
  }

  async run(sql: string, params: readonly SqlValue[] | Record<string, SqlValue> = []): Promise<void> {
    await this.all(sql, params);
  }

  async close(): Promise<void> {
    for (const stmt of this.#statements.values()) await this.engine.sqlite3.finalize(stmt);
    this.#statements.clear();
    await this.engine.sqlite3.close(this.db);
  }
}

/** Serialises work on one connection (what a single-owner worker needs: a commit never runs inside a backup step). */
export class Mutex {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T> | T): Promise<T> {
    const result = this.#tail.then(fn, fn);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

/** Yields to the worker's event loop (a macrotask, so queued postMessage calls get their turn) without setTimeout's clamping. */
export function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

export async function removeOpfsFile(name: string): Promise<void> {
  const root = await navigator.storage.getDirectory();
  for (const suffix of ['', '-journal', '-wal']) await root.removeEntry(name + suffix).catch(() => undefined);
}

export async function opfsFileSize(name: string): Promise<number> {
  const root = await navigator.storage.getDirectory();
  try {
    return (await (await root.getFileHandle(name)).getFile()).size;
  } catch {
    return 0;
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p + 0.5))] ?? NaN;
}
