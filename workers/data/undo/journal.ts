import { AppError } from '../../../shared/errors.ts';
import type { ActionRef } from '../../../shared/session-edits.ts';
import { UNDO_KEEP, type UndoState } from '../../../shared/undo.ts';
import { carryPruned, journalReplayed } from '../reports/dirty.ts';
import { TAG_LINKS_SQL } from '../sessions/sessions.ts';
import type { Database } from '../storage/sqlite.ts';

/**
 * The undo journal. Every change the user can undo records, in its own transaction, the image of each row it
 * touched before and after. Images are the rows as JSON built by SQLite itself (json_object over every column, tag
 * ids for sessions), so comparing "the row now" with "the row as the action left it" is one string comparison and a
 * bulk change of 10,000 sessions is captured and reverted with set-based statements, not a loop of round trips.
 */
export type Table = 'activities' | 'tags' | 'projects' | 'goals' | 'away_gaps' | 'conversations' | 'settings';

/**
 * Every column of each undoable table, in the order of the images' keys. Written out, not read from the schema at open:
 * the images already in users' journals are compared as strings, and the schema's order (ALTERed columns last) is
 * not this one. test/browser/data-journal.test.ts fails when these and the migrated schema differ.
 */
export const COLUMNS: Record<Table, readonly string[]> = {
  activities: [
    'id',
    'name',
    'description',
    'project_id',
    'start_time',
    'end_time',
    'paused_ms',
    'pause_started_at',
    'pauses',
    'billable',
    'is_manual',
    'source',
    'deleted_at',
    'created_at',
    'updated_at',
    'sync_version',
    // (v8) an imported row's origin: redo must bring it back too, or importing the file again would add it twice
    // (missing from older images: ->> reads NULL)
    'import_source',
    'source_id',
  ],
  tags: ['id', 'name', 'color', 'productivity', 'deleted_at', 'created_at', 'updated_at'],
  projects: [
    'id',
    'name',
    'color',
    'parent_id',
    'client',
    'hourly_rate',
    'currency',
    'billable_default',
    'budget_minutes',
    'budget_period',
    'estimate_minutes',
    'productivity',
    'archived_at',
    'deleted_at',
    'created_at',
    'updated_at',
  ],
  goals: [
    'id',
    'name',
    'period',
    'kind',
    'target_minutes',
    'project_id',
    'tag_id',
    'deleted_at',
    'created_at',
    'updated_at',
  ],
  // (v9) a gap's review: undone with the sessions it changed, so the gap is pending again
  away_gaps: [
    'id',
    'source',
    'start_at',
    'end_at',
    'state',
    'choice',
    'session_id',
    'logged_id',
    'created_at',
    'updated_at',
  ],
  // (v10) only deletes (soft) and restores are journaled: a conversation's messages never change
  conversations: ['id', 'title', 'pinned', 'deleted_at', 'created_at', 'updated_at'],
  // (v11) only what a restore writes into its import's action, so undoing the restore puts the settings back too;
  // a settings row is named by its key (a missing row reads as the default)
  settings: ['key', 'value', 'updated_at'],
};
/** The column a journal row's row_id names: the primary key. */
const KEY = (table: Table) => (table === 'settings' ? 'key' : 'id');
const TABLES = Object.keys(COLUMNS) as Table[];

/** The JSON image of row `alias` of `table` (a session's image carries all its tag links, deleted tags too). */
function image(table: Table, alias: string): string {
  const cols = COLUMNS[table]
    .filter((c) => !IMPORT_COLUMNS.includes(c))
    .map((c) => (c === 'pauses' ? `'pauses', json(${alias}.pauses)` : `'${c}', ${alias}.${c}`));
  if (table !== 'activities') return `json_object(${cols.join(', ')})`;
  // an import's origin only where there is one: the images of every other row stay byte for byte as before v8, so
  // actions journaled by an older version still compare equal and can be undone
  const origin = `CASE WHEN ${alias}.import_source IS NULL THEN '{}' ELSE json_object('import_source', ${alias}.import_source, 'source_id', ${alias}.source_id) END`;
  return `json_patch(json_object(${cols.join(', ')}, 'tags', json(${TAG_LINKS_SQL(alias)})), ${origin})`;
}
const IMPORT_COLUMNS: readonly string[] = ['import_source', 'source_id'];

