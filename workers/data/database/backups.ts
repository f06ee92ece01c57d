import * as v from 'valibot';

import { BackupInfoSchema, type BackupInfo, type BackupKind, type BackupRetention } from '../../../shared/database.ts';
import { addLocalDays, startOfLocalDay } from '../../../shared/day.ts';
import { AppError } from '../../../shared/errors.ts';
import {
  fileSize,
  listFiles,
  readBytes,
  readText,
  removeDatabaseFiles,
  removeFile,
  writeBytes,
} from '../storage/opfs.ts';
import { Database } from '../storage/sqlite.ts';
import { checkElsewhere, runCheck, TAKE_FILE, type FileCheck } from './file-check.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import { isLightTrackFile, readIdentity } from './open-database.ts';

/**
 * Backups are plain SQLite files in OPFS, written by SQLite itself (VACUUM INTO: a consistent, compacted snapshot
 * in one statement), each with a JSON sidecar written only after the copy passed quick_check — so a listed backup
 * is a verified one. They live beside the database, per database name: backups/<db name>/<time>-<kind>.sqlite3.
 */

/**
 * Folders are named by a short hash of the database name: wa-sqlite's VFS refuses paths over 64 characters, and a
 * backup path with its "-journal" companion must fit ("disk I/O error" otherwise).
 */
export const backupDir = (dbName: string) => `bk-${shortHash(dbName)}`;
export const exportDir = (dbName: string) => `ex-${shortHash(dbName)}`;
export const stagingDir = (dbName: string) => `st-${shortHash(dbName)}`;

/** FNV-1a, 32 bits, as 8 hex digits. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** 20261125-145205-937: sortable, and short enough for the VFS. */
export function fileStamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\D/g, '')
    .replace(/^(\d{8})(\d{6})(\d{3})$/, '$1-$2-$3');
}
const SIDE = '.json';
/** How many of each non-scheduled kind are kept (scheduled ones follow the retention setting). */
const KEEP_OTHER: Record<Exclude<BackupKind, 'daily' | 'weekly'>, number> = {
  manual: 10,
  'pre-migration': 5,
  'pre-restore': 5,
  'pre-bulk': 5,
};

const SidecarSchema = v.object({
  kind: BackupInfoSchema.entries.kind,
  createdAt: BackupInfoSchema.entries.createdAt,
  sessions: BackupInfoSchema.entries.sessions,
  schemaVersion: BackupInfoSchema.entries.schemaVersion,
});

/**
 * Runs one step of a long job; the owner passes its queue so other calls can run between steps. Every SQLite call
 * of the owner, on any connection, must run through it: wa-sqlite keeps its pending VFS operations (retryOps) per
 * module, not per connection, so a second connection opening outside the queue made a concurrent statement step
 * twice and lose its row (seen as a running timer "not found" during an integrity check).
 */
export type Schedule = <T>(step: () => Promise<T>) => Promise<T>;
const runNow: Schedule = (step) => step();

/**
 * Copies the open database into `path` with SQLite's online backup API, 64 pages (4 MiB) a step, and checks the
 * copy. VACUUM INTO was the first choice (one statement, compacted output) but cannot open its target through
 * OPFSCoopSyncVFS: the target's lock needs asynchronous steps that wa-sqlite retries only twice ("database is
 * locked"). The backup API writes through a connection opened here, and its steps let timer commits interleave.
 */
export async function copyDatabase(
  db: Database,
  path: string,
  schedule: Schedule = runNow,
  kind: 'quick' | 'full' = 'quick',
  stepMs = SNAPSHOT_STEP_MS,
): Promise<FileCheck> {
  await snapshotDatabase(db, path, schedule, stepMs);
  // The check reads the whole copy (~1 s at 250k sessions): in a worker of its own, so the owner keeps serving.
  return checkElsewhere(path, kind);
}

/**
 * How long one step of a copy may hold the owner's queue: a timer commit queued behind it waits at most this plus its
 * own few ms (issue 21: no commit waits more than 50 ms behind a backup or check). 64-page steps took ~110 ms; at
 * 20 ms the longest waits were 52–62 ms, at 12 ms 23–56 ms (npm run bench, 250k sessions; the first check after a
 * launch still met 118–126 ms in two runs of three), the copy as fast.
 */
