import type * as Comlink from 'comlink';

import type { DataApi } from '../../shared/data-contract.ts';
import { AppError } from '../../shared/errors.ts';
import { MAX_IMPORT_BATCH, type ImportOutcome } from '../../shared/export-contract.ts';
import type { LighttrackFile } from '../../shared/lighttrack-file.ts';
import type { SettingKey, Settings } from '../../shared/settings.ts';
import { parseLighttrackFile } from './lighttrack-json.ts';
import { throttled, type Progress } from './progress.ts';
import type { ImportSummary } from './read-import.ts';

/**
 * A LightTrack JSON file brought back: the preview's figures (what would be created, what is already here, which
 * settings would change), then the restore as one import action: projects, tags and goals, then the sessions in
 * batches, and the settings (when asked) through the settings domain, so they are validated and kept in its history.
 */
export interface RestoreFigures {
  projectsToCreate: number;
  tagsToCreate: number;
  goalsToCreate: number;
  /** settings the file holds that differ from this database's */
  settingsToChange: SettingKey[];
  emptyDatabase: boolean;
}

export interface ConfirmOptions {
  /** also restore the file's settings (the preview offers it; on by default into an empty database) */
  restoreSettings?: boolean;
}

const CHECK_CHUNK = 10_000;
const held = new Map<string, { fileName: string; file: LighttrackFile; fresh: LighttrackFile['sessions'] }>();

export const holdsRestore = (previewId: string) => held.has(previewId);
export const discardRestore = (previewId?: string) => (previewId ? held.delete(previewId) : held.clear());

function projectPaths(file: LighttrackFile): Map<string, string[]> {
  const byId = new Map(file.projects.map((p) => [p.id, p]));
  const paths = new Map<string, string[]>();
  for (const p of file.projects) {
    const path: string[] = [];
    for (let at: string | null = p.id; at !== null && path.length <= file.projects.length;) {
      const node: LighttrackFile['projects'][number] = byId.get(at)!;
      path.unshift(node.name);
      at = node.parentId;
    }
    paths.set(p.id, path);
  }
  return paths;
}

export async function previewRestore(
  data: Comlink.Remote<DataApi>,
  fileName: string,
  text: string,
): Promise<Omit<ImportSummary, 'wallTime' | 'timeZone' | 'timewarriorProjectRule'>> {
  const file = parseLighttrackFile(text);
  const present = new Set<string>();
  for (let i = 0; i < file.sessions.length; i += CHECK_CHUNK)
    for (const id of await data.restorePresent({ ids: file.sessions.slice(i, i + CHECK_CHUNK).map((s) => s.id) }))
      present.add(id);
  const fresh = file.sessions.filter((s) => !present.has(s.id));
  const check = await data.restoreCheck({
    projects: file.projects.map((p) => ({ name: p.name })),
    tags: file.tags.map((t) => ({ name: t.name })),
    goals: file.goals,
  });
  const current = await data.getSettings();
  const settingsToChange = (Object.keys(file.settings) as SettingKey[]).filter(
    (k) => file.settings[k] !== undefined && JSON.stringify(file.settings[k]) !== JSON.stringify(current[k]),
  );
  const paths = projectPaths(file);
  const byProject = new Map<string | null, { path: string[]; sessions: number; ms: number }>();
  let totalMs = 0;
  for (const s of fresh) {
    const ms = Math.max(0, (s.end ?? s.start) - s.start - s.pauses.reduce((sum, p) => sum + p.end - p.start, 0));
    const entry = byProject.get(s.projectId) ?? { path: paths.get(s.projectId ?? '') ?? [], sessions: 0, ms: 0 };
    entry.sessions++;
    entry.ms += ms;
    totalMs += ms;
    byProject.set(s.projectId, entry);
  }
  const names = await data.importNames({
    projectPaths: [...byProject.values()]
      .map((p) => p.path)
      .filter((p) => p.length > 0 && p.length <= 10)
      .slice(0, 20_000),
    tags: file.tags.map((t) => t.name.slice(0, 100)).slice(0, 20_000),
  });
  const exists = new Map(names.projects.map((p) => [JSON.stringify(p.path), p.match !== null]));
  const previewId = crypto.randomUUID();
  held.clear();
  held.set(previewId, { fileName, file, fresh });
  const starts = fresh.map((s) => s.start);
  const restore: RestoreFigures = {
    projectsToCreate: check.projectsCreated,
    tagsToCreate: check.tagsCreated,
    goalsToCreate: check.goalsCreated,
    settingsToChange,
    emptyDatabase: check.emptyDatabase,
  };
  return {
    previewId,
    fileName,
    format: 'lighttrack-json',
    found: file.sessions.length,
    toAdd: fresh.length,
    alreadyImported: present.size,
    running: fresh.filter((s) => s.end === null).length,
    totalMs,
    projects: [...byProject.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 200)
      .map((p) => ({ ...p, exists: p.path.length === 0 || (exists.get(JSON.stringify(p.path)) ?? false) })),
    tags: names.tags.map((t) => ({ name: t.name, exists: t.match !== null })).slice(0, 200),
    problems: [],
    problemCount: 0,
    overlaps: 0,
    overlapExamples: [],
    first: starts.length ? starts.reduce((a, b) => Math.min(a, b)) : null,
    last: starts.length ? starts.reduce((a, b) => Math.max(a, b)) : null,
    restore,
  };
}

export async function confirmRestore(
  data: Comlink.Remote<DataApi>,
  previewId: string,
  options: ConfirmOptions,
  report: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<ImportOutcome & { goalsCreated: number; settingsChanged: SettingKey[] }> {
  const h = held.get(previewId);
  if (!h) throw new AppError('NOT_FOUND', 'That preview is gone; open the file again');
  held.delete(previewId);
  const { file, fresh } = h;
  const progress = throttled(report, Date.now());
  const total = fresh.length;
  const { importId, backup } = await data.beginImport({ source: 'lighttrack-json', fileName: h.fileName, total });
  const stop = () => {
    if (signal?.aborted)
      throw new AppError('CONFLICT', 'The import was cancelled; nothing was added', { cancelled: true });
  };
  let outcome: ImportOutcome;
  let settingsChanged: SettingKey[] = [];
  let structure: Awaited<ReturnType<DataApi['restoreStructure']>>;
  try {
    structure = await data.restoreStructure({
      importId,
      projects: file.projects,
      tags: file.tags,
      goals: file.goals,
    });
    for (let i = 0; i < total; i += MAX_IMPORT_BATCH) {
      stop();
      await data.restoreSessions({ importId, sessions: fresh.slice(i, i + MAX_IMPORT_BATCH) });
      progress({ done: Math.min(total, i + MAX_IMPORT_BATCH), total, bytes: 0 });
    }
    stop();
    if (options.restoreSettings) {
      const patch: Partial<Settings> = { ...file.settings };
      // the default project is named by its id in the file: it follows the project wherever it went
      if (patch.defaultProjectId) patch.defaultProjectId = structure.projectIds[patch.defaultProjectId] ?? null;
      // in the import's action, so its undo puts the settings back too
      settingsChanged = (await data.restoreSettings({ importId, settings: patch })).changed as SettingKey[];
    }
    outcome = await data.finishImport({ importId });
  } catch (error) {
    await data.cancelImport({ importId }).catch(() => undefined);
    throw error;
  }
  progress({ done: total, total, bytes: 0 }, true);
  return { ...outcome, backup, goalsCreated: structure.goalsCreated, settingsChanged };
}
