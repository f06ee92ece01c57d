import { AppError } from '../../../shared/errors.ts';
import type { Goal } from '../../../shared/goal.ts';
import { newId } from '../../../shared/ids.ts';
import type { FileSession } from '../../../shared/lighttrack-file.ts';
import type { Project } from '../../../shared/project.ts';
import type { Tag } from '../../../shared/tag.ts';
import { markDirty } from '../reports/dirty.ts';
import { pausesJson } from '../sessions/sessions.ts';
import type { Database } from '../storage/sqlite.ts';
import type { Recording } from '../undo/journal.ts';
import { fold } from './import-writes.ts';

/**
 * A LightTrack JSON file restored into a database: projects and tags matched by name without case (as every import
 * does) or created with every field the file holds, goals added when not there, sessions written with their pauses,
 * tags and source. A file's id is kept wherever the database has no row with it, so a restore into an empty database
 * is the same data. Sessions carry import_source 'lighttrack-json' and their file id as source id: the same file
 * twice adds nothing.
 */
export const RESTORE_SOURCE = 'lighttrack-json';

export interface RestoreMaps {
  /** file project id → database project id */
  projects: Map<string, string>;
  /** folded tag name → database tag id */
  tags: Map<string, string>;
}

async function liveNames(db: Database, table: 'projects' | 'tags'): Promise<Map<string, string>> {
  const rows = await db.all<{ id: string; name: string }>(`SELECT id, name FROM ${table} WHERE deleted_at IS NULL`);
  return new Map(rows.map((r) => [fold(r.name), r.id]));
}

async function usedIds(db: Database, table: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.all<{ id: string }>(`SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`, [
    JSON.stringify(ids),
  ]);
  return new Set(rows.map((r) => r.id));
}

/** Parents before children (the file's tree was checked for cycles; an unknown parent is refused). */
function parentsFirst(projects: readonly Project[]): Project[] {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const out: Project[] = [];
  const placed = new Set<string>();
  const place = (p: Project, depth: number) => {
    if (placed.has(p.id)) return;
    if (depth > projects.length) throw new AppError('VALIDATION', 'A project in the file is inside itself');
    if (p.parentId !== null) {
      const parent = byId.get(p.parentId);
      if (!parent) throw new AppError('VALIDATION', `The project “${p.name}” names a parent the file does not hold`);
      place(parent, depth + 1);
    }
    placed.add(p.id);
    out.push(p);
  };
  for (const p of projects) place(p, 0);
  return out;
}

export interface StructureOutcome {
  projectsCreated: number;
  tagsCreated: number;
  goalsCreated: number;
}

/** What restoring the file's projects, tags and goals would create (the preview's figures). */
export async function checkStructure(
  db: Database,
  projects: readonly { name: string }[],
  tags: readonly { name: string }[],
  goals: readonly Goal[],
): Promise<StructureOutcome & { emptyDatabase: boolean }> {
  const liveProjects = await liveNames(db, 'projects');
  const liveTags = await liveNames(db, 'tags');
  const newProjects = new Set(projects.map((p) => fold(p.name)).filter((n) => !liveProjects.has(n)));
  const newTags = new Set(tags.map((t) => fold(t.name)).filter((n) => !liveTags.has(n)));
  const live = await liveGoals(db);
  const goalsCreated = goals.filter((g) => !live.ids.has(g.id) && !live.names.has(fold(g.name))).length;
  const count = await db.get<{ n: number }>(
    `SELECT (SELECT count(*) FROM activities WHERE deleted_at IS NULL) + (SELECT count(*) FROM projects WHERE deleted_at IS NULL)
       + (SELECT count(*) FROM tags WHERE deleted_at IS NULL) + (SELECT count(*) FROM goals WHERE deleted_at IS NULL) AS n`,
  );
  return {
    projectsCreated: newProjects.size,
    tagsCreated: newTags.size,
    goalsCreated,
    emptyDatabase: count!.n === 0,
  };
}

async function liveGoals(db: Database) {
  const rows = await db.all<{ id: string; name: string }>('SELECT id, name FROM goals WHERE deleted_at IS NULL');
  return { ids: new Set(rows.map((r) => r.id)), names: new Set(rows.map((r) => fold(r.name))) };
}