export const SNAPSHOT_STEP_MS = 12;
/** Steps of a copy nothing is queued behind (schedule runNow: at open, before a restore): as large as they come. */
const UNSCHEDULED_STEP_MS = 1_000;

/** The copy alone (see copyDatabase). The backup API copies pages as they are, so checking the copy checks them. */
export async function snapshotDatabase(
  db: Database,
  path: string,
  schedule: Schedule = runNow,
  stepMs = SNAPSHOT_STEP_MS,
): Promise<void> {
  const dest = await schedule(async () => {
    const opened = await Database.open(path);
    // journal off: an interrupted copy has no sidecar and is never listed; NORMAL still syncs the finished copy
    // cache_size 4: the copy spills its pages to the file at every step instead of holding them all for the last
    // one, which cut the longest stall of a concurrent commit on 250k sessions from ~480 to ~110 ms (npm run bench)
    await opened
      .exec(`${TAKE_FILE} PRAGMA journal_mode = OFF; PRAGMA synchronous = NORMAL; PRAGMA cache_size = 4;`)
      .catch(async (error: unknown) => {
        await opened.close().catch(() => undefined);
        throw error;
      });
    return opened;
  });
  try {
    await db.backupTo(dest, schedule === runNow ? UNSCHEDULED_STEP_MS : stepMs, schedule);
  } finally {
    await schedule(() => dest.close()).catch(() => undefined);
  }
}

/** Makes a verified backup of the open database; steps go through `schedule`. */
export async function makeBackup(
  db: Database,
  dbName: string,
  kind: BackupKind,
  now: number,
  schedule: Schedule = runNow,
  stepMs = SNAPSHOT_STEP_MS,
): Promise<BackupInfo> {
  return (await startBackup(db, dbName, kind, now, schedule, stepMs)).verified;
}

/**
 * The copy now, its check in the check worker afterwards: `verified` settles once the copy checked ok and was listed
 * (its sidecar written), or rejects (the copy removed) when it did not. A caller that may go on meanwhile (an import,
 * whose batches the check would otherwise hold up ~1 s at 250k sessions) must not finish before it settles.
 */
export async function startBackup(
  db: Database,
  dbName: string,
  kind: BackupKind,
  now: number,
  schedule: Schedule = runNow,
  stepMs = SNAPSHOT_STEP_MS,
): Promise<{ name: string; verified: Promise<BackupInfo> }> {
  const name = `${fileStamp(now)}-${kind}.sqlite3`;
  const path = `${backupDir(dbName)}/${name}`;
  // a copy that failed is removed (as well as it can be), and the failure is what the caller hears
  const removed = async (error: unknown): Promise<never> => {
    await removeBackupFiles(dbName, name).catch(() => undefined);
    throw error;
  };
  try {
    await snapshotDatabase(db, path, schedule, stepMs);
  } catch (error) {
    return removed(error);
  }
  const verified = (async () => {
    const check = await checkElsewhere(path, 'quick').catch((error: unknown) => {
      // a copy too damaged to open is a failed check too
      const why =
        error instanceof Error ? error.message.replace(/^The copy could not be checked: /, '') : String(error);
      return { ok: false, problems: [why], contents: undefined };
    });
    if (!check.ok) throw new AppError('DAMAGED', `The backup failed its check: ${check.problems[0] ?? ''}`);
    if (!check.contents) throw new AppError('INTERNAL', 'The backup was checked but not counted');
    const contents = check.contents;
    await writeBytes(path + SIDE, JSON.stringify({ kind, createdAt: now, ...contents }));
    return { name, kind, createdAt: now, sizeBytes: (await fileSize(path)) ?? 0, ...contents };
  })().catch(removed);
  return { name, verified };
}

