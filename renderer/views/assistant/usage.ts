import type { UsageRow } from '../../../shared/conversations.ts';
import { localDayKey } from '../../../shared/day.ts';

export interface Price {
  model: string;
  inputPerMillion: number;
  outputPerMillion: number;
}

export interface UsageLine {
  key: string;
  promptTokens: number;
  completionTokens: number;
  /** null when a model in it has no price */
  cost: number | null;
  estimated: boolean;
  answers: number;
}

export interface UsageSummary {
  total: UsageLine;
  byDay: UsageLine[];
  byModel: UsageLine[];
  byAssistant: UsageLine[];
  /** models used without a price in the table */
  unpriced: string[];
  budget: { limit: number; spent: number; share: number; warn: boolean; over: boolean } | null;
}

/** A budget warns from this share on, before it is exceeded. */
export const BUDGET_WARN_SHARE = 0.8;

/**
 * Usage of one period from the worker's quarter-hour rows: totals per local day, model and assistant, and cost from
 * the price table (per million tokens). Counts from estimates are kept apart by the `estimated` mark.
 */
export function summarize(rows: readonly UsageRow[], prices: readonly Price[], budget: number | null): UsageSummary {
  const price = new Map(prices.map((p) => [p.model.toLowerCase(), p]));
  const unpriced = new Set<string>();
  const lines = new Map<string, Map<string, UsageLine>>([
    ['total', new Map()],
    ['day', new Map()],
    ['model', new Map()],
    ['assistant', new Map()],
  ]);
  const add = (group: string, key: string, r: UsageRow, cost: number | null) => {
    const map = lines.get(group)!;
    const line = map.get(key) ?? { key, promptTokens: 0, completionTokens: 0, cost: 0, estimated: false, answers: 0 };
    line.promptTokens += r.promptTokens;
    line.completionTokens += r.completionTokens;
    line.cost = line.cost === null || cost === null ? null : line.cost + cost;
    line.estimated ||= r.estimated > 0;
    line.answers += r.answers;
    map.set(key, line);
  };
  for (const r of rows) {
    const p = r.model ? price.get(r.model.toLowerCase()) : undefined;
    if (!p && r.model) unpriced.add(r.model);
    const cost = p ? (r.promptTokens * p.inputPerMillion + r.completionTokens * p.outputPerMillion) / 1e6 : null;
    add('total', 'total', r, cost);
    add('day', localDayKey(r.bucket), r, cost);
    add('model', r.model ?? 'unknown', r, cost);
    add('assistant', r.assistant ?? 'Assistant', r, cost);
  }
  const list = (g: string) => [...lines.get(g)!.values()];
  const total = list('total')[0] ?? {
    key: 'total',
    promptTokens: 0,
    completionTokens: 0,
    cost: 0,
    estimated: false,
    answers: 0,
  };
  // the priced part counts toward the budget even when some model has no price
  const spent = rows.reduce((sum, r) => {
    const p = r.model ? price.get(r.model.toLowerCase()) : undefined;
    return sum + (p ? (r.promptTokens * p.inputPerMillion + r.completionTokens * p.outputPerMillion) / 1e6 : 0);
  }, 0);
  const share = budget ? spent / budget : 0;
  return {
    total,
    byDay: list('day').sort((a, b) => b.key.localeCompare(a.key)),
    byModel: list('model').sort((a, b) => b.promptTokens + b.completionTokens - (a.promptTokens + a.completionTokens)),
    byAssistant: list('assistant').sort((a, b) => b.answers - a.answers),
    unpriced: [...unpriced],
    budget: budget ? { limit: budget, spent, share, warn: share >= BUDGET_WARN_SHARE, over: share > 1 } : null,
  };
}
