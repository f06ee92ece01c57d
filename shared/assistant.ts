import * as v from 'valibot';

import { EndpointSchema } from './assistant-settings.ts';
import { noNul } from './validate.ts';

/**
 * The assistant's boundary types: an endpoint (an OpenAI-compatible server the user configured), what the window asks
 * the AI worker, the events the worker streams back, and what a finished answer holds. Keys never appear here except
 * as the one `apiKey` argument of a call (read from the shell's secrets just before it, never stored or logged).
 */

const Text = (max: number) =>
  v.pipe(v.string('must be text'), v.maxLength(max, `must be at most ${max} characters`), noNul);

export { EndpointSchema, type Endpoint } from './assistant-settings.ts';

/** One message of a conversation as the model sees it (OpenAI chat format, the subset we send). */
export const ChatTurnSchema = v.variant('role', [
  v.strictObject({ role: v.literal('user'), content: Text(100_000) }),
  v.strictObject({
    role: v.literal('assistant'),
    content: v.nullable(Text(1_000_000)),
    tool_calls: v.optional(
      v.pipe(
        v.array(
          v.strictObject({
            id: Text(200),
            type: v.literal('function'),
            function: v.strictObject({ name: Text(100), arguments: Text(100_000) }),
          }),
        ),
        v.maxLength(32),
      ),
    ),
  }),
  v.strictObject({ role: v.literal('tool'), tool_call_id: Text(200), content: Text(200_000) }),
]);
export type ChatTurn = v.InferOutput<typeof ChatTurnSchema>;

export const AskInputSchema = v.strictObject({
  /** the correlation id of this question, from the click to the HTTP request (X-Request-Id) and the error log */
  requestId: v.pipe(v.string(), v.regex(/^[\w-]{8,64}$/, 'must be a request id')),
  endpoint: EndpointSchema,
  apiKey: v.nullable(v.pipe(v.string(), v.maxLength(4096))),
  /** the conversation so far, the new question last */
  turns: v.pipe(v.array(ChatTurnSchema), v.minLength(1), v.maxLength(500)),
  /** extra instructions (an assistant preset) */
  instructions: v.optional(Text(20_000), ''),
  temperature: v.optional(v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(2))), null),
  /** the user's local "now", for words like "last week" */
  now: v.pipe(v.number(), v.integer(), v.minValue(0)),
  weekStart: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)), 1),
  timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1_000), v.maxValue(600_000)), 120_000),
  maxRounds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(16)), 6),
  /** the tools this assistant may use (by name); absent: all */
  tools: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(60))), v.maxLength(40))),
});
export type AskInput = v.InferInput<typeof AskInputSchema>;

/** A session as a proposal shows it: before and after, in words and the user's zone (the view formats the times). */
export interface SessionSketch {
  id: string | null;
  name: string;
  project: string | null;
  startTime: number;
  /** null: running */
  endTime: number | null;
}

export const PROPOSAL_KINDS = ['create', 'edit', 'split', 'delete', 'start', 'stop'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** A change the model asked for; nothing happens until the user presses Apply (the window then calls the data API). */
export interface Proposal {
  id: string;
  kind: ProposalKind;
  summary: string;
  before: SessionSketch[];
  after: SessionSketch[];
  /** what Apply sends, already validated against the data API's schema */
  call:
    | { method: 'addSession'; input: unknown }
    | { method: 'updateSession'; input: unknown }
    | { method: 'splitSession'; input: unknown }
    | { method: 'deleteSession'; input: string }
    | { method: 'startTimer'; input: unknown }
    | { method: 'stopTimer'; input: unknown };
}

export interface ToolRecord {
  id: string;
  name: string;
  /** the arguments as the model sent them (text, maybe not JSON) */
  arguments: string;
  /** what the model was told back (JSON text, bounded) */
  result: string;
  ok: boolean;
  truncated: boolean;
  ms: number;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  /** true when the server sent no usage and the counts are estimates (about 4 characters a token) */
  estimated: boolean;
}

/** What streams to the window while an answer is made; sent in batches (see stream-batch.ts). */
export type AssistantEvent =
  | { kind: 'text'; text: string }
  | { kind: 'tool-call'; id: string; name: string; arguments: string }
  | { kind: 'tool-result'; record: ToolRecord }
  | { kind: 'proposal'; proposal: Proposal }
  | { kind: 'retry'; inMs: number; reason: string };

export interface AskFailure {
  code: string;
  /** one sentence for the user */
  message: string;
  /** for the log: status, server text */
  details?: Record<string, unknown>;
}

export interface AskResult {
  requestId: string;
  text: string;
  /** every assistant and tool turn this answer added, for the next question's history */
  turns: ChatTurn[];
  tools: ToolRecord[];
  proposals: Proposal[];
  usage: Usage;
  model: string;
  /** ms from the request to the first text delta; null if none came */
  firstTokenMs: number | null;
  totalMs: number;
  finish: 'stop' | 'length' | 'cancelled' | 'rounds' | 'error';
  error: AskFailure | null;
}

export const ListModelsInputSchema = v.strictObject({
  requestId: AskInputSchema.entries.requestId,
  baseURL: EndpointSchema.entries.baseURL,
  apiKey: AskInputSchema.entries.apiKey,
});
export type ListModelsInput = v.InferInput<typeof ListModelsInputSchema>;
