import type { ReportFilters, ReportRow, ReportRowsPage, TimelineBlock } from '../../../shared/reports.ts';
import { endOf, workedMs } from '../../../shared/session-math.ts';
import { workingHoursOn, type Settings } from '../../../shared/settings.ts';
import { COLUMNS, toSession, type SessionRow } from '../sessions/sessions.ts';
import type { Database } from '../storage/sqlite.ts';
import { roundSql, type Rounding } from './facts.ts';
import { sessionWhere } from './filters.ts';

const WORKED = `(COALESCE(a.end_time, :now) - a.start_time - a.paused_ms
  - CASE WHEN a.pause_started_at IS NULL THEN 0 ELSE COALESCE(a.end_time, :now) - a.pause_started_at END)`;
const ORDER: Record<string, string> = {
  start: 'a.start_time',
  duration: WORKED,
  name: 'a.name COLLATE NOCASE',
  project: `COALESCE(p.name, '') COLLATE NOCASE`,
};

/** A page of the sessions in [from, to) with the filters, sorted in SQL; each with its worked and rounded time. */
export async function reportRows(
  db: Database,
  from: number,
  to: number,
  filters: ReportFilters,
  rounding: Rounding,
  now: number,
  sort: string,
  descending: boolean,
  offset: number,
  limit: number,
): Promise<ReportRowsPage> {
  const where = sessionWhere(filters);
  const range = `a.deleted_at IS NULL AND a.start_time >= :from AND a.start_time < :to ${where.sql}`;
  const args = { ':from': from, ':to': to, ':now': now, ...where.args };
  const total = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM activities a WHERE ${range}`, args))!.n;
  const dir = descending ? 'DESC' : 'ASC';
  const rows = await db.all<{
    id: string;
    start_time: number;
    end_time: number | null;
    name: string;
    project_id: string | null;
    project: string | null;
    color: string | null;
    tags: string;
    billable: number;
    ms: number;
    rms: number;
  }>(
    `SELECT a.id, a.start_time, a.end_time, a.name, a.project_id, p.name AS project, p.color, a.billable,
       (SELECT json_group_array(t.name) FROM activity_tags l JOIN tags t ON t.id = l.tag_id WHERE l.activity_id = a.id AND t.deleted_at IS NULL) AS tags,
       ${WORKED} AS ms, ${roundSql(WORKED, rounding)} AS rms
     FROM activities a LEFT JOIN projects p ON p.id = a.project_id
     WHERE ${range} ORDER BY ${ORDER[sort] ?? ORDER['start']} ${dir}, a.start_time ${dir} LIMIT :limit OFFSET :offset`,
    { ...args, ':limit': limit, ':offset': offset },
  );
  return {
    total,
    offset,
    rows: rows.map((r): ReportRow => ({
      id: r.id,
      start: r.start_time,
      end: r.end_time,
      name: r.name,
      projectId: r.project_id,
      project: r.project ?? '',
      color: r.color,
      tags: safeTags(r.tags),
      billable: r.billable === 1,
      ms: Math.max(0, r.ms),
      roundedMs: Math.max(0, r.rms),
    })),
  };
}

function safeTags(text: string): string[] {
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').sort() : [];
  } catch {
    return [];
  }
}

/**
 * One day in order: worked stretches, pauses, and the untracked gaps between sessions (and, on a working day,
 * between the working hours' start/end and the first/last session).
 */
export async function timeline(
  db: Database,
  from: number,
  to: number,
  settings: Settings,
  now: number,
): Promise<TimelineBlock[]> {
  const rows = await db.all<SessionRow & { project: string | null; color: string | null }>(
    `SELECT ${COLUMNS}, p.name AS project, p.color FROM activities a LEFT JOIN projects p ON p.id = a.project_id
     WHERE a.deleted_at IS NULL AND a.start_time < :to AND (a.end_time IS NULL OR a.end_time > :from)
       AND a.start_time >= :from - 864000000 ORDER BY a.start_time LIMIT 2000`,
    { ':from': from, ':to': to },
  );
  const blocks: TimelineBlock[] = [];
  const day = new Date(from);
  const hours = workingHoursOn(settings.workingHours, day.getDay());
  const [sh, sm] = (hours?.start ?? '00:00').split(':').map(Number) as [number, number];
  const [eh, em] = (hours?.end ?? '00:00').split(':').map(Number) as [number, number];
  const working = hours !== null;
  let cursor = working ? new Date(day.getFullYear(), day.getMonth(), day.getDate(), sh, sm).getTime() : Infinity;
  for (const row of rows) {
    const a = toSession(row);
    if (!a) continue;
    const start = Math.max(a.startTime, from);
    const end = Math.min(endOf(a, now), to, Math.max(now, a.startTime));
    if (end <= start && workedMs(a, now) > 0) continue;
    if (cursor < start) blocks.push({ start: cursor, end: start, kind: 'gap', label: 'Untracked', color: null });
    const label = a.name || row.project || 'No project';
    const pauses = [...a.pauses];
    if (a.pauseStartedAt !== null) pauses.push({ start: a.pauseStartedAt, end });
    let t = start;
    for (const p of pauses.sort((x, y) => x.start - y.start)) {
      const ps = Math.max(p.start, start);
      const pe = Math.min(p.end, end);
      if (pe <= ps) continue;
      if (ps > t) blocks.push({ start: t, end: ps, kind: 'work', label, color: row.color });
      blocks.push({ start: ps, end: pe, kind: 'pause', label: 'Pause', color: null });
      t = pe;
    }
    if (end > t) blocks.push({ start: t, end, kind: 'work', label, color: row.color });
    cursor = Number.isFinite(cursor) ? Math.max(cursor, end) : end;
  }
  if (working) {
    const close = Math.min(
      new Date(day.getFullYear(), day.getMonth(), day.getDate(), eh, em).getTime(),
      Math.max(from, Math.min(to, now)),
    );
    if (cursor < close) blocks.push({ start: cursor, end: close, kind: 'gap', label: 'Untracked', color: null });
  }
  return blocks;
}
