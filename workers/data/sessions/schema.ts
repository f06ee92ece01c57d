// The sessions' schema changes after v3 (migration v12), listed in order in database/migrations.ts.

/**
 * v12: "at most one running timer" is kept by triggers instead of a unique partial index. The index held one entry,
 * yet every timer start and stop rewrote its page: one more 64 KiB WAL frame (~0.8 ms here) on the commit a user
 * waits for. The triggers' lookup reads activities_long, which holds the running session anyway (its WHERE includes
 * `end_time IS NULL`), so the check costs a read and writes nothing. RAISE(ABORT) is a constraint error like the
 * index's was. The insert trigger skips the row's own id too: undo's upsert (INSERT … ON CONFLICT DO UPDATE) fires
 * BEFORE INSERT for a row that is already there and running.
 */
export const SESSIONS_V12_ONE_RUNNING = `
  DROP INDEX activities_one_running;
  CREATE TRIGGER activities_one_running_insert BEFORE INSERT ON activities
    WHEN NEW.end_time IS NULL AND NEW.deleted_at IS NULL
      AND EXISTS (SELECT 1 FROM activities WHERE end_time IS NULL AND deleted_at IS NULL AND id <> NEW.id)
    BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: only one timer can run'); END;
  CREATE TRIGGER activities_one_running_update BEFORE UPDATE OF end_time, deleted_at ON activities
    WHEN NEW.end_time IS NULL AND NEW.deleted_at IS NULL
      AND EXISTS (SELECT 1 FROM activities WHERE end_time IS NULL AND deleted_at IS NULL AND id <> NEW.id)
    BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: only one timer can run'); END;
`;
