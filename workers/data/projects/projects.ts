import * as v from 'valibot';

import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { PROJECT_PALETTE, ProjectSchema, type Project } from '../../../shared/project.ts';
import type { Database, Row } from '../storage/sqlite.ts';

interface ProjectRow extends Row {
  id: string;
  name: string;
  color: string;
  parent_id: string | null;
  client: string | null;
  hourly_rate: number | null;
  currency: string | null;
  billable_default: number;
  budget_minutes: number | null;
  budget_period: string | null;
  estimate_minutes: number | null;
  productivity: string;
  archived_at: number | null;
  created_at: number;
  updated_at: number;
}

const COLUMNS = `id, name, color, parent_id, client, hourly_rate, currency, billable_default, budget_minutes, budget_period,
  estimate_minutes, productivity, archived_at, created_at, updated_at`;

/** Validated like every row read from disk; a damaged one yields null (and is reported by the caller). */
function toProject(r: ProjectRow): Project | null {
  const parsed = v.safeParse(ProjectSchema, {
    id: r.id,
    name: r.name,
    color: r.color,
    parentId: r.parent_id,
    client: r.client,
    hourlyRate: r.hourly_rate,
    currency: r.currency,
    billableDefault: r.billable_default === 1 ? true : r.billable_default === 0 ? false : r.billable_default,
    budgetMinutes: r.budget_minutes,
    budgetPeriod: r.budget_period,
    estimateMinutes: r.estimate_minutes,
    productivity: r.productivity,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  return parsed.success ? parsed.output : null;
}

export type OnDamagedProject = (table: 'projects', id: unknown, issues: string[]) => void;

/** Live projects; bounded, since pickers and the quick-entry parser hold them all (5,000 is the design's worst case). */
export const MAX_PROJECTS_LISTED = 20_000;

export async function listProjects(db: Database, onDamaged?: OnDamagedProject): Promise<Project[]> {
  const rows = await db.all<ProjectRow>(
    `SELECT ${COLUMNS} FROM projects WHERE deleted_at IS NULL ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE
     LIMIT ${MAX_PROJECTS_LISTED}`,
  );
  const projects: Project[] = [];
  for (const row of rows) {
    const p = toProject(row);
    if (p) projects.push(p);
    else onDamaged?.('projects', row.id, ['row failed validation']);
  }
  return projects;
}

export async function requireLiveProject(db: Database, id: string): Promise<Project> {
  const row = await db.get<ProjectRow>(`SELECT ${COLUMNS} FROM projects WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!row) throw new AppError('NOT_FOUND', `No project with id ${id}`, { id });
  const project = toProject(row);
  if (!project) throw new AppError('DAMAGED', 'This project is damaged on disk and cannot be used', { id });
  return project;
}

/** Names are unique among live projects, without (ASCII) case, like the unique index. */
export async function requireFreeName(db: Database, name: string, except: string | null = null): Promise<void> {
  const clash = await db.get<{ id: string }>(
    `SELECT id FROM projects WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL AND id IS NOT ?`,
    [name, except],
  );
  if (clash) throw new AppError('CONFLICT', `A project named “${name}” already exists`, { name, id: clash.id });
}

export async function insertProject(
  db: Database,
  p: { name: string; color?: string | undefined; parentId: string | null; client: string | null },
  now: number,
  id: string = newId(),
): Promise<Project> {
  await requireFreeName(db, p.name);
  if (p.parentId !== null) await requireLiveProject(db, p.parentId);
  const count = (await db.get<{ n: number }>('SELECT count(*) AS n FROM projects'))?.n ?? 0;
  const color = p.color ?? PROJECT_PALETTE[count % PROJECT_PALETTE.length]!;
  await db.run(
    `INSERT INTO projects (id, name, color, parent_id, client, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [id, p.name, color, p.parentId, p.client, now, now],
  );
  return requireLiveProject(db, id);
}
