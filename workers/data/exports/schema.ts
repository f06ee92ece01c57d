// The exports' schema (issue 17): migration v8, listed in order in workers/data/migrations.ts, kept here beside the
// code that reads and writes these tables.

// v8: export history, and where imported sessions came from. import_source + source_id let an import skip rows it
// already brought in (the unique index is over live rows only: a deleted or undone import may be imported again).
export const EXPORTS_V8 = `
  CREATE TABLE export_history (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    format      TEXT NOT NULL,
    selection   TEXT NOT NULL CHECK (json_valid(selection)),
    options     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
    rows        INTEGER NOT NULL,
    bytes       INTEGER NOT NULL,
    destination TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'cancelled')),
    error       TEXT
  );
  ALTER TABLE activities ADD COLUMN import_source TEXT;
  ALTER TABLE activities ADD COLUMN source_id TEXT;
  CREATE UNIQUE INDEX activities_import_source ON activities(import_source, source_id)
    WHERE import_source IS NOT NULL AND deleted_at IS NULL;
`;
