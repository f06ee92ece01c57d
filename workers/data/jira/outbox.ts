// The sender's side of the outbox: claim (plan, settle, lease), record what Jira answered, enqueue.
import * as v from 'valibot';

import type { JiraClaim, JiraClaimInput, JiraJob, JiraRecordInput, JiraState } from '../../../shared/jira-bookings.ts';
import { isTransient } from '../../../shared/jira-wire.ts';
import {
  desiredBooking,
  planStep,
  type BookableSession,
  type Booked,
  type Desired,
  type JiraSettings,
} from '../../../shared/jira.ts';
import { PauseSchema } from '../../../shared/session.ts';
import type { SessionRow } from '../sessions/sessions.ts';
import type { Database, Row } from '../storage/sqlite.ts';

/** Backoff after a failure that may pass: 2 s doubling to 30 min, with jitter so many rows do not retry together. */
export const BACKOFF_BASE_MS = 2_000;
export const MAX_BACKOFF_MS = 30 * 60_000;
/**
 * A backoff or Retry-After wait is never longer than an hour (MAX_RETRY_AFTER_MS); one further ahead than this was
 * set by a clock that has since jumped back, and counts as over.
 */
export const STALE_WAIT_MS = 2 * 3_600_000;
/** Rows looked at per claim (no-op rows are settled on the way and do not count towards the jobs). */
const SCAN = 500;

interface WorklogRow extends Row {
  session_id: string;
  gen: number;
  state: string | null;
  issue_key: string | null;
  worklog_id: string | null;
  started: number | null;
  seconds: number | null;
  comment: string | null;
  approved: number | null;
  skipped: number | null;
  delete_choice: string | null;
  uncertain_key: string | null;
  attempts: number | null;
  has_row: number;
}

export function backoffMs(attempts: number, random: number = Math.random()): number {
  const base = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
  return Math.round(base * (0.75 + random * 0.5));
}

const Pauses = v.array(PauseSchema);

/** The session as the sender needs it, deleted ones included; null when it is gone (purged) or unreadable. */
export async function bookableSession(db: Database, id: string): Promise<BookableSession | null> {
  const r = await db.get<
    Pick<
      SessionRow,
      | 'id'
      | 'name'
      | 'description'
      | 'project_id'
      | 'start_time'
      | 'end_time'
      | 'paused_ms'
      | 'pause_started_at'
      | 'pauses'
      | 'deleted_at'
    >
  >(
    `SELECT id, name, description, project_id, start_time, end_time, paused_ms, pause_started_at, pauses, deleted_at
     FROM activities WHERE id = ?`,
    [id],
  );
  if (!r) return null;
  let pauses: unknown;
  try {
    pauses = JSON.parse(r.pauses);
  } catch {
    pauses = null;
  }
  const parsed = v.safeParse(Pauses, pauses);
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    projectId: r.project_id,
    startTime: r.start_time,
    endTime: r.end_time,
    pausedMs: r.paused_ms,
    pauseStartedAt: r.pause_started_at,
    pauses: parsed.success ? parsed.output : [],
    deletedAt: r.deleted_at,
  };
}

function bookedOf(r: WorklogRow): Booked | null {
  if (r.worklog_id === null || r.issue_key === null) return null;
  return {
    issueKey: r.issue_key,
    worklogId: r.worklog_id,
    started: r.started ?? 0,
    seconds: r.seconds ?? 0,
    comment: r.comment ?? '',
  };
}

function wanted(d: Desired): [string | null, number | null, number | null] {
  if (d.kind === 'book') return [d.issueKey, d.started, d.seconds];
  if (d.kind === 'short') return [d.issueKey, d.started, d.seconds];
  return [null, null, null];
}

async function upsertState(
  db: Database,
  id: string,
  state: JiraState,
  d: Desired,
  now: number,
  extra: { error?: string | null } = {},
): Promise<void> {
  const [key, started, seconds] = wanted(d);
  await db.run(
    `INSERT INTO jira_worklogs (session_id, state, want_key, want_started, want_seconds, error, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(session_id) DO UPDATE SET state = excluded.state, want_key = excluded.want_key,
       want_started = excluded.want_started, want_seconds = excluded.want_seconds,
       error = CASE WHEN excluded.state = 'sent' THEN NULL ELSE COALESCE(excluded.error, error) END,
       updated_at = excluded.updated_at`,
    [id, state, key, started, seconds, extra.error ?? null, now],
  );
}

