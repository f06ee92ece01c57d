/**
 * Engine-level measurements in a worker: wa-sqlite on OPFS with a given storage configuration, the app's schema and
 * statements, no app layers. Used by bench-worker.ts.
 */
import { v7 as uuidv7 } from 'uuid';

import { MIGRATIONS } from '../../workers/data/database/migrations.ts';
import { INSERT_SESSIONS_SQL, packSessions } from '../../workers/data/sessions/sessions.ts';
import { backupWithApi } from './backup-api.ts';
import { configPragmas, type StorageConfig } from './configs.ts';
import { BENCH_PROJECT_IDS, generateSessions } from './sessions.ts';
import {
  coalescingVfs,
  Conn,
  Mutex,
  opfsFileSize,
  percentile,
  removeOpfsFile,
  waEngine,
  yieldTask,
} from './wa-engine.ts';

/** cache, temp store and foreign keys as the app sets them (page size and journal come from the config) */
const APP_PRAGMAS = 'PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON;';

export async function openWith(name: string, config: StorageConfig): Promise<Conn> {
  const vfs = config.vfs === 'coalescing' ? await coalescingVfs() : undefined;
  const conn = await Conn.open(name, vfs);
  await conn.exec(configPragmas(config));
  await conn.exec(APP_PRAGMAS);
  return conn;
}

/** Schema (the app's migrations) and the 20 bench projects. */
export async function createSchema(conn: Conn): Promise<void> {
  await conn.exec('BEGIN IMMEDIATE');
  for (const sql of MIGRATIONS) await conn.exec(sql);
  await conn.exec(`PRAGMA user_version = ${MIGRATIONS.length}`);
  const now = Date.now();
  for (const [i, id] of BENCH_PROJECT_IDS.entries()) {
    await conn.run('INSERT INTO projects (id, name, color, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
      id,
      `Project ${i + 1}`,
      '#4f7cff',
      now,
      now,
    ]);
  }
  await conn.exec('COMMIT');
}

/** Bulk insert in batches, one transaction each, the app's statement. Returns ms. */
export async function bulkInsert(conn: Conn, rows: number, batch: number, seed = 42): Promise<number> {
  const sessions = generateSessions(rows, BENCH_PROJECT_IDS, seed);
  const now = Date.now();
  const t0 = performance.now();
  for (let i = 0; i < sessions.length; i += batch) {
    await conn.exec('BEGIN IMMEDIATE');
    await conn.run(INSERT_SESSIONS_SQL, { ':now': now, ':rows': packSessions(sessions.slice(i, i + batch)) });
    await conn.exec('COMMIT');
  }
  return performance.now() - t0;
}

let timerCount = 0;
/**
 * What the app's startTimer does, committed: in one IMMEDIATE transaction, find the running timer, close it, insert
 * the new one, read it back. Returns ms.
 */
export async function timerCommit(conn: Conn): Promise<number> {
  const t0 = performance.now();
  const now = Date.now();
  await conn.exec('BEGIN IMMEDIATE');
  try {
    const running = await conn.get('SELECT id FROM activities WHERE end_time IS NULL AND deleted_at IS NULL LIMIT 1');
    if (running) {
      await conn.run(
        'UPDATE activities SET end_time = ?, paused_ms = paused_ms + ?, pause_started_at = NULL, updated_at = ? WHERE id = ?',
        [now, 0, now, running.id!],
      );
    }
    const id = uuidv7();
    await conn.run(
      'INSERT INTO activities (id, name, project_id, start_time, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        id,
        `bench timer ${timerCount++}`,
        BENCH_PROJECT_IDS[timerCount % BENCH_PROJECT_IDS.length]!,
        now,
        'timer',
        now,
        now,
      ],
    );
    await conn.get('SELECT * FROM activities WHERE id = ?', [id]);
    await conn.exec('COMMIT');
  } catch (error) {
    await conn.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return performance.now() - t0;
}

export interface Latencies {
  p50: number;
  p90: number;
  max: number;
  n: number;
}

export function latencies(times: readonly number[]): Latencies {
  return { p50: percentile(times, 0.5), p90: percentile(times, 0.9), max: Math.max(...times), n: times.length };
}

export interface MatrixRow {
  config: StorageConfig;
  insertMs: number;
  commit: Latencies;
  fileBytes: number;
  error?: string;
}

