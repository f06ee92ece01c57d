import { localDayNumberSql, offsetSegments } from '../../../shared/timezone.ts';
import { workedMsWithin } from '../../../shared/worked-time.ts';
import { COLUMNS, LOOK_BACK_MS, overlappingIdsSql, toSession, type SessionRow } from '../sessions/sessions.ts';
import type { Database } from '../storage/sqlite.ts';

/** Which sessions count: all, one project with its sub-projects, or one tag. */
export type WorkFilter = { projectId: string } | { tagId: string } | null;

const WORKED = `end_time - start_time - paused_ms`;

function filterSql(filter: WorkFilter): { sql: string; args: Record<string, string> } {
  if (filter && 'projectId' in filter) {
    return {
      sql: `AND project_id IN (WITH RECURSIVE sub(id) AS (SELECT :project UNION SELECT p.id FROM projects p JOIN sub ON p.parent_id = sub.id)
        SELECT id FROM sub)`,
      args: { ':project': filter.projectId },
    };
  }
  if (filter && 'tagId' in filter) {
    return {
      sql: 'AND EXISTS (SELECT 1 FROM activity_tags t WHERE t.activity_id = activities.id AND t.tag_id = :tag)',
      args: { ':tag': filter.tagId },
    };
  }
  return { sql: '', args: {} };
}

/**
 * Worked ms per local day (day number: days since 1970-01-01 local) over [from, to), pause-aware and DST-safe.
 * Sessions inside one day are summed by SQL; the few crossing midnight (or running) are cut per day in JS.
 */
export async function dailyWorked(
  db: Database,
  from: number,
  to: number,
  filter: WorkFilter,
  now: number,
): Promise<Map<number, number>> {
  const segments = offsetSegments(from - LOOK_BACK_MS, Math.max(to, now) + 86_400_000);
  const day = (col: string) => localDayNumberSql(col, segments);
  const f = filterSql(filter);
  const args = { ':from': from, ':to': to, ':back': from - LOOK_BACK_MS, ...f.args };
  const out = new Map<number, number>();
  const inside = await db.all<{ d: number; ms: number }>(
    `SELECT ${day('start_time')} AS d, sum(${WORKED}) AS ms FROM activities
     WHERE deleted_at IS NULL AND start_time >= :from AND end_time <= :to AND end_time IS NOT NULL
       AND typeof(end_time) = 'integer' AND typeof(paused_ms) = 'integer' AND pause_started_at IS NULL
       AND ${day('start_time')} = ${day('end_time')} ${f.sql}
     GROUP BY 1`,
    args,
  );
  for (const r of inside) out.set(r.d, r.ms);
  const crossing = await db.all<SessionRow>(
    // sessions not summed above: running, paused, or reaching past the range or midnight
    `SELECT ${COLUMNS} FROM activities a WHERE a.id IN (${overlappingIdsSql(`${f.sql}
       AND (end_time IS NULL OR pause_started_at IS NOT NULL OR start_time < :from OR end_time > :to
            OR ${day('start_time')} <> ${day('end_time')})`)})`,
    args,
  );
  for (const row of crossing) {
    const a = toSession(row);
    if (!a) continue;
    const end = Math.min(to, a.endTime ?? now);
    for (let dayStart = startOfLocalDay(Math.max(a.startTime, from)); dayStart < end;) {
      const next = new Date(dayStart);
      next.setDate(next.getDate() + 1);
      const dayEnd = next.getTime();
      const ms = workedMsWithin(a, Math.max(dayStart, from), Math.min(dayEnd, to), now);
      const key = localDayNumber(dayStart);
      if (ms > 0) out.set(key, (out.get(key) ?? 0) + ms);
      dayStart = dayEnd;
    }
  }
  return out;
}

function startOfLocalDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The local day number of an instant, as localDayNumberSql computes it. */
export function localDayNumber(ms: number): number {
  return Math.floor((ms - new Date(ms).getTimezoneOffset() * 60_000) / 86_400_000);
}
