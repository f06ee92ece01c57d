import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { ReadableAtom } from 'nanostores';

import type { ActionRef } from '../../../shared/session-edits.ts';
import { announceAction, announceError } from '../../components/actions.ts';
import { dayModelContext } from '../../context.ts';
import { WatchController } from '../../controllers/watch.ts';
import type { DayModel } from './day-model.ts';

/**
 * Base of the Day view's parts: receives the DayModel through context, re-renders on the stores it names, and reports
 * what it did (an undoable action) or what failed to the shell, which shows the toast.
 */
export abstract class DayElement extends LitElement {
  @consume({ context: dayModelContext })
  @property({ attribute: false })
  day!: DayModel;

  constructor() {
    super();
    // after the context consumer (added first), so the model is there on connect
    new WatchController(this, () => (this.day ? this.watched(this.day) : []));
  }

  protected abstract watched(day: DayModel): ReadableAtom<unknown>[];

  /** Awaits a correction: its action goes to the shell's Undo toast, its error to the error toast. */
  protected async report<T extends { action: ActionRef | null } | null>(work: Promise<T>): Promise<T | null> {
    try {
      const result = await work;
      if (result) announceAction(this, result.action);
      return result;
    } catch (error) {
      this.fail(error);
      return null;
    }
  }

  protected fail(error: unknown): void {
    announceError(this, error);
  }
}
