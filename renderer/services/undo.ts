import { atom } from 'nanostores';

import { CHANGED_TABLES } from '../../shared/changes.ts';
import type { UndoOutcome, UndoState } from '../../shared/undo.ts';
import { CoalescedRead } from '../state/coalesced.ts';
import type { DataClient } from './data-client.ts';

const EMPTY: UndoState = { undo: null, redo: null, undoCount: 0, redoCount: 0 };

/**
 * Undo and redo over the database's journal, shared by every window: the state is re-read after every committed
 * change (this window's or another's) and after a worker restart, so the Undo menu always names the right action.
 */
export class UndoService {
  readonly $state = atom<UndoState>(EMPTY);
  readonly #client: DataClient;
  #disconnect: (() => void) | null = null;
  readonly #reads = new CoalescedRead(async () =>
    this.$state.set(await this.#client.data.undoState().catch(() => EMPTY)),
  );

  constructor(client: DataClient) {
    this.#client = client;
  }

  connect(): () => void {
    if (!this.#disconnect) {
      const stopWatching = this.#client.watch(CHANGED_TABLES, () => this.refresh());
      this.#disconnect = () => {
        stopWatching();
        this.#disconnect = null;
      };
      void this.refresh();
    }
    return this.#disconnect;
  }

  /** Re-reads the state; a failure (older worker, recovery mode) leaves "nothing to undo" rather than an error. */
  refresh(): Promise<void> {
    return this.#reads.run();
  }

  /**
   * Reverts the newest action, or the one named (the action a toast offers, which another window may have overtaken
   * since). Rejects with the worker's AppError (CONFLICT: its rows changed since; NOT_FOUND) and changes nothing then.
   */
  async undo(actionId?: number): Promise<UndoOutcome> {
    return this.#apply(await this.#client.data.undo(actionId === undefined ? {} : { actionId }));
  }

  async redo(): Promise<UndoOutcome> {
    return this.#apply(await this.#client.data.redo());
  }

  #apply(outcome: UndoOutcome): UndoOutcome {
    this.$state.set(outcome.state);
    return outcome;
  }
}
