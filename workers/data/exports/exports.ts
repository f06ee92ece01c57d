import type { ExportHistoryEntry } from '../../../shared/export-contract.ts';
import type { ReportFilters } from '../../../shared/reports.ts';
import { roundSql, type Rounding } from '../reports/facts.ts';
import { sessionWhere } from '../reports/filters.ts';
import type { Database } from '../storage/sqlite.ts';

/**
 * Exports' SQL: sessions resolved for a file (project path, inherited client and rate, tags by name, pauses,
 * rounding) in keyset pages on (start_time, id), so equal start times never repeat or drop a row between pages and
 * a page costs the same at the millionth row as at the first. And the export history table.
 */

/** Every project with its path from the root (JSON array of names), and client/rate/currency inherited downwards. */
const PATHS_CTE = `paths(id, path, client, rate, currency) AS (
    SELECT id, json_array(name), client, hourly_rate, CASE WHEN hourly_rate IS NULL THEN NULL ELSE currency END FROM projects
      WHERE parent_id IS NULL OR parent_id NOT IN (SELECT id FROM projects)
    UNION ALL
    SELECT p.id, json_insert(t.path, '$[#]', p.name), COALESCE(p.client, t.client), COALESCE(p.hourly_rate, t.rate),
      CASE WHEN p.hourly_rate IS NULL THEN t.currency ELSE p.currency END
    FROM projects p JOIN paths t ON p.parent_id = t.id)`;

const END = 'COALESCE(a.end_time, :now)';
const WORKED = `(${END} - a.start_time - a.paused_ms - CASE WHEN a.pause_started_at IS NULL THEN 0 ELSE ${END} - a.pause_started_at END)`;

export interface PageRequest {
  from: number;
  to: number;
  filters: ReportFilters;
  after: { start: number; id: string } | null;
  limit: number;
  now: number;
  rounding: Rounding;
}

function range(r: PageRequest) {
  const where = sessionWhere(r.filters);
  return {
    sql: `a.deleted_at IS NULL AND a.start_time >= :from AND a.start_time < :to ${where.sql}`,
    args: { ':from': r.from, ':to': r.to, ...where.args },
  };
}

export async function countSessions(db: Database, r: PageRequest): Promise<number> {
  const { sql, args } = range(r);
  return (await db.get<{ n: number }>(`SELECT count(*) AS n FROM activities a WHERE ${sql}`, args))!.n;
}

/**
 * One page after `r.after` in (start, id) order. `:from` is raised to the page boundary because that is where the index seek
 * starts: SQLite seeks on `start_time >= :from` and only filters by the row-value bound (a second `>=` term is not
 * taken either), so each page read every earlier row again and a 250k export was quadratic.
 */
export async function sessionsPage(db: Database, r: PageRequest): Promise<RowsPage> {
  const { sql, args } = range(r);
  // The page comes back as one JSON text (a row per array, in order, see ExportRowTuple): stepping and reading 18
  // columns row by row through the WASM boundary cost more than the query itself, and the text crosses to the
  // export worker as a copy instead of a structured clone of every session.
  const page = await db.get<{ rows: string | null; n: number; last_start: number | null; last_id: string | null }>(
    `WITH RECURSIVE ${PATHS_CTE},
     rows AS MATERIALIZED (
       SELECT a.id, a.name, a.description, a.project_id, a.start_time, a.end_time, a.pauses, a.pause_started_at,
         a.billable, a.is_manual, a.source, t.path, t.client, t.rate, t.currency,
         (SELECT json_group_array(name) FROM (SELECT g.name FROM activity_tags l JOIN tags g ON g.id = l.tag_id
            WHERE l.activity_id = a.id AND g.deleted_at IS NULL ORDER BY g.name COLLATE NOCASE)) AS tags,
         ${WORKED} AS ms, ${roundSql(WORKED, r.rounding)} AS rms
       FROM activities a LEFT JOIN paths t ON t.id = a.project_id
       WHERE ${sql} AND (a.start_time, a.id) > (:after_start, :after_id)
       ORDER BY a.start_time, a.id LIMIT :limit)
     SELECT json_group_array(json_array(id, name, description, project_id, start_time, end_time, json(pauses),
         pause_started_at, billable, is_manual, source, json(path), client, rate, currency, json(tags), ms, rms)
       ORDER BY start_time, id) AS rows,
       count(*) AS n,
       (SELECT start_time FROM rows ORDER BY start_time DESC, id DESC LIMIT 1) AS last_start,
       (SELECT id FROM rows ORDER BY start_time DESC, id DESC LIMIT 1) AS last_id
     FROM rows`,
    {
      ...args,
      ':from': Math.max(r.from, r.after?.start ?? r.from),
      ':now': r.now,
      ':after_start': r.after?.start ?? -1,
      ':after_id': r.after?.id ?? '',
      ':limit': r.limit,
    },
  );
  const n = page?.n ?? 0;
  const last = page?.last_start != null && page.last_id != null ? { start: page.last_start, id: page.last_id } : null;
  return { rows: page?.rows ?? '[]', count: n, next: last && n === r.limit ? last : null };
}

/** A page of rows as JSON text (ExportRowTuple[]), how many, and where the next page starts. */
export interface RowsPage {
  rows: string;
  count: number;
  next: { start: number; id: string } | null;
}

type HistoryRow = {
  id: number;
  at: number;
  format: string;
  selection: string;
  options: string;
  rows: number;
  bytes: number;
  destination: string;
  status: string;
  error: string | null;
};

/** The newest entries first; rows that no longer parse are left out (the file is the user's, the list is a view). */
export async function listHistory(db: Database, limit: number): Promise<ExportHistoryEntry[]> {
  const rows = await db.all<HistoryRow>('SELECT * FROM export_history ORDER BY id DESC LIMIT ?', [limit]);
  return rows.flatMap((r) => {
    try {
      return [{ ...r, selection: JSON.parse(r.selection), options: JSON.parse(r.options) } as ExportHistoryEntry];
    } catch {
      return [];
    }
  });
}

/** History is capped: the oldest go past this many. */
const HISTORY_KEEP = 200;

export async function insertHistory(db: Database, e: Omit<ExportHistoryEntry, 'id'>): Promise<number> {
  const row = await db.get<{ id: number }>(
    `INSERT INTO export_history (at, format, selection, options, rows, bytes, destination, status, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      e.at,
      e.format,
      JSON.stringify(e.selection),
      JSON.stringify(e.options),
      e.rows,
      e.bytes,
      e.destination,
      e.status,
      e.error,
    ],
  );
  await db.run(`DELETE FROM export_history WHERE id <= ? - ${HISTORY_KEEP}`, [row!.id]);
  return row!.id;
}
