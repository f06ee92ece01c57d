import { atom } from 'nanostores';

import { toAppError } from '../../../shared/errors.ts';
import type { DatabaseService } from '../../services/database.ts';
import { BackupsModel } from '../../state/backups-model.ts';

/**
 * The recovery screen's state: the backups it offers, and the "start fresh" step, which asks to confirm first.
 * What the problem is comes from the DatabaseService.
 */
export class RecoveryModel {
  readonly backups: BackupsModel;
  readonly $confirmFresh = atom(false);
  readonly $freshBusy = atom(false);
  readonly $freshError = atom<string | null>(null);
  readonly #database: DatabaseService;

  constructor(database: DatabaseService) {
    this.#database = database;
    this.backups = new BackupsModel(database);
  }

  load(): Promise<void> {
    return this.backups.load();
  }

  askStartFresh(ask = true): void {
    this.$confirmFresh.set(ask);
    this.$freshError.set(null);
  }

  /** Keeps the unusable file aside (never deleted) and starts an empty database; the window shows the timer again. */
  async startFresh(): Promise<void> {
    if (this.$freshBusy.get()) return;
    this.$freshBusy.set(true);
    try {
      await this.#database.startFresh();
      this.$confirmFresh.set(false);
    } catch (error) {
      this.$freshError.set(toAppError(error).message);
    } finally {
      this.$freshBusy.set(false);
    }
  }
}
