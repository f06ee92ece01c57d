// The Jira domain's schema (issue 20): migration v13, listed in order in database/migrations.ts. Self-contained: it
// adds its own tables and triggers and touches no other table (the undo journal is left as it is: these rows are
// the app's bookkeeping, not the user's data, and are not journaled).

/**
 * v13: the outbox, what was booked, and the issue cache.
 * - jira_outbox: one row per session whose booking must be looked at again, written by TRIGGERS on activities in the
 *   same transaction as the change that caused it, so every way a session changes (the timer, edits, undo/redo,
 *   imports, the away review) enqueues without knowing of Jira. `gen` grows with each change, so the sender can
 *   tell that a session was edited while its booking was in flight. The triggers fire only while Jira is connected
 *   (the `jira` setting's kind), so a user without Jira pays one settings lookup per write and stores nothing.
 * - jira_worklogs: per session, what is booked on Jira (issue, worklog id, started, seconds, comment), its state,
 *   the user's choices (review approval, don't book, delete the worklog too), and the sender's bookkeeping (lease,
 *   attempts, backoff, `uncertain`: a create went out unanswered, so the next try looks for it first).
 * - jira_issues: the user's recent and assigned issues, for suggestions offline.
 */
export const JIRA_V13 = `
  CREATE TABLE jira_outbox (
    session_id TEXT PRIMARY KEY NOT NULL,
    gen        INTEGER NOT NULL DEFAULT 1
  ) WITHOUT ROWID;

  CREATE TABLE jira_worklogs (
    session_id    TEXT PRIMARY KEY NOT NULL,
    state         TEXT NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'sent', 'failed', 'attention', 'review', 'short', 'ask-delete', 'skipped')),
    issue_key     TEXT,
    worklog_id    TEXT,
    started       INTEGER,
    seconds       INTEGER,
    comment       TEXT,
    want_key      TEXT,
    want_started  INTEGER,
    want_seconds  INTEGER,
    approved      INTEGER NOT NULL DEFAULT 0 CHECK (approved IN (0, 1)),
    skipped       INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
    delete_choice TEXT CHECK (delete_choice IN ('delete', 'keep')),
    uncertain_key TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_at       INTEGER NOT NULL DEFAULT 0,
    lease_owner   TEXT,
    lease_until   INTEGER,
    error         TEXT,
    updated_at    INTEGER NOT NULL,
    CHECK ((worklog_id IS NULL) = (issue_key IS NULL))
  );
  CREATE INDEX jira_worklogs_state ON jira_worklogs(state, updated_at);

  CREATE TABLE jira_issues (
    key        TEXT PRIMARY KEY NOT NULL,
    summary    TEXT NOT NULL,
    fetched_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TRIGGER jira_outbox_on_insert AFTER INSERT ON activities
    WHEN (SELECT json_extract(value, '$.kind') FROM settings WHERE key = 'jira') IN ('cloud', 'datacenter')
  BEGIN
    INSERT OR REPLACE INTO jira_outbox (session_id, gen)
      VALUES (NEW.id, COALESCE((SELECT gen FROM jira_outbox WHERE session_id = NEW.id), 0) + 1);
  END;
  CREATE TRIGGER jira_outbox_on_update AFTER UPDATE ON activities
    WHEN (SELECT json_extract(value, '$.kind') FROM settings WHERE key = 'jira') IN ('cloud', 'datacenter')
  BEGIN
    INSERT OR REPLACE INTO jira_outbox (session_id, gen)
      VALUES (NEW.id, COALESCE((SELECT gen FROM jira_outbox WHERE session_id = NEW.id), 0) + 1);
  END;
  CREATE TRIGGER jira_outbox_on_delete AFTER DELETE ON activities
    WHEN (SELECT json_extract(value, '$.kind') FROM settings WHERE key = 'jira') IN ('cloud', 'datacenter')
  BEGIN
    INSERT OR REPLACE INTO jira_outbox (session_id, gen)
      VALUES (OLD.id, COALESCE((SELECT gen FROM jira_outbox WHERE session_id = OLD.id), 0) + 1);
  END;
`;
