/**
 * Quick entry: one line ("Write report @Website #writing -15m", "review @App yesterday 14:00-15:30") read into a
 * timer to start, a session to log or a command. Pure: no DOM, no clock of its own (the context says `now` and the
 * zone), never throws.
 */
import { scan } from './quick-entry/grammar.ts';
import { resolveScan } from './quick-entry/resolve.ts';
import type { QuickEntryContext, QuickEntryResult } from './quick-entry/types.ts';

export type { NameRef, NamedItem } from './quick-entry/names.ts';
export type { Command as QuickEntryCommand } from './quick-entry/words.ts';
export type {
  QuickEntryContext, QuickEntryProblem, QuickEntryResult, QuickEntryToken, QuickEntryTokenKind,
} from './quick-entry/types.ts';

export function parseQuickEntry(text: string, context: QuickEntryContext): QuickEntryResult {
  const line = typeof text === 'string' ? text : '';
  try {
    return resolveScan(scan(line), line, context);
  } catch {
    // a context the types forbid (no arrays, odd items); the line is refused, never the window
    return {
      kind: 'invalid', name: '', project: null, tags: [], billable: false, start: Date.now(), end: null, command: null,
      tokens: [], problems: [{ message: 'This line could not be read.', from: 0, to: line.length }],
    };
  }
}
