import { endOf, workedMs, type Span } from '../../../shared/session-math.ts';
import type { Settings } from '../../../shared/settings.ts';
import { offsetSegments, type OffsetSegment } from '../../../shared/timezone.ts';
import { workedMsWithin as workedWithin } from '../../../shared/worked-time.ts';
import { COLUMNS, LOOK_BACK_MS, toSession, type SessionRow } from '../sessions/sessions.ts';
import type { Database } from '../storage/sqlite.ts';
import { dayStartMs, localDay, localHour, nextLocalDay } from './days.ts';

/**
 * Facts: worked time per local day (and hour) of the sessions in [from, to), the unit both the roll-up tables and a
 * filtered scan are made of. Sessions inside one local day without pause intervals are summed by SQL; the few others
 * (crossing midnight, pause intervals, running) are cut per day/hour in JS with the exact pause-aware maths. A
 * session's count and its rounding adjustment belong to the day it starts, so a day's facts never depend on which
 * other days are computed with it.
 */
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export type Rounding = Settings['reportRounding'];

/** Per-session rounding of a worked-ms SQL expression; minutes come from a picklist, so inlining is safe. */
export function roundSql(w: string, r: Rounding): string {
  const m = r.minutes * 60_000;
  if (r.mode === 'up') return `(((${w}) + ${m - 1}) / ${m} * ${m})`;
  if (r.mode === 'down') return `((${w}) / ${m} * ${m})`;
  if (r.mode === 'nearest') return `(((${w}) + ${m / 2}) / ${m} * ${m})`;
  return `(${w})`;
}

export function roundMs(w: number, r: Rounding): number {
  const m = r.minutes * 60_000;
  if (r.mode === 'up') return Math.ceil(w / m) * m;
  if (r.mode === 'down') return Math.floor(w / m) * m;
  if (r.mode === 'nearest') return Math.floor((w + m / 2) / m) * m;
  return w;
}

/** Local UTC offset (ms) of an integer column, as a CASE over the segments. */
export function offsetSql(col: string, segments: readonly OffsetSegment[]): string {
  if (segments.length === 1) return String(segments[0]!.offsetMs);
  const cases = segments
    .slice(1)
    .reverse()
    .map((s) => `WHEN ${col} >= ${s.start} THEN ${s.offsetMs}`)
    .join(' ');
  return `(CASE ${cases} ELSE ${segments[0]!.offsetMs} END)`;
}

/** Local day number of a column or expression (as localDayNumberSql, for qualified names and expressions). */
export function daySql(col: string, segments: readonly OffsetSegment[]): string {
  return `((${col} + ${offsetSql(col, segments)}) / ${DAY_MS})`;
}

/** Class of a session: 0 distracting, 1 neutral, 2 productive. A live tag's class beats the project's. */
export function classSql(tagClasses: boolean): string {
  const project = `COALESCE(CASE p.productivity WHEN 'productive' THEN 2 WHEN 'distracting' THEN 0 END, 1)`;
  if (!tagClasses) return project;
  const tagged = (cls: string) => `EXISTS (SELECT 1 FROM activity_tags l JOIN tags t ON t.id = l.tag_id
    WHERE l.activity_id = a.id AND t.deleted_at IS NULL AND t.productivity = '${cls}')`;
  return `(CASE WHEN ${tagged('distracting')} THEN 0 WHEN ${tagged('productive')} THEN 2 ELSE ${project} END)`;
}

/** Whether any live tag has a class (else the per-session tag look-ups are skipped). */
export async function hasTagClasses(db: Database): Promise<boolean> {
  return !!(await db.get(`SELECT 1 FROM tags WHERE deleted_at IS NULL AND productivity <> 'neutral' LIMIT 1`));
}

export interface FactContext {
  db: Database;
  /** [from, to): local midnights */
  from: number;
  to: number;
  rounding: Rounding;
  tagClasses: boolean;
  /** running sessions count up to now; the roll-up leaves them out (they are added per report) */
  now: number | null;
  /** extra condition on `a` (filters), with its parameters */
  where: string;
  args: Record<string, string | number>;
}

