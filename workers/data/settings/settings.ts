import * as v from 'valibot';

import { AppError } from '../../../shared/errors.ts';
import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  SETTING_SCHEMAS,
  SETTINGS_FILE_FORMAT,
  SETTINGS_HISTORY_KEEP,
  SettingsFileSchema,
  SettingsPatchSchema,
  type SettingKey,
  type Settings,
  type SettingsChange,
  type SettingsFile,
} from '../../../shared/settings.ts';
import { parse } from '../../../shared/validate.ts';
import type { Database } from '../storage/sqlite.ts';

/**
 * The settings repository: one row per setting (key, JSON value) in the settings table, a version row for settings
 * migrations, and a history of the last changes. Values are validated on the way in and on the way out.
 */
const VERSION_KEY = '_version';

/**
 * Settings migrations, applied to the stored rows and to imported files alike: entry i takes a key→value map from
 * version i + 1 to i + 2. Renaming or reshaping a setting keeps the user's value.
 */
const SETTINGS_MIGRATIONS: readonly ((m: Record<string, unknown>) => void)[] = [
  // 1 → 2: the backup retention (issue 5) joins the settings store under its own name
  (m) => {
    if ('backup.retention' in m) {
      if (!('backupRetention' in m)) m['backupRetention'] = m['backup.retention'];
      delete m['backup.retention'];
    }
  },
];
export const SETTINGS_VERSION = SETTINGS_MIGRATIONS.length + 1;

export type OnBadSetting = (key: string, value: unknown, issues: string[]) => void;

function migrateMap(map: Record<string, unknown>, from: number): Record<string, unknown> {
  const out = { ...map };
  for (let version = Math.max(1, from); version < SETTINGS_VERSION; version++) SETTINGS_MIGRATIONS[version - 1]!(out);
  return out;
}

async function rawRows(db: Database): Promise<Map<string, string>> {
  const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM settings');
  return new Map(rows.map((r) => [r.key, r.value]));
}

function jsonOr(text: string | undefined, fallback: unknown): unknown {
  if (text === undefined) return fallback;
  try {
    return JSON.parse(text);
  } catch {
    return Symbol.for('unreadable'); // fails every schema, so the value counts as damaged
  }
}

/** True when the stored settings need migrating; one read, so a launch with current settings writes nothing. */
export async function settingsNeedMigration(db: Database): Promise<boolean> {
  const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [VERSION_KEY]);
  return Number(jsonOr(row?.value, 1)) < SETTINGS_VERSION;
}

/** Brings stored settings to SETTINGS_VERSION (inside the caller's write transaction). */
export async function migrateSettings(db: Database, now: number): Promise<void> {
  const rows = await rawRows(db);
  const version = Number(jsonOr(rows.get(VERSION_KEY), 1));
  if (version === SETTINGS_VERSION) return;
  if (version > SETTINGS_VERSION) return; // a newer app wrote them; read what we understand, never rewrite
  const map: Record<string, unknown> = {};
  for (const [key, text] of rows) if (key !== VERSION_KEY) map[key] = jsonOr(text, null);
  const migrated = migrateMap(map, version);
  for (const key of rows.keys())
    if (key !== VERSION_KEY && !(key in migrated)) await db.run('DELETE FROM settings WHERE key = ?', [key]);
  for (const [key, value] of Object.entries(migrated)) {
    if (JSON.stringify(value) !== rows.get(key)) await put(db, key, value, now);
  }
  await put(db, VERSION_KEY, SETTINGS_VERSION, now);
}

async function put(db: Database, key: string, value: unknown, now: number): Promise<void> {
  await db.run(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [key, JSON.stringify(value), now],
  );
}

/** Every setting: the stored value when it is valid, else the default (a bad one is reported). */
export async function readSettings(db: Database, onBad?: OnBadSetting): Promise<Settings> {
  const rows = await rawRows(db);
  const out = structuredClone(DEFAULT_SETTINGS) as Record<SettingKey, unknown>;
  for (const key of SETTING_KEYS) {
    const text = rows.get(key);
    if (text === undefined) continue;
    const parsed = v.safeParse(SETTING_SCHEMAS[key], jsonOr(text, null));
    if (parsed.success) out[key] = parsed.output;
    else
      onBad?.(
        key,
        text,
        parsed.issues.map((i) => i.message),
      );
  }
  return out as Settings;
}

