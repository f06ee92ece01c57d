import type { ImportCheck, ImportNames, ImportRow } from '../../../shared/export-contract.ts';
import { newId } from '../../../shared/ids.ts';
import { insertProject } from '../projects/projects.ts';
import { markDirty } from '../reports/dirty.ts';
import { LOOK_BACK_MS } from '../sessions/sessions.ts';
import type { Database } from '../storage/sqlite.ts';
import type { Recording } from '../undo/journal.ts';

/**
 * Imports' SQL: what a file's rows would meet (duplicates, overlaps, projects and tags matched by name), and the
 * writing of one batch into an open undo action. Imported rows carry import_source + source_id; a row whose pair is
 * already live is skipped, so the same file twice adds nothing.
 */

/** Case folding as SQLite's NOCASE does it (ASCII only), so matching here agrees with the unique name indexes. */
export const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

type CheckRow = { sourceId: string; start: number; end: number };

export async function checkRows(
  db: Database,
  source: string,
  rows: readonly CheckRow[],
  now: number,
): Promise<ImportCheck> {
  const json = JSON.stringify(rows.map((r) => [r.sourceId, r.start, r.end]));
  const dup = await db.all<{ source_id: string }>(
    `SELECT source_id FROM activities WHERE import_source = :src AND deleted_at IS NULL
       AND source_id IN (SELECT value->>0 FROM json_each(:rows))`,
    { ':src': source, ':rows': json },
  );
  const duplicates = new Set(dup.map((d) => d.source_id));
  // the others against live sessions: recent neighbours from the start-time index within the look-back; long and
  // running ones from their small index, read once for the whole chunk's span and then paired. (One join with an OR
  // of the two read the whole start-time index up to each row's end: a 100k-row preview against 250k sessions did
  // not finish; pairing each row with every long session made it superlinear.)
  const overlaps = await db.all<{ sid: string; id: string; name: string; start_time: number; end_time: number | null }>(
    `WITH r(sid, s, e) AS MATERIALIZED (SELECT value->>0, value->>1, value->>2 FROM json_each(:rows)),
     long AS MATERIALIZED (
       SELECT a.id, a.name, a.start_time, COALESCE(a.end_time, :now) AS e, a.end_time, a.import_source, a.source_id
       FROM activities a WHERE a.deleted_at IS NULL AND (a.end_time IS NULL OR a.end_time - a.start_time > ${LOOK_BACK_MS})
         AND a.start_time < (SELECT max(e) FROM r) AND COALESCE(a.end_time, :now) > (SELECT min(s) FROM r)),
     pairs AS (
       SELECT r.sid, a.id, a.name, a.start_time, a.end_time, a.import_source, a.source_id FROM r JOIN activities a
         ON a.deleted_at IS NULL AND a.start_time < r.e AND a.start_time >= r.s - ${LOOK_BACK_MS}
         AND COALESCE(a.end_time, :now) > r.s
       UNION ALL
       SELECT r.sid, l.id, l.name, l.start_time, l.end_time, l.import_source, l.source_id FROM r JOIN long l
         ON l.start_time < r.s - ${LOOK_BACK_MS} AND l.e > r.s)
     SELECT sid, id, name, start_time, end_time FROM pairs
     WHERE import_source IS NOT :src OR source_id IS NOT sid
     GROUP BY sid`,
    { ':rows': json, ':now': now, ':src': source },
  );
  const fresh = overlaps.filter((o) => !duplicates.has(o.sid));
  return {
    duplicates: [...duplicates],
    overlaps: fresh.length,
    examples: fresh
      .slice(0, 5)
      .map((o) => ({ sourceId: o.sid, existing: { id: o.id, name: o.name, start: o.start_time, end: o.end_time } })),
  };
}

/** Each path's project when every name on it exists (matched without case), and each tag's. */
export async function matchNames(
  db: Database,
  paths: readonly string[][],
  tags: readonly string[],
): Promise<ImportNames> {
  const projects = await liveByName(db, 'projects', paths.flat());
  const tagIds = await liveByName(db, 'tags', tags);
  return {
    projects: paths.map((path) => ({ path, match: projects.get(fold(path.at(-1)!)) ?? null })),
    tags: tags.map((name) => ({ name, match: tagIds.get(fold(name)) ?? null })),
  };
}

async function liveByName(
  db: Database,
  table: 'projects' | 'tags',
  names: readonly string[],
): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await db.all<{ id: string; name: string }>(
    `SELECT id, name FROM ${table} WHERE deleted_at IS NULL AND name COLLATE NOCASE IN (SELECT value FROM json_each(?))`,
    [JSON.stringify([...new Set(names)])],
  );
  return new Map(rows.map((r) => [fold(r.name), r.id]));
}

export interface BatchOutcome {
  added: number;
  skipped: number;
  projectsCreated: number;
  tagsCreated: number;
}

