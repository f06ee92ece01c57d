import { AppError } from '../../../shared/errors.ts';
import type { DeleteProjectInput, Project, ProjectPatch, ProjectTotals } from '../../../shared/project.ts';
import type { Database } from '../storage/sqlite.ts';
import type { EditContext } from '../undo/journaled-write.ts';
import { requireFreeName, requireLiveProject } from './projects.ts';

/**
 * Changes to projects. Each runs inside a journaled write (undoable); sessions a change moves are recorded too, so
 * undoing a delete or a merge puts every session back on its project.
 */
const COLUMN: Record<keyof ProjectPatch, string> = {
  name: 'name',
  color: 'color',
  parentId: 'parent_id',
  client: 'client',
  hourlyRate: 'hourly_rate',
  currency: 'currency',
  billableDefault: 'billable_default',
  budgetMinutes: 'budget_minutes',
  budgetPeriod: 'budget_period',
  estimateMinutes: 'estimate_minutes',
  productivity: 'productivity',
};

/** A project may not sit under itself or any of its descendants. */
async function requireNoCycle(db: Database, id: string, parentId: string): Promise<void> {
  const row = await db.get<{ hit: number }>(
    `WITH RECURSIVE up(id, depth) AS (SELECT ?, 0 UNION ALL
       SELECT p.parent_id, up.depth + 1 FROM projects p JOIN up ON p.id = up.id WHERE p.parent_id IS NOT NULL AND up.depth < 100)
     SELECT 1 AS hit FROM up WHERE id = ? LIMIT 1`,
    [parentId, id],
  );
  if (row)
    throw new AppError('VALIDATION', 'A project cannot be moved under itself or one of its sub-projects', {
      id,
      parentId,
    });
}

export async function updateProject(ctx: EditContext, id: string, patch: ProjectPatch): Promise<Project> {
  const { db, now, journal } = ctx;
  const project = await requireLiveProject(db, id);
  journal.label = `Edit project “${project.name}”`;
  if (patch.name !== undefined && patch.name !== project.name) await requireFreeName(db, patch.name, id);
  if (patch.parentId) {
    await requireLiveProject(db, patch.parentId);
    await requireNoCycle(db, id, patch.parentId);
  }
  await journal.touch('projects', [id]);
  const sets: string[] = [];
  const args: (string | number | null)[] = [];
  for (const [key, value] of Object.entries(patch) as [keyof ProjectPatch, unknown][]) {
    if (value === undefined) continue;
    sets.push(`${COLUMN[key]} = ?`);
    args.push(typeof value === 'boolean' ? (value ? 1 : 0) : (value as string | number | null));
  }
  await db.run(`UPDATE projects SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`, [...args, now, id]);
  return requireLiveProject(db, id);
}

export async function archiveProject(ctx: EditContext, id: string, archived: boolean): Promise<Project> {
  const { db, now, journal } = ctx;
  const project = await requireLiveProject(db, id);
  journal.label = `${archived ? 'Archive' : 'Unarchive'} “${project.name}”`;
  if ((project.archivedAt !== null) === archived) return project;
  await journal.touch('projects', [id]);
  await db.run('UPDATE projects SET archived_at = ?, updated_at = ? WHERE id = ?', [archived ? now : null, now, id]);
  return requireLiveProject(db, id);
}

/** Moves every live session and sub-project of `from` to `to` (null: sessions without a project, children to the top). */
async function rehome(
  ctx: EditContext,
  from: string,
  sessionsTo: string | null,
  childrenTo: string | null,
): Promise<void> {
  const { db, now, journal } = ctx;
  const sessions = await db.all<{ id: string }>(
    'SELECT id FROM activities WHERE project_id = ? AND deleted_at IS NULL',
    [from],
  );
  await journal.touch(
    'activities',
    sessions.map((s) => s.id),
  );
  await db.run('UPDATE activities SET project_id = ?, updated_at = ? WHERE project_id = ? AND deleted_at IS NULL', [
    sessionsTo,
    now,
    from,
  ]);
  const children = await db.all<{ id: string }>('SELECT id FROM projects WHERE parent_id = ? AND deleted_at IS NULL', [
    from,
  ]);
  await journal.touch(
    'projects',
    children.map((c) => c.id),
  );
  await db.run('UPDATE projects SET parent_id = ?, updated_at = ? WHERE parent_id = ? AND deleted_at IS NULL', [
    childrenTo,
    now,
    from,
  ]);
  const goals = await db.all<{ id: string }>('SELECT id FROM goals WHERE project_id = ? AND deleted_at IS NULL', [
    from,
  ]);
  await journal.touch(
    'goals',
    goals.map((g) => g.id),
  );
  if (sessionsTo)
    await db.run('UPDATE goals SET project_id = ?, updated_at = ? WHERE project_id = ? AND deleted_at IS NULL', [
      sessionsTo,
      now,
      from,
    ]);
  else
    await db.run('UPDATE goals SET deleted_at = ?, updated_at = ? WHERE project_id = ? AND deleted_at IS NULL', [
      now,
      now,
      from,
    ]);
}

