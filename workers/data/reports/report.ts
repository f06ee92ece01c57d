import { ALL_TIME_FROM } from '../../../shared/report-range.ts';
import type { GroupKey, Report, ReportFilters, ReportSeries, SeriesStack } from '../../../shared/reports.ts';
import type { Settings } from '../../../shared/settings.ts';
import * as goals from '../goals/goals.ts';
import type { Database } from '../storage/sqlite.ts';
import { MAX_INLINE_SESSIONS } from './baked.ts';
import { budgets } from './budget.ts';
import { dayNumberOf, dayNumberToKey, dayStartMs, localDay } from './days.ts';
import { timeline } from './detail.ts';
import { aggregate, bucketKey, buildGroups, seriesBuckets, totalsOf, type Key, type Labeler } from './groups.ts';
import { heatmap, productivity } from './productivity.ts';
import { refreshRollup } from './rollup.ts';
import { prepareSource } from './source.ts';

export interface ReportRequest {
  from: string;
  to: string;
  filters: ReportFilters;
  groupBy: GroupKey;
  subGroupBy: GroupKey | null;
}

const STACKS = 7;
const OTHER_COLOR = '#8a8f98';

/** Names and colours of projects (archived and deleted too: reports keep history) and tags. */
async function labeler(db: Database): Promise<Labeler> {
  const projects = new Map(
    (await db.all<{ id: string; name: string; color: string }>('SELECT id, name, color FROM projects')).map((p) => [
      p.id,
      p,
    ]),
  );
  const tags = new Map(
    (await db.all<{ id: string; name: string; color: string | null }>('SELECT id, name, color FROM tags')).map((t) => [
      t.id,
      t,
    ]),
  );
  return {
    label(key, value) {
      const v = String(value);
      if (key === 'project') {
        const p = projects.get(v);
        return { key: v, label: p?.name ?? 'No project', color: p?.color ?? null };
      }
      if (key === 'tag') {
        const t = tags.get(v);
        return { key: v, label: t?.name ?? 'No tag', color: t?.color ?? null };
      }
      if (key === 'client') return { key: v, label: v || 'No client', color: null };
      if (key === 'name') return { key: v, label: v || '(no name)', color: null };
      if (key === 'month') return { key: v, label: v, color: null };
      const day = dayNumberToKey(Number(value));
      return { key: day, label: key === 'week' ? `Week of ${day}` : day, color: null };
    },
  };
}

function seriesUnit(days: number): ReportSeries['unit'] {
  return days <= 62 ? 'day' : days <= 366 ? 'week' : 'month';
}

