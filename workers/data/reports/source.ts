import type { GroupKey, ReportFilters } from '../../../shared/reports.ts';
import type { Database } from '../storage/sqlite.ts';
import { dayTotalsSql, namesSql } from './baked.ts';
import { dayStartMs, localDay } from './days.ts';
import { dayFacts, dayStatFacts, hasTagClasses, hourFacts, type FactContext, type Rounding } from './facts.ts';
import { factWhere, hasFilters, rollupCan, sessionWhere, type SqlPart } from './filters.ts';
import { temp, TEMP, TEMP_HOURS, TEMP_STATS } from './temp.ts';

/**
 * Where a report's facts come from. From the roll-up (plus the running session, summed per report into small temp
 * tables), or, when the request needs what the roll-up does not keep (text, names, several tags), from the sessions
 * of the range summed into temp tables with the filter applied. Either way the aggregation SQL on top is the same.
 */
export interface FactSource {
  mode: 'rollup' | 'scan';
  /** SQL (a parenthesised query) giving day, project_id, billable, class, tag_id, name, ms, rounded_ms, sessions */
  days(d0: number, d1: number, tags: boolean, fine: boolean, names: boolean): string;
  /** day-of-week × hour facts: how (weekday * 24 + hour), ms, productive_ms */
  hours(d0: number, d1: number): string;
  /** day stats: days, sessions, short, switches, longest_ms, worked_ms */
  stats(d0: number, d1: number): string;
  /** conditions on facts `f` (and the tree `t`) */
  where: SqlPart;
  /** the where names one tag: day facts must come split per tag */
  tagFiltered: boolean;
  /**
   * Rows (day or name, cur, ms, rms, bms, brms, n, amount) with rates applied, from the baked tables, for a grouping by
   * day, week or name alone without filters; null when they cannot answer it.
   */
  baked?: (key: 'day' | 'name', d0: number, d1: number) => string | null;
}

const DAY_COLS = 'day, project_id, billable, class, tag_id, name, ms, rounded_ms, sessions';

/** Full months inside [d0, d1]: [m0, m1) as day numbers, or null. */
function fullMonths(d0: number, d1: number): [number, number] | null {
  const first = new Date(d0 * 86_400_000);
  const m0 =
    first.getUTCDate() === 1
      ? d0
      : Math.round(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1) / 86_400_000);
  const after = new Date((d1 + 1) * 86_400_000);
  const m1 = Math.round(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), 1) / 86_400_000);
  return m1 > m0 ? [m0, m1] : null;
}

/** Rows of a day table over [d0, d1], reading whole months from its month table. */
function split(d0: number, d1: number, day: (range: string) => string, month: (range: string) => string): string {
  const m = fullMonths(d0, d1);
  if (!m) return day(`day BETWEEN ${d0} AND ${d1}`);
  const parts = [month(`day >= ${m[0]} AND day < ${m[1]}`)];
  if (d0 < m[0]) parts.push(day(`day BETWEEN ${d0} AND ${m[0] - 1}`));
  if (m[1] <= d1) parts.push(day(`day BETWEEN ${m[1]} AND ${d1}`));
  return parts.join(' UNION ALL ');
}