export interface FactTarget {
  /** table to insert into, e.g. report_days or temp.report_scan */
  table: string;
  /** split per tag (one row per live tag of a session), per name, or neither */
  tag: boolean;
  name: boolean;
}

/** Finished, no pause intervals, inside one local day and one UTC offset (a DST change makes it complex). */
const SIMPLE = (
  day: (c: string) => string,
  segments: OffsetSegment[],
) => `a.end_time IS NOT NULL AND typeof(a.end_time) = 'integer'
  AND typeof(a.paused_ms) = 'integer' AND a.pause_started_at IS NULL AND a.pauses = '[]'
  AND ${day('a.start_time')} = ${day('max(a.end_time - 1, a.start_time)')}
  AND ${offsetSql('a.start_time', segments)} = ${offsetSql('a.end_time', segments)}`;

function segmentsFor(ctx: FactContext): OffsetSegment[] {
  return offsetSegments(ctx.from - LOOK_BACK_MS - DAY_MS, Math.max(ctx.to, ctx.now ?? 0) + DAY_MS);
}

/** Day facts (day, project_id, billable, class[, tag_id][, name], ms, rounded_ms, sessions) into target.table. */
export async function dayFacts(ctx: FactContext, target: FactTarget): Promise<void> {
  const segments = segmentsFor(ctx);
  const day = (c: string) => daySql(c, segments);
  const w = 'a.end_time - a.start_time - a.paused_ms';
  const extraCols = `${target.tag ? ', tag_id' : ''}${target.name ? ', name' : ''}`;
  const extraSel = `${target.tag ? ', l.tag_id' : ''}${target.name ? ', a.name' : ''}`;
  const tagJoin = target.tag
    ? `JOIN activity_tags l ON l.activity_id = a.id JOIN tags tg ON tg.id = l.tag_id AND tg.deleted_at IS NULL`
    : '';
  await ctx.db.run(
    `INSERT INTO ${target.table} (day, project_id, billable, class${extraCols}, ms, rounded_ms, sessions)
     SELECT ${day('a.start_time')}, COALESCE(a.project_id, ''), a.billable, ${classSql(ctx.tagClasses)}${extraSel},
       sum(${w}), sum(${roundSql(w, ctx.rounding)}), count(*)
     FROM activities a LEFT JOIN projects p ON p.id = a.project_id ${tagJoin}
     WHERE a.deleted_at IS NULL AND a.start_time >= :from AND a.start_time < :to AND a.end_time <= :to AND ${SIMPLE(day, segments)} ${ctx.where}
     GROUP BY 1, 2, 3, 4${target.tag ? ', l.tag_id' : ''}${target.name ? ', a.name' : ''}`,
    { ':from': ctx.from, ':to': ctx.to, ...ctx.args },
  );
  const rows = new Map<string, (string | number)[]>();
  for (const { span, row, cls } of await complexSessions(ctx, segments)) {
    const total = workedMs(span, ctx.now ?? 0);
    const adjust = roundMs(total, ctx.rounding) - total;
    const startDay = localDay(span.startTime);
    const keys = target.tag ? (JSON.parse(row.tag_ids) as string[]) : [''];
    for (const { day: d, from, to } of dayPieces(span, ctx)) {
      const ms = workedWithin(span, from, to, ctx.now ?? 0);
      const own = d === startDay;
      if (ms === 0 && !own) continue;
      for (const tag of keys) {
        const key = [
          d,
          row.project_id ?? '',
          row.billable,
          cls,
          ...(target.tag ? [tag] : []),
          ...(target.name ? [row.name] : []),
        ];
        const id = JSON.stringify(key);
        const acc = rows.get(id) ?? [...key, 0, 0, 0];
        const n = key.length;
        acc[n] = (acc[n] as number) + ms;
        acc[n + 1] = (acc[n + 1] as number) + ms + (own ? adjust : 0);
        acc[n + 2] = (acc[n + 2] as number) + (own ? 1 : 0);
        rows.set(id, acc);
      }
    }
  }
  if (rows.size === 0) return;
  const cols = `day, project_id, billable, class${extraCols}, ms, rounded_ms, sessions`;
  const n = cols.split(',').length;
  const json = JSON.stringify([...rows.values()]);
  const picks = Array.from({ length: n }, (_, i) => `value ->> ${i}`).join(', ');
  await ctx.db.run(
    `INSERT INTO ${target.table} (${cols}) SELECT ${picks} FROM json_each(:rows) WHERE true
     ON CONFLICT DO UPDATE SET ms = ms + excluded.ms, rounded_ms = rounded_ms + excluded.rounded_ms,
       sessions = sessions + excluded.sessions`,
    { ':rows': json },
  );
}

