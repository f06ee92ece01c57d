import type { Amount, GroupKey, ReportFigures, ReportGroup, ReportSeries } from '../../../shared/reports.ts';
import type { Database } from '../storage/sqlite.ts';
import { dayNumberToKey } from './days.ts';
import { TREE_CTE } from './filters.ts';
import type { FactSource } from './source.ts';

/** One aggregation over facts for every grouping, total, share and series: rows of (k1, k2, currency) sums. */
export interface AggRow {
  k1: string | number;
  k2: string | number;
  cur: string;
  ms: number;
  rms: number;
  bms: number;
  brms: number;
  n: number;
  amount: number;
}

export type Key = GroupKey | 'leaf' | 'class' | 'none' | 'bucket-day' | 'bucket-week' | 'bucket-month';

export function keySql(key: Key, weekStart: number): string {
  switch (key) {
    case 'project':
      return `COALESCE(t.root, f.project_id)`;
    case 'leaf':
      return 'f.project_id';
    case 'client':
      return `COALESCE(t.client, '')`;
    case 'tag':
      return 'f.tag_id';
    case 'name':
      return 'f.name';
    case 'class':
      return 'f.class';
    case 'day':
    case 'bucket-day':
      return 'f.day';
    case 'week':
    case 'bucket-week':
      return `(f.day - ((f.day + 4 - ${weekStart} + 7) % 7))`;
    case 'month':
    case 'bucket-month':
      return `strftime('%Y-%m', f.day * 86400, 'unixepoch')`;
    case 'none':
      return `''`;
  }
}

/** Whether a key needs day-level rows (month tables cannot answer it). */
const fine = (k: Key) => k === 'day' || k === 'week' || k === 'bucket-day' || k === 'bucket-week';

export async function aggregate(
  db: Database,
  src: FactSource,
  d0: number,
  d1: number,
  k1: Key,
  k2: Key,
  weekStart: number,
): Promise<AggRow[]> {
  const bakedKey = k2 !== 'none' ? null : k1 === 'name' ? 'name' : fine(k1) ? 'day' : null;
  const baked = bakedKey ? src.baked?.(bakedKey, d0, d1) : null;
  if (baked) {
    // a row per day or per name and currency, rates already applied (baked.ts)
    return db.all<AggRow & Record<string, never>>(
      `WITH RECURSIVE ${TREE_CTE}
       SELECT ${keySql(k1, weekStart)} AS k1, '' AS k2, f.cur, sum(f.ms) AS ms, sum(f.rms) AS rms, sum(f.bms) AS bms,
         sum(f.brms) AS brms, sum(f.n) AS n, sum(f.amount) / 3600000.0 AS amount
       FROM ${baked} f GROUP BY 1, 2, 3`,
    );
  }
  const tags = k1 === 'tag' || k2 === 'tag' || src.tagFiltered;
  return db.all<AggRow & Record<string, never>>(
    `WITH RECURSIVE ${TREE_CTE}
     SELECT ${keySql(k1, weekStart)} AS k1, ${keySql(k2, weekStart)} AS k2, COALESCE(t.currency, '') AS cur,
       sum(f.ms) AS ms, sum(f.rounded_ms) AS rms, sum(f.billable * f.ms) AS bms, sum(f.billable * f.rounded_ms) AS brms,
       sum(f.sessions) AS n, COALESCE(sum(f.billable * f.rounded_ms * t.rate), 0) / 3600000.0 AS amount
     FROM ${src.days(d0, d1, tags, fine(k1) || fine(k2), k1 === 'name' || k2 === 'name')} f LEFT JOIN tree t ON t.id = f.project_id
     WHERE true ${src.where.sql}
     GROUP BY 1, 2, 3`,
    src.where.args,
  );
}

export function emptyFigures(): ReportFigures {
  return { ms: 0, roundedMs: 0, billableMs: 0, billableRoundedMs: 0, sessions: 0, amounts: [] };
}

