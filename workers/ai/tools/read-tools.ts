import * as v from 'valibot';

import { addLocalDays, localDayKey, startOfLocalDay } from '../../../shared/day.ts';
import { GROUP_KEYS, type ReportGroup } from '../../../shared/reports.ts';
import type { Session } from '../../../shared/session.ts';
import {
  capped,
  DAY_JSON,
  DayKey,
  dayStart,
  hours,
  Name,
  projectByName,
  showTime,
  tool,
  ToolError,
  type Tool,
  type ToolContext,
} from './registry.ts';

const RangeArgs = {
  from: DayKey,
  to: DayKey,
  project: v.optional(Name),
  tag: v.optional(Name),
  text: v.optional(Name),
};

async function tagIdByName(ctx: ToolContext, name: string): Promise<string> {
  const tags = await ctx.data.listTags();
  const found = tags.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
  if (!found)
    throw new ToolError(
      `No tag is named “${name}”. Known tags: ${
        tags
          .slice(0, 30)
          .map((t) => t.name)
          .join(', ') || 'none'
      }.`,
    );
  return found.id;
}

function groupOut(g: ReportGroup, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = { label: g.label || '(none)', hours: hours(g.ms), sessions: g.sessions };
  if (g.billableMs) out['billableHours'] = hours(g.billableMs);
  if (depth === 0 && g.children.length) out['children'] = g.children.slice(0, 20).map((c) => groupOut(c, 1));
  return out;
}

function sessionOut(s: Session, names: Map<string, string>, now: number): Record<string, unknown> {
  const end = s.endTime ?? now;
  return {
    id: s.id,
    name: s.name,
    project: s.projectId ? (names.get(s.projectId) ?? null) : null,
    start: showTime(s.startTime),
    end: s.endTime === null ? 'running' : showTime(s.endTime),
    hours: hours(Math.max(0, end - s.startTime - s.pausedMs)),
    billable: s.billable,
  };
}

const totals = tool({
  name: 'time_totals',
  description:
    'Worked time between two local dates (both inclusive), grouped like the Reports view. Optional filters by project name (sub-projects included), tag name, or words in the session name.',
  parameters: {
    type: 'object',
    properties: {
      from: DAY_JSON,
      to: DAY_JSON,
      groupBy: { type: 'string', enum: GROUP_KEYS, description: 'default project' },
      project: { type: 'string' },
      tag: { type: 'string' },
      text: { type: 'string' },
    },
    required: ['from', 'to'],
  },
  schema: v.strictObject({ ...RangeArgs, groupBy: v.optional(v.picklist(GROUP_KEYS), 'project') }),
  async run(args, ctx) {
    const filters: Record<string, unknown> = {};
    if (args.project) filters['projectIds'] = [(await projectByName(ctx, args.project)).id];
    if (args.tag) filters['tagIds'] = [await tagIdByName(ctx, args.tag)];
    if (args.text) filters['text'] = args.text;
    // a range reaching far into the future holds nothing but costs a bucket per day: it ends a year from now
    const latest = localDayKey(addLocalDays(startOfLocalDay(ctx.now), 366));
    const to = args.to > latest ? latest : args.to;
    const report = await ctx.data.report({ from: args.from, to, groupBy: args.groupBy, filters });
    const groups = capped(
      report.groups.map((g) => groupOut(g)),
      50,
    );
    return {
      from: report.from,
      to: report.to,
      totalHours: hours(report.totals.ms),
      billableHours: hours(report.totals.billableMs),
      sessions: report.totals.sessions,
      ...(to !== args.to ? { note: `counted up to ${to}; nothing can be tracked later than that` } : {}),
      groupedBy: report.groupBy,
      groups: groups.rows,
      ...(groups.truncated ? { truncated: true, groupsTotal: groups.total } : {}),
    };
  },
});

const listSessions = tool({
  name: 'list_sessions',
  description: 'Sessions (time entries) between two local dates, oldest first, with their ids; at most 100.',
  parameters: {
    type: 'object',
    properties: {
      from: DAY_JSON,
      to: DAY_JSON,
      project: { type: 'string' },
      tag: { type: 'string' },
      text: { type: 'string' },
    },
    required: ['from', 'to'],
  },
  schema: v.strictObject(RangeArgs),
  async run(args, ctx) {
    const projectIds = args.project ? [(await projectByName(ctx, args.project)).id] : undefined;
    const tagIds = args.tag ? [await tagIdByName(ctx, args.tag)] : undefined;
    const to = dayStart(args.to);
    const page = await ctx.data.listSessions({
      from: dayStart(args.from),
      to: new Date(new Date(to).setDate(new Date(to).getDate() + 1)).getTime(),
      ...(projectIds ? { projectIds } : {}),
      ...(tagIds ? { tagIds } : {}),
      ...(args.text ? { text: args.text } : {}),
      limit: 101,
    });
    const names = new Map((await ctx.projects()).map((p) => [p.id, p.name]));
    const list = capped(page.sessions.map((s) => sessionOut(s, names, ctx.now)));
    return {
      sessions: list.rows,
      ...(list.truncated || page.next ? { truncated: true, note: 'more sessions exist; narrow the range' } : {}),
    };
  },
});