/** One matrix cell: a new file, `rows` sessions in batches (timed), then `commits` timer commits on it. */
let matrixSeq = 0;
export async function matrixCell(
  config: StorageConfig,
  rows: number,
  batch: number,
  commits: number,
): Promise<MatrixRow> {
  // short: the VFS's longest path is 64 characters, and SQLite appends '-journal' / '-wal'
  const name = `bm-${(matrixSeq++).toString(36)}-${Date.now().toString(36)}.db`;
  let conn: Conn | null = null;
  try {
    conn = await openWith(name, config);
    const mode = await conn.get('PRAGMA journal_mode');
    if (String(mode?.journal_mode).toLowerCase() !== config.journal)
      throw new Error(`journal_mode is ${String(mode?.journal_mode)}`);
    await createSchema(conn);
    const insertMs = await bulkInsert(conn, rows, batch);
    for (let i = 0; i < 3; i++) await timerCommit(conn); // warm the statement cache
    const times: number[] = [];
    for (let i = 0; i < commits; i++) times.push(await timerCommit(conn));
    const page = await conn.get('PRAGMA page_size');
    if (page?.page_size !== config.pageSize) throw new Error(`page_size is ${String(page?.page_size)}`);
    return { config, insertMs, commit: latencies(times), fileBytes: await opfsFileSize(name) };
  } catch (error) {
    return { config, insertMs: NaN, commit: latencies([NaN]), fileBytes: 0, error: String(error) };
  } finally {
    await conn?.close().catch(() => undefined);
    await removeOpfsFile(name);
  }
}

// ---- one long-lived connection on the 250k-session file (launch, integrity, backups) ----

let owned: { conn: Conn; mutex: Mutex; config: StorageConfig } | null = null;

export async function buildFile(name: string, config: StorageConfig, rows: number, batch: number) {
  await removeOpfsFile(name);
  const conn = await openWith(name, config);
  await createSchema(conn);
  const insertMs = await bulkInsert(conn, rows, batch);
  await conn.close();
  return { insertMs, fileBytes: await opfsFileSize(name) };
}

/**
 * What a launch does at the engine level, timed by phase: load the WebAssembly module and create the VFS, open the
 * file with the pragmas, read the schema version (the first real read: WAL recovery happens here), then optionally
 * quick_check. Keeps the connection (the page terminates the worker, as closing a window does).
 */
export async function launch(name: string, config: StorageConfig, check: 'none' | 'quick' | 'full') {
  const t0 = performance.now();
  await waEngine();
  if (config.vfs === 'coalescing') await coalescingVfs();
  const t1 = performance.now();
  const conn = await openWith(name, config);
  const version = await conn.get('PRAGMA user_version');
  const t2 = performance.now();
  let checkMs = 0;
  let checkResult = 'not run';
  if (check !== 'none') {
    const rows = await conn.all(check === 'quick' ? 'PRAGMA quick_check' : 'PRAGMA integrity_check');
    checkMs = performance.now() - t2;
    checkResult = rows.map((r) => Object.values(r)[0]).join('; ');
  }
  owned = { conn, mutex: new Mutex(), config };
  return { engineMs: t1 - t0, openMs: t2 - t1, checkMs, checkResult, schemaVersion: Number(version?.user_version) };
}

/** Runs an integrity check on the owned connection (warm cache). */
export async function check(kind: 'quick' | 'full') {
  const { conn, mutex } = requireOwned();
  return mutex.run(async () => {
    const t = performance.now();
    const rows = await conn.all(kind === 'quick' ? 'PRAGMA quick_check' : 'PRAGMA integrity_check');
    return { ms: performance.now() - t, result: rows.map((r) => Object.values(r)[0]).join('; ') };
  });
}

/** Writes `rows` sessions through the owned connection and leaves them in the WAL (the page then terminates us). */
export async function dirty(rows: number, batch: number) {
  const { conn, mutex } = requireOwned();
  return mutex.run(async () => {
    const ms = await bulkInsert(conn, rows, batch, 7);
    return { ms, walBytes: await opfsFileSize(`${conn.fileName}-wal`) };
  });
}

let backupStart = 0;
let stepLog: string[] = [];
export async function ownedTimerCommit(): Promise<number> {
  const { conn, mutex } = requireOwned();
  const asked = performance.now();
  return mutex.run(async () => {
    const started = performance.now();
    const ms = await timerCommit(conn);
    stepLog.push(
      `commit asked ${(asked - backupStart).toFixed(0)} ran ${(started - backupStart).toFixed(0)}+${ms.toFixed(0)}`,
    );
    return ms;
  });
}

export async function walBytes(): Promise<number> {
  return opfsFileSize(`${requireOwned().conn.fileName}-wal`);
}