function addInto(f: ReportFigures, r: AggRow): void {
  f.ms += r.ms;
  f.roundedMs += r.rms;
  f.billableMs += r.bms;
  f.billableRoundedMs += r.brms;
  f.sessions += r.n;
  if (r.cur && r.amount) addAmount(f.amounts, r.cur, r.amount);
}

function addAmount(list: Amount[], currency: string, amount: number): void {
  const found = list.find((a) => a.currency === currency);
  if (found) found.amount = Math.round((found.amount + amount) * 100) / 100;
  else list.push({ currency, amount: Math.round(amount * 100) / 100 });
}

export function totalsOf(rows: readonly AggRow[]): ReportFigures {
  const f = emptyFigures();
  for (const r of rows) addInto(f, r);
  return f;
}

export interface Labeler {
  label(key: GroupKey, value: string | number): { key: string; label: string; color: string | null };
}

/** Groups (and their sub-groups) from (k1, k2, currency) rows, biggest first (time keys in time order). */
export function buildGroups(
  rows: readonly AggRow[],
  k1: GroupKey,
  k2: GroupKey | null,
  total: number,
  names: Labeler,
): ReportGroup[] {
  // plain object literals, no spreads: thousands of day groups spread into new objects cost V8 ~30 ms
  const make = (key: GroupKey, value: string | number): ReportGroup => {
    const l = names.label(key, value);
    return {
      key: l.key,
      label: l.label,
      color: l.color,
      ms: 0,
      roundedMs: 0,
      billableMs: 0,
      billableRoundedMs: 0,
      sessions: 0,
      amounts: [],
      share: 0,
      children: [],
    };
  };
  const groups = new Map<string, ReportGroup>();
  const subs = new Map<ReportGroup, Map<string, ReportGroup>>();
  const subKey: GroupKey | null = k2 === 'project' && k1 === 'project' ? 'project' : k2;
  for (const r of rows) {
    const id = String(r.k1);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = make(k1, r.k1)));
    addInto(g, r);
    if (subKey) {
      let sub = subs.get(g);
      if (!sub) subs.set(g, (sub = new Map()));
      const subId = String(r.k2);
      let s = sub.get(subId);
      if (!s) sub.set(subId, (s = make(subKey, r.k2)));
      addInto(s, r);
    }
  }
  const order = (key: GroupKey) =>
    key === 'day' || key === 'week' || key === 'month'
      ? (a: ReportGroup, b: ReportGroup) => (a.key < b.key ? -1 : 1)
      : (a: ReportGroup, b: ReportGroup) => b.ms - a.ms || a.label.localeCompare(b.label);
  const out = [...groups.values()];
  for (const g of out) {
    g.share = total > 0 ? g.ms / total : 0;
    const sub = subs.get(g);
    if (!sub) continue;
    g.children = [...sub.values()];
    for (const s of g.children) s.share = g.ms > 0 ? s.ms / g.ms : 0;
    g.children.sort(order(subKey!));
  }
  return out.sort(order(k1));
}

/** Bucket keys of a series from d0 to d1 (day numbers), trimmed to the days with work. */
export function seriesBuckets(unit: ReportSeries['unit'], d0: number, d1: number, weekStart: number): string[] {
  const out: string[] = [];
  if (unit === 'month') {
    const a = new Date(d0 * 86_400_000);
    const b = new Date(d1 * 86_400_000);
    for (
      let y = a.getUTCFullYear(), m = a.getUTCMonth();
      y < b.getUTCFullYear() || (y === b.getUTCFullYear() && m <= b.getUTCMonth());
      m === 11 ? (y++, (m = 0)) : m++
    ) {
      out.push(`${y}-${String(m + 1).padStart(2, '0')}`);
    }
    return out;
  }
  const step = unit === 'week' ? 7 : 1;
  const first = unit === 'week' ? d0 - ((d0 + 4 - weekStart + 7) % 7) : d0;
  for (let d = first; d <= d1; d += step) out.push(dayNumberToKey(d));
  return out;
}

export function bucketKey(unit: ReportSeries['unit'], value: string | number): string {
  return unit === 'month' ? String(value) : dayNumberToKey(Number(value));
}
