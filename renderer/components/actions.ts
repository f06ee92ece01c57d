import { toAppError } from '../../shared/errors.ts';
import type { ActionRef } from '../../shared/session-edits.ts';

/** Tells the window an undoable change was made (lt-app shows it with Undo). */
export function announceAction(host: Element, action: ActionRef | null): void {
  if (action) host.dispatchEvent(new CustomEvent('lt-action', { detail: action, bubbles: true, composed: true }));
}

/** Tells the window a change failed (lt-app shows the message). */
export function announceError(host: Element, error: unknown): void {
  host.dispatchEvent(
    new CustomEvent('lt-error', { detail: toAppError(error).toJSON(), bubbles: true, composed: true }),
  );
}
