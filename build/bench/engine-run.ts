import { CONNECTION_PRAGMAS, MIGRATIONS } from '../../workers/data/database/migrations.ts';
import { totalsByProjectDaySql } from '../../workers/data/reports/day-totals.ts';
import { INSERT_SESSIONS_SQL, packSessions } from '../../workers/data/sessions/sessions.ts';
import { BENCH_PROJECT_IDS, BENCH_START, generateSessions, type EngineResult } from './sessions.ts';

/** The same statements for both engines: each engine supplies exec/run/all. */
export interface BenchEngine {
  name: string;
  exec(sql: string): Promise<void> | void;
  /** params: positional (array) or named with their ':' prefix (object) */
  run(sql: string, params: unknown[] | Record<string, unknown>): Promise<unknown> | unknown;
  all(sql: string, params: Record<string, unknown>): Promise<unknown[]> | unknown[];
}

const YEAR = 365 * 86_400_000;

export async function runEngine(engine: BenchEngine, rows: number, batch: number): Promise<EngineResult> {
  await engine.exec(CONNECTION_PRAGMAS);
  for (const sql of MIGRATIONS) await engine.exec(sql);
  const now = Date.now();
  for (const [i, id] of BENCH_PROJECT_IDS.entries()) {
    await engine.run('INSERT INTO projects (id, name, color, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
      id,
      `Project ${i + 1}`,
      '#4f7cff',
      now,
      now,
    ]);
  }
  const sessions = generateSessions(rows, BENCH_PROJECT_IDS);

  const t0 = performance.now();
  for (let i = 0; i < sessions.length; i += batch) {
    await engine.exec('BEGIN IMMEDIATE');
    await engine.run(INSERT_SESSIONS_SQL, { ':now': now, ':rows': packSessions(sessions.slice(i, i + batch)) });
    await engine.exec('COMMIT');
  }
  const insertMs = performance.now() - t0;

  const all = { from: BENCH_START - 86_400_000, to: sessions.at(-1)!.endTime + 86_400_000 };
  const year = { from: BENCH_START + YEAR, to: BENCH_START + 2 * YEAR };
  const query = async (range: { from: number; to: number }) => {
    const sql = totalsByProjectDaySql(range);
    await engine.all(sql, { ':from': range.from, ':to': range.to, ':now': now }); // warm-up (cache, statement)
    const times: number[] = [];
    let result: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      result = await engine.all(sql, { ':from': range.from, ':to': range.to, ':now': now });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { ms: times[2]!, rows: result.length };
  };
  const groupAll = await query(all);
  const groupYear = await query(year);
  return {
    engine: engine.name,
    rows,
    insertMs,
    groupAllMs: groupAll.ms,
    groupYearMs: groupYear.ms,
    groupRows: groupAll.rows,
  };
}
