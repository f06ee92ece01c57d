import * as v from 'valibot';

import { AppError } from '../../../shared/errors.ts';
import {
  GoalSchema,
  type CreateGoalInput,
  type Goal,
  type GoalProgress,
  type UpdateGoalInput,
} from '../../../shared/goal.ts';
import { newId } from '../../../shared/ids.ts';
import { requireLiveProject } from '../projects/projects.ts';
import type { Database, Row } from '../storage/sqlite.ts';
import { requireLiveTag } from '../tags/tags.ts';
import type { EditContext } from '../undo/journaled-write.ts';
import { dailyWorked, localDayNumber, type WorkFilter } from './daily-worked.ts';

interface GoalRow extends Row {
  id: string;
  name: string;
  period: string;
  kind: string;
  target_minutes: number;
  project_id: string | null;
  tag_id: string | null;
  created_at: number;
  updated_at: number;
}

const COLUMNS = 'id, name, period, kind, target_minutes, project_id, tag_id, created_at, updated_at';

function toGoal(r: GoalRow): Goal | null {
  const parsed = v.safeParse(GoalSchema, {
    id: r.id,
    name: r.name,
    period: r.period,
    kind: r.kind,
    targetMinutes: r.target_minutes,
    projectId: r.project_id,
    tagId: r.tag_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  return parsed.success ? parsed.output : null;
}

export async function listGoals(
  db: Database,
  onDamaged?: (t: 'goals', id: unknown, issues: string[]) => void,
): Promise<Goal[]> {
  const rows = await db.all<GoalRow>(
    `SELECT ${COLUMNS} FROM goals WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1000`,
  );
  const goals: Goal[] = [];
  for (const r of rows) {
    const g = toGoal(r);
    if (g) goals.push(g);
    else onDamaged?.('goals', r.id, ['row failed validation']);
  }
  return goals;
}

async function requireGoal(db: Database, id: string): Promise<Goal> {
  const row = await db.get<GoalRow>(`SELECT ${COLUMNS} FROM goals WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!row) throw new AppError('NOT_FOUND', `No goal with id ${id}`, { id });
  const g = toGoal(row);
  if (!g) throw new AppError('DAMAGED', 'This goal is damaged on disk', { id });
  return g;
}

async function requireTargets(db: Database, projectId: string | null | undefined, tagId: string | null | undefined) {
  if (projectId) await requireLiveProject(db, projectId);
  if (tagId) await requireLiveTag(db, tagId);
}

export async function createGoal(ctx: EditContext, input: Required<CreateGoalInput>): Promise<Goal> {
  const { db, now, journal } = ctx;
  await requireTargets(db, input.projectId, input.tagId);
  const id = newId();
  journal.label = `Add goal ${input.name ? `“${input.name}”` : ''}`.trim();
  await journal.touch('goals', [id]);
  await db.run(
    `INSERT INTO goals (id, name, period, kind, target_minutes, project_id, tag_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, input.name, input.period, input.kind, input.targetMinutes, input.projectId, input.tagId, now, now],
  );
  return requireGoal(db, id);
}

export async function updateGoal(ctx: EditContext, input: UpdateGoalInput): Promise<Goal> {
  const { db, now, journal } = ctx;
  const goal = await requireGoal(db, input.id);
  const next = {
    ...goal,
    ...Object.fromEntries(Object.entries(input.patch).filter(([, x]) => x !== undefined)),
  } as Goal;
  if (next.projectId && next.tagId) throw new AppError('VALIDATION', 'a goal is for all work, one project or one tag');
  await requireTargets(db, input.patch.projectId, input.patch.tagId);
  journal.label = `Edit goal${goal.name ? ` “${goal.name}”` : ''}`;
  await journal.touch('goals', [goal.id]);
  await db.run(
    `UPDATE goals SET name = ?, period = ?, kind = ?, target_minutes = ?, project_id = ?, tag_id = ?, updated_at = ? WHERE id = ?`,
    [next.name, next.period, next.kind, next.targetMinutes, next.projectId, next.tagId, now, goal.id],
  );
  return requireGoal(db, goal.id);
}

export async function deleteGoal(ctx: EditContext, id: string): Promise<void> {
  const { db, now, journal } = ctx;
  const goal = await requireGoal(db, id);
  journal.label = `Delete goal${goal.name ? ` “${goal.name}”` : ''}`;
  await journal.touch('goals', [id]);
  await db.run('UPDATE goals SET deleted_at = ?, updated_at = ? WHERE id = ?', [now, now, id]);
}

/** The local period containing `at`, and `back` periods before it: [from, to) pairs, oldest first. */
export function periods(
  at: number,
  period: Goal['period'],
  weekStart: number,
  back: number,
): { from: number; to: number }[] {
  const d = new Date(at);
  const start = (i: number): number => {
    if (period === 'day') return new Date(d.getFullYear(), d.getMonth(), d.getDate() + i).getTime();
    if (period === 'week') {
      const offset = (d.getDay() - weekStart + 7) % 7;
      return new Date(d.getFullYear(), d.getMonth(), d.getDate() - offset + 7 * i).getTime();
    }
    return new Date(d.getFullYear(), d.getMonth() + i, 1).getTime();
  };
  const out = [];
  for (let i = -back; i <= 0; i++) out.push({ from: start(i), to: start(i + 1) });
  return out;
}

const HISTORY: Record<Goal['period'], number> = { day: 366, week: 104, month: 36 };

/** Progress of each goal in its current period (running timer included) and its streak of periods met. */
export async function goalProgress(
  db: Database,
  goals: readonly Goal[],
  at: number,
  now: number,
  weekStart: number,
): Promise<GoalProgress[]> {
  const first =
    (await db.get<{ t: number | null }>('SELECT min(start_time) AS t FROM activities WHERE deleted_at IS NULL'))?.t ??
    at;
  const cache = new Map<string, Map<number, number>>();
  const out: GoalProgress[] = [];
  for (const goal of goals) {
    const list = periods(at, goal.period, weekStart, HISTORY[goal.period]);
    const filter: WorkFilter = goal.projectId
      ? { projectId: goal.projectId }
      : goal.tagId
        ? { tagId: goal.tagId }
        : null;
    const key = `${JSON.stringify(filter)}:${list[0]!.from}`;
    let days = cache.get(key);
    if (!days) {
      days = await dailyWorked(db, list[0]!.from, list[list.length - 1]!.to, filter, now);
      cache.set(key, days);
    }
    const total = (p: { from: number; to: number }) => {
      let ms = 0;
      for (let day = localDayNumber(p.from); day < localDayNumber(p.to); day++) ms += days!.get(day) ?? 0;
      return ms;
    };
    const targetMs = goal.targetMinutes * 60_000;
    const meets = (ms: number) => (goal.kind === 'at-least' ? ms >= targetMs : ms <= targetMs);
    const current = list[list.length - 1]!;
    const doneMs = total(current);
    let streak = goal.kind === 'at-least' && meets(doneMs) ? 1 : 0;
    for (let i = list.length - 2; i >= 0 && list[i]!.to > first; i--) {
      if (!meets(total(list[i]!))) break;
      streak++;
    }
    out.push({ goalId: goal.id, from: current.from, to: current.to, doneMs, targetMs, met: meets(doneMs), streak });
  }
  return out;
}
