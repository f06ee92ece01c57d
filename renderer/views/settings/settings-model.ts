import { atom } from 'nanostores';

import { localDayKey } from '../../../shared/day.ts';
import { toAppError } from '../../../shared/errors.ts';
import type { Project } from '../../../shared/project.ts';
import type { SettingKey, SettingsChange, SettingsPatch } from '../../../shared/settings.ts';
import type { DataClient } from '../../services/data-client.ts';
import { offerDownload } from '../../services/files.ts';
import type { SettingsService } from '../../services/settings.ts';

export interface Outcome {
  ok: boolean;
  text: string;
}

/** The Settings view's state: the search, each field's refusal, the history, and the outcome of export/import. */
export class SettingsModel {
  readonly $query = atom('');
  readonly $errors = atom<Partial<Record<SettingKey, string>>>({});
  readonly $history = atom<SettingsChange[] | null>(null);
  readonly $historyError = atom<string | null>(null);
  readonly $fileOutcome = atom<Outcome | null>(null);
  readonly $projects = atom<Project[]>([]);

  readonly service: SettingsService;
  readonly #client: DataClient;

  constructor(service: SettingsService, client: DataClient) {
    this.service = service;
    this.#client = client;
  }

  /** Loads history and projects and keeps them fresh while the view is shown. */
  connect(): () => void {
    const stops = [
      this.#client.watch(['settings'], () => this.loadHistory()),
      this.#client.watch(['projects'], () => this.loadProjects()),
    ];
    void this.loadHistory();
    void this.loadProjects();
    return () => stops.forEach((stop) => stop());
  }

  async loadHistory(): Promise<void> {
    try {
      this.$history.set(await this.service.history());
      this.$historyError.set(null);
    } catch (error) {
      this.$historyError.set(`The history could not be read: ${toAppError(error).message}`);
    }
  }

  async loadProjects(): Promise<void> {
    try {
      this.$projects.set(await this.#client.data.listProjects());
    } catch {
      // the default-project picker then offers what it had; the settings themselves still work
    }
  }

  /** Writes one setting; a refusal is kept beside the field (and nothing changed). True when saved. */
  async change(key: SettingKey, patch: SettingsPatch): Promise<boolean> {
    const outcome = await this.service.update(patch);
    const errors = { ...this.$errors.get() };
    if (outcome.ok) delete errors[key];
    else errors[key] = outcome.message;
    this.$errors.set(errors);
    if (outcome.ok) void this.loadHistory();
    return outcome.ok;
  }

  async undo(change: SettingsChange): Promise<void> {
    await this.service.rollback(change.id);
    const errors = { ...this.$errors.get() };
    delete errors[change.key];
    this.$errors.set(errors);
    await this.loadHistory();
  }

  async exportFile(): Promise<void> {
    try {
      const file = await this.service.exportFile();
      const name = offerDownload(
        `lighttrack-settings-${localDayKey(Date.now())}.json`,
        new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }),
      );
      this.$fileOutcome.set({ ok: true, text: `Settings saved as ${name}.` });
    } catch (error) {
      this.$fileOutcome.set({ ok: false, text: `Could not export the settings: ${toAppError(error).message}` });
    }
  }

  async importFile(file: File): Promise<void> {
    try {
      if (file.size > 1_000_000)
        throw new Error('This file is far too large to be a settings file; nothing was imported');
      await this.service.importText(await file.text());
      this.$errors.set({});
      this.$fileOutcome.set({ ok: true, text: `Imported the settings from “${file.name}”.` });
      await this.loadHistory();
    } catch (error) {
      this.$fileOutcome.set({ ok: false, text: `“${file.name}” was not imported: ${toAppError(error).message}` });
    }
  }
}