/** Verified backups, newest first. Files without a valid sidecar (a copy cut short) are not listed. */
export async function listBackups(dbName: string): Promise<BackupInfo[]> {
  const files = await listFiles(backupDir(dbName));
  const sizes = new Map(files.map((f) => [f.name, f.size]));
  const backups: BackupInfo[] = [];
  for (const file of files) {
    if (!file.name.endsWith('.sqlite3')) continue;
    const sidecar = await readText(`${backupDir(dbName)}/${file.name}${SIDE}`).catch(() => null);
    if (sidecar === null || !sizes.has(file.name + SIDE)) continue;
    const parsed = v.safeParse(SidecarSchema, safeJson(sidecar));
    if (!parsed.success) continue;
    const info = v.safeParse(BackupInfoSchema, { name: file.name, sizeBytes: file.size, ...parsed.output });
    if (info.success) backups.push(info.output);
  }
  return backups.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

export async function findBackup(dbName: string, name: string): Promise<BackupInfo> {
  const found = (await listBackups(dbName)).find((b) => b.name === name);
  if (!found) throw new AppError('NOT_FOUND', `No backup named ${name}`, { name });
  return found;
}

export const backupPath = (dbName: string, name: string) => `${backupDir(dbName)}/${name}`;

/**
 * Deletes what the retention rules no longer keep: the newest `daily` daily backups, plus the newest one of each
 * of the last `weekly` calendar weeks (so a weekly backup is a daily one kept longer), plus a few of each other kind.
 */
export async function applyRetention(dbName: string, retention: BackupRetention): Promise<string[]> {
  const all = await listBackups(dbName);
  const keep = new Set<string>();
  const daily = all.filter((b) => b.kind === 'daily' || b.kind === 'weekly');
  for (const b of daily.slice(0, retention.daily)) keep.add(b.name);
  const weeks = new Set<number>();
  for (const b of daily) {
    const week = startOfLocalWeek(b.createdAt);
    if (weeks.has(week)) continue;
    if (weeks.size >= retention.weekly) break;
    weeks.add(week);
    keep.add(b.name);
  }
  for (const [kind, count] of Object.entries(KEEP_OTHER)) {
    for (const b of all.filter((x) => x.kind === kind).slice(0, count)) keep.add(b.name);
  }
  const removed = all.filter((b) => !keep.has(b.name)).map((b) => b.name);
  for (const name of removed) await removeBackupFiles(dbName, name);
  return removed;
}

/** Monday 00:00 local of the week containing ms. */
function startOfLocalWeek(ms: number): number {
  const day = startOfLocalDay(ms);
  const weekday = (new Date(day).getDay() + 6) % 7; // Monday = 0
  return addLocalDays(day, -weekday);
}

export async function removeBackupFiles(dbName: string, name: string): Promise<void> {
  const path = `${backupDir(dbName)}/${name}`;
  await removeDatabaseFiles(path);
  await removeFile(path + SIDE);
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Everything a file must pass before it replaces the database: SQLite's header, our application_id (or a v1 file
 * with our tables), a schema this app can read, and a clean integrity_check. Answers VALIDATION in plain words.
 */
export async function inspectCandidate(path: string): Promise<{ schemaVersion: number; sessions: number }> {
  const bytes = new Uint8Array(await readBytes(path));
  const header = new TextDecoder().decode(bytes.subarray(0, 16));
  if (bytes.byteLength < 100 || header !== SQLITE_MAGIC) {
    throw new AppError('VALIDATION', 'This file is not a LightTrack database (it is not a SQLite database at all).');
  }
  let db: Database;
  try {
    db = await Database.open(path);
  } catch (error) {
    throw new AppError('VALIDATION', `This file cannot be opened as a database: ${(error as Error).message}`);
  }
  try {
    await db.exec(TAKE_FILE);
    const identity = await readIdentity(db);
    const { appId, version } = identity;
    if (!isLightTrackFile(identity, false) || !identity.tables.includes('activities')) {
      throw new AppError('VALIDATION', 'This file is a SQLite database, but not a LightTrack one.', { appId, version });
    }
    if (version > SCHEMA_VERSION) {
      throw new AppError(
        'VALIDATION',
        `This file was made by a newer LightTrack (data format version ${version}); this version reads up to ${SCHEMA_VERSION}.`,
        { fileVersion: version, appVersion: SCHEMA_VERSION },
      );
    }
    const check = await runCheck(db, 'full');
    if (!check.ok) {
      throw new AppError('VALIDATION', `This file is damaged: ${check.problems[0] ?? 'integrity check failed'}`, {
        problems: check.problems,
      });
    }
    const sessions =
      (await db.get<{ n: number }>('SELECT count(*) AS n FROM activities WHERE deleted_at IS NULL'))?.n ?? 0;
    return { schemaVersion: version, sessions };
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION') throw error;
    throw new AppError('VALIDATION', `This file is damaged: ${(error as Error).message}`);
  } finally {
    await db.close().catch(() => undefined);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
