// The undo journal's own schema change (migration v11), listed in order in database/migrations.ts.

/**
 * v11: the last rebuild of undo_rows. Its `CHECK (tbl IN …)` had to be widened by copying the whole journal each time
 * a table became undoable (v4, v9, v10). Which tables the journal covers is now data: a row in `undo_tables`,
 * enforced by a trigger (a CHECK cannot read another table), so a domain that makes its table undoable adds one
 * `INSERT INTO undo_tables` to its migration and `journal.ts`'s COLUMNS entry, and copies nothing.
 */
export const UNDO_V11_TABLES = `
  CREATE TABLE undo_tables (name TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
  INSERT INTO undo_tables (name) VALUES
    ('activities'), ('tags'), ('projects'), ('goals'), ('away_gaps'), ('conversations'),
    -- the settings a restore writes, journaled in the restore's action
    ('settings');

  CREATE TABLE undo_rows_v11 (
    action_id INTEGER NOT NULL REFERENCES undo_actions(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    tbl       TEXT NOT NULL,
    row_id    TEXT NOT NULL,
    before    TEXT CHECK (before IS NULL OR json_valid(before)),
    after     TEXT CHECK (after IS NULL OR json_valid(after)),
    PRIMARY KEY (action_id, seq)
  ) WITHOUT ROWID;
  INSERT INTO undo_rows_v11 SELECT * FROM undo_rows;
  DROP TABLE undo_rows;
  ALTER TABLE undo_rows_v11 RENAME TO undo_rows;

  -- the journal's rows name only undoable tables (tbl is written from journal.ts's Table type; this is the file's own guard)
  CREATE TRIGGER undo_rows_tbl BEFORE INSERT ON undo_rows
    WHEN NEW.tbl NOT IN (SELECT name FROM undo_tables)
    BEGIN SELECT RAISE(ABORT, 'undo_rows.tbl names a table the journal does not cover'); END;
  CREATE TRIGGER undo_rows_tbl_update BEFORE UPDATE OF tbl ON undo_rows
    WHEN NEW.tbl NOT IN (SELECT name FROM undo_tables)
    BEGIN SELECT RAISE(ABORT, 'undo_rows.tbl names a table the journal does not cover'); END;
`;