/** The whole Reports view in one answer, every figure summed by SQL (roll-up or scan), in the worker. */
export async function buildReport(
  db: Database,
  req: ReportRequest,
  settings: Settings,
  now: number,
  useRollup = true,
): Promise<Report> {
  const t0 = performance.now();
  const rounding = settings.reportRounding;
  const ws = settings.weekStart;
  const bakedReady = useRollup && (await refreshRollup(db, rounding, MAX_INLINE_SESSIONS)).baked;
  let d0 = dayNumberOf(req.from);
  const d1 = dayNumberOf(req.to);
  // all time starts at the first session, so its series and previous period mean something; any other range is kept
  // as asked (a "last year" with data from October still compares with the year before)
  if (req.from === ALL_TIME_FROM) {
    const first = await db.get<{ s: number | null }>(
      'SELECT min(start_time) AS s FROM activities WHERE deleted_at IS NULL',
    );
    if (first?.s != null) d0 = Math.max(d0, Math.min(localDay(first.s), d1));
  }
  const len = d1 - d0 + 1;
  const p0 = d0 - len;
  const p1 = d0 - 1;
  const keys = [req.groupBy, req.subGroupBy];
  const src = await prepareSource(
    db,
    dayStartMs(p0),
    dayStartMs(d0),
    dayStartMs(d1 + 1),
    req.filters,
    keys,
    rounding,
    now,
    useRollup,
    bakedReady,
  );
  const names = await labeler(db);

  const k2: Key = req.subGroupBy === 'project' && req.groupBy === 'project' ? 'leaf' : (req.subGroupBy ?? 'none');
  const rows = await aggregate(db, src, d0, d1, req.groupBy, k2, ws);
  const byTag = keys.includes('tag');
  const totalRows = byTag ? await aggregate(db, src, d0, d1, 'none', 'none', ws) : rows;
  const totals = totalsOf(totalRows);
  const groups = buildGroups(
    rows,
    req.groupBy,
    req.subGroupBy === 'project' && req.groupBy === 'project' ? 'project' : req.subGroupBy,
    totals.ms,
    names,
  );
  const prevMs = totalsOf(await aggregate(db, src, p0, p1, 'none', 'none', ws)).ms;

  const unit = seriesUnit(len);
  const seriesRows = await aggregate(db, src, d0, d1, `bucket-${unit}`, 'project', ws);
  const perProject = new Map<string, number>();
  for (const r of seriesRows) perProject.set(String(r.k2), (perProject.get(String(r.k2)) ?? 0) + r.ms);
  const ranked = [...perProject].sort((a, b) => b[1] - a[1]);
  const share = ranked.map(([key, ms]) => {
    const l = names.label('project', key);
    return {
      key,
      label: l.label,
      color: l.color ?? OTHER_COLOR,
      ms,
      share: totals.ms > 0 ? ms / totalsOf(seriesRows).ms : 0,
    };
  });
  const top = new Set(ranked.slice(0, ranked.length > STACKS + 1 ? STACKS : STACKS + 1).map(([k]) => k));
  const buckets = seriesBuckets(unit, d0, d1, ws);
  const index = new Map(buckets.map((b, i) => [b, i]));
  const stacks = new Map<string, SeriesStack>();
  for (const r of seriesRows) {
    const key = top.has(String(r.k2)) ? String(r.k2) : '*';
    let s = stacks.get(key);
    if (!s) {
      const l = key === '*' ? { label: 'Other projects', color: OTHER_COLOR } : names.label('project', key);
      stacks.set(
        key,
        (s = { key, label: l.label, color: l.color ?? OTHER_COLOR, values: new Array<number>(buckets.length).fill(0) }),
      );
    }
    const i = index.get(bucketKey(unit, r.k1));
    if (i !== undefined) s.values[i]! += r.ms;
  }
  const stackList = [...stacks.values()].sort((a, b) =>
    a.key === '*' ? 1 : b.key === '*' ? -1 : (perProject.get(b.key) ?? 0) - (perProject.get(a.key) ?? 0),
  );

  const heat = await heatmap(db, src, d0, d1);
  const classes = await aggregate(db, src, d0, d1, 'class', 'none', ws);
  const prod = await productivity(db, src, classes, heat.productive, d0, d1);
  const goalList = await goals.listGoals(db);
  const notes = [
    'Sub-projects are counted in their top-level project; group by project twice to see them.',
    'Archived projects stay in reports.',
    `Rounding (${rounding.mode === 'none' ? 'none' : `${rounding.mode} to ${rounding.minutes} min`}) applies to each session, on the day it starts; raw time is never changed.`,
  ];
  if (byTag) notes.push('A session with several tags counts in each of its tags; the total counts it once.');
  if (!useRollup)
    notes.push(
      'Summaries of your history are still being built after the import; budgets will appear when they are ready.',
    );
  if (src.mode === 'scan') notes.push('Summed from the sessions themselves (a text filter, names or several tags).');
  return {
    from: dayNumberToKey(d0),
    to: req.to,
    groupBy: req.groupBy,
    subGroupBy: req.subGroupBy,
    rounding,
    totals,
    previous: {
      from: dayNumberToKey(p0),
      to: dayNumberToKey(p1),
      ms: prevMs,
      changePct: prevMs > 0 ? ((totals.ms - prevMs) / prevMs) * 100 : null,
    },
    groups,
    share,
    series: { unit, buckets, stacks: stackList },
    heatmap: heat.map,
    productivity: prod,
    // budgets read the roll-up: while it is being built they wait (the note says so)
    budgets: useRollup ? await budgets(db, now) : [],
    goals: await goals.goalProgress(db, goalList, now, now, ws),
    timeline: len === 1 ? await timeline(db, dayStartMs(d0), dayStartMs(d1 + 1), settings, now) : null,
    notes,
    source: src.mode,
    catchingUp: !bakedReady,
    tookMs: Math.round((performance.now() - t0) * 10) / 10,
  };
}
