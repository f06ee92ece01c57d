import type * as Comlink from 'comlink';
import * as v from 'valibot';

import type { StoredMessage } from '../../shared/conversations.ts';
import type { DataApi } from '../../shared/data-contract.ts';
import { AppError, toAppError } from '../../shared/errors.ts';
import { IdSchema } from '../../shared/ids.ts';
import { parse } from '../../shared/validate.ts';
import { throttled, type Progress } from './progress.ts';
import { openSink, type ExportTarget } from './sinks.ts';

export const CONVERSATIONS_FILE_FORMAT = 'lighttrack-conversations';

const JobSchema = v.strictObject({
  format: v.picklist(['json', 'markdown']),
  /** null: every conversation */
  ids: v.nullable(v.pipe(v.array(IdSchema), v.maxLength(100_000))),
});
export type ConversationsJob = v.InferInput<typeof JobSchema>;

export interface ConversationsResult {
  conversations: number;
  bytes: number;
  destination: string;
  tempName: string | null;
}

const encoder = new TextEncoder();
const cancelled = () => new AppError('CONFLICT', 'The export was cancelled', { cancelled: true });

/** One message as the file keeps it: what was said, by which model, what it read and proposed, and what it cost. */
function messageOut(m: StoredMessage) {
  return {
    role: m.role,
    content: m.content,
    at: new Date(m.createdAt).toISOString(),
    ...(m.role === 'assistant'
      ? {
          model: m.model,
          endpoint: m.endpoint,
          assistant: m.assistant,
          tools: m.tools,
          proposals: m.proposals,
          usage: { prompt: m.promptTokens, completion: m.completionTokens, estimated: m.usageEstimated },
          finish: m.finish,
          error: m.error,
        }
      : {}),
  };
}

function markdownOf(title: string, messages: StoredMessage[]): string {
  const lines = [`# ${title || 'Untitled'}`, ''];
  for (const m of messages) {
    const when = new Date(m.createdAt).toLocaleString();
    lines.push(m.role === 'user' ? `**You** · ${when}` : `**Assistant** · ${m.model ?? ''} · ${when}`, '');
    for (const t of m.tools)
      lines.push(`> ${t.ok ? 'Read' : 'Failed'} \`${t.name}\` ${t.arguments} → ${t.result.slice(0, 2_000)}`, '');
    for (const p of m.proposals) lines.push(`> Proposed: ${p.summary}${p.status ? ` (${p.status})` : ''}`, '');
    if (m.content) lines.push(m.content, '');
    if (m.error) lines.push(`_${m.error.message}_`, '');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Conversations to a file (one, a selection, or all — 10,000 and more), as JSON or Markdown: read one conversation at
 * a time over the data port and streamed to the sink, with progress and cancel.
 */
export async function exportConversations(
  data: Comlink.Remote<DataApi>,
  input: ConversationsJob,
  target: ExportTarget,
  report: (p: Progress) => void,
  signal: AbortSignal | undefined,
): Promise<ConversationsResult> {
  const job = parse(JobSchema, input, 'conversations export');
  const startedAt = Date.now();
  const sink = await openSink(target, job.format === 'json' ? 'json' : 'md');
  const progress = throttled(report, startedAt);
  try {
    // the titles come with the list (one page of 1,000 at a time); the messages per conversation below
    const titles = new Map<string, { title: string; pinned: boolean }>();
    for (let offset = 0; ; offset += 1_000) {
      const page = await data.listConversations({ offset, limit: 1_000 });
      for (const c of page.conversations) titles.set(c.id, c);
      if (page.conversations.length < 1_000) break;
    }
    const ids = job.ids ? job.ids.filter((id) => titles.has(id)) : [...titles.keys()];
    const write = (text: string) => sink.write(encoder.encode(text));
    if (job.format === 'json')
      await write(
        `{"format":"${CONVERSATIONS_FILE_FORMAT}","version":1,"exportedAt":"${new Date(startedAt).toISOString()}","conversations":[`,
      );
    let done = 0;
    for (const id of ids) {
      if (signal?.aborted) throw cancelled();
      const messages = await data.conversationMessages(id);
      const head = titles.get(id)!;
      if (job.format === 'json') {
        const c = { id, title: head.title, pinned: head.pinned, messages: messages.map(messageOut) };
        await write(`${done ? ',' : ''}\n${JSON.stringify(c)}`);
      } else await write(`${done ? '\n---\n\n' : ''}${markdownOf(head.title, messages)}`);
      done++;
      progress({ done, total: ids.length, bytes: sink.bytes });
    }
    if (job.format === 'json') await write('\n]}\n');
    await sink.close();
    progress({ done, total: ids.length, bytes: sink.bytes }, true);
    return { conversations: done, bytes: sink.bytes, destination: sink.name, tempName: sink.tempName };
  } catch (e) {
    await sink.abort();
    throw toAppError(e);
  }
}
