import type * as Comlink from 'comlink';
import * as v from 'valibot';

import type { Proposal } from '../../../shared/assistant.ts';
import type { DataApi } from '../../../shared/data-contract.ts';
import type { Project } from '../../../shared/project.ts';

/** What a tool run may use: the data worker over the port, the user's "now", and the question's signal. */
export interface ToolContext {
  data: Comlink.Remote<DataApi>;
  now: number;
  weekStart: number;
  signal: AbortSignal;
  /** listed once per question (tools resolve project names to ids) */
  projects(): Promise<Project[]>;
}

/** A read tool answers a value (sent to the model); a propose tool answers a Proposal (shown to the user). */
export interface Tool {
  name: string;
  description: string;
  /** JSON Schema of the arguments, as the model is told (the valibot schema is the one that is checked) */
  parameters: Record<string, unknown>;
  schema: v.GenericSchema;
  kind: 'read' | 'propose';
  run(args: never, ctx: ToolContext): Promise<unknown>;
}

export function tool<S extends v.GenericSchema>(spec: {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  schema: S;
  kind?: 'read' | 'propose';
  run(args: v.InferOutput<S>, ctx: ToolContext): Promise<unknown>;
}): Tool {
  return { kind: 'read', ...spec } as Tool;
}

/** Bounds of what one tool result may send back to the model. */
export const MAX_RESULT_ROWS = 100;
export const MAX_RESULT_BYTES = 16_000;

/**
 * The result as JSON text of at most MAX_RESULT_BYTES: the longest list in it is cut until it fits, and the text
 * says so (`truncated: true`, with how many rows were left out), so the model never mistakes a part for the whole.
 */
export function bounded(value: unknown): { text: string; truncated: boolean } {
  let text = JSON.stringify(value) ?? 'null';
  if (text.length <= MAX_RESULT_BYTES) return { text, truncated: /"truncated":true/.test(text) };
  const copy = structuredClone(value) as Record<string, unknown>;
  const lists = Object.entries(copy ?? {}).filter(([, x]) => Array.isArray(x)) as [string, unknown[]][];
  lists.sort((a, b) => b[1].length - a[1].length);
  const longest = lists[0];
  if (!longest)
    return { text: JSON.stringify({ truncated: true, note: 'The result was too large to send.' }), truncated: true };
  const [key, list] = longest;
  let keep = list.length;
  while (keep > 0 && text.length > MAX_RESULT_BYTES) {
    keep = Math.floor(keep * 0.7);
    copy[key] = list.slice(0, keep);
    copy['truncated'] = true;
    copy['omitted'] = list.length - keep;
    text = JSON.stringify(copy);
  }
  return { text: text.slice(0, MAX_RESULT_BYTES), truncated: true };
}

/** A list of at most `max` rows, saying how many there were. */
export function capped<T>(rows: T[], max = MAX_RESULT_ROWS): { rows: T[]; total: number; truncated: boolean } {
  return { rows: rows.slice(0, max), total: rows.length, truncated: rows.length > max };
}

export const isProposal = (x: unknown): x is Proposal =>
  typeof x === 'object' && x !== null && 'call' in x && 'kind' in x && 'after' in x;

// Small shared argument schemas and their JSON Schema words.
export const DayKey = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-24'));
export const LocalTime = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/, 'must be a local time like 2026-11-24T09:30'),
);
export const Name = v.pipe(v.string(), v.maxLength(200));
export const DAY_JSON = { type: 'string', description: 'local date, YYYY-MM-DD' };
export const TIME_JSON = { type: 'string', description: "local time in the user's zone, YYYY-MM-DDTHH:MM" };

/** Local midnight of a day key, in this worker's zone (the user's). */
export function dayStart(key: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

export function localTime(text: string): number {
  const [date, time] = text.split(/[T ]/) as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, h, min).getTime();
}

/** "2026-11-24 09:30", as the model reads times back. */
export function showTime(ms: number | null): string | null {
  if (ms === null) return null;
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export const hours = (ms: number) => Math.round((ms / 3_600_000) * 100) / 100;

/** The live project of that name (without case), or a sentence the model can act on. */
export async function projectByName(ctx: ToolContext, name: string): Promise<Project> {
  const projects = await ctx.projects();
  const found = projects.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
  if (found) return found;
  const known = projects.slice(0, 30).map((p) => p.name);
  throw new ToolError(`No project is named “${name}”. Known projects: ${known.join(', ') || 'none'}.`);
}

/** A failure the model is told about (it may try again with other arguments); never a crash. */
export class ToolError extends Error {}
