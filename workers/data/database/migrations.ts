import { APPLICATION_ID } from '../../../shared/database.ts';
import { AppError } from '../../../shared/errors.ts';
import { ASSISTANT_V10 } from '../assistant/schema.ts';
import { AWAY_V9 } from '../away/schema.ts';
import { EXPORTS_V8 } from '../exports/schema.ts';
import { JIRA_V13 } from '../jira/schema.ts';
import { REPORTS_V6_ROLLUPS, REPORTS_V7_BAKED } from '../reports/schema.ts';
import { SESSIONS_V12_ONE_RUNNING } from '../sessions/schema.ts';
import type { Database } from '../storage/sqlite.ts';
import { UNDO_V11_TABLES } from '../undo/schema.ts';

/**
 * Versioned schema. Each entry moves the schema from index to index+1; PRAGMA user_version records where a file is.
 * Never edit a shipped migration: append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // v1: sessions, projects, tags, settings
  `
  CREATE TABLE projects (
    id             TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL,
    color          TEXT NOT NULL,
    parent_id      TEXT REFERENCES projects(id),
    client         TEXT,
    hourly_rate    REAL,
    currency       TEXT,
    budget_minutes INTEGER,
    archived_at    INTEGER,
    deleted_at     INTEGER,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
  );
  -- a name is unique among live projects only, so a deleted "Website" does not block a new one
  CREATE UNIQUE INDEX projects_live_name ON projects(name COLLATE NOCASE) WHERE deleted_at IS NULL;

  CREATE TABLE tags (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    color      TEXT,
    deleted_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX tags_live_name ON tags(name COLLATE NOCASE) WHERE deleted_at IS NULL;

  CREATE TABLE activities (
    id               TEXT PRIMARY KEY NOT NULL,
    name             TEXT NOT NULL DEFAULT '',
    description      TEXT NOT NULL DEFAULT '',
    project_id       TEXT REFERENCES projects(id),
    start_time       INTEGER NOT NULL,
    end_time         INTEGER,
    paused_ms        INTEGER NOT NULL DEFAULT 0 CHECK (paused_ms >= 0),
    pause_started_at INTEGER,
    is_manual        INTEGER NOT NULL DEFAULT 0,
    source           TEXT NOT NULL DEFAULT 'timer'
                     CHECK (source IN ('timer', 'quick-entry', 'import', 'split', 'merge')),
    deleted_at       INTEGER,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    sync_version     INTEGER NOT NULL DEFAULT 0,
    CHECK (end_time IS NULL OR end_time >= start_time)
  );
  -- at most one running timer, whichever window started it
  CREATE UNIQUE INDEX activities_one_running ON activities((end_time IS NULL))
    WHERE end_time IS NULL AND deleted_at IS NULL;
  -- range scans by start time (day/week/year views); covers the per-day/per-project totals and per-project history
  -- (filtering project_id inside the index). A separate (project_id, start_time) index was tried and dropped: its
  -- scattered inserts doubled OPFS writes on bulk import (npm run bench: 3.3x -> 2.1x native).
  CREATE INDEX activities_live_start ON activities(start_time, project_id, end_time, paused_ms, pause_started_at)
    WHERE deleted_at IS NULL;
  -- purge of soft-deleted rows after 30 days
  CREATE INDEX activities_deleted ON activities(deleted_at) WHERE deleted_at IS NOT NULL;

  CREATE TABLE activity_tags (
    activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    tag_id      TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (activity_id, tag_id)
  ) WITHOUT ROWID;
  CREATE INDEX activity_tags_tag ON activity_tags(tag_id, activity_id);

  CREATE TABLE settings (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL CHECK (json_valid(value)),
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  // v2: the error log (Diagnostics). Capped at ERROR_LOG_CAP rows by the writer; ids only grow, so "oldest" is id order.
  `
  CREATE TABLE error_log (
    id             INTEGER PRIMARY KEY,
    time           INTEGER NOT NULL,
    code           TEXT NOT NULL,
    message        TEXT NOT NULL,
    details        TEXT CHECK (details IS NULL OR json_valid(details)),
    correlation_id TEXT,
    source         TEXT NOT NULL
  );
  `,
  // v3: corrections (issue 6). Pauses as intervals ([[start, end], ...] JSON; old rows keep their paused_ms total),
  // billable, and the undo journal: one row per user action, and before/after images of every row it touched,
  // written in the same transaction as the change.
  `
  ALTER TABLE activities ADD COLUMN pauses TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(pauses));
  ALTER TABLE activities ADD COLUMN billable INTEGER NOT NULL DEFAULT 0 CHECK (billable IN (0, 1));
  -- sessions longer than the range scans' look-back (and the running one): few, so overlap and list queries can add
  -- them from this small index instead of scanning everything
  CREATE INDEX activities_long ON activities(start_time)
    WHERE deleted_at IS NULL AND (end_time IS NULL OR end_time - start_time > 43200000);

  CREATE TABLE undo_actions (
    id         INTEGER PRIMARY KEY,
    label      TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    row_count  INTEGER NOT NULL DEFAULT 0,
    -- 0: done (on the undo stack), 1: undone (on the redo stack)
    undone     INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
  );
  CREATE INDEX undo_actions_stack ON undo_actions(undone, id);
  CREATE TABLE undo_rows (
    action_id INTEGER NOT NULL REFERENCES undo_actions(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    tbl       TEXT NOT NULL CHECK (tbl IN ('activities', 'tags')),
    row_id    TEXT NOT NULL,
    before    TEXT CHECK (before IS NULL OR json_valid(before)),
    after     TEXT CHECK (after IS NULL OR json_valid(after)),
    PRIMARY KEY (action_id, seq)
  ) WITHOUT ROWID;
  `,
  // v4: the user's structure (issue 7): project billing, budget and estimate, productivity classes (reports),
  // goals, settings history; the undo journal learns projects and goals (its CHECK is rebuilt with the table).
  `
  ALTER TABLE projects ADD COLUMN billable_default INTEGER NOT NULL DEFAULT 0 CHECK (billable_default IN (0, 1));
  ALTER TABLE projects ADD COLUMN budget_period TEXT CHECK (budget_period IN ('total', 'month'));
  ALTER TABLE projects ADD COLUMN estimate_minutes INTEGER;
  ALTER TABLE projects ADD COLUMN productivity TEXT NOT NULL DEFAULT 'neutral'
    CHECK (productivity IN ('productive', 'neutral', 'distracting'));
  ALTER TABLE tags ADD COLUMN productivity TEXT NOT NULL DEFAULT 'neutral'
    CHECK (productivity IN ('productive', 'neutral', 'distracting'));

  CREATE TABLE goals (
    id             TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL DEFAULT '',
    period         TEXT NOT NULL CHECK (period IN ('day', 'week', 'month')),
    kind           TEXT NOT NULL CHECK (kind IN ('at-least', 'at-most')),
    target_minutes INTEGER NOT NULL CHECK (target_minutes > 0),
    project_id     TEXT REFERENCES projects(id),
    tag_id         TEXT REFERENCES tags(id),
    deleted_at     INTEGER,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
  );

  CREATE TABLE settings_history (
    id     INTEGER PRIMARY KEY,
    at     INTEGER NOT NULL,
    key    TEXT NOT NULL,
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    after  TEXT CHECK (after IS NULL OR json_valid(after))
  );

  CREATE TABLE undo_rows_v4 (
    action_id INTEGER NOT NULL REFERENCES undo_actions(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    tbl       TEXT NOT NULL CHECK (tbl IN ('activities', 'tags', 'projects', 'goals')),
    row_id    TEXT NOT NULL,
    before    TEXT CHECK (before IS NULL OR json_valid(before)),
    after     TEXT CHECK (after IS NULL OR json_valid(after)),
    PRIMARY KEY (action_id, seq)
  ) WITHOUT ROWID;
  INSERT INTO undo_rows_v4 SELECT * FROM undo_rows;
  DROP TABLE undo_rows;
  ALTER TABLE undo_rows_v4 RENAME TO undo_rows;
  `,
  // v5: one page less per commit. With 64 KiB pages every page a commit dirties is 64 KiB more WAL to write (~0.8 ms
  // here), and this index only served lookups in a table capped at 500 rows, which a scan answers as fast.
  `
  DROP INDEX undo_actions_stack;
  `,
  REPORTS_V6_ROLLUPS, // v6, in reports/schema.ts
  REPORTS_V7_BAKED, // v7, in reports/schema.ts
  EXPORTS_V8, // v8, in exports/schema.ts
  AWAY_V9, // v9, in away/schema.ts
  ASSISTANT_V10, // v10, in assistant/schema.ts
  UNDO_V11_TABLES, // v11, in undo/schema.ts
  SESSIONS_V12_ONE_RUNNING, // v12, in sessions/schema.ts
  JIRA_V13, // v13, in jira/schema.ts
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Set on every connection before migrating (the bench applies the same to its native baseline).
 * - locking_mode EXCLUSIVE + journal_mode WAL: one worker owns the file (see owner/ownership.ts), so it may keep its lock
 *   for life; that is what lets WAL work without shared memory (wa-sqlite has none). A small commit then appends
 *   a few frames to the WAL instead of writing a rollback journal, syncing it, writing the pages and truncating the
 *   journal: measured here ~15 ms (delete journal) -> ~5-7 ms, at any page size.
 * - synchronous FULL: the WAL is synced at every commit, so a committed timer start survives a power cut too, not
 *   only a crashed worker (NORMAL would sync only at checkpoints; measured ~1.5-2 ms faster).
 * - wal_autocheckpoint 256 pages (16 MiB with 64 KiB pages) only bounds the WAL in a burst of writes: owner/core.ts
 *   checkpoints whenever writes pause for 250 ms (and empties the file after 2 s), so a timer commit rarely runs
 *   SQLite's own checkpoint (at 64 pages one in ~10 did: the bench's p90 of 20 ms), and a launch after a window closed
 *   mid-work (the worker ends without closing) has little to replay.
 * - page_size 64 KiB (takes effect when the file is created): each OPFS read/write call costs ~0.5 ms here whatever
 *   its size (4 KiB: ~6 MB/s, 64 KiB: ~75 MB/s), so fewer, larger pages cut a 100k-session import from ~21 s to ~2 s.
 *   Single-row timer writes touch a few pages either way.
 * - cache_size: 32 MiB of page cache keeps analytics over years of sessions in memory.
 * - temp_store: GROUP BY / ORDER BY temp B-trees stay in memory instead of OPFS temp files.
 */
