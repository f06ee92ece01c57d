import * as v from 'valibot';

import { AwayGapSchema, GAP_DEDUPE_MS, type AwayGap, type GapSource } from '../../../shared/away.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { subtract } from '../../../shared/session-math.ts';
import type { Database, Row } from '../storage/sqlite.ts';

/** The away gaps' SQL and row checks. Times are what the window's clock said; the worker's clock is not asked. */
const COLUMNS = 'id, source, start_at, end_at, state, choice, session_id, logged_id, created_at, updated_at';
/** An end that never met its start is forgotten after a day. */
const ORPHAN_KEEP_MS = 86_400_000;

interface GapRow extends Row {
  id: string;
  source: string;
  start_at: number;
  end_at: number | null;
  state: string;
  choice: string | null;
  session_id: string | null;
  logged_id: string | null;
  created_at: number;
  updated_at: number;
}

export type OnDamagedGap = (table: 'away_gaps', id: unknown, issues: string[]) => void;

function toGap(r: GapRow, onDamaged?: OnDamagedGap): AwayGap | null {
  const parsed = v.safeParse(AwayGapSchema, {
    id: r.id,
    source: r.source,
    start: r.start_at,
    end: r.end_at,
    state: r.state,
    choice: r.choice,
    sessionId: r.session_id,
    loggedId: r.logged_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  if (parsed.success) return parsed.output;
  onDamaged?.(
    'away_gaps',
    r.id,
    parsed.issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`),
  );
  return null;
}

async function many(db: Database, sql: string, args: (string | number | null)[], onDamaged?: OnDamagedGap) {
  const rows = await db.all<GapRow>(`SELECT ${COLUMNS} FROM away_gaps ${sql}`, args);
  return rows.map((r) => toGap(r, onDamaged)).filter((g): g is AwayGap => g !== null);
}

export async function requireGap(db: Database, id: string, onDamaged?: OnDamagedGap): Promise<AwayGap> {
  const row = await db.get<GapRow>(`SELECT ${COLUMNS} FROM away_gaps WHERE id = ?`, [id]);
  if (!row) throw new AppError('NOT_FOUND', 'That away time is no longer there', { id });
  const gap = toGap(row, onDamaged);
  if (!gap) throw new AppError('DAMAGED', 'This away time is damaged on disk and cannot be used', { id });
  return gap;
}

/** Gaps waiting for the review, oldest first. */
export function pendingGaps(db: Database, onDamaged?: OnDamagedGap): Promise<AwayGap[]> {
  return many(db, `WHERE state = 'pending' ORDER BY start_at, id LIMIT 500`, [], onDamaged);
}

/** The open gap of a source nearest before `at` (a start within the dedupe window counts too). */
export async function openGap(db: Database, source: GapSource, at: number): Promise<AwayGap | null> {
  const found = await many(db, `WHERE state = 'open' AND source = ? AND start_at <= ? ORDER BY start_at DESC LIMIT 1`, [
    source,
    at + GAP_DEDUPE_MS,
  ]);
  return found[0] ?? null;
}

/** Every open gap of a source (one normally; more when an end was lost). */
export function openGaps(db: Database, source: GapSource): Promise<AwayGap[]> {
  return many(db, `WHERE state = 'open' AND source = ? ORDER BY start_at`, [source]);
}

/** A closed gap of `source` whose start (or end) is within the dedupe window of `at`: another window's record. */
export async function nearbyGap(db: Database, source: GapSource, edge: 'start' | 'end', at: number) {
  const col = edge === 'start' ? 'start_at' : 'end_at';
  const found = await many(
    db,
    `WHERE state IN ('pending', 'resolved') AND source = ? AND ${col} BETWEEN ? AND ? ORDER BY abs(${col} - ?) LIMIT 1`,
    [source, at - GAP_DEDUPE_MS, at + GAP_DEDUPE_MS, at],
  );
  return found[0] ?? null;
}

/** The orphan end of `source` nearest after `at` (an end that arrived before its start). */
export async function orphanAfter(db: Database, source: GapSource, at: number): Promise<AwayGap | null> {
  const found = await many(
    db,
    `WHERE state = 'orphan' AND source = ? AND end_at >= ? AND end_at <= ? ORDER BY end_at LIMIT 1`,
    [source, at, at + ORPHAN_KEEP_MS],
  );
  return found[0] ?? null;
}

/** Gaps in review or reviewed that share time with [start, end) (any source). */
export function overlapping(db: Database, start: number, end: number, states: readonly string[], except: string) {
  return many(
    db,
    `WHERE state IN (SELECT value FROM json_each(?)) AND start_at < ? AND end_at > ? AND id <> ? ORDER BY start_at`,
    [JSON.stringify(states), end, start, except],
  );
}

export interface NewGap {
  source: GapSource;
  start: number;
  end: number | null;
  state: AwayGap['state'];
  sessionId: string | null;
}

export async function insertGap(db: Database, g: NewGap, now: number): Promise<string> {
  const id = newId();
  await db.run(
    `INSERT INTO away_gaps (id, source, start_at, end_at, state, session_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, g.source, g.start, g.end, g.state, g.sessionId, now, now],
  );
  return id;
}

export async function patchGap(
  db: Database,
  id: string,
  p: Partial<Pick<AwayGap, 'source' | 'start' | 'end' | 'state' | 'choice' | 'sessionId' | 'loggedId'>>,
  now: number,
): Promise<void> {
  const sets: string[] = [];
  const values: (string | number | null)[] = [];
  const put = (column: string, value: string | number | null) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  if (p.source !== undefined) put('source', p.source);
  if (p.start !== undefined) put('start_at', p.start);
  if (p.end !== undefined) put('end_at', p.end);
  if (p.state !== undefined) put('state', p.state);
  if (p.choice !== undefined) put('choice', p.choice);
  if (p.sessionId !== undefined) put('session_id', p.sessionId);
  if (p.loggedId !== undefined) put('logged_id', p.loggedId);
  put('updated_at', now);
  await db.run(`UPDATE away_gaps SET ${sets.join(', ')} WHERE id = ?`, [...values, id]);
}

export async function deleteGap(db: Database, id: string): Promise<void> {
  await db.run('DELETE FROM away_gaps WHERE id = ?', [id]);
}

export async function pruneOrphans(db: Database, now: number): Promise<void> {
  await db.run(`DELETE FROM away_gaps WHERE state = 'orphan' AND end_at < ?`, [now - ORPHAN_KEEP_MS]);
}

/** The longest part of [start, end) that no reviewed gap covers (each stretch of away time is asked about once). */
export async function unreviewedPart(db: Database, start: number, end: number, self: string) {
  const done = await overlapping(db, start, end, ['resolved'], self);
  if (done.length === 0) return { start, end };
  let best: { start: number; end: number } | null = null;
  for (const piece of subtract(
    start,
    end,
    done.map((g) => ({ start: g.start, end: g.end! })),
  )) {
    if (!best || piece.end - piece.start > best.end - best.start) best = piece;
  }
  return best;
}

export interface Heartbeat {
  sessionId: string;
  at: number;
}

export async function readHeartbeat(db: Database): Promise<Heartbeat | null> {
  const row = await db.get<{ session_id: string | null; at: number | null }>(
    'SELECT session_id, at FROM away_heartbeat WHERE id = 1',
  );
  if (!row || typeof row.session_id !== 'string' || typeof row.at !== 'number' || !Number.isFinite(row.at)) return null;
  return { sessionId: row.session_id, at: row.at };
}

export async function writeHeartbeat(db: Database, beat: Heartbeat | null): Promise<void> {
  if (!beat) await db.run('DELETE FROM away_heartbeat');
  else
    await db.run(
      `INSERT INTO away_heartbeat (id, session_id, at) VALUES (1, ?, ?)
       ON CONFLICT(id) DO UPDATE SET session_id = excluded.session_id, at = excluded.at`,
      [beat.sessionId, beat.at],
    );
}
