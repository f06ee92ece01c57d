import type { ExportContext, ExportSession } from '../../../../shared/export-rows.ts';
import type { Report, ReportFigures, ReportGroup } from '../../../../shared/reports.ts';

/**
 * One fixture every export format is written from (browser and Node tests). The week 2026-10-30..11-04 in
 * America/New_York holds the fall-back change (Nov 1, 02:00 EDT → 01:00 EST). Figures are computed by hand below;
 * rounding is up to 15 minutes per session.
 *
 *  s1 Fri 30 Oct 09:00–12:30 EDT, pause 10:00–10:15 → worked 3:15 (3.25 h), rounded 3:15; 80 USD → 260.00 / 260.00
 *  s2 Sat 31 Oct 23:00 EDT → Sun 1 Nov 01:30 EST: wall clock says 2:30, really 3:30 (midnight and DST); not billable
 *  s3 Mon 2 Nov 14:07–15:00 EST → 0:53, rounded 1:00; 90 EUR → 79.50 / 90.00
 *  s4 Tue 3 Nov 08:00–08:20 EST → 0:20, rounded 0:30; 80 USD → 26.67 / 40.00 (formula-looking text)
 *  s5 Wed 4 Nov 09:00 EST, running at 10:45:30, pause 10:00–10:10 → 1:35:30, rounded 1:45; 80 USD → 127.33 / 140.00
 */
export const H = 3_600_000;
export const M = 60_000;
const at = (iso: string) => Date.parse(iso);

export const context: ExportContext = {
  timeZone: 'America/New_York',
  title: 'Fall-back week',
  from: '2026-10-30',
  to: '2026-11-04',
  person: "Zoë O'Brien",
  client: 'Acme, Inc.',
  hour12: false,
  paper: 'a4',
  rounding: { mode: 'up', minutes: 15 },
  generatedAt: at('2026-11-04T15:45:30Z'),
};

const base = {
  description: '',
  pauses: [],
  hourlyRate: null,
  currency: null,
  amount: null,
  amountRounded: null,
  running: false,
};

export const sessions: ExportSession[] = [
  {
    ...base,
    id: '019a0000-0000-7000-8000-000000000001',
    name: 'Logo "v2", draft',
    description: 'First line\nsecond line; with semicolon',
    projectId: '019a0000-0000-7000-8000-0000000000a2',
    projectPath: ['Website', 'Design'],
    client: 'Acme, Inc.',
    tags: ['design', 'client "A"'],
    billable: true,
    start: at('2026-10-30T13:00:00Z'),
    end: at('2026-10-30T16:30:00Z'),
    pauses: [{ start: at('2026-10-30T14:00:00Z'), end: at('2026-10-30T14:15:00Z') }],
    workedMs: 3 * H + 15 * M,
    roundedMs: 3 * H + 15 * M,
    hourlyRate: 80,
    currency: 'USD',
    amount: 260,
    amountRounded: 260,
    source: 'timer',
  },
  {
    ...base,
    id: '019a0000-0000-7000-8000-000000000002',
    name: '服务器迁移',
    description: 'ترحيل الخادم',
    projectId: '019a0000-0000-7000-8000-0000000000b1',
    projectPath: ['Ops'],
    client: null,
    tags: [],
    billable: false,
    start: at('2026-11-01T03:00:00Z'),
    end: at('2026-11-01T06:30:00Z'),
    workedMs: 3.5 * H,
    roundedMs: 3.5 * H,
    source: 'manual',
  },
  {
    ...base,
    id: '019a0000-0000-7000-8000-000000000003',
    name: 'مراجعة التصميم',
    description: '',
    projectId: '019a0000-0000-7000-8000-0000000000c1',
    projectPath: ['Cliente Ünïcode'],
    client: 'مؤسسة الأمل',
    tags: ['review'],
    billable: true,
    start: at('2026-11-02T19:07:00Z'),
    end: at('2026-11-02T20:00:00Z'),
    workedMs: 53 * M,
    roundedMs: H,
    hourlyRate: 90,
    currency: 'EUR',
    amount: 79.5,
    amountRounded: 90,
    source: 'import',
  },
  {
    ...base,
    id: '019a0000-0000-7000-8000-000000000004',
    name: '=HYPERLINK("http://x","click")',
    description: '+1 call',
    projectId: '019a0000-0000-7000-8000-0000000000a1',
    projectPath: ['Website'],
    client: 'Acme, Inc.',
    tags: ['@home', '-minus'],
    billable: true,
    start: at('2026-11-03T13:00:00Z'),
    end: at('2026-11-03T13:20:00Z'),
    workedMs: 20 * M,
    roundedMs: 30 * M,
    hourlyRate: 80,
    currency: 'USD',
    amount: 80 / 3,
    amountRounded: 40,
    source: 'quick-entry',
  },
  {
    ...base,
    id: '019a0000-0000-7000-8000-000000000005',
    name: 'Write report 📝 ✅',
    description: 'tab\there',
    projectId: '019a0000-0000-7000-8000-0000000000a2',
    projectPath: ['Website', 'Design'],
    client: 'Acme, Inc.',
    tags: ['deep work'],
    billable: true,
    start: at('2026-11-04T14:00:00Z'),
    end: at('2026-11-04T15:45:30Z'),
    pauses: [{ start: at('2026-11-04T15:00:00Z'), end: at('2026-11-04T15:10:00Z') }],
    workedMs: H + 35 * M + 30_000,
    roundedMs: H + 45 * M,
    hourlyRate: 80,
    currency: 'USD',
    amount: (5_730_000 / H) * 80,
    amountRounded: 140,
    source: 'timer',
    running: true,
  },
];

