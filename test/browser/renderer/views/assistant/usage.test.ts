import { expect } from 'chai';

import { summarize } from '../../../../../renderer/views/assistant/usage.ts';
import type { UsageRow } from '../../../../../shared/conversations.ts';

const at = (d: number, h: number) => new Date(2026, 10, d, h).getTime();
const row = (bucket: number, model: string | null, p: number, c: number, extra: Partial<UsageRow> = {}): UsageRow => ({
  bucket,
  model,
  assistant: 'Assistant',
  promptTokens: p,
  completionTokens: c,
  estimated: 0,
  answers: 1,
  ...extra,
});
const prices = [{ model: 'gpt-4o-mini', inputPerMillion: 0.15, outputPerMillion: 0.6 }];

describe('assistant usage: tokens and cost per day, model and assistant, and the budget', () => {
  it('adds up tokens, prices them per million, and groups by local day', () => {
    const s = summarize(
      [
        row(at(2, 9), 'gpt-4o-mini', 1_000_000, 100_000),
        row(at(2, 23), 'gpt-4o-mini', 0, 1_000_000, { assistant: 'Weekly review' }),
        row(at(3, 0), 'GPT-4O-MINI', 2_000_000, 0, { estimated: 1 }),
      ],
      prices,
      null,
    );
    expect(s.total).to.include({ promptTokens: 3_000_000, completionTokens: 1_100_000, answers: 3, estimated: true });
    expect(s.total.cost).to.be.closeTo(0.15 + 0.06 + 0.6 + 0.3, 1e-9);
    expect(s.byDay.map((d) => d.key)).to.deep.equal(['2026-11-03', '2026-11-02']);
    expect(s.byAssistant.map((a) => [a.key, a.answers])).to.deep.equal([
      ['Assistant', 2],
      ['Weekly review', 1],
    ]);
    expect(s.unpriced).to.deep.equal([]);
  });

  it('an unpriced model makes its cost unknown and is named; the budget warns at 80% and says when exceeded', () => {
    const s = summarize([row(at(2, 9), 'llama3.1', 5_000, 500)], prices, 10);
    expect(s.total.cost).to.equal(null);
    expect(s.unpriced).to.deep.equal(['llama3.1']);
    expect(s.budget).to.include({ spent: 0, warn: false, over: false });
    const near = summarize([row(at(2, 9), 'gpt-4o-mini', 0, 14_000_000)], prices, 10);
    expect(near.budget).to.include({ warn: true, over: false });
    const over = summarize([row(at(2, 9), 'gpt-4o-mini', 0, 20_000_000)], prices, 10);
    expect(over.budget).to.include({ warn: true, over: true });
  });
});