/** Hour facts (day, hour, ms, productive_ms) into table. */
export async function hourFacts(ctx: FactContext, table: string): Promise<void> {
  const segments = segmentsFor(ctx);
  const day = (c: string) => daySql(c, segments);
  const off = offsetSql('a.start_time', segments);
  // l0/l1: local start/end in ms, computed once per session (MATERIALIZED: inlined, the offset CASE would run for
  // every hour it is joined with); k: hours after the start's hour. Each piece loses its share of the paused time.
  const hours = Array.from({ length: 24 }, (_, k) => `(${k})`).join(', ');
  await ctx.db.run(
    `WITH h(k) AS MATERIALIZED (VALUES ${hours}),
     s AS MATERIALIZED (SELECT ${day('a.start_time')} * ${DAY_MS} AS base, a.start_time + ${off} AS l0, a.end_time + ${off} AS l1,
             a.paused_ms AS paused, ${classSql(ctx.tagClasses)} AS cls
           FROM activities a LEFT JOIN projects p ON p.id = a.project_id
           WHERE a.deleted_at IS NULL AND a.start_time >= :from AND a.start_time < :to AND a.end_time <= :to AND a.end_time > a.start_time
             AND ${SIMPLE(day, segments)} ${ctx.where}),
     t AS MATERIALIZED (SELECT base, l0, l1, paused, cls, (l0 - base) / ${HOUR_MS} AS h0, (l1 - 1 - base) / ${HOUR_MS} - (l0 - base) / ${HOUR_MS} AS n FROM s),
     pieces AS (SELECT base / ${DAY_MS} AS d, h0 + k AS hr, paused, l1 - l0 AS span, cls,
             min(l1, base + (h0 + k + 1) * ${HOUR_MS}) - max(l0, base + (h0 + k) * ${HOUR_MS}) AS ov
           FROM t JOIN h ON h.k <= t.n)
     INSERT INTO ${table} (day, hour, ms, productive_ms)
     SELECT d, hr, sum(ov - (paused * ov + span / 2) / span), sum(CASE WHEN cls = 2 THEN ov - (paused * ov + span / 2) / span ELSE 0 END)
     FROM pieces GROUP BY 1, 2`,
    { ':from': ctx.from, ':to': ctx.to, ...ctx.args },
  );
  const acc = new Map<number, [number, number]>();
  for (const { span, cls } of await complexSessions(ctx, segments)) {
    const end = Math.min(endOf(span, ctx.now ?? 0), ctx.to);
    for (let t = Math.max(span.startTime, ctx.from); t < end;) {
      const { next, hour } = localHour(t);
      const ms = workedWithin(span, t, Math.min(next, end), ctx.now ?? 0);
      if (ms > 0) {
        const key = localDay(t) * 24 + hour;
        const a = acc.get(key) ?? [0, 0];
        a[0] += ms;
        if (cls === 2) a[1] += ms;
        acc.set(key, a);
      }
      t = next;
    }
  }
  if (acc.size === 0) return;
  const json = JSON.stringify([...acc].map(([k, [ms, p]]) => [Math.floor(k / 24), k % 24, ms, p]));
  await ctx.db.run(
    `INSERT INTO ${table} (day, hour, ms, productive_ms) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3
     FROM json_each(:rows) WHERE true ON CONFLICT DO UPDATE SET ms = ms + excluded.ms, productive_ms = productive_ms + excluded.productive_ms`,
    { ':rows': json },
  );
}

/**
 * Per-day focus figures over finished sessions starting in [from, to): count, short ones, project switches, the
 * longest uninterrupted stretch (a session without pauses; with pauses, its worked time shared by its pauses + 1)
 * and worked time.
 */
