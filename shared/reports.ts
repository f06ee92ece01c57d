import * as v from 'valibot';

import type { GoalProgress } from './goal.ts';
import { IdSchema } from './ids.ts';
import { noNul } from './validate.ts';

/**
 * Reports: one request per view (ReportInput → Report), and pages of the detailed table (ReportRowsInput →
 * ReportRowsPage). Ranges are whole local days, as the user picks them; every figure is computed in the data worker.
 */
const DayKeySchema = v.pipe(
  v.string('must be a date like 2026-01-31'),
  v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date like 2026-01-31'),
  v.check(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'is not a calendar date',
  ),
  v.check((s) => s >= '1970-01-02' && s <= '2199-12-31', 'must be between 1970 and 2199'),
);

export const GROUP_KEYS = ['project', 'client', 'tag', 'day', 'week', 'month', 'name'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

const Text = v.pipe(v.string('must be text'), v.maxLength(200, 'must be at most 200 characters'), noNul);
const IdList = v.pipe(v.array(IdSchema, 'must be a list of ids'), v.maxLength(500, 'at most 500 ids'));

export const ReportFiltersSchema = v.strictObject(
  {
    /** a project includes its sub-projects */
    projectIds: v.optional(IdList),
    clients: v.optional(v.pipe(v.array(Text), v.maxLength(500))),
    /** sessions carrying any of these tags */
    tagIds: v.optional(IdList),
    billable: v.optional(v.nullable(v.boolean('must be true, false or null'))),
    /** words in the session's name or description (case-insensitive) */
    text: v.optional(Text),
  },
  'is not a report filter',
);
export type ReportFilters = v.InferOutput<typeof ReportFiltersSchema>;

const RangeFields = {
  /** first local day, inclusive */
  from: DayKeySchema,
  /** last local day, inclusive */
  to: DayKeySchema,
  filters: v.optional(ReportFiltersSchema, {}),
};
const rangeOrder = <T extends { from: string; to: string }>() =>
  v.check((r: T) => r.from <= r.to, 'from must not be after to');

export const ReportInputSchema = v.pipe(
  v.strictObject(
    {
      ...RangeFields,
      groupBy: v.optional(v.picklist(GROUP_KEYS, 'is not a grouping'), 'project'),
      subGroupBy: v.optional(v.nullable(v.picklist(GROUP_KEYS, 'is not a grouping')), null),
    },
    'is not a report request',
  ),
  rangeOrder(),
);
export type ReportInput = v.InferInput<typeof ReportInputSchema>;

export const ROW_SORTS = ['start', 'duration', 'name', 'project'] as const;
export const MAX_ROWS_PAGE = 500;
export const ReportRowsInputSchema = v.pipe(
  v.strictObject(
    {
      ...RangeFields,
      sort: v.optional(v.picklist(ROW_SORTS, 'is not a sort column'), 'start'),
      descending: v.optional(v.boolean(), false),
      offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000)), 0),
      limit: v.optional(
        v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_ROWS_PAGE, `must be at most ${MAX_ROWS_PAGE}`)),
        200,
      ),
    },
    'is not a rows request',
  ),
  rangeOrder(),
);
export type ReportRowsInput = v.InferInput<typeof ReportRowsInputSchema>;

export interface Amount {
  currency: string;
  amount: number;
}

export interface ReportFigures {
  /** worked ms (pauses excluded) */
  ms: number;
  /** per session, as settings' reportRounding says */
  roundedMs: number;
  billableMs: number;
  billableRoundedMs: number;
  sessions: number;
  /** billable rounded hours × the project's rate (its own, else its nearest parent's), per currency */
  amounts: Amount[];
}

export interface ReportGroup extends ReportFigures {
  /** a project/tag id, client name, day key (YYYY-MM-DD), week start day key, month (YYYY-MM) or name; '' = none */
  key: string;
  label: string;
  color: string | null;
  /** ms ÷ the report's ms */
  share: number;
  children: ReportGroup[];
}

export interface SeriesStack {
  /** top-level project id ('' no project, '*' the rest together) */
  key: string;
  label: string;
  color: string;
  /** worked ms per bucket */
  values: number[];
}

export interface ReportSeries {
  unit: 'day' | 'week' | 'month';
  /** bucket keys: day key of the day, of the week's first day, or YYYY-MM */
  buckets: string[];
  stacks: SeriesStack[];
}

export interface ReportHeatmap {
  /** cells[weekday][hour]: worked ms; weekday 0 = Sunday, local time */
  cells: number[][];
  max: number;
}

export interface TimelineBlock {
  start: number;
  end: number;
  kind: 'work' | 'pause' | 'gap';
  label: string;
  color: string | null;
}

export interface Insight {
  kind: 'score' | 'peak' | 'focus' | 'switching' | 'short' | 'none';
  text: string;
}

export interface ReportProductivity {
  /** false while no live project or tag is marked productive or distracting: the score would mean nothing */
  classesSet: boolean;
  productiveMs: number;
  neutralMs: number;
  distractingMs: number;
  /** productive ÷ total, 0..1; null when nothing was worked */
  score: number | null;
  /** hours of the week with the most productive time, best first */
  peakHours: { weekday: number; hour: number; ms: number }[];
  longestBlockMs: number;
  averageSessionMs: number;
  switchesPerDay: number;
  shortSessions: number;
  sessions: number;
  daysWorked: number;
  insights: Insight[];
}

export interface BudgetBurn {
  projectId: string;
  label: string;
  color: string;
  period: 'total' | 'month';
  budgetMs: number;
  spentMs: number;
  /** cumulative spent ms at the end of each point (months for 'total', days of this month for 'month') */
  points: { key: string; spentMs: number }[];
  /** day key the budget runs out at the pace of the last 30 days; null if it will not (or already has) */
  runOutDay: string | null;
  over: boolean;
}

export interface Report {
  from: string;
  to: string;
  groupBy: GroupKey;
  subGroupBy: GroupKey | null;
  rounding: { mode: 'none' | 'up' | 'down' | 'nearest'; minutes: number };
  totals: ReportFigures;
  previous: { from: string; to: string; ms: number; changePct: number | null };
  groups: ReportGroup[];
  /** worked ms per top-level project (sub-projects rolled up), biggest first */
  share: { key: string; label: string; color: string; ms: number; share: number }[];
  series: ReportSeries;
  heatmap: ReportHeatmap;
  productivity: ReportProductivity;
  budgets: BudgetBurn[];
  goals: GoalProgress[];
  /** only for a one-day report: sessions, pauses and untracked gaps in order */
  timeline: TimelineBlock[] | null;
  /** how the figures were made, in words (roll-up of sub-projects, multi-tag sessions, rounding) */
  notes: string[];
  /** 'rollup': from the per-day summary tables; 'scan': from the sessions (text or name in the request) */
  source: 'rollup' | 'scan';
  /** summaries are still being made in the background (after an import, a rate change…): some groupings are slower */
  catchingUp: boolean;
  /** worker time spent, ms */
  tookMs: number;
}

export interface ReportRow {
  id: string;
  start: number;
  end: number | null;
  name: string;
  projectId: string | null;
  project: string;
  color: string | null;
  tags: string[];
  billable: boolean;
  ms: number;
  roundedMs: number;
}

export interface ReportRowsPage {
  total: number;
  offset: number;
  rows: ReportRow[];
}
