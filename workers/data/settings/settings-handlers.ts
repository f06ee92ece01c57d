import * as v from 'valibot';

import type { DataApi, SettingsApi } from '../../../shared/data-contract.ts';
import type { Settings } from '../../../shared/settings.ts';
import { parse } from '../../../shared/validate.ts';
import type { Core } from '../owner/core.ts';
import type { Database } from '../storage/sqlite.ts';
import * as settings from './settings.ts';

/** The settings store; every write is announced so every window applies it without a reload. */
export class SettingsHandlers implements SettingsApi {
  constructor(private readonly core: Core) {}

  getSettings() {
    return this.core.read((db) => settings.readSettings(db, this.core.onBadSetting));
  }

  updateSettings(patch: Parameters<DataApi['updateSettings']>[0]) {
    return this.#write((db, now) => settings.writeSettings(db, patch, now, this.core.onBadSetting));
  }

  settingsHistory() {
    return this.core.read((db) => settings.settingsHistory(db));
  }

  rollbackSetting(id: number) {
    const parsed = parse(v.pipe(v.number(), v.integer(), v.minValue(1)), id, 'history id');
    return this.#write((db, now) => settings.rollbackSetting(db, parsed, now, this.core.onBadSetting));
  }

  exportSettings() {
    return this.core.read((db) => settings.exportSettings(db, this.core.onBadSetting));
  }

  importSettings(file: unknown) {
    return this.#write((db, now) => settings.importSettings(db, file, now, this.core.onBadSetting));
  }

  #write(fn: (db: Database, now: number) => Promise<unknown>): Promise<Settings> {
    return this.core.write('settings', 'update', async (db, now) => {
      await fn(db, now);
      return {
        result: await settings.readSettings(db, this.core.onBadSetting),
        ids: [],
        also: [{ table: 'settings', op: 'update', ids: [] }],
      };
    });
  }
}
