// The away domain's schema (issue 18): migration v9, listed in order in database/migrations.ts, kept here beside the
// code that reads and writes these tables.

// v9: gaps in presence while a timer ran, and the heartbeat that tells, at the next launch, how long the app was
// gone. A gap's review is undoable with the sessions it changed, so the journal learns away_gaps (its CHECK is
// rebuilt with the table, as in v4).
export const AWAY_V9 = `
  CREATE TABLE away_gaps (
    id         TEXT PRIMARY KEY NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('idle', 'lock', 'suspend', 'clock-jump', 'app-gone')),
    start_at   INTEGER NOT NULL,
    end_at     INTEGER,
    state      TEXT NOT NULL CHECK (state IN ('open', 'pending', 'resolved', 'orphan')),
    choice     TEXT CHECK (choice IS NULL OR choice IN ('keep', 'discard', 'discard-continue', 'log-other', 'break')),
    -- no foreign keys: a purged session must not take its gap's history with it
    session_id TEXT,
    logged_id  TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK (end_at IS NULL OR end_at >= start_at)
  );
  CREATE INDEX away_gaps_state ON away_gaps(state, start_at);

  -- one row: the last time a window with a running timer was alive
  CREATE TABLE away_heartbeat (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    session_id TEXT NOT NULL,
    at         INTEGER NOT NULL
  );

  CREATE TABLE undo_rows_v9 (
    action_id INTEGER NOT NULL REFERENCES undo_actions(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    tbl       TEXT NOT NULL CHECK (tbl IN ('activities', 'tags', 'projects', 'goals', 'away_gaps')),
    row_id    TEXT NOT NULL,
    before    TEXT CHECK (before IS NULL OR json_valid(before)),
    after     TEXT CHECK (after IS NULL OR json_valid(after)),
    PRIMARY KEY (action_id, seq)
  ) WITHOUT ROWID;
  INSERT INTO undo_rows_v9 SELECT * FROM undo_rows;
  DROP TABLE undo_rows;
  ALTER TABLE undo_rows_v9 RENAME TO undo_rows;
`;