export async function enqueue(db: Database, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await db.run(
      `INSERT OR REPLACE INTO jira_outbox (session_id, gen)
       VALUES (?1, COALESCE((SELECT gen FROM jira_outbox WHERE session_id = ?1), 0) + 1)`,
      [id],
    );
  }
}

/**
 * The sender's claim: outbox rows whose lease is free and whose backoff is over. Each is planned (desired vs booked,
 * shared/jira.ts); rows with nothing to send are settled here, the rest are leased to `owner` and returned.
 * A lease or a backoff further ahead than it could ever be was set by a clock that has since jumped back: it counts
 * as over, so a machine clock wrong by hours never holds bookings for hours.
 */
export async function claim(
  db: Database,
  p: Required<JiraClaimInput>,
  now: number,
  jira: JiraSettings,
): Promise<JiraClaim> {
  const rows = await db.all<WorklogRow>(
    `SELECT o.session_id, o.gen, w.state, w.issue_key, w.worklog_id, w.started, w.seconds, w.comment, w.approved,
       w.skipped, w.delete_choice, w.uncertain_key, w.attempts, w.session_id IS NOT NULL AS has_row
     FROM jira_outbox o LEFT JOIN jira_worklogs w ON w.session_id = o.session_id
     WHERE w.session_id IS NULL OR (
       (w.lease_until IS NULL OR w.lease_until <= :now OR w.lease_until > :now + :lease)
       AND (w.next_at <= :now OR w.next_at > :now + :backoff))
     LIMIT :scan`,
    { ':now': now, ':lease': p.leaseMs, ':backoff': STALE_WAIT_MS, ':scan': SCAN },
  );
  const jobs: JiraJob[] = [];
  const settled: string[] = [];
  let more = rows.length === SCAN;
  for (const r of rows) {
    const desired = desiredBooking(await bookableSession(db, r.session_id), jira);
    const booked = bookedOf(r);
    const step = planStep(desired, booked, {
      review: jira.booking === 'review',
      approved: r.approved === 1,
      skipped: r.skipped === 1,
      deleteChoice: r.delete_choice === 'delete' || r.delete_choice === 'keep' ? r.delete_choice : null,
    });
    if (step.op === 'done' || step.op === 'wait') {
      await db.run('DELETE FROM jira_outbox WHERE session_id = ?', [r.session_id]);
      if (step.op === 'wait' || booked || r.has_row) settled.push(r.session_id);
      if (step.op === 'wait') await upsertState(db, r.session_id, step.why, desired, now);
      else if (booked) await upsertState(db, r.session_id, 'sent', desired, now);
      else if (r.has_row && r.skipped !== 1)
        await db.run('DELETE FROM jira_worklogs WHERE session_id = ?', [r.session_id]);
      continue;
    }
    if (jobs.length >= p.limit) {
      more = true;
      break;
    }
    const state: JiraState = r.state === 'failed' ? 'failed' : 'pending';
    await upsertState(db, r.session_id, state, desired, now);
    await db.run(
      `UPDATE jira_worklogs SET lease_owner = ?, lease_until = ?,
         uncertain_key = CASE WHEN ? = 'create' THEN ? ELSE uncertain_key END
       WHERE session_id = ?`,
      [p.owner, now + p.leaseMs, step.op, step.issueKey, r.session_id],
    );
    jobs.push({ sessionId: r.session_id, gen: r.gen, step, lookIn: step.op === 'create' ? r.uncertain_key : null });
  }
  const next = await db.get<{ at: number | null }>(
    `SELECT MIN(w.next_at) AS at FROM jira_outbox o JOIN jira_worklogs w ON w.session_id = o.session_id
     WHERE w.next_at > ?`,
    [now],
  );
  return { jobs, more, settled, nextInMs: next?.at != null ? Math.min(next.at - now, STALE_WAIT_MS) : null };
}

