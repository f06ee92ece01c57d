import * as v from 'valibot';

import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { SessionSchema, type NewSession, type Pause, type Session, type TimeRange } from '../../../shared/session.ts';
import type { Database, Row } from '../storage/sqlite.ts';

/** Ids of a session's live tags, sorted, as one JSON array (a deleted tag is hidden, its link kept for undo). */
export const TAG_IDS_SQL = (alias: string) =>
  `(SELECT json_group_array(tag_id) FROM (SELECT l.tag_id FROM activity_tags l JOIN tags t ON t.id = l.tag_id
     WHERE l.activity_id = ${alias}.id AND t.deleted_at IS NULL ORDER BY l.tag_id))`;
/** Every tag link of a session, sorted: what an undo image records. */
export const TAG_LINKS_SQL = (alias: string) =>
  `(SELECT json_group_array(tag_id) FROM (SELECT tag_id FROM activity_tags WHERE activity_id = ${alias}.id ORDER BY tag_id))`;

export const COLUMNS = `a.id, a.name, a.description, a.project_id, a.start_time, a.end_time, a.paused_ms,
  a.pause_started_at, a.pauses, a.billable, ${TAG_IDS_SQL('a')} AS tag_ids, a.is_manual, a.source, a.deleted_at,
  a.created_at, a.updated_at`;

export interface SessionRow extends Row {
  id: string;
  name: string;
  description: string;
  project_id: string | null;
  start_time: number;
  end_time: number | null;
  paused_ms: number;
  pause_started_at: number | null;
  pauses: string;
  billable: number;
  tag_ids: string;
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
export function toSession(r: SessionRow, onDamaged?: OnDamaged): Session | null {
  const parsed = v.safeParse(SessionSchema, mapRow(r));
  if (parsed.success && (parsed.output.endTime === null || parsed.output.endTime >= parsed.output.startTime)) {
    return parsed.output;
  }
  const issues = parsed.success
    ? ['end_time is before start_time']
    : parsed.issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`);
  onDamaged?.('activities', r.id, issues);
  return null;
}

function requireValid(r: SessionRow, onDamaged?: OnDamaged): Session {
  const a = toSession(r, onDamaged);
  if (!a) throw new AppError('DAMAGED', 'This session is damaged on disk and cannot be used', { id: r.id });
  return a;
}

function mapRow(r: SessionRow): Record<keyof Session, unknown> {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    projectId: r.project_id,
    startTime: r.start_time,
    endTime: r.end_time,
    pausedMs: r.paused_ms,
    pauseStartedAt: r.pause_started_at,
    pauses: parseJson(r.pauses, (x) =>
      Array.isArray(x) ? x.map((p) => (Array.isArray(p) ? { start: p[0], end: p[1] } : p)) : x,
    ),
    billable: r.billable === 1 ? true : r.billable === 0 ? false : r.billable,
    tagIds: parseJson(r.tag_ids, (x) => x),
    isManual: r.is_manual === 1 ? true : r.is_manual === 0 ? false : r.is_manual,
    source: r.source,
    deletedAt: r.deleted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** JSON text from a row; anything unreadable becomes a value the schema rejects (so the row counts as damaged). */
function parseJson(text: unknown, shape: (x: unknown) => unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return shape(JSON.parse(text));
  } catch {
    return undefined;
  }
}

export async function requireSession(db: Database, id: string, onDamaged?: OnDamaged): Promise<Session> {
  const row = await db.get<SessionRow>(`SELECT ${COLUMNS} FROM activities a WHERE a.id = ?`, [id]);
  if (!row) throw new AppError('NOT_FOUND', `No session with id ${id}`, { id });
  return requireValid(row, onDamaged);
}

/** The running session; a damaged running row is reported and treated as none (so a new timer can replace it). */
export async function findRunning(db: Database, onDamaged?: OnDamaged): Promise<Session | null> {
  const row = await db.get<SessionRow>(
    `SELECT ${COLUMNS} FROM activities a WHERE a.end_time IS NULL AND a.deleted_at IS NULL LIMIT 1`,
  );
  return row ? toSession(row, onDamaged) : null;
}

/** Sessions by id (any state), in the order asked; a missing id is NOT_FOUND, a damaged row DAMAGED. */
export async function requireSessions(db: Database, ids: readonly string[], onDamaged?: OnDamaged): Promise<Session[]> {
  const rows = await db.all<SessionRow>(
    `SELECT ${COLUMNS} FROM json_each(?) j JOIN activities a ON a.id = j.value ORDER BY j.key`,
    [JSON.stringify(ids)],
  );
  if (rows.length !== ids.length) {
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    throw new AppError('NOT_FOUND', `No session with id ${missing[0]}`, { ids: missing });
  }
  return rows.map((r) => requireValid(r, onDamaged));
}

/** A whole session as the worker writes it. */
export interface SessionRecord {
  id: string;
  name: string;
  description: string;
  projectId: string | null;
  startTime: number;
  endTime: number | null;
  pausedMs: number;
  pauseStartedAt: number | null;
  pauses: Pause[];
  billable: boolean;
  isManual: boolean;
  source: Session['source'];
}

export function pausesJson(pauses: readonly Pause[]): string {
  return JSON.stringify(pauses.map((p) => [p.start, p.end]));
}

export async function insertSession(db: Database, s: SessionRecord, now: number): Promise<void> {
  await db.run(
    `INSERT INTO activities (id, name, description, project_id, start_time, end_time, paused_ms, pause_started_at,
       pauses, billable, is_manual, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      s.id,
      s.name,
      s.description,
      s.projectId,
      s.startTime,
      s.endTime,
      s.pausedMs,
      s.pauseStartedAt,
      pausesJson(s.pauses),
      s.billable ? 1 : 0,
      s.isManual ? 1 : 0,
      s.source,
      now,
      now,
    ],
  );
}

