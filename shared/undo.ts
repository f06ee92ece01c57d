import * as v from 'valibot';

import type { ActionRef } from './session-edits.ts';

/** Undo and redo: a journal in the database of before/after row images, shared by every window. */
export const UNDO_KEEP = 500;

export interface UndoState {
  /** the action Undo would revert, newest first */
  undo: (ActionRef & { at: number }) | null;
  redo: (ActionRef & { at: number }) | null;
  undoCount: number;
  redoCount: number;
}

export interface UndoOutcome {
  /** the action reverted (undo) or re-applied (redo) */
  action: ActionRef;
  /** ids of the sessions it touched, for the UI to highlight */
  sessionIds: string[];
  state: UndoState;
}

export const UndoInputSchema = v.optional(
  v.object({ actionId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))) }),
  {},
);
export type UndoInput = v.InferInput<typeof UndoInputSchema>;