/** Records what Jira answered for one job (or that it was not sent), in one transaction with the outbox. */
export async function record(db: Database, p: JiraRecordInput, now: number): Promise<void> {
  const w = await db.get<{ lease_owner: string | null; worklog_id: string | null; attempts: number }>(
    'SELECT lease_owner, worklog_id, attempts FROM jira_worklogs WHERE session_id = ?',
    [p.sessionId],
  );
  if (!w) return;
  const o = await db.get<{ gen: number }>('SELECT gen FROM jira_outbox WHERE session_id = ?', [p.sessionId]);
  const unchanged = o?.gen === p.gen;
  const ours = w.lease_owner === p.owner;
  const out = p.outcome;
  if (out.kind === 'booked') {
    // recorded even when the lease was lost: a worklog that exists must never be forgotten
    if (w.worklog_id !== null && w.worklog_id !== out.worklogId && !ours) return;
    await db.run(
      `UPDATE jira_worklogs SET state = 'sent', issue_key = ?, worklog_id = ?, started = ?, seconds = ?, comment = ?,
         uncertain_key = NULL, attempts = 0, next_at = 0, error = NULL, updated_at = ?,
         lease_owner = CASE WHEN lease_owner = ? THEN NULL ELSE lease_owner END,
         lease_until = CASE WHEN lease_owner = ? THEN NULL ELSE lease_until END
       WHERE session_id = ?`,
      [out.issueKey, out.worklogId, out.started, out.seconds, out.comment, now, p.owner, p.owner, p.sessionId],
    );
    if (unchanged) await db.run('DELETE FROM jira_outbox WHERE session_id = ?', [p.sessionId]);
    return;
  }
  if (!ours) return; // another sender took the row over; its answer counts
  if (out.kind === 'unbooked') {
    await db.run(
      `UPDATE jira_worklogs SET state = 'pending', issue_key = NULL, worklog_id = NULL, started = NULL, seconds = NULL,
         comment = NULL, delete_choice = NULL, uncertain_key = NULL, attempts = 0, next_at = 0, error = NULL,
         lease_owner = NULL, lease_until = NULL, updated_at = ?
       WHERE session_id = ?`,
      [now, p.sessionId],
    );
    if (!o) await enqueue(db, [p.sessionId]); // the next claim settles what follows (a create, or nothing)
    return;
  }
  if (out.kind === 'released') {
    await db.run(
      'UPDATE jira_worklogs SET lease_owner = NULL, lease_until = NULL, next_at = MAX(next_at, ?) WHERE session_id = ?',
      [out.waitMs ? now + out.waitMs : 0, p.sessionId],
    );
    return;
  }
  const uncertain = out.uncertain ? 'uncertain_key' : 'NULL';
  if (out.failure === 'rate-limited') {
    await db.run(
      `UPDATE jira_worklogs SET next_at = ?, error = ?, lease_owner = NULL, lease_until = NULL,
         uncertain_key = ${uncertain}, updated_at = ? WHERE session_id = ?`,
      [now + (out.retryAfterMs ?? 60_000), out.message, now, p.sessionId],
    );
    return;
  }
  if (isTransient(out.failure)) {
    await db.run(
      `UPDATE jira_worklogs SET state = 'failed', attempts = attempts + 1, next_at = ?, error = ?,
         lease_owner = NULL, lease_until = NULL, uncertain_key = ${uncertain}, updated_at = ? WHERE session_id = ?`,
      [now + backoffMs(w.attempts + 1), out.message, now, p.sessionId],
    );
    return;
  }
  await db.run(
    `UPDATE jira_worklogs SET state = 'attention', attempts = attempts + 1, next_at = 0, error = ?,
       lease_owner = NULL, lease_until = NULL, uncertain_key = ${uncertain}, updated_at = ? WHERE session_id = ?`,
    [out.message, now, p.sessionId],
  );
  if (unchanged) await db.run('DELETE FROM jira_outbox WHERE session_id = ?', [p.sessionId]);
}

/** Sessions starting in [from, to) that name an issue or have a project, enqueued for the sender to look at. */
export async function enqueueRange(db: Database, from: number, to: number): Promise<number> {
  return db.run(
    `INSERT OR REPLACE INTO jira_outbox (session_id, gen)
     SELECT a.id, COALESCE((SELECT gen FROM jira_outbox o WHERE o.session_id = a.id), 0) + 1
     FROM activities a WHERE a.deleted_at IS NULL AND a.start_time >= ? AND a.start_time < ?`,
    [from, to],
  );
}
