import { scan } from './grammar.ts';
import { resolveScan } from './resolve.ts';
import type { QuickEntryContext, QuickEntryResult } from './types.ts';

/** parseQuickEntry without loading fuzzysort (see names.ts); shared/quick-entry.ts is the complete one. */
export function parseQuickEntry(text: string, context: QuickEntryContext): QuickEntryResult {
  const line = typeof text === 'string' ? text : '';
  try {
    return resolveScan(scan(line), line, context);
  } catch {
    // a context the types forbid (no arrays, odd items); the line is refused, never the window
    return {
      kind: 'invalid',
      name: '',
      project: null,
      tags: [],
      billable: false,
      start: Date.now(),
      end: null,
      command: null,
      tokens: [],
      problems: [{ message: 'This line could not be read.', from: 0, to: line.length }],
    };
  }
}
