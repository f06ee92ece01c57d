import { atom } from 'nanostores';

import { AppError, toAppError } from '../../shared/errors.ts';
import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
  type SettingsChange,
  type SettingsFile,
  type SettingsPatch,
} from '../../shared/settings.ts';
import { CoalescedRead } from '../state/coalesced.ts';
import type { DataClient } from './data-client.ts';
import { applyTheme } from './theme.ts';

export { applyTheme };

/** What update() answers: the settings now in force, or the refused field and its message. */
export type UpdateOutcome =
  { ok: true; settings: Settings } | { ok: false; field: SettingKey | null; message: string; error: AppError };

/**
 * The window's settings: loaded from the data worker, kept in `$settings`, and refreshed whenever any window (main,
 * quick entry) changes them. It also applies the theme to the document it is given.
 */
export class SettingsService {
  readonly $settings = atom<Settings>(structuredClone(DEFAULT_SETTINGS));
  readonly $loaded = atom(false);
  readonly $loadError = atom<AppError | null>(null);

  readonly #client: DataClient;
  readonly #root: HTMLElement | null;
  #disconnect: (() => void) | null = null;
  readonly #reads = new CoalescedRead(
    async () => {
      this.#set(await this.#client.data.getSettings());
      this.$loadError.set(null);
      this.$loaded.set(true);
    },
    (error) => this.$loadError.set(toAppError(error)),
  );

  /** `root` receives the theme (data-theme); null leaves the document alone. */
  constructor(client: DataClient, root: HTMLElement | null = globalThis.document?.documentElement ?? null) {
    this.#client = client;
    this.#root = root;
  }

  connect(): () => void {
    if (!this.#disconnect) {
      const stopWatching = this.#client.watch(['settings'], () => this.reload());
      const stopTheme = this.$settings.subscribe((s) => applyTheme(this.#root, s.theme));
      this.#disconnect = () => {
        stopWatching();
        stopTheme();
        this.#disconnect = null;
      };
      void this.reload();
    }
    return this.#disconnect;
  }

  /** Re-reads the settings; concurrent calls coalesce into at most one more read. */
  reload(): Promise<void> {
    return this.#reads.run();
  }

  get<K extends SettingKey>(key: K): Settings[K] {
    return this.$settings.get()[key];
  }

  /** Changes settings; a bad value is refused (nothing changes) and the answer names the field and says why. */
  async update(patch: SettingsPatch): Promise<UpdateOutcome> {
    try {
      const settings = await this.#client.data.updateSettings(patch);
      this.#set(settings);
      return { ok: true, settings };
    } catch (error) {
      const e = toAppError(error);
      return { ok: false, error: e, ...refusal(e) };
    }
  }

  /** The last 50 changes, newest first. */
  history(): Promise<SettingsChange[]> {
    return this.#client.data.settingsHistory();
  }

  /** Puts back the value a history entry replaced (itself a new change). */
  async rollback(id: number): Promise<Settings> {
    const settings = await this.#client.data.rollbackSetting(id);
    this.#set(settings);
    return settings;
  }

  exportFile(): Promise<SettingsFile> {
    return this.#client.data.exportSettings();
  }

  /** Imports a settings file's text; a file that is not JSON, or not valid settings, changes nothing. */
  async importText(text: string): Promise<Settings> {
    let file: unknown;
    try {
      file = JSON.parse(text);
    } catch {
      throw new AppError('VALIDATION', 'This file is not a settings file (it is not JSON); nothing was imported');
    }
    const settings = await this.#client.data.importSettings(file);
    this.#set(settings);
    return settings;
  }

  #set(settings: Settings): void {
    if (JSON.stringify(settings) !== JSON.stringify(this.$settings.get())) this.$settings.set(settings);
  }
}

/** The setting a VALIDATION error is about, and its message without the "Invalid setting at …:" preamble. */
export function refusal(error: AppError): { field: SettingKey | null; message: string } {
  const issues = (error.details as { issues?: Array<{ path?: string; message?: string }> } | undefined)?.issues;
  const first = Array.isArray(issues) ? issues[0] : undefined;
  const key = first?.path?.split('.')[0];
  const field = key && (SETTING_KEYS as string[]).includes(key) ? (key as SettingKey) : null;
  return { field, message: field && first?.message ? first.message : error.message };
}

/** 'system' follows prefers-color-scheme (app.css); 'light' and 'dark' force it through data-theme. */