export interface BackupRun {
  method: string;
  ms: number;
  bytes: number;
  pages?: number;
  steps?: number;
  /** the copy's header bytes 18/19 (1/1 = rollback journal, 2/2 = WAL) */
  headerVersions: string;
  /** sessions in the copy vs in the source when the backup finished */
  copyRows: number;
  sourceRows: number;
  verifyMs: number;
  verify: string;
  log?: string;
}

/**
 * Backs the owned database up to `dest` by VACUUM INTO or by the backup API (pagesPerStep pages per step, yielding
 * between steps). Either way the work holds the connection mutex, so concurrent ownedTimerCommit() calls wait for it:
 * for all of VACUUM INTO, for one step of the backup API.
 */
export async function backup(
  dest: string,
  method: 'vacuum' | 'api',
  pagesPerStep = 64,
  destPragmas?: string,
): Promise<BackupRun> {
  const { conn, mutex } = requireOwned();
  const { module, sqlite3, vfs } = await waEngine();
  await removeOpfsFile(dest);
  const t0 = performance.now();
  backupStart = t0;
  stepLog = [];
  let pages: number | undefined;
  let steps: number | undefined;
  if (method === 'vacuum') {
    await mutex.run(() => vacuumInto(conn, dest));
  } else {
    const vfsName = owned!.config.vfs === 'coalescing' ? await coalescingVfs() : vfs;
    const result = await backupWithApi(module, sqlite3, conn.db, dest, vfsName, {
      pagesPerStep,
      step: (fn) =>
        mutex.run(() => {
          const t = performance.now();
          const r = fn();
          stepLog.push(`${(t - t0).toFixed(0)}+${(performance.now() - t).toFixed(0)}`);
          return r;
        }),
      between: yieldTask,
      ...(destPragmas ? { destPragmas } : {}),
    });
    pages = result.pages;
    steps = result.steps;
  }
  const ms = performance.now() - t0;
  const sourceRows = Number((await mutex.run(() => conn.get('SELECT count(*) AS n FROM activities')))?.n);
  return {
    method:
      method === 'vacuum'
        ? 'VACUUM INTO'
        : `backup API, ${pagesPerStep} pages/step${destPragmas ? ', copy spills' : ''}`,
    ms,
    bytes: await opfsFileSize(dest),
    ...(pages !== undefined ? { pages } : {}),
    ...(steps !== undefined ? { steps } : {}),
    headerVersions: '',
    copyRows: NaN,
    sourceRows,
    verifyMs: NaN,
    verify: '',
    log: stepLog.join(' '),
  };
}

/** Verifies a copy as the app would before trusting it (open it, quick_check, count), then deletes it. */
export async function verifyBackup(dest: string) {
  const root = await navigator.storage.getDirectory();
  const file = await (await root.getFileHandle(dest)).getFile();
  const header = new Uint8Array(await file.slice(18, 20).arrayBuffer());
  const t1 = performance.now();
  const copy = await Conn.open(dest);
  let verify = '';
  let copyRows = NaN;
  try {
    await copy.exec('PRAGMA locking_mode = EXCLUSIVE');
    verify = (await copy.all('PRAGMA quick_check')).map((r) => Object.values(r)[0]).join('; ');
    copyRows = Number((await copy.get('SELECT count(*) AS n FROM activities'))?.n);
  } finally {
    await copy.close();
  }
  const verifyMs = performance.now() - t1;
  await removeOpfsFile(dest);
  return { headerVersions: `${header[0]}/${header[1]}`, copyRows, verifyMs, verify };
}

export async function vacuumInto(conn: Conn, dest: string): Promise<void> {
  const keeper = await Conn.open(dest);
  try {
    await keeper.exec('PRAGMA locking_mode = EXCLUSIVE');
    await keeper.get('PRAGMA schema_version');
    await conn.exec(`VACUUM INTO '${dest.replaceAll("'", "''")}'`);
  } finally {
    await keeper.close();
  }
}

export async function closeOwned(): Promise<void> {
  if (!owned) return;
  const { conn, mutex } = owned;
  owned = null;
  await mutex.run(() => conn.close());
}

export async function setJournal(mode: string): Promise<string> {
  const { conn, mutex } = requireOwned();
  return mutex.run(async () => String((await conn.get(`PRAGMA journal_mode = ${mode}`))?.journal_mode));
}

function requireOwned() {
  if (!owned) throw new Error('no database open in this worker (call launch first)');
  return owned;
}