export async function deleteProject(ctx: EditContext, input: DeleteProjectInput): Promise<void> {
  const { db, now, journal } = ctx;
  const project = await requireLiveProject(db, input.id);
  journal.label = `Delete project “${project.name}”`;
  const count =
    (
      await db.get<{ n: number }>('SELECT count(*) AS n FROM activities WHERE project_id = ? AND deleted_at IS NULL', [
        input.id,
      ])
    )?.n ?? 0;
  if (count > 0 && !input.sessions) {
    throw new AppError(
      'CONFLICT',
      `“${project.name}” has ${count} session${count === 1 ? '' : 's'}: keep them without a project, or move them to another project`,
      { sessions: count, question: true },
    );
  }
  const target = input.sessions === 'move' ? (await requireLiveProject(db, input.moveTo!)).id : null;
  if (target)
    await requireNoCycle(db, input.id, target).catch(() => {
      throw new AppError('VALIDATION', 'Sessions cannot move to a sub-project of the project being deleted');
    });
  await rehome(ctx, input.id, target, project.parentId);
  await journal.touch('projects', [input.id]);
  await db.run('UPDATE projects SET deleted_at = ?, updated_at = ? WHERE id = ?', [now, now, input.id]);
}

export async function mergeProjects(ctx: EditContext, fromId: string, intoId: string): Promise<Project> {
  const { db, now, journal } = ctx;
  const from = await requireLiveProject(db, fromId);
  const into = await requireLiveProject(db, intoId);
  journal.label = `Merge “${from.name}” into “${into.name}”`;
  await requireNoCycle(db, fromId, intoId).catch(() => {
    throw new AppError('VALIDATION', 'A project cannot be merged into one of its own sub-projects');
  });
  await rehome(ctx, fromId, intoId, intoId);
  await journal.touch('projects', [fromId]);
  await db.run('UPDATE projects SET deleted_at = ?, updated_at = ? WHERE id = ?', [now, now, fromId]);
  return requireLiveProject(db, intoId);
}

const WORKED = `coalesce(end_time, :now) - start_time - paused_ms
  - CASE WHEN pause_started_at IS NULL THEN 0 ELSE coalesce(end_time, :now) - pause_started_at END`;

/** Week, month and all-time totals per live project, and the budget used (total, or this month's). */
export async function projectTotals(db: Database, now: number, weekStart: number): Promise<ProjectTotals[]> {
  const d = new Date(now);
  const week = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() - weekStart + 7) % 7)).getTime();
  const month = new Date(d.getFullYear(), d.getMonth(), 1).getTime();
  const rows = await db.all<{
    id: string;
    budget_minutes: number | null;
    budget_period: string | null;
    week: number;
    month: number;
    total: number;
  }>(
    `SELECT p.id, p.budget_minutes, p.budget_period,
       coalesce(sum(CASE WHEN a.start_time >= :week THEN ${WORKED} END), 0) AS week,
       coalesce(sum(CASE WHEN a.start_time >= :month THEN ${WORKED} END), 0) AS month,
       coalesce(sum(${WORKED}), 0) AS total
     FROM projects p LEFT JOIN activities a ON a.project_id = p.id AND a.deleted_at IS NULL
       AND typeof(a.end_time) IN ('integer', 'null')
     WHERE p.deleted_at IS NULL GROUP BY p.id`,
    { ':now': now, ':week': week, ':month': month },
  );
  return rows.map((r) => ({
    projectId: r.id,
    weekMs: r.week,
    monthMs: r.month,
    allMs: r.total,
    budgetUsedMs: r.budget_minutes === null ? null : r.budget_period === 'month' ? r.month : r.total,
  }));
}
