import type { Database } from '../storage/sqlite.ts';
import { dayStartMs, monthStartSql } from './days.ts';
import { dayFacts, type FactContext, type Rounding } from './facts.ts';
import { TREE_CTE } from './filters.ts';
import { temp, TEMP } from './temp.ts';

/**
 * Baked tables (migration v7): figures with each project's rate and currency already applied, so grouping all history
 * by day, week or name reads one row per day or per name and currency instead of one per project. Two of them:
 * report_day_totals (per local day, from report_days) and report_names_m / _y (per name, month and year, summed from
 * the sessions: names are not in the other roll-ups, and a name × project table is as big as the sessions when names
 * are spread over projects). Amounts are kept as sum(rounded ms × rate), divided per report.
 *
 * Kept per month: report_baked_dirty lists the months to bake again. The roll-up marks the months of every day it
 * recomputes; a change of a project's effective rate or currency (its own, or a parent's) marks the months where that
 * project has billable time (read from report_days_m). While more than a few months wait, reports use the other
 * tables and the background catch-up bakes them.
 */
export const BAKED_TABLES = ['report_day_totals', 'report_names_m', 'report_names_y'] as const;
/** More sessions than this in the months waiting: a report does not bake them inline (~10 ms per 2,000 sessions). */
export const MAX_INLINE_SESSIONS = 3_000;

const yearStartSql = (day: string) => `(${day} - CAST(strftime('%j', ${day} * 86400, 'unixepoch') AS INTEGER) + 1)`;
/** currency, ms, rounded_ms, billable_ms, billable_rounded_ms, sessions, amount of day facts `f` joined with the tree `t` */
const RATED_SUMS = `COALESCE(t.currency, ''), sum(f.ms), sum(f.rounded_ms), sum(f.billable * f.ms), sum(f.billable * f.rounded_ms),
  sum(f.sessions), COALESCE(sum(f.billable * f.rounded_ms * t.rate), 0)`;
const RATES = `WITH RECURSIVE ${TREE_CTE} SELECT id, rate, COALESCE(currency, '') AS currency FROM tree ORDER BY id`;

/** Marks the months m0..m1 (month-start day numbers, or any day inside them) to be baked again. */
export async function markBakedMonths(db: Database, d0: number, d1: number): Promise<void> {
  await db.run(
    `WITH RECURSIVE m(d) AS (SELECT ${monthStartSql(':d0')} UNION ALL
      SELECT ${monthStartSql('(d + 31)')} FROM m WHERE ${monthStartSql('(d + 31)')} <= :d1)
    INSERT OR IGNORE INTO report_baked_dirty SELECT d FROM m`,
    { ':d0': d0, ':d1': d1 },
  );
}

/**
 * Compares the projects' effective rates with the ones the baked tables were made with; the months where a changed
 * project has billable time are marked. With nothing stored yet, every month of the roll-up is.
 */
