import type { ProjectDayTotal } from '../../../shared/data-contract.ts';
import type { TimeRange } from '../../../shared/session.ts';
import { dayNumberToKey, localDayNumberSql, offsetSegments } from '../../../shared/timezone.ts';
import type { Database } from '../storage/sqlite.ts';

/**
 * Worked ms of a row as of :now (running sessions count up to now; open pauses are excluded). Rows whose times are
 * not integers (damaged on disk) are left out by the query, so one bad row cannot turn a total into garbage.
 */
const WORKED_MS = `COALESCE(end_time, :now) - start_time - paused_ms
  - CASE WHEN pause_started_at IS NULL THEN 0 ELSE COALESCE(end_time, :now) - pause_started_at END`;

/** The group-by-project-and-day query; also run verbatim by the native baseline in the bench. */
export function totalsByProjectDaySql(range: TimeRange): string {
  const day = localDayNumberSql('start_time', offsetSegments(range.from, range.to));
  return `SELECT ${day} AS day, project_id, SUM(${WORKED_MS}) AS ms, COUNT(*) AS sessions
    FROM activities INDEXED BY activities_live_start
    WHERE deleted_at IS NULL AND start_time >= :from AND start_time < :to
      AND typeof(end_time) IN ('integer', 'null') AND typeof(paused_ms) = 'integer'
    GROUP BY 1, 2 ORDER BY 1, 2`;
}

export async function totalsByProjectDay(db: Database, range: TimeRange, now: number): Promise<ProjectDayTotal[]> {
  const rows = await db.all<{ day: number; project_id: string | null; ms: number; sessions: number }>(
    totalsByProjectDaySql(range),
    { ':from': range.from, ':to': range.to, ':now': now },
  );
  return rows.map((r) => ({ day: dayNumberToKey(r.day), projectId: r.project_id, ms: r.ms, sessions: r.sessions }));
}
