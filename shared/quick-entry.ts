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
  return resolveScan(scan(line), line, context);
}
