import type { GroupKey, ReportFilters } from '../../../shared/reports.ts';

/**
 * Report filters as SQL. Two forms: on sessions (alias `a`, for a scan) and on facts (alias `f`, with the project
 * tree's `client` beside it, for the roll-up). A project filter takes its sub-projects too.
 */
export const TREE_CTE = `tree(id, root, client, rate, currency) AS (
    SELECT id, id, client, hourly_rate, CASE WHEN hourly_rate IS NULL THEN NULL ELSE currency END FROM projects
      WHERE parent_id IS NULL OR parent_id NOT IN (SELECT id FROM projects)
    UNION ALL
    SELECT p.id, t.root, COALESCE(p.client, t.client), COALESCE(p.hourly_rate, t.rate),
      CASE WHEN p.hourly_rate IS NULL THEN t.currency ELSE p.currency END
    FROM projects p JOIN tree t ON p.parent_id = t.id)`;

const SELECTED = `WITH RECURSIVE sel(id) AS (SELECT value FROM json_each(:f_projects)
    UNION SELECT p.id FROM projects p JOIN sel ON p.parent_id = sel.id) SELECT id FROM sel`;
const OF_CLIENTS = `WITH RECURSIVE ${TREE_CTE} SELECT id FROM tree WHERE client IN (SELECT value FROM json_each(:f_clients))`;

export interface SqlPart {
  sql: string;
  args: Record<string, string | number>;
}

function likePattern(text: string): string {
  return `%${text.trim().replaceAll(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Conditions on sessions `a` (AND-prefixed). */
export function sessionWhere(f: ReportFilters): SqlPart {
  const parts: string[] = [];
  const args: Record<string, string | number> = {};
  if (f.projectIds?.length) {
    parts.push(`a.project_id IN (${SELECTED})`);
    args[':f_projects'] = JSON.stringify(f.projectIds);
  }
  if (f.clients?.length) {
    parts.push(`a.project_id IN (${OF_CLIENTS})`);
    args[':f_clients'] = JSON.stringify(f.clients);
  }
  if (f.tagIds?.length) {
    parts.push(
      `EXISTS (SELECT 1 FROM activity_tags l2 WHERE l2.activity_id = a.id AND l2.tag_id IN (SELECT value FROM json_each(:f_tags)))`,
    );
    args[':f_tags'] = JSON.stringify(f.tagIds);
  }
  if (typeof f.billable === 'boolean') {
    parts.push('a.billable = :f_billable');
    args[':f_billable'] = f.billable ? 1 : 0;
  }
  if (f.text?.trim()) {
    parts.push(`(a.name LIKE :f_text ESCAPE '\\' OR a.description LIKE :f_text ESCAPE '\\')`);
    args[':f_text'] = likePattern(f.text);
  }
  return { sql: parts.map((p) => `AND ${p}`).join(' '), args };
}

/** Conditions on facts `f` joined with the tree as `t` (AND-prefixed); text and several tags cannot be. */
export function factWhere(f: ReportFilters): SqlPart {
  const parts: string[] = [];
  const args: Record<string, string | number> = {};
  if (f.projectIds?.length) {
    parts.push(`f.project_id IN (${SELECTED})`);
    args[':f_projects'] = JSON.stringify(f.projectIds);
  }
  if (f.clients?.length) {
    parts.push(`t.client IN (SELECT value FROM json_each(:f_clients))`);
    args[':f_clients'] = JSON.stringify(f.clients);
  }
  if (f.tagIds?.length === 1) {
    parts.push('f.tag_id = :f_tag');
    args[':f_tag'] = f.tagIds[0]!;
  }
  if (typeof f.billable === 'boolean') {
    parts.push('f.billable = :f_billable');
    args[':f_billable'] = f.billable ? 1 : 0;
  }
  return { sql: parts.map((p) => `AND ${p}`).join(' '), args };
}

/** Whether the roll-up can answer: no text, no name grouping, at most one tag in the filter. */
export function rollupCan(f: ReportFilters, keys: readonly (GroupKey | null)[]): boolean {
  // names are not rolled up: grouping by name reads them from the range's sessions (see source.ts), beside the
  // roll-up when there are no filters, else in a scan
  return !f.text?.trim() && (f.tagIds?.length ?? 0) <= 1 && (!keys.includes('name') || !hasFilters(f));
}

export function hasFilters(f: ReportFilters): boolean {
  return !!(
    f.projectIds?.length ||
    f.clients?.length ||
    f.tagIds?.length ||
    typeof f.billable === 'boolean' ||
    f.text?.trim()
  );
}