export async function dayStatFacts(ctx: FactContext, table: string): Promise<void> {
  const segments = segmentsFor(ctx);
  const day = (c: string) => daySql(c, segments);
  const w = 'a.end_time - a.start_time - a.paused_ms';
  await ctx.db.run(
    `INSERT INTO ${table} (day, sessions, short, switches, longest_ms, worked_ms)
     SELECT d, count(*), sum(w < 300000), sum(sw), max(blk), sum(w) FROM (
       SELECT ${day('a.start_time')} AS d, ${w} AS w,
         CASE WHEN a.paused_ms = 0 THEN ${w} ELSE (${w}) / (json_array_length(a.pauses) + 1 + (a.pauses = '[]')) END AS blk,
         COALESCE(lag(COALESCE(a.project_id, '')) OVER (PARTITION BY ${day('a.start_time')} ORDER BY a.start_time), COALESCE(a.project_id, ''))
           <> COALESCE(a.project_id, '') AS sw
       FROM activities a
       WHERE a.deleted_at IS NULL AND a.start_time >= :from AND a.start_time < :to AND a.end_time IS NOT NULL
         AND typeof(a.end_time) = 'integer' AND typeof(a.paused_ms) = 'integer' ${ctx.where})
     GROUP BY d`,
    { ':from': ctx.from, ':to': ctx.to, ...ctx.args },
  );
}

interface Complex {
  span: Span;
  row: SessionRow;
  cls: number;
}

/** Sessions overlapping [from, to) that SQL does not sum: crossing a local midnight or the range, paused, running. */
async function complexSessions(ctx: FactContext, segments: OffsetSegment[]): Promise<Complex[]> {
  const day = (c: string) => daySql(c, segments);
  const running = ctx.now === null ? 'AND end_time IS NOT NULL' : '';
  const where = ctx.where.replaceAll(/\ba\./g, 'x.');
  const rows = await ctx.db.all<SessionRow & { cls: number }>(
    `SELECT ${COLUMNS}, ${classSql(ctx.tagClasses)} AS cls FROM activities a LEFT JOIN projects p ON p.id = a.project_id
     WHERE a.id IN (
       SELECT x.id FROM activities x WHERE x.deleted_at IS NULL AND x.start_time < :to AND x.start_time >= :back
         AND (x.end_time IS NULL OR x.end_time > :from) ${running} ${where}
         AND (x.end_time IS NULL OR x.pause_started_at IS NOT NULL OR x.pauses <> '[]' OR x.start_time < :from OR x.end_time > :to
              OR typeof(x.end_time) <> 'integer' OR typeof(x.paused_ms) <> 'integer'
              OR ${day('x.start_time')} <> ${day('max(x.end_time - 1, x.start_time)')}
              OR ${offsetSql('x.start_time', segments)} <> ${offsetSql('x.end_time', segments)})
       UNION
       SELECT x.id FROM activities x WHERE x.deleted_at IS NULL AND (x.end_time IS NULL OR x.end_time - x.start_time > ${LOOK_BACK_MS})
         AND x.start_time < :back AND (x.end_time IS NULL OR x.end_time > :from) ${running} ${where})`,
    { ':from': ctx.from, ':to': ctx.to, ':back': ctx.from - LOOK_BACK_MS, ...ctx.args },
  );
  const out: Complex[] = [];
  for (const row of rows) {
    const a = toSession(row);
    if (a) out.push({ span: a, row, cls: row.cls });
  }
  return out;
}

/** The local days a session covers inside [from, to), each as [start, end) ms. */
function* dayPieces(span: Span, ctx: FactContext): Generator<{ day: number; from: number; to: number }> {
  const end = Math.min(endOf(span, ctx.now ?? 0), ctx.to);
  let start = Math.max(span.startTime, ctx.from);
  // a zero-length session still owns its day (its count)
  if (end <= start) {
    if (span.startTime >= ctx.from && span.startTime < ctx.to)
      yield { day: localDay(span.startTime), from: start, to: start };
    return;
  }
  while (start < end) {
    const next = nextLocalDay(start);
    yield { day: localDay(start), from: start, to: Math.min(next, end) };
    start = next;
  }
}

export { dayStartMs };
