import { APPLICATION_ID, type RecoveryProblem } from '../../../shared/database.ts';
import { AppError } from '../../../shared/errors.ts';
import { fileSize, readText, removeFile, writeBytes } from '../storage/opfs.ts';
import { Database, SQLITE_CORRUPT, SQLITE_NOTADB, sqliteCodeOf } from '../storage/sqlite.ts';
import { CONNECTION_PRAGMAS, migrate, SCHEMA_VERSION } from './migrations.ts';

/**
 * Opening a database file, telling apart everything a user's file can be: new, ours (any older version), ours but
 * newer, damaged, somebody else's SQLite file, or gone (missing or zero bytes where a database used to be).
 * Only the last three need the user; the answer is then a RecoveryProblem, and nothing has been written.
 */

export type OpenOutcome =
  { ok: true; db: Database; created: boolean; schemaVersion: number } | { ok: false; problem: RecoveryProblem };

export interface OpenHooks {
  /** Called inside nothing, before migrating a file from an older schema (the pre-migration backup). */
  beforeMigration(db: Database, fromVersion: number): Promise<void>;
}

/**
 * A small file beside the database saying "a database was created here". SQLite turns a missing or zero-byte file
 * into a fresh empty database without a word; the marker is how a first launch is told apart from lost history.
 */
export const markerPath = (name: string) => `${name}.marker.json`;

interface Marker {
  createdAt: number;
}

async function readMarker(name: string): Promise<Marker | null> {
  const text = await readText(markerPath(name)).catch(() => null);
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as { createdAt?: unknown };
    return { createdAt: typeof parsed.createdAt === 'number' ? parsed.createdAt : 0 };
  } catch {
    return { createdAt: 0 }; // a damaged marker still says a database existed
  }
}

export async function writeMarker(name: string, createdAt: number): Promise<void> {
  await writeBytes(markerPath(name), JSON.stringify({ createdAt } satisfies Marker));
}

export async function removeMarker(name: string): Promise<void> {
  await removeFile(markerPath(name));
}

export async function openDatabase(name: string, now: number, hooks: OpenHooks): Promise<OpenOutcome> {
  const [size, marker] = await Promise.all([fileSize(name), readMarker(name)]);
  if (!size && marker) {
    const since = marker.createdAt ? ` (since ${new Date(marker.createdAt).toLocaleDateString()})` : '';
    return {
      ok: false,
      problem: {
        kind: 'lost',
        message:
          `Your data file is ${size === 0 ? 'empty' : 'missing'}, although LightTrack has kept your time here before${since}. ` +
          'Nothing has been overwritten. Restore your latest backup, or start fresh if you meant to.',
        technical: `${name}: ${size === null ? 'no such file' : '0 bytes'}; marker ${markerPath(name)} present`,
      },
    };
  }

  const db = await Database.open(name);
  try {
    await db.exec(CONNECTION_PRAGMAS);
    const identity = await readIdentity(db);
    const problem = identify(identity);
    if (problem) {
      await db.close().catch(() => undefined);
      return { ok: false, problem };
    }
    const from = identity.version;
    if (from > 0 && from < SCHEMA_VERSION) await hooks.beforeMigration(db, from);
    const schemaVersion = await migrate(db);
    const created = !size;
    if (created || !marker) await writeMarker(name, now);
    return { ok: true, db, created, schemaVersion };
  } catch (error) {
    await db.close().catch(() => undefined);
    const code = sqliteCodeOf(error);
    if (code === SQLITE_NOTADB || code === SQLITE_CORRUPT) {
      return {
        ok: false,
        problem: {
          kind: 'damaged',
          message:
            "LightTrack's data file is damaged and cannot be opened as it is. Nothing has been changed or deleted. " +
            'Restore a backup, or download the damaged file to keep it.',
          technical: error instanceof Error ? error.message : String(error),
        },
      };
    }
    throw error instanceof AppError ? error : new AppError('DB', `Could not open the database: ${String(error)}`);
  }
}

/** What a SQLite file says about itself: whose it is, which schema version, which tables. */
export interface FileIdentity {
  appId: number;
  version: number;
  tables: string[];
}

export async function readIdentity(db: Database): Promise<FileIdentity> {
  const appId = (await db.get<{ application_id: number }>('PRAGMA application_id'))?.application_id ?? 0;
  const version = (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
  const tables = await db.all<{ name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table'`);
  return { appId, version, tables: tables.map((t) => t.name) };
}

/**
 * A LightTrack file: our application_id, or a file from before it was set (schema v1) that carries our tables.
 * `allowEmpty`: a brand-new empty file counts too (where the app may create its database, not when restoring).
 */
export function isLightTrackFile({ appId, version, tables }: FileIdentity, allowEmpty: boolean): boolean {
  return (
    appId === APPLICATION_ID ||
    (allowEmpty && appId === 0 && version === 0 && tables.length === 0) ||
    (appId === 0 && version >= 1 && tables.includes('activities'))
  );
}

/** Is this file ours and readable by this version? null when it is. */
function identify(identity: FileIdentity): RecoveryProblem | null {
  const { appId, version, tables } = identity;
  if (!isLightTrackFile(identity, true)) {
    return {
      kind: 'not-ours',
      message:
        'The file where LightTrack keeps its data belongs to another program (it is a SQLite database, but not a ' +
        'LightTrack one). It has not been changed. Restore a backup or start fresh; the file is kept aside, never deleted.',
      technical: `application_id=${appId} (LightTrack: ${APPLICATION_ID}), user_version=${version}, tables: ${tables
        .slice(0, 20)
        .join(', ')}`,
    };
  }
  if (version > SCHEMA_VERSION) {
    return {
      kind: 'newer-schema',
      message:
        `This data was last used by a newer LightTrack (data format version ${version}); this version reads up to ` +
        `version ${SCHEMA_VERSION}. Update LightTrack to open it. Nothing has been changed.`,
      technical: `user_version=${version}, app schema=${SCHEMA_VERSION}`,
      fileVersion: version,
      appVersion: SCHEMA_VERSION,
    };
  }
  return null;
}
