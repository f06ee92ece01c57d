import type { Conversation, NewMessage, StoredMessage, UsageRow } from '../../../shared/conversations.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Database, Row } from '../storage/sqlite.ts';

/** The SQL of conversations and messages. Rows from disk are checked for shape where JSON is read back. */

const CONVERSATION_COLUMNS = `c.id, c.title, c.pinned, c.created_at, c.updated_at,
  (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) AS messages`;

function conversationOf(r: Row): Conversation {
  return {
    id: String(r['id']),
    title: String(r['title']),
    pinned: r['pinned'] === 1,
    createdAt: Number(r['created_at']),
    updatedAt: Number(r['updated_at']),
    messages: Number(r['messages']),
  };
}

const json = <T>(text: unknown, fallback: T): T => {
  try {
    const value = JSON.parse(String(text));
    return (Array.isArray(fallback) ? Array.isArray(value) : true) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
};

function messageOf(r: Row): StoredMessage {
  const num = (k: string) => (r[k] === null ? null : Number(r[k]));
  return {
    id: String(r['id']),
    conversationId: String(r['conversation_id']),
    seq: Number(r['seq']),
    role: r['role'] === 'user' ? 'user' : 'assistant',
    content: String(r['content']),
    turns: json(r['turns'], []),
    tools: json(r['tools'], []),
    proposals: json(r['proposals'], []),
    model: r['model'] === null ? null : String(r['model']),
    endpoint: r['endpoint'] === null ? null : String(r['endpoint']),
    assistant: r['assistant'] === null ? null : String(r['assistant']),
    requestId: r['request_id'] === null ? null : String(r['request_id']),
    promptTokens: num('prompt_tokens'),
    completionTokens: num('completion_tokens'),
    usageEstimated: r['usage_estimated'] === 1,
    firstTokenMs: num('first_token_ms'),
    totalMs: num('total_ms'),
    finish: r['finish'] === null ? null : String(r['finish']),
    error: r['error'] === null ? null : json(r['error'], null),
    createdAt: Number(r['created_at']),
  };
}

/** Live conversations, pinned first then the latest; `search` matches the title or any message (without case). */
export async function listConversations(
  db: Database,
  search: string | undefined,
  offset: number,
  limit: number,
): Promise<{ conversations: Conversation[]; total: number }> {
  const words = search?.trim() ? `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = `c.deleted_at IS NULL${
    words
      ? ` AND (c.title LIKE :w ESCAPE '\\' OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.content LIKE :w ESCAPE '\\'))`
      : ''
  }`;
  const params: Record<string, string> = words ? { ':w': words } : {};
  const total = Number((await db.get(`SELECT count(*) AS n FROM conversations c WHERE ${where}`, params))?.['n'] ?? 0);
  const rows = await db.all(
    `SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE ${where}
     ORDER BY c.pinned DESC, c.updated_at DESC, c.id LIMIT :limit OFFSET :offset`,
    { ...params, ':limit': limit, ':offset': offset },
  );
  return { conversations: rows.map(conversationOf), total };
}

export async function getConversation(db: Database, id: string): Promise<Conversation> {
  const row = await db.get(
    `SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = ? AND c.deleted_at IS NULL`,
    [id],
  );
  if (!row) throw new AppError('NOT_FOUND', 'That conversation does not exist (or was deleted)');
  return conversationOf(row);
}

export async function insertConversation(db: Database, id: string, title: string, now: number): Promise<void> {
  await db.run('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)', [
    id,
    title,
    now,
    now,
  ]);
}

export async function updateConversation(
  db: Database,
  id: string,
  set: { title?: string; pinned?: boolean; deletedAt?: number },
  now: number,
): Promise<void> {
  await getConversation(db, id);
  await db.run(
    `UPDATE conversations SET title = coalesce(:title, title), pinned = coalesce(:pinned, pinned),
       deleted_at = coalesce(:deleted, deleted_at), updated_at = :now WHERE id = :id`,
    {
      ':id': id,
      ':title': set.title ?? null,
      ':pinned': set.pinned === undefined ? null : set.pinned ? 1 : 0,
      ':deleted': set.deletedAt ?? null,
      ':now': now,
    },
  );
}

export async function listMessages(db: Database, conversationId: string): Promise<StoredMessage[]> {
  await getConversation(db, conversationId);
  return (await db.all('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq', [conversationId])).map(
    messageOf,
  );
}

export async function insertMessage(
  db: Database,
  id: string,
  m: Required<NewMessage>,
  now: number,
): Promise<StoredMessage> {
  await getConversation(db, m.conversationId);
  const seq = Number(
    (
      await db.get('SELECT coalesce(max(seq), 0) + 1 AS n FROM messages WHERE conversation_id = ?', [m.conversationId])
    )?.['n'] ?? 1,
  );
  await db.run(
    `INSERT INTO messages (id, conversation_id, seq, role, content, turns, tools, proposals, model, endpoint, assistant,
       request_id, prompt_tokens, completion_tokens, usage_estimated, first_token_ms, total_ms, finish, error, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      m.conversationId,
      seq,
      m.role,
      m.content,
      JSON.stringify(m.turns ?? []),
      JSON.stringify(m.tools ?? []),
      JSON.stringify(m.proposals ?? []),
      m.model,
      m.endpoint,
      m.assistant,
      m.requestId,
      m.promptTokens,
      m.completionTokens,
      m.usageEstimated ? 1 : 0,
      m.firstTokenMs,
      m.totalMs,
      m.finish,
      m.error === null ? null : JSON.stringify(m.error),
      now,
    ],
  );
  await db.run('UPDATE conversations SET updated_at = ? WHERE id = ?', [now, m.conversationId]);
  return messageOf((await db.get('SELECT * FROM messages WHERE id = ?', [id]))!);
}

export async function usage(db: Database, from: number, to: number): Promise<UsageRow[]> {
  const rows = await db.all(
    `SELECT (created_at / 900000) * 900000 AS bucket, model, assistant, coalesce(sum(prompt_tokens), 0) AS p,
       coalesce(sum(completion_tokens), 0) AS c, sum(usage_estimated) AS e, count(*) AS n
     FROM messages WHERE role = 'assistant' AND created_at >= ? AND created_at < ?
     GROUP BY 1, 2, 3 ORDER BY 1 LIMIT 50000`,
    [from, to],
  );
  return rows.map((r) => ({
    bucket: Number(r['bucket']),
    model: r['model'] === null ? null : String(r['model']),
    assistant: r['assistant'] === null ? null : String(r['assistant']),
    promptTokens: Number(r['p']),
    completionTokens: Number(r['c']),
    estimated: Number(r['e']),
    answers: Number(r['n']),
  }));
}

export async function setProposalStatus(
  db: Database,
  messageId: string,
  proposalId: string,
  status: string,
): Promise<void> {
  const row = await db.get('SELECT proposals FROM messages WHERE id = ?', [messageId]);
  if (!row) throw new AppError('NOT_FOUND', 'That message does not exist');
  const proposals = json<{ id: string; status?: string }[]>(row['proposals'], []);
  const p = proposals.find((x) => x.id === proposalId);
  if (!p) throw new AppError('NOT_FOUND', 'That proposal does not exist');
  p.status = status;
  await db.run('UPDATE messages SET proposals = ? WHERE id = ?', [JSON.stringify(proposals), messageId]);
}
