import * as v from 'valibot';

import type { Proposal, SessionSketch } from '../../../shared/assistant.ts';
import { IdSchema } from '../../../shared/ids.ts';
import {
  AddSessionInputSchema,
  SplitSessionInputSchema,
  UpdateSessionInputSchema,
} from '../../../shared/session-edits.ts';
import { StartTimerInputSchema, type Session } from '../../../shared/session.ts';
import {
  LocalTime,
  localTime,
  Name,
  projectByName,
  TIME_JSON,
  tool,
  ToolError,
  type Tool,
  type ToolContext,
} from './registry.ts';

/**
 * Write tools only PROPOSE: each answers a Proposal (before → after, and the data API call that Apply would make,
 * validated here against that call's own schema). Nothing is written until the user presses Apply in the view.
 */

async function sketch(ctx: ToolContext, s: Session): Promise<SessionSketch> {
  const names = new Map((await ctx.projects()).map((p) => [p.id, p.name]));
  return {
    id: s.id,
    name: s.name,
    project: s.projectId ? (names.get(s.projectId) ?? null) : null,
    startTime: s.startTime,
    endTime: s.endTime,
  };
}

async function session(ctx: ToolContext, id: string): Promise<Session> {
  if (!v.is(IdSchema, id)) throw new ToolError(`“${id}” is not a session id; list the sessions first.`);
  try {
    return await ctx.data.getSession(id);
  } catch {
    throw new ToolError(`There is no session with id ${id}.`);
  }
}

/** The API input, checked by the schema the data worker will check it with again. */
function checked<S extends v.GenericSchema>(schema: S, input: unknown, what: string): unknown {
  const result = v.safeParse(schema, input);
  if (!result.success) throw new ToolError(`That ${what} is not possible: ${result.issues[0]?.message ?? 'invalid'}.`);
  return input;
}

const proposalId = () => crypto.randomUUID();
const Id = v.pipe(v.string(), v.maxLength(100));

const create = tool({
  name: 'propose_create_session',
  kind: 'propose',
  description: 'Proposes a new finished session; the user sees it and applies or discards it.',
  parameters: {
    type: 'object',
    properties: { name: { type: 'string' }, project: { type: 'string' }, start: TIME_JSON, end: TIME_JSON },
    required: ['name', 'start', 'end'],
  },
  schema: v.strictObject({ name: Name, project: v.optional(Name), start: LocalTime, end: LocalTime }),
  async run(args, ctx): Promise<Proposal> {
    const project = args.project ? await projectByName(ctx, args.project) : null;
    const input = {
      name: args.name,
      projectId: project?.id ?? null,
      startTime: localTime(args.start),
      endTime: localTime(args.end),
    };
    checked(AddSessionInputSchema, input, 'session');
    if (input.endTime <= input.startTime) throw new ToolError('The end must be after the start.');
    return {
      id: proposalId(),
      kind: 'create',
      summary: `Add “${args.name}”`,
      before: [],
      after: [
        {
          id: null,
          name: args.name,
          project: project?.name ?? null,
          startTime: input.startTime,
          endTime: input.endTime,
        },
      ],
      call: { method: 'addSession', input },
    };
  },
});

const edit = tool({
  name: 'propose_edit_session',
  kind: 'propose',
  description: 'Proposes changing a session (name, project, start, end); give only what changes.',
  parameters: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      project: { type: 'string' },
      start: TIME_JSON,
      end: TIME_JSON,
    },
    required: ['id'],
  },
  schema: v.strictObject({
    id: Id,
    name: v.optional(Name),
    project: v.optional(Name),
    start: v.optional(LocalTime),
    end: v.optional(LocalTime),
  }),
  async run(args, ctx): Promise<Proposal> {
    const s = await session(ctx, args.id);
    const project = args.project ? await projectByName(ctx, args.project) : undefined;
    const patch: Record<string, unknown> = {};
    if (args.name !== undefined) patch['name'] = args.name;
    if (project) patch['projectId'] = project.id;
    if (args.start) patch['startTime'] = localTime(args.start);
    if (args.end) patch['endTime'] = localTime(args.end);
    const input = { id: s.id, patch };
    checked(UpdateSessionInputSchema, input, 'change');
    const before = await sketch(ctx, s);
    const after: SessionSketch = {
      ...before,
      name: args.name ?? before.name,
      project: project ? project.name : before.project,
      startTime: (patch['startTime'] as number | undefined) ?? before.startTime,
      endTime: (patch['endTime'] as number | undefined) ?? before.endTime,
    };
    if (after.endTime !== null && after.endTime <= after.startTime)
      throw new ToolError('The end must be after the start.');
    return {
      id: proposalId(),
      kind: 'edit',
      summary: `Change “${s.name || 'untitled'}”`,
      before: [before],
      after: [after],
      call: { method: 'updateSession', input },
    };
  },
});

