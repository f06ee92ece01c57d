import * as v from 'valibot';

import { CONVERSATIONS_TABLE } from '../../../shared/changes.ts';
import {
  AssistantQueryInputSchema,
  ListConversationsInputSchema,
  NewMessageSchema,
  PinConversationInputSchema,
  RenameConversationInputSchema,
  SetProposalStatusInputSchema,
  TitleSchema,
  UsageInputSchema,
  type AssistantQueryResult,
  type Conversation,
  type ConversationPage,
  type StoredMessage,
  type UsageRow,
} from '../../../shared/conversations.ts';
import type { AssistantApi, ChangeResult } from '../../../shared/data-contract.ts';
import { IdSchema, newId } from '../../../shared/ids.ts';
import { parse } from '../../../shared/validate.ts';
import type { Core } from '../owner/core.ts';
import { guardedQuery } from '../storage/guarded-query.ts';
import { journaledChange } from '../undo/journaled-write.ts';
import {
  getConversation,
  insertConversation,
  insertMessage,
  listConversations,
  listMessages,
  setProposalStatus,
  updateConversation,
  usage,
} from './conversations.ts';
import { AI_VIEWS } from './schema.ts';

/** The SQL tool's bounds: rows sent back, time in the worker, and the longest value a query may build. */
export const SQL_MAX_ROWS = 200;
export const SQL_TIME_MS = 250;
const SQL_MAX_LENGTH = 1_000_000;

const CreateSchema = v.strictObject({ title: TitleSchema });

export class AssistantHandlers implements AssistantApi {
  constructor(private readonly core: Core) {}

  listConversations(input?: unknown): Promise<ConversationPage> {
    const { search, offset, limit } = parse(ListConversationsInputSchema, input, 'conversation list');
    return this.core.read((db) => listConversations(db, search, offset, limit));
  }

  createConversation(input: unknown): Promise<Conversation> {
    const { title } = parse(CreateSchema, input, 'conversation');
    const id = newId();
    return this.core.write(CONVERSATIONS_TABLE, 'insert', async (db, now) => {
      await insertConversation(db, id, title, now);
      return { result: await getConversation(db, id), ids: [id] };
    });
  }

  renameConversation(input: unknown): Promise<Conversation> {
    const { id, title } = parse(RenameConversationInputSchema, input, 'rename');
    return this.#update(id, { title });
  }

  pinConversation(input: unknown): Promise<Conversation> {
    const { id, pinned } = parse(PinConversationInputSchema, input, 'pin');
    return this.#update(id, { pinned });
  }

  deleteConversation(id: unknown): Promise<ChangeResult<null>> {
    const conversationId = parse(IdSchema, id, 'conversation id');
    return journaledChange(this.core, CONVERSATIONS_TABLE, async ({ db, now, journal }) => {
      const c = await getConversation(db, conversationId);
      journal.label = `Delete conversation “${(c.title || 'untitled').slice(0, 40)}”`;
      await journal.touch('conversations', [conversationId]);
      await updateConversation(db, conversationId, { deletedAt: now }, now);
      return null;
    });
  }

  conversationMessages(id: unknown): Promise<StoredMessage[]> {
    const conversationId = parse(IdSchema, id, 'conversation id');
    return this.core.read((db) => listMessages(db, conversationId));
  }

  appendMessage(input: unknown): Promise<StoredMessage> {
    const m = parse(NewMessageSchema, input, 'message') as Required<v.InferOutput<typeof NewMessageSchema>>;
    const id = newId();
    return this.core.write(CONVERSATIONS_TABLE, 'update', async (db, now) => ({
      result: await insertMessage(db, id, m, now),
      ids: [m.conversationId],
    }));
  }

  setProposalStatus(input: unknown): Promise<void> {
    const { messageId, proposalId, status } = parse(SetProposalStatusInputSchema, input, 'proposal status');
    return this.core.write(CONVERSATIONS_TABLE, 'update', async (db) => {
      await setProposalStatus(db, messageId, proposalId, status);
      return { result: undefined, ids: [] };
    });
  }

  assistantQuery(input: unknown): Promise<AssistantQueryResult> {
    const { sql } = parse(AssistantQueryInputSchema, input, 'SQL query');
    return this.core.read((db) =>
      guardedQuery(db, sql, { views: AI_VIEWS, maxRows: SQL_MAX_ROWS, timeMs: SQL_TIME_MS, maxLength: SQL_MAX_LENGTH }),
    );
  }

  assistantUsage(input: unknown): Promise<UsageRow[]> {
    const { from, to } = parse(UsageInputSchema, input, 'usage range');
    return this.core.read((db) => usage(db, from, to));
  }

  #update(id: string, set: { title?: string; pinned?: boolean }): Promise<Conversation> {
    return this.core.write(CONVERSATIONS_TABLE, 'update', async (db, now) => {
      await updateConversation(db, id, set, now);
      return { result: await getConversation(db, id), ids: [id] };
    });
  }
}