const projects = tool({
  name: 'list_projects',
  description: 'Projects (with client, rate, budget, parent), and the tags.',
  parameters: { type: 'object', properties: {} },
  schema: v.strictObject({}),
  async run(_args, ctx) {
    const all = await ctx.projects();
    const names = new Map(all.map((p) => [p.id, p.name]));
    const list = capped(
      all.map((p) => ({
        name: p.name,
        client: p.client,
        parent: p.parentId ? (names.get(p.parentId) ?? null) : null,
        hourlyRate: p.hourlyRate,
        currency: p.currency,
        budgetHours: p.budgetMinutes === null ? null : p.budgetMinutes / 60,
        archived: p.archivedAt !== null,
      })),
    );
    const tags = capped((await ctx.data.listTags()).map((t) => t.name));
    return { projects: list.rows, tags: tags.rows, ...(list.truncated || tags.truncated ? { truncated: true } : {}) };
  },
});

const goals = tool({
  name: 'goals_progress',
  description: 'Every goal with its target and progress in its current period (the running timer included).',
  parameters: { type: 'object', properties: {} },
  schema: v.strictObject({}),
  async run(_args, ctx) {
    const [list, progress] = await Promise.all([ctx.data.listGoals(), ctx.data.goalProgress({ at: ctx.now })]);
    const byId = new Map(progress.map((p) => [p.goalId, p]));
    return {
      goals: capped(list).rows.map((g) => {
        const p = byId.get(g.id);
        return {
          name: g.name,
          period: g.period,
          ...(p
            ? {
                from: showTime(p.from),
                to: showTime(p.to),
                doneHours: hours(p.doneMs),
                targetHours: hours(p.targetMs),
                met: p.met,
                streak: p.streak,
              }
            : {}),
        };
      }),
    };
  },
});

const running = tool({
  name: 'running_timer',
  description: 'The timer running now, if any (its id is needed to propose stopping it).',
  parameters: { type: 'object', properties: {} },
  schema: v.strictObject({}),
  async run(_args, ctx) {
    const s = await ctx.data.runningTimer();
    if (!s) return { running: false };
    const names = new Map((await ctx.projects()).map((p) => [p.id, p.name]));
    return { running: true, session: sessionOut(s, names, ctx.now) };
  },
});

const gaps = tool({
  name: 'gaps_in_day',
  description:
    'Untracked gaps between sessions on one local day (between its first start and last end), longest first.',
  parameters: {
    type: 'object',
    properties: { day: DAY_JSON, minMinutes: { type: 'number', description: 'default 5' } },
    required: ['day'],
  },
  schema: v.strictObject({
    day: DayKey,
    minMinutes: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1440)), 5),
  }),
  async run(args, ctx) {
    const from = dayStart(args.day);
    const to = new Date(new Date(from).setDate(new Date(from).getDate() + 1)).getTime();
    const { sessions } = await ctx.data.sessionsInRange({ from, to, limit: 2000 });
    const spans = sessions
      .map((s) => [Math.max(from, s.startTime), Math.min(to, s.endTime ?? ctx.now)] as const)
      .sort((a, b) => a[0] - b[0]);
    const found: { from: string | null; to: string | null; minutes: number }[] = [];
    let reach = spans[0]?.[1] ?? 0;
    for (const [start, end] of spans.slice(1)) {
      if (start - reach >= args.minMinutes * 60_000)
        found.push({ from: showTime(reach), to: showTime(start), minutes: Math.round((start - reach) / 60_000) });
      reach = Math.max(reach, end);
    }
    found.sort((a, b) => b.minutes - a.minutes);
    const list = capped(found);
    return {
      day: args.day,
      sessions: sessions.length,
      gaps: list.rows,
      ...(list.truncated ? { truncated: true } : {}),
    };
  },
});

const sql = tool({
  name: 'sql_query',
  description:
    'One read-only SQLite SELECT over the views described in the instructions, for questions the other tools cannot answer. At most 200 rows; times are ms since epoch (UTC).',
  parameters: { type: 'object', properties: { sql: { type: 'string' } }, required: ['sql'] },
  schema: v.strictObject({ sql: v.pipe(v.string(), v.maxLength(10_000)) }),
  async run(args, ctx) {
    return ctx.data.assistantQuery({ sql: args.sql });
  },
});

export const READ_TOOLS: Tool[] = [totals, listSessions, projects, goals, running, gaps, sql];
