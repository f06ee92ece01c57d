import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runEngine } from './engine-run.ts';

/** better-sqlite3 takes named parameters without their ':' prefix. */
function named(params: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k.slice(1), v]));
}

/** The native baseline: better-sqlite3 on a file in the OS temp dir, same schema, pragmas and statements. */
export async function runNative(rows: number, batch: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'lighttrack-bench-'));
  const db = new Database(path.join(dir, 'bench.sqlite3'));
  try {
    return await runEngine(
      {
        name: 'better-sqlite3 (native, Node)',
        exec: (sql) => void db.exec(sql),
        run: (sql, params) => (Array.isArray(params) ? db.prepare(sql).run(...params) : db.prepare(sql).run(named(params))),
        all: (sql, params) => db.prepare(sql).all(named(params)),
      },
      rows,
      batch,
    );
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
