import { LOOK_BACK_MS } from '../sessions/sessions.ts';
import type { Database } from '../storage/sqlite.ts';
import {
  absorbRates,
  bakedMonthsWaiting,
  bakedSessionsWaiting,
  bakeStep,
  clearBaked,
  markBakedMonths,
} from './baked.ts';
import { dayStartMs, localDay, monthStartSql } from './days.ts';
import { absorbJournal } from './dirty.ts';
import { dayFacts, dayStatFacts, hasTagClasses, hourFacts, type FactContext, type Rounding } from './facts.ts';

/**
 * The roll-up tables (migration v6) hold per-local-day facts of every finished session. Changed spans come from the
 * undo journal and report_dirty (dirty.ts); before a report reads the roll-up, `refreshRollup` recomputes
 * the days those spans touch, so the tables are exact whenever they are read. The time zone and the report rounding
 * are baked in: when either differs from the stored signature, everything is rebuilt.
 */
export const ROLLUP_TABLES = ['report_days', 'report_tag_days', 'report_hours', 'report_day_stats'] as const;
export const MONTH_TABLES = ROLLUP_TABLES.map((t) => `${t}_m`);
/** Beyond this many separate dirty stretches, one stretch from the first to the last is cheaper to keep and recompute. */
const MAX_STRETCHES = 256;

let zone = { name: '', at: -Infinity };
/** The time zone's name, read at most once a second (constructing an Intl.DateTimeFormat costs ~0.5 ms). */
function timeZone(): string {
  const now = performance.now();
  if (now - zone.at > 1_000) zone = { name: Intl.DateTimeFormat().resolvedOptions().timeZone, at: now };
  return zone.name;
}

export function rollupSignature(rounding: Rounding): string {
  return JSON.stringify({ tz: timeZone(), rounding });
}

export interface RefreshOutcome {
  /** days recomputed */
  days: number;
  rebuilt: boolean;
  /** nothing is left to recompute (or, with a bake limit, nothing but a bake over the limit) */
  done: boolean;
  /** the baked tables are current too */
  baked: boolean;
}

/**
 * One step of bringing the roll-up up to date, in its own short write transaction (call it from inside the core
 * queue): a changed signature first empties everything and marks all history dirty; each later step recomputes at
 * most `maxDays` days of the first dirty stretch and puts the rest back. A full build is many steps, so a timer
 * commit queued meanwhile waits for one step, never for the whole build.
 */
