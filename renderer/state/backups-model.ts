import { atom } from 'nanostores';

import type { BackupInfo, RestoreResult } from '../../shared/database.ts';
import { toAppError } from '../../shared/errors.ts';
import { plural } from '../components/format.ts';
import type { DatabaseService } from '../services/database.ts';

/** What the user last did to the backups, in plain words: shown as a status line (or an alert when it failed). */
export interface Outcome {
  ok: boolean;
  text: string;
}

/**
 * Backups as the recovery screen and Diagnostics both show them: the list, and the actions on the file (back up,
 * download, restore from a backup or from a file). One action runs at a time; `$busy` names it for the buttons.
 */
export class BackupsModel {
  /** newest first; null until loaded */
  readonly $list = atom<BackupInfo[] | null>(null);
  readonly $listError = atom<string | null>(null);
  /** the action under way, in words ("Restoring…"), or null */
  readonly $busy = atom<string | null>(null);
  readonly $outcome = atom<Outcome | null>(null);
  /** set after a successful restore: every window is about to reload */
  readonly $restored = atom<RestoreResult | null>(null);

  readonly #database: DatabaseService;

  constructor(database: DatabaseService) {
    this.#database = database;
  }

  async load(): Promise<void> {
    try {
      this.$list.set(await this.#database.listBackups());
      this.$listError.set(null);
    } catch (error) {
      this.$list.set(this.$list.get() ?? []);
      this.$listError.set(`The backups could not be listed: ${toAppError(error).message}`);
    }
  }

  backupNow(): Promise<void> {
    return this.#run('Backing up…', async () => {
      const backup = await this.#database.backupNow();
      await this.load();
      const sessions = backup.sessions === null ? '' : ` (${plural(backup.sessions, 'session')})`;
      return `Backed up${sessions}.`;
    });
  }

  download(): Promise<void> {
    return this.#run('Preparing the file…', async () => `Downloading ${await this.#database.downloadDatabase()}.`);
  }

  restoreBackup(name: string): Promise<void> {
    return this.#run('Restoring…', async () => this.#restored(await this.#database.restoreBackup(name)));
  }

  restoreFromFile(file: File): Promise<void> {
    return this.#run(`Checking “${file.name}”…`, async () =>
      this.#restored(await this.#database.restoreFromFile(file)),
    );
  }

  dismiss(): void {
    this.$outcome.set(null);
  }

  #restored(result: RestoreResult): string {
    this.$restored.set(result);
    return `Restored ${plural(result.sessions, 'session')}. LightTrack is reloading…`;
  }

  /** Runs one action; its sentence (or its error's) becomes the outcome. */
  async #run(busy: string, action: () => Promise<string>): Promise<void> {
    if (this.$busy.get()) return;
    this.$busy.set(busy);
    this.$outcome.set(null);
    try {
      this.$outcome.set({ ok: true, text: await action() });
    } catch (error) {
      this.$outcome.set({ ok: false, text: toAppError(error).message });
    } finally {
      this.$busy.set(null);
    }
  }
}
