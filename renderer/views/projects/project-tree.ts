import type { Project, ProjectTotals } from '../../../shared/project.ts';

export interface Sums {
  weekMs: number;
  monthMs: number;
  allMs: number;
}

/** A project in the tree with its own and its sub-projects' time summed in. */
export interface ProjectNode {
  project: Project;
  /** "Acme / Website" */
  path: string;
  depth: number;
  children: ProjectNode[];
  /** this project and every sub-project below it, archived ones included (reports keep them) */
  sums: Sums;
  /** time counted against this project's budget (the month's for a monthly budget), sub-projects included */
  budgetUsedMs: number | null;
}

const byName = (a: Project, b: Project) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/**
 * Builds the project tree from the flat list. Returns the live (not archived) tree — a live project under an
 * archived parent is shown at the top — and the archived projects apart, each with its path.
 */
export function buildTree(
  projects: Project[],
  totals: ProjectTotals[],
): { live: ProjectNode[]; archived: ProjectNode[] } {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const own = new Map(totals.map((t) => [t.projectId, t]));
  const kids = new Map<string | null, Project[]>();
  for (const p of projects) {
    const parent = p.parentId && byId.has(p.parentId) ? p.parentId : null;
    kids.set(parent, [...(kids.get(parent) ?? []), p]);
  }
  const nodes = new Map<string, ProjectNode>();
  const make = (p: Project, path: string, depth: number, seen: Set<string>): ProjectNode => {
    const t = own.get(p.id);
    const node: ProjectNode = {
      project: p,
      path,
      depth,
      children: [],
      sums: { weekMs: t?.weekMs ?? 0, monthMs: t?.monthMs ?? 0, allMs: t?.allMs ?? 0 },
      budgetUsedMs: null,
    };
    nodes.set(p.id, node);
    for (const child of (kids.get(p.id) ?? []).sort(byName)) {
      if (seen.has(child.id)) continue; // a cycle on disk must not hang the view
      const c = make(child, `${path} / ${child.name}`, depth + 1, new Set([...seen, child.id]));
      node.children.push(c);
      node.sums.weekMs += c.sums.weekMs;
      node.sums.monthMs += c.sums.monthMs;
      node.sums.allMs += c.sums.allMs;
    }
    if (p.budgetMinutes !== null) node.budgetUsedMs = p.budgetPeriod === 'month' ? node.sums.monthMs : node.sums.allMs;
    return node;
  };
  const roots = (kids.get(null) ?? []).sort(byName).map((p) => make(p, p.name, 0, new Set([p.id])));
  // Projects caught in a cycle have no root; show them at the top rather than lose them.
  for (const p of projects) if (!nodes.has(p.id)) roots.push(make(p, p.name, 0, new Set([p.id])));

  const live: ProjectNode[] = [];
  const archived: ProjectNode[] = [];
  const prune = (node: ProjectNode, depth: number): ProjectNode => ({
    ...node,
    depth,
    children: node.children.filter((c) => c.project.archivedAt === null).map((c) => prune(c, depth + 1)),
  });
  const walk = (node: ProjectNode, parentLive: boolean) => {
    const isLive = node.project.archivedAt === null;
    if (isLive && !parentLive) live.push(prune(node, 0));
    if (!isLive) archived.push({ ...node, depth: 0, children: [] });
    for (const c of node.children) walk(c, isLive);
  };
  for (const r of roots) walk(r, false);
  archived.sort((a, b) => a.path.localeCompare(b.path, undefined, { sensitivity: 'base' }));
  return { live, archived };
}

/** Ids of a project and everything under it: where it cannot be moved, and what cannot take its sessions. */
export function descendantsOf(projects: Project[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of projects) {
      if (p.parentId && out.has(p.parentId) && !out.has(p.id)) {
        out.add(p.id);
        grew = true;
      }
    }
  }
  return out;
}

/** "Acme / Website" for any project, for pickers. */
export function projectPath(projects: Project[], id: string): string {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const names: string[] = [];
  let p = byId.get(id);
  const seen = new Set<string>();
  while (p && !seen.has(p.id)) {
    seen.add(p.id);
    names.unshift(p.name);
    p = p.parentId ? byId.get(p.parentId) : undefined;
  }
  return names.join(' / ');
}

/** Projects a picker offers: live, not archived, sorted by path; `except` and its sub-projects left out. */
export function pickable(projects: Project[], except?: string): Array<{ id: string; path: string }> {
  const banned = except ? descendantsOf(projects, except) : new Set<string>();
  return projects
    .filter((p) => p.archivedAt === null && !banned.has(p.id))
    .map((p) => ({ id: p.id, path: projectPath(projects, p.id) }))
    .sort((a, b) => a.path.localeCompare(b.path, undefined, { sensitivity: 'base' }));
}