/** see wal_autocheckpoint above; an import raises it while it runs (workers/data/exports/exports-handlers.ts) */
export const WAL_AUTOCHECKPOINT_PAGES = 256;

export const CONNECTION_PRAGMAS = `
  PRAGMA page_size = 65536;
  PRAGMA locking_mode = EXCLUSIVE;
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = FULL;
  PRAGMA wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES};
  PRAGMA cache_size = -32768;
  PRAGMA temp_store = MEMORY;
  PRAGMA foreign_keys = ON;
`;

/**
 * Brings the file up to SCHEMA_VERSION. The version is read inside the write transaction, so when two windows
 * open at once the second sees the first one's work and does nothing.
 */
export async function migrate(db: Database): Promise<number> {
  // the common case at launch: nothing to do, and no write transaction to open for it
  const appId = await db.get<{ application_id: number }>('PRAGMA application_id');
  const version = await db.get<{ user_version: number }>('PRAGMA user_version');
  if (appId?.application_id === APPLICATION_ID && version?.user_version === SCHEMA_VERSION) return SCHEMA_VERSION;
  return db.transaction(async () => {
    const appId = (await db.get<{ application_id: number }>('PRAGMA application_id'))?.application_id ?? 0;
    if (appId !== APPLICATION_ID) await db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
    const row = await db.get<{ user_version: number }>('PRAGMA user_version');
    const from = row?.user_version ?? 0;
    if (from > SCHEMA_VERSION) {
      throw new AppError(
        'CONFLICT',
        `The database (schema v${from}) is newer than this app (v${SCHEMA_VERSION}); update LightTrack.`,
        {
          fileVersion: from,
          appVersion: SCHEMA_VERSION,
        },
      );
    }
    for (let version = from; version < SCHEMA_VERSION; version++) {
      await db.exec(MIGRATIONS[version]!);
    }
    if (from !== SCHEMA_VERSION) await db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    return SCHEMA_VERSION;
  });
}