const figures = (
  ms: number,
  roundedMs: number,
  billableMs: number,
  billableRoundedMs: number,
  n: number,
  amounts: ReportFigures['amounts'],
): ReportFigures => ({ ms, roundedMs, billableMs, billableRoundedMs, sessions: n, amounts });

const group = (key: string, label: string, f: ReportFigures, children: ReportGroup[] = []): ReportGroup => ({
  ...f,
  key,
  label,
  color: '#4f7cff',
  share: f.ms / TOTAL_MS,
  children,
});

export const TOTAL_MS = 34_410_000;
export const TOTAL_ROUNDED_MS = 10 * H;

/** The summary of the same selection, grouped by project then day. */
export const report: Report = {
  from: context.from,
  to: context.to,
  groupBy: 'project',
  subGroupBy: 'day',
  rounding: context.rounding,
  totals: figures(TOTAL_MS, TOTAL_ROUNDED_MS, 21_810_000, 23_400_000, 5, [
    { currency: 'EUR', amount: 90 },
    { currency: 'USD', amount: 440 },
  ]),
  previous: { from: '2026-10-24', to: '2026-10-29', ms: 0, changePct: null },
  groups: [
    group(
      '019a0000-0000-7000-8000-0000000000a2',
      'Website / Design',
      figures(17_430_000, 18_000_000, 17_430_000, 18_000_000, 2, [{ currency: 'USD', amount: 400 }]),
      [
        group(
          '2026-10-30',
          '2026-10-30',
          figures(11_700_000, 11_700_000, 11_700_000, 11_700_000, 1, [{ currency: 'USD', amount: 260 }]),
        ),
        group(
          '2026-11-04',
          '2026-11-04',
          figures(5_730_000, 6_300_000, 5_730_000, 6_300_000, 1, [{ currency: 'USD', amount: 140 }]),
        ),
      ],
    ),
    group('019a0000-0000-7000-8000-0000000000b1', 'Ops', figures(12_600_000, 12_600_000, 0, 0, 1, [])),
    group(
      '019a0000-0000-7000-8000-0000000000c1',
      'Cliente Ünïcode',
      figures(3_180_000, 3_600_000, 3_180_000, 3_600_000, 1, [{ currency: 'EUR', amount: 90 }]),
    ),
    group(
      '019a0000-0000-7000-8000-0000000000a1',
      'Website',
      figures(1_200_000, 1_800_000, 1_200_000, 1_800_000, 1, [{ currency: 'USD', amount: 40 }]),
    ),
  ],
  share: [],
  series: { unit: 'day', buckets: [], stacks: [] },
  heatmap: { cells: [], max: 0 },
  productivity: {
    classesSet: false,
    productiveMs: 0,
    neutralMs: 0,
    distractingMs: 0,
    score: null,
    peakHours: [],
    longestBlockMs: 0,
    averageSessionMs: 0,
    switchesPerDay: 0,
    shortSessions: 0,
    sessions: 5,
    daysWorked: 5,
    insights: [],
  },
  budgets: [],
  goals: [],
  timeline: null,
  notes: [],
  source: 'scan',
  catchingUp: false,
  tookMs: 1,
};

