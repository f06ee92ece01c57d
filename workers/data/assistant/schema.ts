// The assistant's schema (issue 19): migration v10, listed in order in database/migrations.ts.

/**
 * v10: conversations and their messages, and the views the assistant's SQL tool may read (guarded-query.ts allows
 * these and nothing else: no settings, error log, journal or history). The views show live rows only.
 * undo_rows is rebuilt so that deleting a conversation is an undoable action like every other change.
 */
export const ASSISTANT_V10 = `
  CREATE TABLE conversations (
    id         TEXT PRIMARY KEY NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    pinned     INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    deleted_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX conversations_live ON conversations(pinned DESC, updated_at DESC) WHERE deleted_at IS NULL;

  CREATE TABLE messages (
    id                TEXT PRIMARY KEY NOT NULL,
    conversation_id   TEXT NOT NULL REFERENCES conversations(id),
    seq               INTEGER NOT NULL,
    role              TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content           TEXT NOT NULL,
    turns             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(turns)),
    tools             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tools)),
    proposals         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(proposals)),
    model             TEXT,
    endpoint          TEXT,
    assistant         TEXT,
    request_id        TEXT,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    usage_estimated   INTEGER NOT NULL DEFAULT 0,
    first_token_ms    INTEGER,
    total_ms          INTEGER,
    finish            TEXT,
    error             TEXT CHECK (error IS NULL OR json_valid(error)),
    created_at        INTEGER NOT NULL,
    UNIQUE (conversation_id, seq)
  );

  CREATE TABLE undo_rows_v10 (
    action_id INTEGER NOT NULL REFERENCES undo_actions(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    tbl       TEXT NOT NULL CHECK (tbl IN ('activities', 'tags', 'projects', 'goals', 'away_gaps', 'conversations')),
    row_id    TEXT NOT NULL,
    before    TEXT CHECK (before IS NULL OR json_valid(before)),
    after     TEXT CHECK (after IS NULL OR json_valid(after)),
    PRIMARY KEY (action_id, seq)
  ) WITHOUT ROWID;
  INSERT INTO undo_rows_v10 SELECT * FROM undo_rows;
  DROP TABLE undo_rows;
  ALTER TABLE undo_rows_v10 RENAME TO undo_rows;

  CREATE VIEW ai_sessions AS
    SELECT id, name, description, project_id, start_time, end_time, paused_ms, billable, source
    FROM activities WHERE deleted_at IS NULL;
  CREATE VIEW ai_projects AS
    SELECT id, name, client, parent_id, hourly_rate, currency, budget_minutes, archived_at
    FROM projects WHERE deleted_at IS NULL;
  CREATE VIEW ai_tags AS SELECT id, name FROM tags WHERE deleted_at IS NULL;
  CREATE VIEW ai_session_tags AS
    SELECT activity_id AS session_id, tag_id FROM activity_tags
    WHERE activity_id IN (SELECT id FROM activities WHERE deleted_at IS NULL);
  CREATE VIEW ai_goals AS
    SELECT id, name, period, target_minutes, project_id FROM goals WHERE deleted_at IS NULL;
`;

export const AI_VIEWS: ReadonlySet<string> = new Set([
  'ai_sessions',
  'ai_projects',
  'ai_tags',
  'ai_session_tags',
  'ai_goals',
]);