/** Writes the changed fields of a session (only those given). */
export async function patchSession(
  db: Database,
  id: string,
  p: Partial<Omit<SessionRecord, 'id' | 'isManual' | 'source'>> & { deletedAt?: number | null },
  now: number,
): Promise<void> {
  const sets: string[] = [];
  const values: (string | number | null)[] = [];
  const put = (column: string, value: string | number | null) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  if (p.name !== undefined) put('name', p.name);
  if (p.description !== undefined) put('description', p.description);
  if (p.projectId !== undefined) put('project_id', p.projectId);
  if (p.startTime !== undefined) put('start_time', p.startTime);
  if (p.endTime !== undefined) put('end_time', p.endTime);
  if (p.pausedMs !== undefined) put('paused_ms', p.pausedMs);
  if (p.pauseStartedAt !== undefined) put('pause_started_at', p.pauseStartedAt);
  if (p.pauses !== undefined) put('pauses', pausesJson(p.pauses));
  if (p.billable !== undefined) put('billable', p.billable ? 1 : 0);
  if (p.deletedAt !== undefined) put('deleted_at', p.deletedAt);
  put('updated_at', now);
  await db.run(`UPDATE activities SET ${sets.join(', ')} WHERE id = ?`, [...values, id]);
}

/** Closes a session at `end`, turning an open pause into a pause interval. */
export async function closeSession(db: Database, a: Session, end: number, now: number): Promise<Session> {
  await closeOnly(db, a, end, now);
  return requireSession(db, a.id);
}

/** closeSession without reading the session back (a timer start closing the previous one does not need it). */
export async function closeOnly(db: Database, a: Session, end: number, now: number): Promise<void> {
  const open = a.pauseStartedAt !== null && end > a.pauseStartedAt ? { start: a.pauseStartedAt, end } : null;
  await patchSession(
    db,
    a.id,
    {
      endTime: end,
      pausedMs: a.pausedMs + (open ? open.end - open.start : 0),
      pauseStartedAt: null,
      pauses: open ? [...a.pauses, open] : a.pauses,
    },
    now,
  );
}

export async function startPause(db: Database, a: Session, at: number, now: number): Promise<Session> {
  await patchSession(db, a.id, { pauseStartedAt: at }, now);
  return requireSession(db, a.id);
}

/** Ends the open pause at `at`, recording it as an interval. */
export async function endPause(db: Database, a: Session, at: number, now: number): Promise<Session> {
  const from = a.pauseStartedAt ?? at;
  const interval = at > from ? [{ start: from, end: at }] : [];
  await patchSession(
    db,
    a.id,
    { pauseStartedAt: null, pausedMs: a.pausedMs + Math.max(0, at - from), pauses: [...a.pauses, ...interval] },
    now,
  );
  return requireSession(db, a.id);
}

export async function setDeleted(db: Database, id: string, deletedAt: number | null, now: number): Promise<Session> {
  await patchSession(db, id, { deletedAt }, now);
  return requireSession(db, id);
}

/** The range scans' look-back; longer sessions (and the running one) come from the activities_long index. */
export const LOOK_BACK_MS = 12 * 3_600_000;

/**
 * Ids of live sessions sharing time with [:from, :to) (and matching `extra`, conditions on activities' columns):
 * recent ones from the start-time index within the look-back (:back = :from - LOOK_BACK_MS), longer and running ones
 * from the small activities_long index.
 */
export function overlappingIdsSql(extra = ''): string {
  return `SELECT id FROM activities WHERE deleted_at IS NULL AND start_time < :to AND start_time >= :back
      AND (end_time IS NULL OR end_time > :from) ${extra}
    UNION
    SELECT id FROM activities WHERE deleted_at IS NULL AND (end_time IS NULL OR end_time - start_time > ${LOOK_BACK_MS})
      AND start_time < :to AND (end_time IS NULL OR end_time > :from) ${extra}`;
}

/**
 * Live sessions overlapping [from, to): started before `to` and not ended before `from`; at most `limit` (one more
 * is read to tell whether the list was cut). Damaged rows are counted and reported, not returned.
 */
export async function listOverlapping(
  db: Database,
  range: TimeRange & { limit: number },
  onDamaged?: OnDamaged,
): Promise<{ sessions: Session[]; damaged: number; truncated: boolean }> {
  const rows = await db.all<SessionRow>(
    `SELECT ${COLUMNS} FROM activities a
     WHERE a.id IN (${overlappingIdsSql()})
     ORDER BY a.start_time, a.id LIMIT :limit`,
    { ':from': range.from, ':to': range.to, ':back': range.from - LOOK_BACK_MS, ':limit': range.limit + 1 },
  );
  const truncated = rows.length > range.limit;
  const sessions: Session[] = [];
  let damaged = 0;
  for (const row of truncated ? rows.slice(0, range.limit) : rows) {
    const a = toSession(row, onDamaged);
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
  return JSON.stringify(
    sessions.map((s) => [newId(), s.name, s.projectId, s.startTime, s.endTime, s.pausedMs, s.source]),
  );
}

export async function insertSessions(db: Database, sessions: readonly Required<NewSession>[], now: number) {
  return db.run(INSERT_SESSIONS_SQL, { ':now': now, ':rows': packSessions(sessions) });
}