export async function refreshStep(
  db: Database,
  rounding: Rounding,
  maxDays: number,
  bakeLimit = Infinity,
): Promise<RefreshOutcome> {
  const signature = rollupSignature(rounding);
  const stored = await db.get<{ value: string }>(`SELECT value FROM report_meta WHERE key = 'signature'`);
  const rebuild = stored?.value !== signature;
  if (!rebuild) {
    await absorbJournal(db);
    await absorbRates(db);
  }
  const daysDirty = rebuild || !!(await db.get('SELECT 1 FROM report_dirty LIMIT 1'));
  if (!daysDirty && (await bakedMonthsWaiting(db)) === 0) return { days: 0, rebuilt: false, done: true, baked: true };
  return db.transaction(async () => {
    if (rebuild) {
      for (const t of [...ROLLUP_TABLES, ...MONTH_TABLES]) await db.run(`DELETE FROM ${t}`);
      await clearBaked(db);
      await db.run('DELETE FROM report_dirty');
      // from the first start to the last end, read from indexes: max(end_time) over the table read all of it from
      // OPFS (2.5 s at 1M sessions, a timer commit waited behind it). A session ends at most LOOK_BACK_MS after it
      // starts unless it is in the activities_long index.
      await db.run(`INSERT INTO report_dirty SELECT s0, max(s1 + ${LOOK_BACK_MS}, COALESCE(l1, s1)) FROM (SELECT
          (SELECT min(start_time) FROM activities WHERE deleted_at IS NULL) AS s0,
          (SELECT max(start_time) FROM activities WHERE deleted_at IS NULL) AS s1,
          (SELECT max(COALESCE(end_time, start_time)) FROM activities WHERE deleted_at IS NULL
            AND (end_time IS NULL OR end_time - start_time > ${LOOK_BACK_MS})) AS l1)
        WHERE s0 IS NOT NULL`);
      await db.run(
        `INSERT INTO report_meta (key, value) VALUES ('signature', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        [signature],
      );
      return { days: 0, rebuilt: true, done: false, baked: false };
    }
    const tagClasses = await hasTagClasses(db);
    let days = 0;
    let marked: [number, number] | null = null;
    if (daysDirty) {
      const stretches = await dirtyStretches(db);
      const [d0, last] = stretches[0]!;
      const d1 = Math.min(last, d0 + Math.max(1, Math.floor(maxDays)) - 1);
      for (const t of ROLLUP_TABLES) await db.run(`DELETE FROM ${t} WHERE day BETWEEN ? AND ?`, [d0, d1]);
      await computeDays(db, d0, d1, rounding, tagClasses);
      // a month cut by the step is re-summed again by the step that finishes it
      await computeMonths(db, monthStart(d0), monthStart(d1));
      await markBakedMonths(db, d0, d1);
      marked = [monthStart(d0), monthStart(d1)];
      const rest: [number, number][] = d1 < last ? [[d1 + 1, last], ...stretches.slice(1)] : stretches.slice(1);
      await db.run('DELETE FROM report_dirty');
      days = d1 - d0 + 1;
      if (rest.length > 0) {
        await db.run(`INSERT INTO report_dirty SELECT value ->> 0, value ->> 1 FROM json_each(?)`, [
          JSON.stringify(rest.map(([a, b]) => [dayStartMs(a), dayStartMs(b + 1) - 1])),
        ]);
        return { days, rebuilt: false, done: false, baked: false };
      }
    }
    // the day tables are current: bake the months they changed (or a rate change touched), a few per step, in the
    // same step as the days (timer commits dirty a day every few seconds: baking only on clean steps could starve).
    // A report bakes a few months inline; many (after an import or a rate change) are left to the background.
    if (bakeLimit !== Infinity && (await bakedSessionsWaiting(db, bakeLimit)) > bakeLimit)
      return { days, rebuilt: false, done: true, baked: false };
    // a month costs about as much as 31 days; a step that did many days bakes nothing more (it is long enough). The
    // months just marked go last: timer commits re-mark the current month at every step, and the others must move on
    // (a report bakes the current one inline).
    const budget = days * 2 >= maxDays ? 0 : Math.max(1, Math.floor((maxDays - days) / 31));
    const months = budget > 0 ? await bakeStep(db, rounding, tagClasses, budget, marked) : 0;
    const done = (await bakedMonthsWaiting(db)) === 0;
    return { days: days + months * 30, rebuilt: false, done, baked: done };
  });
}

/**
 * About how many sessions the roll-up has left to summarise (all of them when it must be rebuilt), counted up to `cap`
 * + 1 only (a count of a million index entries read from OPFS took longer than the report it decided on). Reads the
 * journal first, so the answer covers every change made so far.
 */
export async function pendingSessions(db: Database, rounding: Rounding, cap: number): Promise<number> {
  const stored = await db.get<{ value: string }>(`SELECT value FROM report_meta WHERE key = 'signature'`);
  const count = (where: string, args: number[]) =>
    db
      .get<{ n: number }>(
        `SELECT count(*) AS n FROM (SELECT 1 FROM activities WHERE deleted_at IS NULL ${where} LIMIT ?)`,
        [...args, cap + 1],
      )
      .then((r) => r?.n ?? 0);
  if (stored?.value !== rollupSignature(rounding)) return count('', []);
  await absorbJournal(db);
  let n = 0;
  for (const [a, b] of await dirtyStretches(db)) {
    if (n > cap) break;
    n += await count('AND start_time >= ? AND start_time < ?', [dayStartMs(a), dayStartMs(b + 1)]);
  }
  return n;
}

/**
 * Brings the roll-up up to date in one go (tests; and a report's last small catch-up inside its own call). Baked
 * months are baked too unless they hold more than `bakeLimit` sessions; `baked` says whether they are current.
 */
export async function refreshRollup(db: Database, rounding: Rounding, bakeLimit = Infinity): Promise<RefreshOutcome> {
  const total: RefreshOutcome = { days: 0, rebuilt: false, done: false, baked: false };
  while (!total.done) {
    const step = await refreshStep(db, rounding, 366, bakeLimit);
    total.days += step.days;
    total.rebuilt ||= step.rebuilt;
    total.done = step.done;
    total.baked = step.baked;
  }
  return total;
}

/** Fills the roll-up tables for local days d0..d1 (they must be empty there). Also used by tests to recompute. */
export async function computeDays(
  db: Database,
  d0: number,
  d1: number,
  rounding: Rounding,
  tagClasses: boolean,
): Promise<void> {
  const ctx: FactContext = {
    db,
    from: dayStartMs(d0),
    to: dayStartMs(d1 + 1),
    rounding,
    tagClasses,
    now: null,
    where: '',
    args: {},
  };
  await dayFacts(ctx, { table: 'report_days', tag: false, name: false });
  await dayFacts(ctx, { table: 'report_tag_days', tag: true, name: false });
  await hourFacts(ctx, 'report_hours');
  await dayStatFacts(ctx, 'report_day_stats');
}

function monthStart(day: number): number {
  return day - new Date(day * 86_400_000).getUTCDate() + 1;
}

/** Re-sums the month tables for the months starting m0..m1 (day numbers) from the day tables. */
export async function computeMonths(db: Database, m0: number, m1: number): Promise<void> {
  const m = monthStartSql('day');
  const range = `day BETWEEN :m0 AND :m1end`;
  const args = { ':m0': m0, ':m1': m1, ':m1end': m1 + 31 };
  for (const t of MONTH_TABLES)
    await db.run(`DELETE FROM ${t} WHERE day BETWEEN :m0 AND :m1`, { ':m0': m0, ':m1': m1 });
  const between = `${m} BETWEEN :m0 AND :m1`;
  await db.run(
    `INSERT INTO report_days_m SELECT ${m}, project_id, billable, class, sum(ms), sum(rounded_ms), sum(sessions)
    FROM report_days WHERE ${range} AND ${between} GROUP BY 1, 2, 3, 4`,
    args,
  );
  await db.run(
    `INSERT INTO report_tag_days_m SELECT ${m}, tag_id, project_id, billable, class, sum(ms), sum(rounded_ms), sum(sessions)
    FROM report_tag_days WHERE ${range} AND ${between} GROUP BY 1, 2, 3, 4, 5`,
    args,
  );
  await db.run(
    `INSERT INTO report_hours_m SELECT ${m}, ((day + 4) % 7) * 24 + hour, sum(ms), sum(productive_ms)
    FROM report_hours WHERE ${range} AND ${between} GROUP BY 1, 2`,
    args,
  );
  await db.run(
    `INSERT INTO report_day_stats_m SELECT ${m}, count(*), sum(sessions), sum(short), sum(switches), max(longest_ms), sum(worked_ms)
    FROM report_day_stats WHERE ${range} AND ${between} GROUP BY 1`,
    args,
  );
}

/** The local days report_dirty marks, as sorted, merged stretches. */
async function dirtyStretches(db: Database): Promise<[number, number][]> {
  const spans = await db.all<{ from_ms: number; to_ms: number }>('SELECT from_ms, to_ms FROM report_dirty');
  return dayStretches(spans.map((s) => [localDay(s.from_ms), localDay(s.to_ms)]));
}

/** Sorted, merged day ranges (adjacent ones joined); many far-apart ones become one. */
export function dayStretches(ranges: [number, number][]): [number, number][] {
  const sorted = ranges
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number])
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  if (out.length > MAX_STRETCHES) return [[out[0]![0], out[out.length - 1]![1]]];
  return out;
}
