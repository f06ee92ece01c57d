import * as v from 'valibot';

import { AppError } from '../../shared/errors.ts';
import { LighttrackFileSchema, type LighttrackFile } from '../../shared/lighttrack-file.ts';

/**
 * Reads a LightTrack JSON file: the schema first, then what a schema cannot say (ids unique, references point into
 * the file, the project tree has no cycle). The first problem is refused as a VALIDATION AppError naming its path,
 * e.g. "sessions.3.start", so nothing half-valid reaches the import.
 */
export function parseLighttrackFile(text: string): LighttrackFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'VALIDATION',
      `This is not a JSON file: ${error instanceof Error ? error.message : String(error)}`,
      { path: '' },
    );
  }
  return validateLighttrackFile(raw);
}

export function validateLighttrackFile(raw: unknown): LighttrackFile {
  const result = v.safeParse(LighttrackFileSchema, raw);
  if (!result.success) {
    const issue = result.issues[0]!;
    const path = v.getDotPath(issue) ?? '';
    throw new AppError('VALIDATION', `Not a valid LightTrack file${path ? ` at ${path}` : ''}: ${issue.message}`, {
      path,
    });
  }
  checkReferences(result.output);
  return result.output;
}

function refuse(path: string, message: string): never {
  throw new AppError('VALIDATION', `Not a valid LightTrack file at ${path}: ${message}`, { path });
}

function uniqueIds(items: readonly { id: string }[], list: string): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) refuse(`${list}.${i}.id`, 'this id is listed twice');
    ids.add(item.id);
  });
  return ids;
}

function checkReferences(file: LighttrackFile): void {
  const projects = uniqueIds(file.projects, 'projects');
  const tags = uniqueIds(file.tags, 'tags');
  uniqueIds(file.goals, 'goals');
  uniqueIds(file.sessions, 'sessions');
  const parentOf = new Map(file.projects.map((p) => [p.id, p.parentId]));
  file.projects.forEach((p, i) => {
    if (p.parentId !== null && !projects.has(p.parentId))
      refuse(`projects.${i}.parentId`, 'no project in the file has this id');
    // walking up must reach the root within as many steps as there are projects
    let at: string | null = p.parentId;
    for (let steps = 0; at !== null; steps++) {
      if (at === p.id || steps > file.projects.length)
        refuse(`projects.${i}.parentId`, 'a project cannot be inside itself');
      at = parentOf.get(at) ?? null;
    }
  });
  file.goals.forEach((g, i) => {
    if (g.projectId !== null && !projects.has(g.projectId))
      refuse(`goals.${i}.projectId`, 'no project in the file has this id');
    if (g.tagId !== null && !tags.has(g.tagId)) refuse(`goals.${i}.tagId`, 'no tag in the file has this id');
  });
  const tagNames = new Set(file.tags.map((t) => t.name.toLowerCase()));
  file.sessions.forEach((s, i) => {
    if (s.projectId !== null && !projects.has(s.projectId))
      refuse(`sessions.${i}.projectId`, 'no project in the file has this id');
    s.tags.forEach((name, j) => {
      if (!tagNames.has(name.toLowerCase())) refuse(`sessions.${i}.tags.${j}`, 'no tag in the file has this name');
    });
  });
}