/** Writes the settings that differ from what is stored, each with a history entry. Returns the keys changed. */
export async function writeSettings(
  db: Database,
  patchInput: unknown,
  now: number,
  onBad?: OnBadSetting,
): Promise<SettingKey[]> {
  const patch = parse(SettingsPatchSchema, patchInput, 'setting') as Partial<Settings>;
  const current = await readSettings(db, onBad);
  const stored = await rawRows(db);
  const changed: SettingKey[] = [];
  for (const key of Object.keys(patch) as SettingKey[]) {
    const next = patch[key];
    if (next === undefined || JSON.stringify(next) === JSON.stringify(current[key])) continue;
    await put(db, key, next, now);
    await db.run('INSERT INTO settings_history (at, key, before, after) VALUES (?, ?, ?, ?)', [
      now,
      key,
      stored.get(key) ?? JSON.stringify(current[key]),
      JSON.stringify(next),
    ]);
    changed.push(key);
  }
  if (changed.length > 0) {
    await db.run(
      `DELETE FROM settings_history WHERE id <= (SELECT id FROM settings_history ORDER BY id DESC LIMIT 1 OFFSET ${SETTINGS_HISTORY_KEEP})`,
    );
  }
  return changed;
}

export async function settingsHistory(db: Database): Promise<SettingsChange[]> {
  const rows = await db.all<{ id: number; at: number; key: string; before: string | null; after: string | null }>(
    `SELECT id, at, key, before, after FROM settings_history ORDER BY id DESC LIMIT ${SETTINGS_HISTORY_KEEP}`,
  );
  return rows
    .filter((r) => (SETTING_KEYS as string[]).includes(r.key))
    .map((r) => ({
      id: r.id,
      at: r.at,
      key: r.key as SettingKey,
      from: jsonOr(r.before ?? undefined, null),
      to: jsonOr(r.after ?? undefined, null),
    }));
}

/** Puts a setting back to its value before history entry `id`. */
export async function rollbackSetting(
  db: Database,
  id: number,
  now: number,
  onBad?: OnBadSetting,
): Promise<SettingKey[]> {
  const row = await db.get<{ key: string; before: string | null }>(
    'SELECT key, before FROM settings_history WHERE id = ?',
    [id],
  );
  if (!row || !(SETTING_KEYS as string[]).includes(row.key))
    throw new AppError('NOT_FOUND', 'That change is no longer in the history', { id });
  const key = row.key as SettingKey;
  const before = jsonOr(row.before ?? undefined, DEFAULT_SETTINGS[key]);
  const valid = v.safeParse(SETTING_SCHEMAS[key], before);
  return writeSettings(db, { [key]: valid.success ? valid.output : DEFAULT_SETTINGS[key] }, now, onBad);
}

export async function exportSettings(db: Database, onBad?: OnBadSetting): Promise<SettingsFile> {
  return { format: SETTINGS_FILE_FORMAT, version: SETTINGS_VERSION, settings: await readSettings(db, onBad) };
}

/** Validates a whole settings file (format, version, every key and value) before anything is written. */
export async function importSettings(
  db: Database,
  file: unknown,
  now: number,
  onBad?: OnBadSetting,
): Promise<SettingKey[]> {
  const parsed = parse(SettingsFileSchema, file, 'settings file');
  if (parsed.version > SETTINGS_VERSION) {
    throw new AppError(
      'VALIDATION',
      `This settings file was made by a newer LightTrack (settings v${parsed.version}); update the app first`,
      { version: parsed.version },
    );
  }
  const map = migrateMap(parsed.settings, parsed.version);
  const unknown = Object.keys(map).filter((k) => !(SETTING_KEYS as string[]).includes(k));
  if (unknown.length > 0)
    throw new AppError('VALIDATION', `Unknown setting “${unknown[0]}” in the file; nothing was imported`, { unknown });
  if (Object.keys(map).length === 0)
    throw new AppError('VALIDATION', 'The file holds no settings; nothing was imported');
  return writeSettings(db, map, now, onBad);
}
