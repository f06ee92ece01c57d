import type { ChatTurn } from '../../../shared/assistant.ts';
import type { StoredMessage } from '../../../shared/conversations.ts';

/**
 * The history sent with the next question, rebuilt from the stored messages: each answer's own turns (its tool
 * calls and results), or its text when it has none (a cancelled answer). A tool call whose result never came (the
 * answer was stopped between them) is left out: servers refuse a history where one is missing.
 */
export function historyOf(messages: readonly StoredMessage[], maxTurns = 200): ChatTurn[] {
  const out: ChatTurn[] = [];
  for (const m of messages) {
    if (m.role === 'user') {
      out.push({ role: 'user', content: m.content });
      continue;
    }
    const turns = m.turns.length ? m.turns : m.content ? [{ role: 'assistant' as const, content: m.content }] : [];
    for (let i = 0; i < turns.length; i++) {
      const t = turns[i]!;
      if (t.role === 'assistant' && t.tool_calls?.length) {
        const ids = new Set(t.tool_calls.map((c) => c.id));
        const results = turns.slice(i + 1, i + 1 + ids.size);
        const answered = new Set(
          results.flatMap((r) => (r.role === 'tool' && ids.has(r.tool_call_id) ? [r.tool_call_id] : [])),
        );
        if (answered.size !== ids.size) {
          if (t.content) out.push({ role: 'assistant', content: t.content });
          i += results.filter((r) => r.role === 'tool').length;
          continue;
        }
      }
      out.push(t);
    }
    // a cancelled answer's partial text, when its turns stop before it
    const last = out.at(-1);
    if (m.content && last?.role === 'tool') out.push({ role: 'assistant', content: m.content });
  }
  return out.slice(-maxTurns);
}