export async function prepareSource(
  db: Database,
  from: number,
  /** the report's own range starts here (from..rangeFrom is the previous period, which needs no names) */
  rangeFrom: number,
  to: number,
  filters: ReportFilters,
  keys: readonly (GroupKey | null)[],
  rounding: Rounding,
  now: number,
  /** false while the roll-up is still being built: everything comes from the sessions */
  useRollup = true,
  /** the baked tables are current (baked.ts) */
  bakedReady = false,
): Promise<FactSource> {
  const tagClasses = await hasTagClasses(db);
  const base = { db, rounding, tagClasses } as const;
  if (useRollup && rollupCan(filters, keys)) {
    // the running session (never in the roll-up), over the report's range and the previous period's
    const live = await temp(db, TEMP, 'report_live');
    const liveTags = await temp(db, TEMP, 'report_live_tags');
    const liveHours = await temp(db, TEMP_HOURS, 'report_live_hours');
    const running = await db.get<{ start_time: number }>(
      'SELECT start_time FROM activities WHERE end_time IS NULL AND deleted_at IS NULL',
    );
    if (running && running.start_time < now) {
      const ctx: FactContext = {
        ...base,
        from: Math.min(from, running.start_time),
        to: Math.max(to, now + 1),
        now,
        where: 'AND a.end_time IS NULL',
        args: {},
      };
      await dayFacts(ctx, { table: live, tag: false, name: false });
      await dayFacts(ctx, { table: liveTags, tag: true, name: false });
      await hourFacts(ctx, liveHours);
    }
    // hours and day stats have no project/tag/billable dimension: with a filter they come from a scan of the range
    const scanned = hasFilters(filters)
      ? await scanHoursAndStats(db, { ...base, from, to, now, where: '', args: {} }, filters)
      : null;
    const baked = bakedReady && !hasFilters(filters);
    // grouping by name alone: whole months and years from the baked name tables, the days at the edges (and the
    // running session) summed from the sessions
    const r0 = localDay(rangeFrom);
    const r1 = localDay(to) - 1;
    const bakedNames = baked && keys[0] === 'name' && keys[1] === null ? namesSql(r0, r1) : null;
    // else (never with filters here): the range's facts per name, the rest from the roll-up
    const names = keys.includes('name') ? await temp(db, TEMP, 'report_names') : null;
    if (names && bakedNames) {
      for (const [a, b] of bakedNames.edges) {
        await dayFacts(
          { ...base, from: dayStartMs(a), to: dayStartMs(b + 1), now: null, where: '', args: {} },
          { table: names, tag: false, name: true },
        );
      }
      if (running && running.start_time < now) {
        const ctx: FactContext = {
          ...base,
          from: Math.min(rangeFrom, running.start_time),
          to: Math.max(to, now + 1),
          now,
          where: 'AND a.end_time IS NULL',
          args: {},
        };
        await dayFacts(ctx, { table: names, tag: false, name: true });
      }
    } else if (names) {
      await dayFacts(
        { ...base, from: rangeFrom, to, now, where: '', args: {} },
        { table: names, tag: false, name: true },
      );
    }
    const withRates = (
      table: string,
      key: string,
      d0: number,
      d1: number,
    ) => `SELECT f.${key} AS ${key}, COALESCE(t.currency, '') AS cur,
      f.ms AS ms, f.rounded_ms AS rms, f.billable * f.ms AS bms, f.billable * f.rounded_ms AS brms, f.sessions AS n,
      COALESCE(f.billable * f.rounded_ms * t.rate, 0) AS amount FROM ${table} f LEFT JOIN tree t ON t.id = f.project_id WHERE f.day BETWEEN ${d0} AND ${d1}`;
    return {
      mode: 'rollup',
      days: (d0, d1, tags, fine, byName) => {
        if (byName && names) return `(SELECT ${DAY_COLS} FROM ${names} WHERE day BETWEEN ${d0} AND ${d1})`;
        const cols = tags
          ? `day, project_id, billable, class, tag_id, '' AS name, ms, rounded_ms, sessions`
          : `day, project_id, billable, class, '' AS tag_id, '' AS name, ms, rounded_ms, sessions`;
        const table = tags ? 'report_tag_days' : 'report_days';
        const dayPart = (r: string) => `SELECT ${cols} FROM ${table} WHERE ${r}`;
        const rolled = fine
          ? dayPart(`day BETWEEN ${d0} AND ${d1}`)
          : split(d0, d1, dayPart, (r) => `SELECT ${cols} FROM ${table}_m WHERE ${r}`);
        return `(${rolled} UNION ALL SELECT ${DAY_COLS} FROM ${tags ? liveTags : live} WHERE day BETWEEN ${d0} AND ${d1})`;
      },
      hours: (d0, d1) =>
        scanned
          ? scanned.hours(d0, d1)
          : `(${split(
              d0,
              d1,
              (r) => `SELECT ((day + 4) % 7) * 24 + hour AS how, ms, productive_ms FROM report_hours WHERE ${r}`,
              (r) => `SELECT hour AS how, ms, productive_ms FROM report_hours_m WHERE ${r}`,
            )}
          UNION ALL SELECT ((day + 4) % 7) * 24 + hour, ms, productive_ms FROM ${liveHours} WHERE day BETWEEN ${d0} AND ${d1})`,
      stats: (d0, d1) =>
        scanned
          ? scanned.stats(d0, d1)
          : `(${split(
              d0,
              d1,
              (r) =>
                `SELECT 1 AS days, sessions, short, switches, longest_ms, worked_ms FROM report_day_stats WHERE ${r}`,
              (r) => `SELECT days, sessions, short, switches, longest_ms, worked_ms FROM report_day_stats_m WHERE ${r}`,
            )})`,
      where: factWhere(filters),
      tagFiltered: filters.tagIds?.length === 1,
      baked: baked
        ? (key, d0, d1) => {
            if (key === 'day') return `(${dayTotalsSql(d0, d1)} UNION ALL ${withRates(live, 'day', d0, d1)})`;
            if (!bakedNames || !names) return null;
            if (d0 !== r0 || d1 !== r1) throw new Error(`names were prepared for days ${r0}..${r1}, not ${d0}..${d1}`);
            return `(${bakedNames.sql ? `${bakedNames.sql} UNION ALL ` : ''}${withRates(names, 'name', d0, d1)})`;
          }
        : undefined,
    };
  }
  // a scan: the range's sessions, filtered, into temp tables (split per tag only when a grouping needs it)
  const where = sessionWhere(filters);
  const ctx: FactContext = { ...base, from, to, now, where: where.sql, args: where.args };
  const name = keys.includes('name');
  const scan = await temp(db, TEMP, 'report_scan');
  await dayFacts(ctx, { table: scan, tag: false, name });
  const scanTags = await temp(db, TEMP, 'report_scan_tags');
  if (keys.includes('tag')) await dayFacts(ctx, { table: scanTags, tag: true, name });
  const scanned = await scanHoursAndStats(db, ctx, filters);
  return {
    mode: 'scan',
    days: (d0, d1, tags) => `(SELECT ${DAY_COLS} FROM ${tags ? scanTags : scan} WHERE day BETWEEN ${d0} AND ${d1})`,
    ...scanned,
    where: { sql: '', args: {} },
    tagFiltered: false,
  };
}

async function scanHoursAndStats(
  db: Database,
  ctx: FactContext,
  filters: ReportFilters,
): Promise<Pick<FactSource, 'hours' | 'stats'>> {
  const where = sessionWhere(filters);
  const c = { ...ctx, where: where.sql, args: where.args };
  const hours = await temp(db, TEMP_HOURS, 'report_scan_hours');
  await hourFacts(c, hours);
  const stats = await temp(db, TEMP_STATS, 'report_scan_stats');
  await dayStatFacts(c, stats);
  return {
    hours: (d0, d1) =>
      `(SELECT ((day + 4) % 7) * 24 + hour AS how, ms, productive_ms FROM ${hours} WHERE day BETWEEN ${d0} AND ${d1})`,
    stats: (d0, d1) =>
      `(SELECT 1 AS days, sessions, short, switches, longest_ms, worked_ms FROM ${stats} WHERE day BETWEEN ${d0} AND ${d1})`,
  };
}

export { dayStartMs };