/** Writes one batch inside the caller's transaction, recording every row it makes in `journal`. */
export async function writeBatch(
  db: Database,
  journal: Recording,
  source: string,
  rows: readonly ImportRow[],
  now: number,
): Promise<BatchOutcome> {
  const seen = new Set<string>();
  const unique = rows.filter((r) => !seen.has(r.sourceId) && seen.add(r.sourceId));
  const { projectIds, created: projectsCreated } = await resolveProjects(db, journal, unique, now);
  const tagNames = [...new Set(unique.flatMap((r) => r.tags))];
  const { ids: tagIds, created: tagsCreated } = await resolveTags(db, journal, tagNames, now);
  const ids = unique.map(() => newId());
  await journal.touch('activities', ids);
  const packed = unique.map((r, i) => [
    ids[i],
    r.name,
    r.description ?? '',
    r.projectPath ? (projectIds.get(pathKey(r.projectPath)) ?? null) : null,
    r.start,
    r.end,
    r.pausedMs ?? 0,
    r.billable ? 1 : 0,
    r.sourceId,
  ]);
  const added = await db.run(
    `INSERT INTO activities (id, name, description, project_id, start_time, end_time, paused_ms, billable, source, is_manual,
       import_source, source_id, created_at, updated_at)
     SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, 'import', 1, :src, value->>8, :now, :now
     FROM json_each(:rows)
     WHERE NOT EXISTS (SELECT 1 FROM activities x WHERE x.import_source = :src AND x.source_id = value->>8 AND x.deleted_at IS NULL)`,
    { ':rows': JSON.stringify(packed), ':src': source, ':now': now },
  );
  const links = unique.flatMap((r, i) => r.tags.map((t) => [ids[i], tagIds.get(fold(t))]));
  if (links.length > 0) {
    // only for rows that went in (a skipped duplicate's fresh id matches no session)
    await db.run(
      `INSERT OR IGNORE INTO activity_tags (activity_id, tag_id)
      SELECT value->>0, value->>1 FROM json_each(?) WHERE value->>0 IN (SELECT id FROM activities WHERE id = value->>0)`,
      [JSON.stringify(links)],
    );
  }
  if (added > 0) {
    let [from, to] = [Infinity, -Infinity];
    for (const r of unique) [from, to] = [Math.min(from, r.start), Math.max(to, r.end)];
    await markDirty(db, from, to);
  }
  return { added, skipped: rows.length - added, projectsCreated, tagsCreated };
}

const pathKey = (path: readonly string[]) => JSON.stringify(path.map(fold));

/** Projects by path: each name matched without case (names are unique among live projects), the rest created under it. */
async function resolveProjects(db: Database, journal: Recording, rows: readonly ImportRow[], now: number) {
  const paths = new Map<string, { path: string[]; client: string | null }>();
  for (const r of rows)
    if (r.projectPath?.length && !paths.has(pathKey(r.projectPath)))
      paths.set(pathKey(r.projectPath), { path: r.projectPath, client: r.client ?? null });
  const projectIds = new Map<string, string>();
  let created = 0;
  if (paths.size === 0) return { projectIds, created };
  const known = await liveByName(
    db,
    'projects',
    [...paths.values()].flatMap((p) => p.path),
  );
  for (const [key, { path, client }] of paths) {
    let parent: string | null = null;
    for (const [i, name] of path.entries()) {
      let id = known.get(fold(name));
      if (!id) {
        id = newId();
        await journal.touch('projects', [id]);
        await insertProject(db, { name, parentId: parent, client: i === 0 ? client : null }, now, id);
        known.set(fold(name), id);
        created++;
      }
      parent = id;
    }
    projectIds.set(key, parent!);
  }
  return { projectIds, created };
}

async function resolveTags(db: Database, journal: Recording, names: readonly string[], now: number) {
  const ids = await liveByName(db, 'tags', names);
  let created = 0;
  for (const name of names) {
    if (ids.has(fold(name))) continue;
    const id = newId();
    await journal.touch('tags', [id]);
    await db.run('INSERT INTO tags (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)', [id, name, now, now]);
    ids.set(fold(name), id);
    created++;
  }
  return { ids, created };
}

/**
 * Takes back an unfinished import: every session, tag link, tag and project its batches made (all recorded with no
 * before-image), the settings a restore changed, and its action. The roll-up is told the span, in case it summed some of the rows meanwhile.
 */
export async function removeUnfinished(db: Database, actionId: number): Promise<void> {
  const made = (tbl: string) =>
    `SELECT row_id FROM undo_rows WHERE action_id = ${Number(actionId)} AND tbl = '${tbl}' AND before IS NULL`;
  const span = await db.get<{ s: number | null; e: number | null }>(
    `SELECT min(start_time) AS s, max(end_time) AS e FROM activities WHERE id IN (${made('activities')})`,
  );
  await db.run(`DELETE FROM activity_tags WHERE activity_id IN (${made('activities')})`);
  await db.run(`DELETE FROM activities WHERE id IN (${made('activities')})`);
  // (goals first: a restored goal points at restored projects and tags)
  await db.run(`DELETE FROM goals WHERE id IN (${made('goals')})`);
  await db.run(`DELETE FROM tags WHERE id IN (${made('tags')})`);
  const projects = await db.all<{ row_id: string }>(
    `SELECT row_id FROM undo_rows WHERE action_id = ? AND tbl = 'projects' AND before IS NULL ORDER BY seq DESC`,
    [actionId],
  );
  for (const p of projects) await db.run('DELETE FROM projects WHERE id = ?', [p.row_id]);
  // settings a restore wrote (the last thing it does): back to what they were, or to their default
  const settings = `FROM undo_rows WHERE action_id = ${Number(actionId)} AND tbl = 'settings'`;
  await db.run(
    `INSERT INTO settings (key, value, updated_at)
     SELECT row_id, before->>'value', before->>'updated_at' ${settings} AND before IS NOT NULL
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  await db.run(`DELETE FROM settings WHERE key IN (SELECT row_id ${settings} AND before IS NULL)`);
  await db.run('DELETE FROM undo_actions WHERE id = ?', [actionId]);
  if (span?.s != null) await markDirty(db, span.s, span.e ?? span.s);
}