const created = at('2026-01-05T12:00:00Z');
const project = (
  id: string,
  name: string,
  parentId: string | null,
  client: string | null,
  rate: number | null,
  currency: string | null,
) => ({
  id,
  name,
  color: '#4f7cff',
  parentId,
  client,
  hourlyRate: rate,
  currency,
  billableDefault: rate !== null,
  budgetMinutes: null as number | null,
  budgetPeriod: null as 'total' | 'month' | null,
  estimateMinutes: null,
  productivity: 'productive' as const,
  archivedAt: null as number | null,
  createdAt: created,
  updatedAt: created,
});
const tag = (n: number, name: string) => ({
  id: `019a0000-0000-7000-8000-0000000000f${n}`,
  name,
  color: null,
  productivity: 'neutral' as const,
  createdAt: created,
  updatedAt: created,
});

/** What the LightTrack JSON writer is given besides the sessions: the tree the sessions above point into. */
export const lighttrackExtras = {
  projects: [
    {
      ...project('019a0000-0000-7000-8000-0000000000a1', 'Website', null, 'Acme, Inc.', 80, 'USD'),
      budgetMinutes: 6000,
      budgetPeriod: 'month' as const,
    },
    project('019a0000-0000-7000-8000-0000000000a2', 'Design', '019a0000-0000-7000-8000-0000000000a1', null, null, null),
    project('019a0000-0000-7000-8000-0000000000b1', 'Ops', null, null, null, null),
    {
      ...project('019a0000-0000-7000-8000-0000000000c1', 'Cliente Ünïcode', null, 'مؤسسة الأمل', 90, 'EUR'),
      archivedAt: at('2026-11-30T00:00:00Z'),
    },
  ],
  tags: [
    tag(1, 'design'),
    tag(2, 'client "A"'),
    tag(3, 'review'),
    tag(4, '@home'),
    tag(5, '-minus'),
    tag(6, 'deep work'),
  ],
  goals: [
    {
      id: '019a0000-0000-7000-8000-0000000000e1',
      name: 'Website weekly',
      period: 'week' as const,
      kind: 'at-least' as const,
      targetMinutes: 600,
      projectId: '019a0000-0000-7000-8000-0000000000a1',
      tagId: null,
      createdAt: created,
      updatedAt: created,
    },
    {
      id: '019a0000-0000-7000-8000-0000000000e2',
      name: '',
      period: 'day' as const,
      kind: 'at-most' as const,
      targetMinutes: 120,
      projectId: null,
      tagId: '019a0000-0000-7000-8000-0000000000f6',
      createdAt: created,
      updatedAt: created,
    },
  ],
  settings: {
    clock: '24h' as const,
    weekStart: 1 as const,
    reportRounding: { mode: 'up' as const, minutes: 15 as const },
  },
};
