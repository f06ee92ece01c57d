// The Jira panel's side of the bookings: the list with counts, the user's choices, and the issue cache.
import type {
  JiraBooking,
  JiraBookingList,
  JiraChoiceInput,
  JiraIssue,
  JiraListInput,
  JiraState,
} from '../../../shared/jira-bookings.ts';
import type { Database } from '../storage/sqlite.ts';
import { enqueue } from './outbox.ts';

/** The panel's choices: each sets the row's flag and enqueues it, and the next claim does the rest. */
export async function choose(db: Database, p: JiraChoiceInput, now: number): Promise<number> {
  const ids = [...new Set(p.sessionIds)];
  const set =
    p.choice === 'retry'
      ? `state = 'pending', attempts = 0, next_at = 0, error = NULL, skipped = 0`
      : p.choice === 'skip'
        ? 'skipped = 1'
        : p.choice === 'approve'
          ? 'approved = 1'
          : p.choice === 'delete-worklog'
            ? `delete_choice = 'delete'`
            : `delete_choice = 'keep'`;
  let changed = 0;
  for (const id of ids) {
    changed += await db.run(`UPDATE jira_worklogs SET ${set}, updated_at = ? WHERE session_id = ?`, [now, id]);
  }
  await enqueue(db, ids);
  return changed;
}

export async function list(db: Database, p: Required<Exclude<JiraListInput, undefined>>): Promise<JiraBookingList> {
  const states = p.states ?? [];
  const where = states.length > 0 ? `WHERE w.state IN (${states.map(() => '?').join(', ')})` : '';
  const rows = await db.all<{
    session_id: string;
    name: string | null;
    state: JiraState;
    issue_key: string | null;
    want_key: string | null;
    started: number | null;
    want_started: number | null;
    seconds: number | null;
    want_seconds: number | null;
    worklog_id: string | null;
    attempts: number;
    error: string | null;
    updated_at: number;
  }>(
    `SELECT w.session_id, a.name, w.state, w.issue_key, w.want_key, w.started, w.want_started, w.seconds,
       w.want_seconds, w.worklog_id, w.attempts, w.error, w.updated_at
     FROM jira_worklogs w LEFT JOIN activities a ON a.id = w.session_id
     ${where} ORDER BY w.updated_at DESC, w.session_id LIMIT ?`,
    [...states, p.limit],
  );
  const counts: Partial<Record<JiraState, number>> = {};
  for (const c of await db.all<{ state: JiraState; n: number }>(
    'SELECT state, COUNT(*) AS n FROM jira_worklogs GROUP BY state',
  ))
    counts[c.state] = c.n;
  // rows waiting for a retry are counted under "failed", not again here
  const queued =
    (
      await db.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM jira_outbox o LEFT JOIN jira_worklogs w ON w.session_id = o.session_id
         WHERE w.session_id IS NULL OR w.state <> 'failed'`,
      )
    )?.n ?? 0;
  return {
    rows: rows.map((r): JiraBooking => ({
      sessionId: r.session_id,
      sessionName: r.name ?? '',
      state: r.state,
      // what is booked once sent; what will be booked before
      issueKey: r.state === 'sent' ? r.issue_key : (r.want_key ?? r.issue_key),
      started: r.state === 'sent' ? r.started : (r.want_started ?? r.started),
      seconds: r.state === 'sent' ? r.seconds : (r.want_seconds ?? r.seconds),
      worklogId: r.worklog_id,
      attempts: r.attempts,
      error: r.error,
      updatedAt: r.updated_at,
    })),
    counts,
    queued,
  };
}

export async function cacheIssues(db: Database, issues: readonly JiraIssue[], now: number): Promise<number> {
  for (const i of issues) {
    await db.run(
      `INSERT INTO jira_issues (key, summary, fetched_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET summary = excluded.summary, fetched_at = excluded.fetched_at`,
      [i.key, i.summary, now],
    );
  }
  // the cache keeps the newest 2000
  await db.run(
    'DELETE FROM jira_issues WHERE key NOT IN (SELECT key FROM jira_issues ORDER BY fetched_at DESC LIMIT 2000)',
  );
  return issues.length;
}

/** Cached issues whose key or summary contains the query (case-insensitive), recently fetched first. */
export async function searchIssues(db: Database, query: string, limit: number): Promise<JiraIssue[]> {
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.all<{ key: string; summary: string }>(
    `SELECT key, summary FROM jira_issues
     WHERE key LIKE ?1 ESCAPE '\\' OR summary LIKE ?1 ESCAPE '\\'
     ORDER BY (key LIKE ?2 ESCAPE '\\') DESC, fetched_at DESC, key LIMIT ?3`,
    [like, `${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit],
  );
}