/** The current image of the row an undo_rows row (alias u) points at, or NULL when it does not exist. */
const CURRENT = `CASE u.tbl ${TABLES.map((t) => `WHEN '${t}' THEN (SELECT ${image(t, 'x')} FROM ${t} x WHERE x.${KEY(t)} = u.row_id)`).join(' ')} END`;

/** Bulk ops and the oldest actions: at most UNDO_KEEP actions, fewer (never under 100) past this many row images. */
const MAX_JOURNAL_ROWS = 250_000;
const MIN_KEPT = 100;
const PRUNE_EVERY = 16;

/** One action being recorded, inside the caller's write transaction. */
export class Recording {
  label = '';
  /** the tables the action touched, for the change announcement */
  readonly tables = new Set<Table>();
  readonly #touched = new Set<string>();
  #seq = 0;
  /** rows before this seq already hold their after-image (see settle) */
  #settled = 0;
  /** settled rows the action left as they were, already dropped */
  #dropped = 0;

  constructor(
    private readonly db: Database,
    readonly id: number,
  ) {}

  /** Records the before-image of rows about to change or be created (ids not yet in the table record "none"). */
  async touch(table: Table, ids: readonly string[]): Promise<void> {
    const fresh = ids.filter((id) => !this.#touched.has(`${table}:${id}`));
    if (fresh.length === 0) return;
    for (const id of fresh) this.#touched.add(`${table}:${id}`);
    this.tables.add(table);
    await this.db.run(
      `INSERT INTO undo_rows (action_id, seq, tbl, row_id, before)
       SELECT :action, :seq + j.key, :tbl, j.value, (SELECT ${image(table, 'x')} FROM ${table} x WHERE x.${KEY(table)} = j.value)
       FROM json_each(:ids) j`,
      { ':action': this.id, ':seq': this.#seq, ':tbl': table, ':ids': JSON.stringify(fresh) },
    );
    this.#seq += fresh.length;
  }

  /**
   * Fills in the after-images of the rows recorded so far, for an action written in several transactions that only
   * adds rows (an import): each batch settles its own rows while their pages are dirty anyway, and finish() is left
   * with none. Rows settled here must not change again within the action.
   */
  async settle(): Promise<void> {
    if (this.#settled === this.#seq) return;
    await this.db.run(`UPDATE undo_rows AS u SET after = ${CURRENT} WHERE u.action_id = ? AND u.seq >= ?`, [
      this.id,
      this.#settled,
    ]);
    // the batch's rows left as they were (a duplicate skipped) go now, while their page is at hand: finish() would
    // otherwise compare every row of a 100k-row import (~0.5 s)
    this.#dropped += await this.db.run('DELETE FROM undo_rows WHERE action_id = ? AND seq >= ? AND before IS after', [
      this.id,
      this.#settled,
    ]);
    this.#settled = this.#seq;
  }

  /** Fills in the after-images; an action that changed nothing is dropped. Returns null then. */
  async finish(now: number): Promise<ActionRef | null> {
    const db = this.db;
    redoEmpty.add(db);
    await db.run(`UPDATE undo_rows AS u SET after = ${CURRENT} WHERE u.action_id = ? AND u.seq >= ?`, [
      this.id,
      this.#settled,
    ]);
    // rows the action left as they were are no part of it (run() answers how many it removed)
    const count =
      this.#seq -
      this.#dropped -
      (await db.run(`DELETE FROM undo_rows WHERE action_id = ? AND seq >= ? AND before IS after`, [
        this.id,
        this.#settled,
      ]));
    if (count === 0) {
      await db.run('DELETE FROM undo_actions WHERE id = ?', [this.id]);
      return null;
    }
    await db.run('UPDATE undo_actions SET label = ?, row_count = ?, created_at = ? WHERE id = ?', [
      this.label,
      count,
      now,
      this.id,
    ]);
    // the window query over the journal is not free on a timer commit: prune every few actions (the cap is soft)
    if (this.id % PRUNE_EVERY === 0) await prune(db);
    return { id: this.id, label: this.label };
  }
}

/**
 * Connections whose redo stack is known to be empty. Every write goes through the one owning connection, so after
 * one clearing it stays empty until an undo; timer commits then skip a statement.
 */
const redoEmpty = new WeakSet<Database>();

/** Starts recording an action; a new action empties the redo stack (as in every editor). */
export async function record(db: Database, now: number): Promise<Recording> {
  // (marked empty only when the action finishes: a failed one rolls the clearing back)
  if (!redoEmpty.has(db)) {
    const redo = await db.get<{ id: number | null }>('SELECT min(id) AS id FROM undo_actions WHERE undone = 1');
    if (redo?.id != null) {
      await db.run('DELETE FROM undo_actions WHERE undone = 1');
      // the new action may take a forgotten one's id (plain rowids): the reports' journal reader must read it
      await journalReplayed(db, redo.id);
    }
  }
  const r = await db.get<{ id: number }>(`INSERT INTO undo_actions (label, created_at) VALUES ('', ?) RETURNING id`, [
    now,
  ]);
  return new Recording(db, r!.id);
}

async function prune(db: Database): Promise<void> {
  const old = await db.all<{ id: number }>(
    `SELECT id FROM (SELECT id, row_number() OVER w AS n, sum(row_count) OVER w AS rows FROM undo_actions
                     WHERE undone = 0 WINDOW w AS (ORDER BY id DESC))
     WHERE n > ${UNDO_KEEP} OR (n > ${MIN_KEPT} AND rows > ${MAX_JOURNAL_ROWS})`,
  );
  if (old.length === 0) return;
  const ids = old.map((r) => r.id);
  // the reports' roll-up reads changed spans from the journal: what it has not read yet must not vanish with it
  await carryPruned(db, ids);
  await db.run('DELETE FROM undo_actions WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)]);
}

export async function undoState(db: Database): Promise<UndoState> {
  const top = await db.get<{ id: number; label: string; created_at: number }>(
    'SELECT id, label, created_at FROM undo_actions WHERE undone = 0 ORDER BY id DESC LIMIT 1',
  );
  const next = await db.get<{ id: number; label: string; created_at: number }>(
    'SELECT id, label, created_at FROM undo_actions WHERE undone = 1 ORDER BY id LIMIT 1',
  );
  const counts = await db.get<{ done: number; undone: number }>(
    'SELECT count(*) FILTER (WHERE undone = 0) AS done, count(*) FILTER (WHERE undone = 1) AS undone FROM undo_actions',
  );
  return {
    undo: top ? { id: top.id, label: top.label, at: top.created_at } : null,
    redo: next ? { id: next.id, label: next.label, at: next.created_at } : null,
    undoCount: counts?.done ?? 0,
    redoCount: counts?.undone ?? 0,
  };
}

/**
 * Reverts (direction 'undo': rows back to `before`) or re-applies ('redo': rows to `after`) one action. Refuses with
 * CONFLICT, changing nothing, when any row it touched is no longer as the action (or its undo) left it.
 */
export async function replay(
  db: Database,
  direction: 'undo' | 'redo',
  actionId?: number,
): Promise<{ action: ActionRef; sessionIds: string[]; tagIds: string[]; tables: Table[] }> {
  const action =
    actionId !== undefined
      ? await db.get<{ id: number; label: string }>('SELECT id, label FROM undo_actions WHERE id = ? AND undone = ?', [
          actionId,
          direction === 'undo' ? 0 : 1,
        ])
      : await db.get<{ id: number; label: string }>(
          direction === 'undo'
            ? 'SELECT id, label FROM undo_actions WHERE undone = 0 ORDER BY id DESC LIMIT 1'
            : 'SELECT id, label FROM undo_actions WHERE undone = 1 ORDER BY id LIMIT 1',
        );
  if (!action) {
    throw new AppError(
      'NOT_FOUND',
      actionId !== undefined
        ? `That action can no longer be ${direction === 'undo' ? 'undone' : 'redone'}`
        : direction === 'undo'
          ? 'Nothing to undo'
          : 'Nothing to redo',
    );
  }
  const expected = direction === 'undo' ? 'after' : 'before';
  const target = direction === 'undo' ? 'before' : 'after';
  const changed = await db.all<{ row_id: string; tbl: string }>(
    `SELECT u.row_id, u.tbl FROM undo_rows u WHERE u.action_id = ? AND u.${expected} IS NOT ${CURRENT} LIMIT 5`,
    [action.id],
  );
  if (changed.length > 0) {
    throw new AppError(
      'CONFLICT',
      `Cannot ${direction} “${action.label}”: ${changed.length === 1 ? 'a session it changed was' : 'sessions it changed were'} edited since`,
      {
        action: action.id,
        rows: changed.map((c) => ({ table: c.tbl, id: c.row_id })),
      },
    );
  }
  const args = { ':action': action.id };
  const rows = (t: Table, present: boolean) =>
    `FROM undo_rows u WHERE u.action_id = :action AND u.tbl = '${t}' AND u.${target} IS ${present ? 'NOT NULL' : 'NULL'}`;
  const upsert = (t: Table) =>
    db.run(
      `INSERT INTO ${t} (${COLUMNS[t].join(', ')})
     SELECT ${COLUMNS[t].map((c) => (c === 'pauses' ? `json(u.${target}->'pauses')` : `u.${target}->>'${c}'`)).join(', ')}
     ${rows(t, true)} ORDER BY u.seq
     ON CONFLICT(${KEY(t)}) DO UPDATE SET ${COLUMNS[t]
       .filter((c) => c !== KEY(t))
       .map((c) => `${c} = excluded.${c}`)
       .join(', ')}`,
      args,
    );
  // order matters for the foreign keys: first what must vanish and refers to others, then parents before children
  await db.run(
    `DELETE FROM activity_tags WHERE activity_id IN (SELECT u.row_id FROM undo_rows u WHERE u.action_id = :action AND u.tbl = 'activities')`,
    args,
  );
  await db.run(`DELETE FROM activities WHERE id IN (SELECT u.row_id ${rows('activities', false)})`, args);
  await db.run(`DELETE FROM goals WHERE id IN (SELECT u.row_id ${rows('goals', false)})`, args);
  await db.run(`DELETE FROM away_gaps WHERE id IN (SELECT u.row_id ${rows('away_gaps', false)})`, args);
  await upsert('away_gaps');
  await upsert('projects');
  await upsert('tags');
  await upsert('activities');
  await upsert('goals');
  await upsert('conversations');
  await upsert('settings');
  await db.run(`DELETE FROM settings WHERE key IN (SELECT u.row_id ${rows('settings', false)})`, args);
  await db.run(
    `INSERT INTO activity_tags (activity_id, tag_id)
     SELECT u.row_id, t.value FROM undo_rows u, json_each(u.${target}->'tags') t
     WHERE u.action_id = :action AND u.tbl = 'activities' AND u.${target} IS NOT NULL`,
    args,
  );
  await db.run(`DELETE FROM tags WHERE id IN (SELECT u.row_id ${rows('tags', false)})`, args);
  // projects made by the action go children first (a sub-project refers to its parent)
  for (const p of await db.all<{ row_id: string }>(
    `SELECT u.row_id ${rows('projects', false)} ORDER BY u.seq DESC`,
    args,
  )) {
    await db.run('DELETE FROM projects WHERE id = ?', [p.row_id]);
  }
  await db.run('UPDATE undo_actions SET undone = ? WHERE id = ?', [direction === 'undo' ? 1 : 0, action.id]);
  if (direction === 'undo') redoEmpty.delete(db);
  const touched = await db.all<{ row_id: string; tbl: string }>(
    'SELECT row_id, tbl FROM undo_rows WHERE action_id = ?',
    [action.id],
  );
  return {
    action,
    sessionIds: touched.filter((t) => t.tbl === 'activities').map((t) => t.row_id),
    tagIds: touched.filter((t) => t.tbl === 'tags').map((t) => t.row_id),
    tables: [...new Set(touched.map((t) => t.tbl as Table))],
  };
}
