import * as v from 'valibot';

import type { AskFailure, ChatTurn, Proposal, ToolRecord } from './assistant.ts';
import { IdSchema } from './ids.ts';
import { noNul } from './validate.ts';

/** Conversations with the assistant as the data worker stores them, and the read-only SQL tool's request. */

export const TitleSchema = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.maxLength(200, 'must be at most 200 characters'),
  noNul,
);

export interface Conversation {
  id: string;
  title: string;
  pinned: boolean;
  createdAt: number;
  updatedAt: number;
  messages: number;
}

export const ListConversationsInputSchema = v.optional(
  v.strictObject({
    /** words in the title or in any message */
    search: v.optional(v.pipe(v.string(), v.maxLength(200), noNul)),
    offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20_000)), 500),
  }),
  {},
);
export type ListConversationsInput = v.InferInput<typeof ListConversationsInputSchema>;

export interface ConversationPage {
  conversations: Conversation[];
  total: number;
}

export const RenameConversationInputSchema = v.strictObject({ id: IdSchema, title: TitleSchema });
export const PinConversationInputSchema = v.strictObject({ id: IdSchema, pinned: v.boolean() });

const Json = (max: number) =>
  v.pipe(
    v.unknown(),
    v.check((x) => JSON.stringify(x ?? null).length <= max, 'is too large'),
  );
const Count = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9)));

export const NewMessageSchema = v.strictObject({
  conversationId: IdSchema,
  role: v.picklist(['user', 'assistant']),
  content: v.pipe(v.string(), v.maxLength(1_000_000), noNul),
  turns: v.optional(Json(4_000_000), []),
  tools: v.optional(Json(4_000_000), []),
  proposals: v.optional(Json(1_000_000), []),
  model: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200))), null),
  endpoint: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200))), null),
  /** the assistant (preset) that answered, by name */
  assistant: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(60))), null),
  requestId: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(64))), null),
  promptTokens: v.optional(Count, null),
  completionTokens: v.optional(Count, null),
  usageEstimated: v.optional(v.boolean(), false),
  firstTokenMs: v.optional(Count, null),
  totalMs: v.optional(Count, null),
  finish: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(20))), null),
  error: v.optional(v.nullable(Json(10_000)), null),
});
export type NewMessage = v.InferInput<typeof NewMessageSchema>;

export interface StoredMessage {
  id: string;
  conversationId: string;
  seq: number;
  role: 'user' | 'assistant';
  content: string;
  turns: ChatTurn[];
  tools: ToolRecord[];
  proposals: (Proposal & { status?: 'applied' | 'discarded' })[];
  model: string | null;
  endpoint: string | null;
  assistant: string | null;
  requestId: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  usageEstimated: boolean;
  firstTokenMs: number | null;
  totalMs: number | null;
  finish: string | null;
  error: AskFailure | null;
  createdAt: number;
}

export const SetProposalStatusInputSchema = v.strictObject({
  messageId: IdSchema,
  proposalId: IdSchema,
  status: v.picklist(['applied', 'discarded']),
});

export const UsageInputSchema = v.strictObject({
  from: v.pipe(v.number(), v.integer(), v.minValue(0)),
  to: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
/** Tokens of the answers in one quarter hour (every zone's offset is a multiple of it), per model and assistant. */
export interface UsageRow {
  /** start of the quarter hour, ms */
  bucket: number;
  model: string | null;
  assistant: string | null;
  promptTokens: number;
  completionTokens: number;
  /** answers whose counts are estimates */
  estimated: number;
  answers: number;
}

export const AssistantQueryInputSchema = v.strictObject({ sql: v.pipe(v.string(), v.maxLength(10_000), noNul) });
export type AssistantQueryInput = v.InferInput<typeof AssistantQueryInputSchema>;
export interface AssistantQueryResult {
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
}
