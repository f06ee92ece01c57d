import * as SQLite from '@journeyapps/wa-sqlite';

import { AppError } from '../../../shared/errors.ts';
import type { Database } from './sqlite.ts';

export interface GuardLimits {
  /** the only tables (views) a statement may read */
  views: ReadonlySet<string>;
  maxRows: number;
  timeMs: number;
  /** the longest string or blob a statement may build (SQLITE_LIMIT_LENGTH) */
  maxLength: number;
}

export interface GuardedRows {
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
}

/** Functions refused even inside a read (none of them is compiled into wa-sqlite today; this keeps it so). */
const REFUSED_FUNCTIONS = new Set(['load_extension', 'readfile', 'writefile', 'edit', 'fts3_tokenizer']);
const SQLITE_LIMIT_LENGTH = 0;

interface Guard {
  on: boolean;
  views: ReadonlySet<string>;
  deadline: number;
  /** why the last statement was refused, for the sentence */
  refused: string | null;
}
const guards = new WeakMap<Database, Guard>();

/**
 * The authorizer is installed once per connection and lets everything through unless a guarded query is being
 * prepared: then only SELECT, reads of the allowed views (and of the tables those views read), functions and
 * recursive CTEs pass. A write, ATTACH, PRAGMA, DDL, a transaction statement or a read of any other table (settings,
 * the error log, the journal) is refused at prepare time, before a single row is touched.
 */
async function guardOf(db: Database): Promise<Guard> {
  let guard = guards.get(db);
  if (guard) return guard;
  const g: Guard = { on: false, views: new Set(), deadline: 0, refused: null };
  await db.withHandle(async (sqlite3, handle) => {
    sqlite3.set_authorizer(
      handle,
      (_u: unknown, action: number, p3: string | null, p4: string | null, p5: string | null, p6: string | null) => {
        if (!g.on) return SQLite.SQLITE_OK;
        if (action === SQLite.SQLITE_SELECT || action === SQLite.SQLITE_RECURSIVE) return SQLite.SQLITE_OK;
        if (action === SQLite.SQLITE_READ) {
          if (p5 === 'main' && (g.views.has(p6 ?? '') || (!p6 && g.views.has(p3 ?? '')))) return SQLite.SQLITE_OK;
          g.refused = `reading ${p3 ?? 'that table'} is not allowed; use the ai_ views`;
          return SQLite.SQLITE_DENY;
        }
        if (action === SQLite.SQLITE_FUNCTION) {
          if (!REFUSED_FUNCTIONS.has((p4 ?? '').toLowerCase())) return SQLite.SQLITE_OK;
          g.refused = `the function ${p4} is not allowed`;
          return SQLite.SQLITE_DENY;
        }
        g.refused = 'only a SELECT that reads is allowed';
        return SQLite.SQLITE_DENY;
      },
      null,
    );
  });
  guards.set(db, g);
  guard = g;
  return guard;
}

function cell(value: unknown): unknown {
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/**
 * Runs one SELECT with the guard on, inside a transaction that is rolled back and with query_only set, so even a
 * statement the authorizer let through could not write. The progress handler stops it after `timeMs`.
 */
export async function guardedQuery(db: Database, sql: string, limits: GuardLimits): Promise<GuardedRows> {
  const guard = await guardOf(db);
  return db.withHandle(async (sqlite3, handle, readonly) => {
    await db.exec('BEGIN; PRAGMA query_only = 1;');
    const oldLength = sqlite3.limit(handle, SQLITE_LIMIT_LENGTH, limits.maxLength);
    guard.on = true;
    guard.views = limits.views;
    guard.refused = null;
    guard.deadline = performance.now() + limits.timeMs;
    let timedOut = false;
    sqlite3.progress_handler(
      handle,
      1000,
      () => {
        if (performance.now() <= guard.deadline) return 0;
        timedOut = true;
        return 1;
      },
      null,
    );
    try {
      let count = 0;
      for await (const stmt of sqlite3.statements(handle, sql)) if (stmt) count++;
      if (count !== 1)
        throw new AppError('VALIDATION', count === 0 ? 'The SQL holds no statement' : 'Give one statement only');
      const out: GuardedRows = { columns: [], rows: [], truncated: false };
      for await (const stmt of sqlite3.statements(handle, sql)) {
        if (!readonly(stmt)) throw new AppError('FORBIDDEN', 'Only a read-only SELECT is allowed');
        out.columns = sqlite3.column_names(stmt);
        while ((await sqlite3.step(stmt)) === SQLite.SQLITE_ROW) {
          if (out.rows.length >= limits.maxRows) {
            out.truncated = true;
            break;
          }
          out.rows.push(sqlite3.row(stmt).map(cell));
        }
      }
      return out;
    } catch (error) {
      if (error instanceof AppError) throw error;
      const text = error instanceof Error ? error.message : String(error);
      if (timedOut) throw new AppError('CONFLICT', `The query ran longer than ${limits.timeMs} ms and was stopped`);
      if (guard.refused) throw new AppError('FORBIDDEN', `Refused: ${guard.refused}`, { sqlite: text });
      throw new AppError('VALIDATION', `The query failed: ${text}`);
    } finally {
      guard.on = false;
      sqlite3.progress_handler(handle, 0, () => 0, null);
      sqlite3.limit(handle, SQLITE_LIMIT_LENGTH, oldLength);
      await db.exec('PRAGMA query_only = 0;');
      if (!sqlite3.get_autocommit(handle)) await db.exec('ROLLBACK');
    }
  });
}