/** Writes the file's projects, tags and goals inside the caller's transaction, each recorded in `journal`. */
export async function restoreStructure(
  db: Database,
  journal: Recording,
  file: { projects: readonly Project[]; tags: readonly Tag[]; goals: readonly Goal[] },
  maps: RestoreMaps,
): Promise<StructureOutcome> {
  const known = await liveNames(db, 'projects');
  const taken = await usedIds(
    db,
    'projects',
    file.projects.map((p) => p.id),
  );
  let projectsCreated = 0;
  for (const p of parentsFirst(file.projects)) {
    const match = known.get(fold(p.name));
    if (match) {
      maps.projects.set(p.id, match);
      continue;
    }
    const id = taken.has(p.id) ? newId() : p.id;
    await journal.touch('projects', [id]);
    await db.run(
      `INSERT INTO projects (id, name, color, parent_id, client, hourly_rate, currency, billable_default, budget_minutes,
         budget_period, estimate_minutes, productivity, archived_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        p.name,
        p.color,
        p.parentId === null ? null : maps.projects.get(p.parentId)!,
        p.client,
        p.hourlyRate,
        p.currency,
        p.billableDefault ? 1 : 0,
        p.budgetMinutes,
        p.budgetPeriod,
        p.estimateMinutes,
        p.productivity,
        p.archivedAt,
        p.createdAt,
        p.updatedAt,
      ],
    );
    known.set(fold(p.name), id);
    maps.projects.set(p.id, id);
    projectsCreated++;
  }
  const tagsKnown = await liveNames(db, 'tags');
  const tagsTaken = await usedIds(
    db,
    'tags',
    file.tags.map((t) => t.id),
  );
  let tagsCreated = 0;
  const tagIds = new Map<string, string>();
  for (const t of file.tags) {
    let id = tagsKnown.get(fold(t.name));
    if (!id) {
      id = tagsTaken.has(t.id) ? newId() : t.id;
      await journal.touch('tags', [id]);
      await db.run(
        'INSERT INTO tags (id, name, color, productivity, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        [id, t.name, t.color, t.productivity, t.createdAt, t.updatedAt],
      );
      tagsKnown.set(fold(t.name), id);
      tagsCreated++;
    }
    maps.tags.set(fold(t.name), id);
    tagIds.set(t.id, id);
  }
  const live = await liveGoals(db);
  const goalsTaken = await usedIds(
    db,
    'goals',
    file.goals.map((g) => g.id),
  );
  let goalsCreated = 0;
  for (const g of file.goals) {
    if (live.ids.has(g.id) || live.names.has(fold(g.name))) continue;
    const projectId = g.projectId === null ? null : maps.projects.get(g.projectId);
    const tagId = g.tagId === null ? null : tagIds.get(g.tagId);
    if (projectId === undefined || tagId === undefined)
      throw new AppError('VALIDATION', `The goal “${g.name}” names a project or tag the file does not hold`);
    const id = goalsTaken.has(g.id) ? newId() : g.id;
    await journal.touch('goals', [id]);
    await db.run(
      `INSERT INTO goals (id, name, period, kind, target_minutes, project_id, tag_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, g.name, g.period, g.kind, g.targetMinutes, projectId, tagId, g.createdAt, g.updatedAt],
    );
    live.names.add(fold(g.name));
    goalsCreated++;
  }
  return { projectsCreated, tagsCreated, goalsCreated };
}

/** The file ids of these sessions that are already in the database (restored before, or the very same session). */
export async function presentSessions(db: Database, ids: readonly string[]): Promise<string[]> {
  const rows = await db.all<{ id: string }>(
    `SELECT j.value AS id FROM json_each(?) j WHERE EXISTS (SELECT 1 FROM activities a WHERE a.deleted_at IS NULL
       AND ((a.import_source = '${RESTORE_SOURCE}' AND a.source_id = j.value) OR a.id = j.value))`,
    [JSON.stringify(ids)],
  );
  return rows.map((r) => r.id);
}

/** Writes one batch of the file's sessions; those already present (see presentSessions) are skipped. */
export async function restoreSessions(
  db: Database,
  journal: Recording,
  sessions: readonly FileSession[],
  maps: RestoreMaps,
  now: number,
): Promise<{ added: number; skipped: number }> {
  const present = new Set(
    await presentSessions(
      db,
      sessions.map((s) => s.id),
    ),
  );
  const running = await db.get<{ n: number }>(
    'SELECT count(*) AS n FROM activities WHERE end_time IS NULL AND deleted_at IS NULL',
  );
  let runningFree = running!.n === 0;
  const fresh = sessions.filter((s) => {
    if (present.has(s.id)) return false;
    present.add(s.id);
    if (s.end !== null) return true;
    // one running timer at most: a file's running session goes in only when none runs here
    const ok = runningFree;
    runningFree = false;
    return ok;
  });
  const taken = await usedIds(
    db,
    'activities',
    fresh.map((s) => s.id),
  );
  const ids = fresh.map((s) => (taken.has(s.id) ? newId() : s.id));
  await journal.touch('activities', ids);
  for (const [i, s] of fresh.entries()) {
    const projectId = s.projectId === null ? null : maps.projects.get(s.projectId);
    if (projectId === undefined)
      throw new AppError('VALIDATION', `The session “${s.name.slice(0, 40)}” names a project the file does not hold`);
    const manual = s.source !== 'timer';
    await db.run(
      `INSERT INTO activities (id, name, description, project_id, start_time, end_time, paused_ms, pauses, billable,
         is_manual, source, import_source, source_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '${RESTORE_SOURCE}', ?, ?, ?)`,
      [
        ids[i]!,
        s.name,
        s.description,
        projectId,
        s.start,
        s.end,
        s.pauses.reduce((sum, p) => sum + (p.end - p.start), 0),
        pausesJson(s.pauses),
        s.billable ? 1 : 0,
        manual ? 1 : 0,
        s.source === 'manual' ? 'timer' : s.source,
        s.id,
        now,
        now,
      ],
    );
    const tagIds = s.tags.map((name) => maps.tags.get(fold(name)));
    if (tagIds.some((t) => t === undefined))
      throw new AppError('VALIDATION', `The session “${s.name.slice(0, 40)}” has a tag the file does not hold`);
    for (const tagId of new Set(tagIds))
      await db.run('INSERT OR IGNORE INTO activity_tags (activity_id, tag_id) VALUES (?, ?)', [ids[i]!, tagId!]);
  }
  if (fresh.length > 0) {
    let [from, to] = [Infinity, -Infinity];
    for (const s of fresh) [from, to] = [Math.min(from, s.start), Math.max(to, s.end ?? now)];
    await markDirty(db, from, to);
  }
  return { added: fresh.length, skipped: sessions.length - fresh.length };
}
