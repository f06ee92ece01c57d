import type { Database } from '../storage/sqlite.ts';

/**
 * Which time spans the roll-up must recompute. Nothing is written for this on an ordinary change: every undoable
 * change already records its rows before and after in the undo journal, in its own transaction, so the spans it
 * touched are read from there later. report_meta 'journal_seen' is the last journal action already accounted for.
 * (Triggers did the same and cost a page of WAL on every timer commit and a row per imported session.)
 *
 * What the journal does not see marks report_dirty itself: imports (insertSessions), undo/redo (they flip an existing
 * action, which lowers the watermark so the action is read again) and journal pruning (carries unread actions over).
 */

/** Spans (from_ms, to_ms) of the changes recorded by journal actions matching `actions` (a condition on u.action_id). */
function journalSpans(actions: string): string {
  const img = (
    col: 'before' | 'after',
  ) => `SELECT u.${col} ->> 'start_time', COALESCE(u.${col} ->> 'end_time', u.${col} ->> 'start_time')
    FROM undo_rows u WHERE ${actions} AND u.tbl = 'activities' AND u.${col} IS NOT NULL`;
  // a project's or a tag's productivity class (or a tag's deletion) changes every session it covers: a project's
  // months come from the roll-up's month table (activities has no index by project: a scan of a million rows from
  // OPFS); days not summed yet are recomputed anyway
  const changed = (field: string) => `(u.before ->> '${field}') IS NOT (u.after ->> '${field}')`;
  return `${img('before')} UNION ALL ${img('after')}
    UNION ALL SELECT min(m.day) * 86400000 - 86400000, (max(m.day) + 32) * 86400000 FROM undo_rows u JOIN report_days_m m ON m.project_id = u.row_id
      WHERE ${actions} AND u.tbl = 'projects' AND ${changed('productivity')} HAVING count(*) > 0
    UNION ALL SELECT min(a.start_time), max(COALESCE(a.end_time, a.start_time)) FROM undo_rows u
      JOIN activity_tags l ON l.tag_id = u.row_id JOIN activities a ON a.id = l.activity_id
      WHERE ${actions} AND u.tbl = 'tags' AND (${changed('productivity')} OR ${changed('deleted_at')}) HAVING count(*) > 0`;
}

/**
 * Everything in the journal is read. An undo or redo lowers the watermark below the action it flips (journalReplayed),
 * and so does a new action that empties the redo stack (undo/journal.ts: it may take a forgotten action's id again), so
 * each of those is read again exactly once. (The watermark used to stay below every undone action, which re-read
 * them at every refresh: a refresh loop that also bakes never finished while an undone action was on the stack.)
 */
const NEXT_SEEN = `COALESCE((SELECT max(id) FROM undo_actions), 0)`;

async function seen(db: Database): Promise<number> {
  const row = await db.get<{ value: string }>(`SELECT value FROM report_meta WHERE key = 'journal_seen'`);
  return row ? Number(row.value) : 0;
}

/** Moves the journal's unread actions into report_dirty (one cheap read when there are none). */
export async function absorbJournal(db: Database): Promise<void> {
  const from = await seen(db);
  const next = (await db.get<{ n: number }>(`SELECT ${NEXT_SEEN} AS n`))!.n;
  const unread = await db.get(`SELECT 1 FROM undo_actions WHERE id > ? LIMIT 1`, [from]);
  if (!unread && next === from) return;
  await db.transaction(async () => {
    await db.run(`INSERT INTO report_dirty (from_ms, to_ms) ${journalSpans('u.action_id > :seen')}`, { ':seen': from });
    await db.run(`INSERT INTO report_meta (key, value) VALUES ('journal_seen', ${NEXT_SEEN})
      ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
  });
}

/**
 * After an undo or redo of `actionId`: that action (and any after it) is read again, as its rows changed again.
 * (value is TEXT: excluded.value arrives as text too, and in SQLite every integer sorts below every text, so without
 * the casts min() kept the old watermark.)
 */
export async function journalReplayed(db: Database, actionId: number): Promise<void> {
  await db.run(
    `INSERT INTO report_meta (key, value) VALUES ('journal_seen', ?)
    ON CONFLICT(key) DO UPDATE SET value = min(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))`,
    [actionId - 1],
  );
}

/** Before the journal forgets actions (ids): the unread ones' spans are kept in report_dirty. */
export async function carryPruned(db: Database, ids: readonly number[]): Promise<void> {
  const from = await seen(db);
  const unread = ids.filter((id) => id > from);
  if (unread.length === 0) return;
  await db.run(
    `INSERT INTO report_dirty (from_ms, to_ms) ${journalSpans('u.action_id IN (SELECT value FROM json_each(:ids))')}`,
    { ':ids': JSON.stringify(unread) },
  );
}

/** A change the journal does not record (an import) marks its span itself. */
export async function markDirty(db: Database, fromMs: number, toMs: number): Promise<void> {
  await db.run('INSERT INTO report_dirty (from_ms, to_ms) VALUES (?, ?)', [fromMs, toMs]);
}