const split = tool({
  name: 'propose_split_session',
  kind: 'propose',
  description: 'Proposes splitting a finished session in two at a local time inside it.',
  parameters: { type: 'object', properties: { id: { type: 'string' }, at: TIME_JSON }, required: ['id', 'at'] },
  schema: v.strictObject({ id: Id, at: LocalTime }),
  async run(args, ctx): Promise<Proposal> {
    const s = await session(ctx, args.id);
    const at = localTime(args.at);
    if (s.endTime === null || at <= s.startTime || at >= s.endTime)
      throw new ToolError('The split time must fall inside the finished session.');
    const input = { id: s.id, at: [at] };
    checked(SplitSessionInputSchema, input, 'split');
    const before = await sketch(ctx, s);
    return {
      id: proposalId(),
      kind: 'split',
      summary: `Split “${s.name || 'untitled'}”`,
      before: [before],
      after: [
        { ...before, endTime: at },
        { ...before, id: null, startTime: at },
      ],
      call: { method: 'splitSession', input },
    };
  },
});

const remove = tool({
  name: 'propose_delete_session',
  kind: 'propose',
  description: 'Proposes deleting a session (the user can undo it).',
  parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
  schema: v.strictObject({ id: Id }),
  async run(args, ctx): Promise<Proposal> {
    const s = await session(ctx, args.id);
    return {
      id: proposalId(),
      kind: 'delete',
      summary: `Delete “${s.name || 'untitled'}”`,
      before: [await sketch(ctx, s)],
      after: [],
      call: { method: 'deleteSession', input: s.id },
    };
  },
});

const start = tool({
  name: 'propose_start_timer',
  kind: 'propose',
  description: 'Proposes starting a timer now (a running timer would stop).',
  parameters: {
    type: 'object',
    properties: { name: { type: 'string' }, project: { type: 'string' } },
    required: ['name'],
  },
  schema: v.strictObject({ name: Name, project: v.optional(Name) }),
  async run(args, ctx): Promise<Proposal> {
    const project = args.project ? await projectByName(ctx, args.project) : null;
    const input = { name: args.name, projectId: project?.id ?? null };
    checked(StartTimerInputSchema, input, 'timer');
    const runningNow = await ctx.data.runningTimer();
    return {
      id: proposalId(),
      kind: 'start',
      summary: `Start “${args.name}”`,
      before: runningNow ? [await sketch(ctx, runningNow)] : [],
      after: [{ id: null, name: args.name, project: project?.name ?? null, startTime: ctx.now, endTime: null }],
      call: { method: 'startTimer', input },
    };
  },
});

const stop = tool({
  name: 'propose_stop_timer',
  kind: 'propose',
  description: 'Proposes stopping the running timer now.',
  parameters: { type: 'object', properties: {} },
  schema: v.strictObject({}),
  async run(_args, ctx): Promise<Proposal> {
    const s = await ctx.data.runningTimer();
    if (!s) throw new ToolError('No timer is running.');
    const before = await sketch(ctx, s);
    return {
      id: proposalId(),
      kind: 'stop',
      summary: `Stop “${s.name || 'untitled'}”`,
      before: [before],
      after: [{ ...before, endTime: ctx.now }],
      call: { method: 'stopTimer', input: { id: s.id } },
    };
  },
});

export const WRITE_TOOLS: Tool[] = [create, edit, split, remove, start, stop];