export async function absorbRates(db: Database): Promise<void> {
  const rows = await db.all<{ id: string; rate: number | null; currency: string }>(RATES);
  const now = JSON.stringify(rows.map((r) => [r.id, r.rate, r.currency]));
  const stored = (await db.get<{ value: string }>(`SELECT value FROM report_meta WHERE key = 'rates'`))?.value;
  if (stored === now) return;
  if (stored === undefined) {
    await db.run('INSERT OR IGNORE INTO report_baked_dirty SELECT DISTINCT day FROM report_days_m');
  } else {
    const before = new Map(
      (JSON.parse(stored) as [string, number | null, string][]).map(([id, rate, cur]) => [id, `${rate}/${cur}`]),
    );
    const changed = rows.filter((r) => before.get(r.id) !== `${r.rate}/${r.currency}`).map((r) => r.id);
    for (const id of before.keys()) if (!rows.some((r) => r.id === id)) changed.push(id);
    await db.run(
      `INSERT OR IGNORE INTO report_baked_dirty SELECT DISTINCT day FROM report_days_m
      WHERE billable = 1 AND project_id IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(changed)],
    );
  }
  await db.run(
    `INSERT INTO report_meta (key, value) VALUES ('rates', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    [now],
  );
}

export async function bakedMonthsWaiting(db: Database): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM report_baked_dirty'))?.n ?? 0;
}

/**
 * About how many sessions start in the months waiting to be baked (UTC months; what baking them costs), counted up to
 * `cap` + 1 only.
 */
export async function bakedSessionsWaiting(db: Database, cap: number): Promise<number> {
  return (
    (
      await db.get<{ n: number }>(
        `SELECT count(*) AS n FROM (SELECT 1 FROM report_baked_dirty m JOIN activities a
    ON a.deleted_at IS NULL AND a.start_time >= m.month * 86400000 AND a.start_time < ${monthStartSql('(m.month + 31)')} * 86400000
    LIMIT ?)`,
        [cap + 1],
      )
    )?.n ?? 0
  );
}

/**
 * Bakes up to `maxMonths` waiting months, oldest first but the months `last` covers after the others (the day tables
 * must be up to date for them). Returns the months done.
 */
export async function bakeStep(
  db: Database,
  rounding: Rounding,
  tagClasses: boolean,
  maxMonths: number,
  last: [number, number] | null = null,
): Promise<number> {
  const months = (
    await db.all<{ month: number }>(
      'SELECT month FROM report_baked_dirty ORDER BY month BETWEEN ? AND ?, month LIMIT ?',
      [last?.[0] ?? 0, last?.[1] ?? -1, Math.max(1, maxMonths)],
    )
  )
    .map((r) => r.month)
    .sort((a, b) => a - b);
  if (months.length === 0) return 0;
  const years = new Set<number>();
  // runs of consecutive months are summed from the sessions in one pass each
  for (const [m0, mLast] of monthRuns(months)) {
    const end = nextMonth(mLast) - 1;
    const args = { ':m0': m0, ':m1': end };
    await db.run('DELETE FROM report_day_totals WHERE day BETWEEN :m0 AND :m1', args);
    await db.run(
      `WITH RECURSIVE ${TREE_CTE}
      INSERT INTO report_day_totals (day, currency, ms, rounded_ms, billable_ms, billable_rounded_ms, sessions, amount)
      SELECT f.day, ${RATED_SUMS} FROM report_days f LEFT JOIN tree t ON t.id = f.project_id WHERE f.day BETWEEN :m0 AND :m1 GROUP BY 1, 2`,
      args,
    );
    const names = await temp(db, TEMP, 'report_bake_names');
    const ctx: FactContext = {
      db,
      from: dayStartMs(m0),
      to: dayStartMs(end + 1),
      rounding,
      tagClasses,
      now: null,
      where: '',
      args: {},
    };
    await dayFacts(ctx, { table: names, tag: false, name: true });
    await db.run('DELETE FROM report_names_m WHERE day BETWEEN :m0 AND :m1', args);
    await db.run(`WITH RECURSIVE ${TREE_CTE}
      INSERT INTO report_names_m (day, name, currency, ms, rounded_ms, billable_ms, billable_rounded_ms, sessions, amount)
      SELECT ${monthStartSql('f.day')}, f.name, ${RATED_SUMS} FROM ${names} f LEFT JOIN tree t ON t.id = f.project_id GROUP BY 1, 2, 3`);
    for (let m = m0; m <= mLast; m = nextMonth(m)) years.add(yearStart(m));
  }
  for (const y of years) {
    const args = { ':y': y, ':y1': y + 365 };
    await db.run('DELETE FROM report_names_y WHERE day = :y', { ':y': y });
    await db.run(
      `INSERT INTO report_names_y (day, name, currency, ms, rounded_ms, billable_ms, billable_rounded_ms, sessions, amount)
      SELECT :y, name, currency, sum(ms), sum(rounded_ms), sum(billable_ms), sum(billable_rounded_ms), sum(sessions), sum(amount)
      FROM report_names_m WHERE day BETWEEN :y AND :y1 AND ${yearStartSql('day')} = :y GROUP BY name, currency`,
      args,
    );
  }
  await db.run('DELETE FROM report_baked_dirty WHERE month IN (SELECT value FROM json_each(?))', [
    JSON.stringify(months),
  ]);
  return months.length;
}

/** Empties the baked tables (a rebuild of the roll-up marks every month again as it goes). */
export async function clearBaked(db: Database): Promise<void> {
  for (const t of [...BAKED_TABLES, 'report_baked_dirty']) await db.run(`DELETE FROM ${t}`);
}

const BAKED_COLS =
  'currency AS cur, ms, rounded_ms AS rms, billable_ms AS bms, billable_rounded_ms AS brms, sessions AS n, amount';

/**
 * Rows (day, cur, ms, rms, bms, brms, n, amount) of the finished sessions' days d0..d1 from report_day_totals; the
 * caller adds the running session.
 */
export function dayTotalsSql(d0: number, d1: number): string {
  return `SELECT day, ${BAKED_COLS} FROM report_day_totals WHERE day BETWEEN ${d0} AND ${d1}`;
}

/**
 * Rows (name, cur, …) over d0..d1 from the name tables: whole years from _y, whole months from _m; the days left at
 * the edges are returned for the caller to sum from the sessions.
 */
export function namesSql(d0: number, d1: number): { sql: string; edges: [number, number][] } {
  const parts: string[] = [];
  const edges: [number, number][] = [];
  const m0 = monthStartOf(d0) === d0 ? d0 : nextMonth(d0);
  const m1 = monthStartOf(d1 + 1); // first day after the last whole month
  if (m1 <= m0) return { sql: '', edges: [[d0, d1]] };
  if (d0 < m0) edges.push([d0, m0 - 1]);
  if (m1 <= d1) edges.push([m1, d1]);
  const y0 = yearStart(m0) === m0 ? m0 : yearStart(yearStart(m0) + 366);
  const y1 = yearStart(m1);
  const pick = (table: string, a: number, b: number) =>
    `SELECT name, ${BAKED_COLS} FROM ${table} WHERE day >= ${a} AND day < ${b}`;
  if (y1 > y0) {
    parts.push(pick('report_names_y', y0, y1));
    if (m0 < y0) parts.push(pick('report_names_m', m0, y0));
    if (y1 < m1) parts.push(pick('report_names_m', y1, m1));
  } else {
    parts.push(pick('report_names_m', m0, m1));
  }
  return { sql: parts.join(' UNION ALL '), edges };
}

function monthRuns(months: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const m of months) {
    const last = runs[runs.length - 1];
    if (last && nextMonth(last[1]) === m) last[1] = m;
    else runs.push([m, m]);
  }
  return runs;
}

const date = (day: number) => new Date(day * 86_400_000);
const dayOf = (y: number, m: number) => Math.round(Date.UTC(y, m, 1) / 86_400_000);
function monthStartOf(day: number): number {
  const d = date(day);
  return dayOf(d.getUTCFullYear(), d.getUTCMonth());
}
function nextMonth(day: number): number {
  const d = date(day);
  return dayOf(d.getUTCFullYear(), d.getUTCMonth() + 1);
}
function yearStart(day: number): number {
  return dayOf(date(day).getUTCFullYear(), 0);
}
