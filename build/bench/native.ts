import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';

import { MIGRATIONS } from '../../workers/data/database/migrations.ts';
import { INSERT_SESSIONS_SQL, packSessions } from '../../workers/data/sessions/sessions.ts';
import { runEngine } from './engine-run.ts';
import { BENCH_PROJECT_IDS, generateSessions } from './sessions.ts';

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
        run: (sql, params) =>
          Array.isArray(params) ? db.prepare(sql).run(...params) : db.prepare(sql).run(named(params)),
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

/**
 * The native side of one matrix cell: a new file with the same pragmas (page size, journal, locking, synchronous),
 * schema and statements, the same bulk insert and the same timer commit.
 */
export async function runNativeConfig(pragmas: string, rows: number, batch: number, commits: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'lighttrack-bench-'));
  const db = new Database(path.join(dir, 'bench.sqlite3'));
  try {
    db.exec(pragmas);
    db.exec('PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON;');
    db.exec('BEGIN IMMEDIATE');
    for (const sql of MIGRATIONS) db.exec(sql);
    const now = Date.now();
    const project = db.prepare('INSERT INTO projects (id, name, color, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    for (const [i, id] of BENCH_PROJECT_IDS.entries()) project.run(id, `Project ${i + 1}`, '#4f7cff', now, now);
    db.exec('COMMIT');
    const sessions = generateSessions(rows, BENCH_PROJECT_IDS);
    const insert = db.prepare(INSERT_SESSIONS_SQL);
    const t0 = performance.now();
    for (let i = 0; i < sessions.length; i += batch) {
      db.exec('BEGIN IMMEDIATE');
      insert.run({ now, rows: packSessions(sessions.slice(i, i + batch)) });
      db.exec('COMMIT');
    }
    const insertMs = performance.now() - t0;
    const running = db.prepare('SELECT id FROM activities WHERE end_time IS NULL AND deleted_at IS NULL LIMIT 1');
    const close = db.prepare(
      'UPDATE activities SET end_time = ?, paused_ms = paused_ms + ?, pause_started_at = NULL, updated_at = ? WHERE id = ?',
    );
    const start = db.prepare(
      'INSERT INTO activities (id, name, project_id, start_time, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const read = db.prepare('SELECT * FROM activities WHERE id = ?');
    const times: number[] = [];
    for (let i = 0; i < commits + 3; i++) {
      const t = performance.now();
      const ts = Date.now();
      db.exec('BEGIN IMMEDIATE');
      const r = running.get() as { id: string } | undefined;
      if (r) close.run(ts, 0, ts, r.id);
      const id = uuidv7();
      start.run(id, `bench timer ${i}`, BENCH_PROJECT_IDS[i % BENCH_PROJECT_IDS.length]!, ts, 'timer', ts, ts);
      read.get(id);
      db.exec('COMMIT');
      if (i >= 3) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { insertMs, commitP50: times[Math.floor(times.length / 2)]! };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The report cases on better-sqlite3: the same schema, data and report code (workers/data/analytics) over an adapter,
 * so every statement is the same SQL. Returns per size: build of the roll-up, and each case's time.
 */
export async function runNativeReports(sizes: number[], batch: number) {
  const { buildReport } = await import('../../workers/data/reports/report.ts');
  const { DEFAULT_SETTINGS } = await import('../../shared/settings.ts');
  const { reportCases } = await import('./report-cases.ts');
  const { benchBatch } = await import('./report-bench.ts');
  const { CONNECTION_PRAGMAS } = await import('../../workers/data/database/migrations.ts');
  const { parse } = await import('../../shared/validate.ts');
  const { ReportInputSchema } = await import('../../shared/reports.ts');
  const out: { size: number; firstReportMs: number; rows: { label: string; ms: number }[] }[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(path.join(tmpdir(), 'lighttrack-bench-'));
    const db = new Database(path.join(dir, 'bench.sqlite3'));
    try {
      db.exec(CONNECTION_PRAGMAS);
      for (const sql of MIGRATIONS) db.exec(sql);
      const now = Date.now();
      const ids = BENCH_PROJECT_IDS;
      const project = db.prepare(
        'INSERT INTO projects (id, name, color, client, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const [i, id] of ids.entries()) project.run(id, `Project ${i + 1}`, '#4f7cff', `Client ${i % 5}`, now, now);
      const insert = db.prepare(INSERT_SESSIONS_SQL);
      let last = 0;
      for (let i = 0; i < size; i += batch) {
        const part = benchBatch(i, Math.min(batch, size - i), ids);
        last = part.at(-1)!.startTime;
        db.exec('BEGIN IMMEDIATE');
        insert.run({ now, rows: packSessions(part) });
        db.exec('COMMIT');
      }
      const adapter = {
        exec: async (sql: string) => void db.exec(sql),
        all: async (sql: string, params: unknown = []) =>
          Array.isArray(params)
            ? db.prepare(sql).all(...params)
            : db.prepare(sql).all(named(params as Record<string, unknown>)),
        get: async (sql: string, params: unknown = []) =>
          Array.isArray(params)
            ? db.prepare(sql).get(...params)
            : db.prepare(sql).get(named(params as Record<string, unknown>)),
        run: async (sql: string, params: unknown = []) =>
          (Array.isArray(params)
            ? db.prepare(sql).run(...params)
            : db.prepare(sql).run(named(params as Record<string, unknown>))
          ).changes,
        transaction: async <T>(fn: () => Promise<T>) => {
          db.exec('BEGIN IMMEDIATE');
          try {
            const r = await fn();
            db.exec('COMMIT');
            return r;
          } catch (e) {
            db.exec('ROLLBACK');
            throw e;
          }
        },
      } as unknown as Parameters<typeof buildReport>[0];
      const run = (input: unknown) => {
        const p = parse(ReportInputSchema, input, 'report');
        return buildReport(
          adapter,
          { from: p.from, to: p.to, filters: p.filters, groupBy: p.groupBy, subGroupBy: p.subGroupBy },
          DEFAULT_SETTINGS,
          Date.now(),
        );
      };
      const cases = reportCases(last);
      // the whole roll-up and its baked tables in one go (the app builds them in steps behind its reports)
      const { refreshRollup } = await import('../../workers/data/reports/rollup.ts');
      const t = performance.now();
      await refreshRollup(adapter, DEFAULT_SETTINGS.reportRounding);
      const firstReportMs = performance.now() - t;
      const rows: { label: string; ms: number }[] = [];
      for (const c of cases) {
        const times: number[] = [];
        for (let i = 0; i < 3; i++) times.push((await run(c.input)).tookMs);
        rows.push({ label: c.label, ms: times.sort((a, b) => a - b)[1]! });
      }
      out.push({ size, firstReportMs, rows });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
