import { expect } from 'chai';

import { historyOf } from '../../../../../renderer/views/assistant/turns.ts';
import type { ChatTurn } from '../../../../../shared/assistant.ts';
import type { StoredMessage } from '../../../../../shared/conversations.ts';

const base = {
  id: 'm',
  conversationId: 'c',
  seq: 1,
  tools: [],
  proposals: [],
  model: null,
  endpoint: null,
  assistant: null,
  requestId: null,
  promptTokens: null,
  completionTokens: null,
  usageEstimated: false,
  firstTokenMs: null,
  totalMs: null,
  finish: null,
  error: null,
  createdAt: 0,
};
const user = (content: string): StoredMessage => ({ ...base, role: 'user', content, turns: [] });
const answer = (content: string, turns: ChatTurn[]): StoredMessage => ({ ...base, role: 'assistant', content, turns });
const call = (id: string) => ({ id, type: 'function' as const, function: { name: 'time_totals', arguments: '{}' } });

describe('assistant history: what the next question sends', () => {
  const cases: [string, StoredMessage[], ChatTurn[]][] = [
    [
      'a plain answer',
      [user('q'), answer('a', [{ role: 'assistant', content: 'a' }])],
      [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: 'a' },
      ],
    ],
    [
      'an answer with a tool round',
      [
        user('q'),
        answer('3.5 h', [
          { role: 'assistant', content: null, tool_calls: [call('c1')] },
          { role: 'tool', tool_call_id: 'c1', content: '{}' },
          { role: 'assistant', content: '3.5 h' },
        ]),
      ],
      [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: null, tool_calls: [call('c1')] },
        { role: 'tool', tool_call_id: 'c1', content: '{}' },
        { role: 'assistant', content: '3.5 h' },
      ],
    ],
    [
      'a cancelled answer without turns keeps its partial text',
      [user('q'), answer('partial', [])],
      [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: 'partial' },
      ],
    ],
    [
      'a tool call whose results did not all come is left out (servers refuse it)',
      [
        user('q'),
        answer('', [
          { role: 'assistant', content: 'looking', tool_calls: [call('c1'), call('c2')] },
          { role: 'tool', tool_call_id: 'c1', content: '{}' },
        ]),
        user('again'),
      ],
      [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: 'looking' },
        { role: 'user', content: 'again' },
      ],
    ],
    [
      'a stop after a tool result ends with the partial text',
      [
        user('q'),
        answer('half', [
          { role: 'assistant', content: null, tool_calls: [call('c1')] },
          { role: 'tool', tool_call_id: 'c1', content: '{}' },
        ]),
      ],
      [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: null, tool_calls: [call('c1')] },
        { role: 'tool', tool_call_id: 'c1', content: '{}' },
        { role: 'assistant', content: 'half' },
      ],
    ],
  ];
  for (const [name, messages, expected] of cases) {
    it(name, () => expect(historyOf(messages)).to.deep.equal(expected));
  }
});
