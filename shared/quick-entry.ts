/**
 * Quick entry: one line ("Write report @Website #writing -15m", "review @App yesterday 14:00-15:30") read into a
 * timer to start, a session to log or a command. Pure: no DOM, no clock of its own (the context says `now` and the
 * zone), never throws. The grammar is in quick-entry/; this entry point brings fuzzysort for fuzzy name matches.
 */
import fuzzysort from 'fuzzysort';

import { setFuzzysort } from './quick-entry/names.ts';

setFuzzysort(fuzzysort);

export { parseQuickEntry } from './quick-entry/parse.ts';
export type { NameRef, NamedItem } from './quick-entry/names.ts';
export type { Command as QuickEntryCommand } from './quick-entry/words.ts';
export type {
  QuickEntryContext,
  QuickEntryProblem,
  QuickEntryResult,
  QuickEntryToken,
  QuickEntryTokenKind,
} from './quick-entry/types.ts';
