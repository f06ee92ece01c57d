import * as v from 'valibot';
import { ActivitySchema, type Activity, type NewSession, type TimeRange } from '../../shared/activity.ts';
import { AppError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Database, Row } from './sqlite.ts';

const COLUMNS = `id, name, description, project_id, start_time, end_time, paused_ms, pause_started_at, is_manual,
  source, deleted_at, created_at, updated_at`;

interface ActivityRow extends Row {
  id: string;
  name: string;
  description: string;
  project_id: string | null;
  start_time: number;
  end_time: number | null;
  paused_ms: number;
  pause_started_at: number | null;
  is_manual: number;
  source: string;
  deleted_at: number | null;
  created_at: number;
  updated_at: number;
}

/** Called for a row that failed validation: it is hidden from the caller and reported. */
export type OnDamaged = (table: 'activities', id: unknown, issues: string[]) => void;

/**
 * Rows from disk are validated like any other input: a file edited by hand, a bug in an older version or a bad
 * import must not turn into NaN totals or a view stuck on "Loading…". A damaged row yields null.
 */
function toActivity(r: ActivityRow, onDamaged?: OnDamaged): Activity | null {
  const parsed = v.safeParse(ActivitySchema, mapRow(r));
  if (parsed.success && (parsed.output.endTime === null || parsed.output.endTime >= parsed.output.startTime)) {
    return parsed.output;
  }
  const issues = parsed.success ? ['end_time is before start_time'] : parsed.issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`);
  onDamaged?.('activities', r.id, issues);
  return null;
}

function requireValid(r: ActivityRow, onDamaged?: OnDamaged): Activity {
  const a = toActivity(r, onDamaged);
  if (!a) throw new AppError('DAMAGED', 'This session is damaged on disk and cannot be used', { id: r.id });
  return a;
}

function mapRow(r: ActivityRow): Record<keyof Activity, unknown> {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    projectId: r.project_id,
    startTime: r.start_time,
    endTime: r.end_time,
    pausedMs: r.paused_ms,
    pauseStartedAt: r.pause_started_at,
    pauses: [],
    billable: false,
    tagIds: [],
    isManual: r.is_manual === 1 ? true : r.is_manual === 0 ? false : r.is_manual,
    source: r.source,
    deletedAt: r.deleted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function requireActivity(db: Database, id: string, onDamaged?: OnDamaged): Promise<Activity> {
  const row = await db.get<ActivityRow>(`SELECT ${COLUMNS} FROM activities WHERE id = ?`, [id]);
  if (!row) throw new AppError('NOT_FOUND', `No session with id ${id}`, { id });
  return requireValid(row, onDamaged);
}

/** The running session; a damaged running row is reported and treated as none (so a new timer can replace it). */
export async function findRunning(db: Database, onDamaged?: OnDamaged): Promise<Activity | null> {
  const row = await db.get<ActivityRow>(
    `SELECT ${COLUMNS} FROM activities WHERE end_time IS NULL AND deleted_at IS NULL LIMIT 1`,
  );
  return row ? toActivity(row, onDamaged) : null;
}

export async function insertRunning(
  db: Database,
  a: { name: string; projectId: string | null; startTime: number; source: Activity['source'] },
  now: number,
): Promise<Activity> {
  const id = newId();
  await db.run(
    `INSERT INTO activities (id, name, project_id, start_time, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [id, a.name, a.projectId, a.startTime, a.source, now, now],
  );
  return requireActivity(db, id);
}

/** Closes a session at `end`, folding an open pause into paused_ms. */
export async function closeActivity(db: Database, a: Activity, end: number, now: number): Promise<Activity> {
  const openPause = a.pauseStartedAt !== null ? Math.max(0, end - a.pauseStartedAt) : 0;
  await db.run(
    `UPDATE activities SET end_time = ?, paused_ms = paused_ms + ?, pause_started_at = NULL, updated_at = ?
     WHERE id = ?`,
    [end, openPause, now, a.id],
  );
  return requireActivity(db, a.id);
}

export async function setPause(db: Database, a: Activity, at: number | null, addPausedMs: number, now: number) {
  await db.run(`UPDATE activities SET pause_started_at = ?, paused_ms = paused_ms + ?, updated_at = ? WHERE id = ?`, [
    at,
    addPausedMs,
    now,
    a.id,
  ]);
  return requireActivity(db, a.id);
}

export async function setDeleted(db: Database, id: string, deletedAt: number | null, now: number): Promise<Activity> {
  await db.run(`UPDATE activities SET deleted_at = ?, updated_at = ? WHERE id = ?`, [deletedAt, now, id]);
  return requireActivity(db, id);
}

/**
 * Live sessions overlapping [from, to): started before `to` and not ended before `from`; at most `limit` (one more
 * is read to tell whether the list was cut). Damaged rows are counted and reported, not returned.
 */
export async function listOverlapping(
  db: Database,
  range: TimeRange & { limit: number },
  onDamaged?: OnDamaged,
): Promise<{ sessions: Activity[]; damaged: number; truncated: boolean }> {
  // Sessions longer than a week are not a thing a timer produces; bounding the look-back keeps this an index range.
  const rows = await db.all<ActivityRow>(
    `SELECT ${COLUMNS} FROM activities
     WHERE deleted_at IS NULL AND start_time < ? AND start_time >= ? AND (end_time IS NULL OR end_time > ?)
     UNION
     SELECT ${COLUMNS} FROM activities WHERE end_time IS NULL AND deleted_at IS NULL AND start_time < ?
     ORDER BY start_time, id LIMIT ?`,
    [range.to, range.from - 7 * 86_400_000, range.from, range.to, range.limit + 1],
  );
  const truncated = rows.length > range.limit;
  const sessions: Activity[] = [];
  let damaged = 0;
  for (const row of truncated ? rows.slice(0, range.limit) : rows) {
    const a = toActivity(row, onDamaged);
    if (a) sessions.push(a);
    else damaged++;
  }
  return { sessions, damaged, truncated };
}

/**
 * Inserts finished sessions with one statement per batch: the rows travel as one JSON text and SQLite's json_each
 * unpacks them, which avoids a JS→WASM round trip per row. The bench runs the same statement natively.
 */
export const INSERT_SESSIONS_SQL = `INSERT INTO activities (id, name, project_id, start_time, end_time, paused_ms,
    source, is_manual, created_at, updated_at)
  SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, 1, :now, :now FROM json_each(:rows)`;

/** The rows of a batch as the one JSON text INSERT_SESSIONS_SQL unpacks. */
export function packSessions(sessions: readonly Required<NewSession>[]): string {
  return JSON.stringify(sessions.map((s) => [newId(), s.name, s.projectId, s.startTime, s.endTime, s.pausedMs, s.source]));
}

export async function insertSessions(db: Database, sessions: readonly Required<NewSession>[], now: number) {
  return db.run(INSERT_SESSIONS_SQL, { ':now': now, ':rows': packSessions(sessions) });
}
