import type * as Comlink from 'comlink';

import type { DataApi } from '../../shared/data-contract.ts';
import { AppError } from '../../shared/errors.ts';
import { MAX_IMPORT_BATCH, type ImportOutcome, type ImportRow } from '../../shared/export-contract.ts';
import type { ImportedSession, ImportFormat, ImportProblem } from '../../shared/export-rows.ts';
import type { TimewarriorProjectRule } from './imports.ts';
import { throttled, type Progress } from './progress.ts';
import {
  confirmRestore,
  discardRestore,
  holdsRestore,
  previewRestore,
  type ConfirmOptions,
  type RestoreFigures,
} from './read-restore.ts';

/** Larger files are refused before they are read: a tracker's history of years is a few tens of MB. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** rows a duplicate/overlap check: ~20 ms of the data worker's queue each at 250k sessions */
const CHECK_CHUNK = 2_000;
const PROBLEMS_SHOWN = 100;

/** What the preview dialog shows: figures and names only; the sessions stay in this worker until confirmed. */
export interface ImportSummary {
  previewId: string;
  fileName: string;
  format: ImportFormat;
  /** sessions the file has (readable ones) */
  found: number;
  /** sessions a confirm would add */
  toAdd: number;
  alreadyImported: number;
  running: number;
  totalMs: number;
  projects: { path: string[]; sessions: number; ms: number; exists: boolean }[];
  tags: { name: string; exists: boolean }[];
  problems: ImportProblem[];
  problemCount: number;
  overlaps: number;
  overlapExamples: { name: string; existing: string; start: number }[];
  first: number | null;
  last: number | null;
  /** a LightTrack JSON file: what its restore would create and change */
  restore?: RestoreFigures;
  /** the file's times are wall-clock times without a zone (WALL_TIME_FORMATS): the preview asks which zone */
  wallTime: boolean;
  /** the zone wall-clock times were read in */
  timeZone: string;
  /** for a Timewarrior file, the rule its tags were read with (the preview offers the others) */
  timewarriorProjectRule: TimewarriorProjectRule | null;
}

/** Choices the preview can be re-run with. */
export interface PreviewChoices {
  timewarriorProjectRule?: TimewarriorProjectRule;
}

/** Formats whose times are wall-clock times without a zone: the preview asks which zone they were recorded in. */
export const WALL_TIME_FORMATS: readonly ImportFormat[] = [
  'toggl-csv',
  'clockify-csv',
  'kimai-csv',
  'super-productivity-json',
];

interface Held {
  source: ImportFormat;
  fileName: string;
  rows: ImportRow[];
}
const held = new Map<string, Held>();

/** Decodes the file as UTF-8 text (BOM stripped); a UTF-16 file or a binary one is refused with a sentence. */
export async function readText(file: Blob): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new AppError(
      'VALIDATION',
      `The file is ${Math.round(file.size / 1024 / 1024)} MB; LightTrack imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Export a shorter period from the other tracker.`,
    );
  }
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new AppError(
      'VALIDATION',
      'The file is UTF-16 text; save it as UTF-8 (most trackers and spreadsheets offer “CSV UTF-8”) and import that.',
    );
  }
  const text = new TextDecoder('utf-8').decode(await file.arrayBuffer());
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

export async function previewImport(
  data: Comlink.Remote<DataApi>,
  file: File,
  timeZone: string,
  choices: PreviewChoices = {},
): Promise<ImportSummary> {
  const text = await readText(file);
  const { parseImport, TIMEWARRIOR_PROJECT_RULES } = await import('./imports.ts');
  const rule = choices.timewarriorProjectRule ?? 'first-tag';
  if (!TIMEWARRIOR_PROJECT_RULES.includes(rule))
    throw new AppError('VALIDATION', `“${String(rule)}” is not a way LightTrack reads Timewarrior tags`);
  const parsed = parseImport({ name: file.name, text }, { timeZone, timewarriorProjectRule: rule });
  held.clear();
  discardRestore();
  if (parsed.format === 'lighttrack-json')
    return {
      ...(await previewRestore(data, file.name, text)),
      wallTime: false,
      timeZone,
      timewarriorProjectRule: null,
    };
  const problems = [...parsed.problems];
  const finished: (ImportedSession & { end: number })[] = [];
  let running = 0;
  for (const s of parsed.sessions) {
    if (s.end === null) {
      running++;
      problems.push({
        line: s.line,
        message: 'This timer was still running when the file was made; it is not imported.',
      });
    } else finished.push(s as ImportedSession & { end: number });
  }
  const duplicates = new Set<string>();
  let overlaps = 0;
  const examples: ImportSummary['overlapExamples'] = [];
  const check = (i: number) => {
    const chunk = finished.slice(i, i + CHECK_CHUNK);
    const result = data.importCheck({
      source: parsed.format,
      rows: chunk.map((s) => ({ sourceId: s.sourceId, start: s.start, end: s.end })),
    });
    result.catch(() => undefined); // (awaited in turn below)
    return { chunk, result };
  };
  // two checks in flight: the data worker goes from one to the next without waiting for this worker between them,
  // and a timer started meanwhile still waits behind at most two (~20 ms each)
  let next = finished.length > 0 ? check(0) : null;
  for (let i = 0; next; i += CHECK_CHUNK) {
    const { chunk, result } = next;
    next = i + CHECK_CHUNK < finished.length ? check(i + CHECK_CHUNK) : null;
    const found = await result;
    for (const d of found.duplicates) duplicates.add(d);
    overlaps += found.overlaps;
    for (const e of found.examples) {
      if (examples.length >= 5) break;
      examples.push({
        name: chunk.find((s) => s.sourceId === e.sourceId)?.name ?? '',
        existing: e.existing.name,
        start: e.existing.start,
      });
    }
  }
  const fresh = finished.filter((s) => !duplicates.has(s.sourceId));
  const byPath = new Map<string, { path: string[]; sessions: number; ms: number }>();
  const tagNames = new Map<string, string>();
  for (const s of fresh) {
    const key = JSON.stringify((s.projectPath ?? []).map((n) => n.toLowerCase()));
    const entry = byPath.get(key) ?? { path: s.projectPath ?? [], sessions: 0, ms: 0 };
    entry.sessions++;
    entry.ms += Math.max(0, s.end - s.start - s.pausedMs);
    byPath.set(key, entry);
    for (const t of s.tags) if (!tagNames.has(t.toLowerCase())) tagNames.set(t.toLowerCase(), t);
  }
  const paths = [...byPath.values()].filter((p) => p.path.length > 0);
  const names = await data.importNames({
    projectPaths: paths.map((p) => p.path).slice(0, 20_000),
    tags: [...tagNames.values()].slice(0, 20_000),
  });
  const exists = new Map(names.projects.map((p) => [JSON.stringify(p.path), p.match !== null]));
  const previewId = crypto.randomUUID();
  held.clear(); // one preview at a time: an abandoned one is dropped with its rows
  held.set(previewId, { source: parsed.format, fileName: file.name, rows: fresh.map(toRow) });
  const starts = fresh.map((s) => s.start);
  return {
    previewId,
    fileName: file.name,
    format: parsed.format,
    found: finished.length,
    toAdd: fresh.length,
    alreadyImported: duplicates.size,
    running,
    totalMs: [...byPath.values()].reduce((sum, p) => sum + p.ms, 0),
    projects: [...byPath.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 200)
      .map((p) => ({ ...p, exists: p.path.length === 0 || (exists.get(JSON.stringify(p.path)) ?? false) })),
    tags: names.tags.map((t) => ({ name: t.name, exists: t.match !== null })).slice(0, 200),
    problems: problems.slice(0, PROBLEMS_SHOWN),
    problemCount: problems.length,
    overlaps,
    overlapExamples: examples,
    // a loop, not Math.min(...starts): spreading ~100k arguments overflows the stack
    first: starts.length ? starts.reduce((a, b) => Math.min(a, b)) : null,
    last: starts.length ? starts.reduce((a, b) => Math.max(a, b)) : null,
    wallTime: WALL_TIME_FORMATS.includes(parsed.format),
    timeZone,
    timewarriorProjectRule: parsed.format === 'timewarrior-json' ? rule : null,
  };
}

function toRow(s: ImportedSession & { end: number }): ImportRow {
  return {
    sourceId: s.sourceId.slice(0, 200),
    name: s.name.slice(0, 10_000),
    description: s.description.slice(0, 20_000),
    projectPath: s.projectPath?.length
      ? s.projectPath
          .slice(0, 10)
          .map((n) => n.trim().slice(0, 200))
          .filter(Boolean)
      : null,
    client: s.client?.slice(0, 200) ?? null,
    tags: [...new Set(s.tags.map((t) => t.trim().slice(0, 100)).filter(Boolean))].slice(0, 50),
    billable: s.billable,
    start: s.start,
    end: s.end,
    pausedMs: Math.max(0, Math.min(s.pausedMs, s.end - s.start)),
  };
}

export function discardPreview(previewId: string): void {
  held.delete(previewId);
  discardRestore(previewId);
}

/**
 * Writes what the preview listed, in batches, as one undoable action. Cancel (or a failure) takes back every batch
 * already written, so nothing of the file is left behind.
 */
export async function confirmImport(
  data: Comlink.Remote<DataApi>,
  previewId: string,
  report: (p: Progress) => void,
  signal?: AbortSignal,
  options: ConfirmOptions = {},
): Promise<ImportOutcome> {
  if (holdsRestore(previewId)) return confirmRestore(data, previewId, options, report, signal);
  const h = held.get(previewId);
  if (!h) throw new AppError('NOT_FOUND', 'That preview is gone; open the file again');
  held.delete(previewId);
  const progress = throttled(report, Date.now());
  const { importId, backup } = await data.beginImport({ source: h.source, fileName: h.fileName, total: h.rows.length });
  let done = 0;
  try {
    for (let i = 0; i < h.rows.length; i += MAX_IMPORT_BATCH) {
      if (signal?.aborted)
        throw new AppError('CONFLICT', 'The import was cancelled; nothing was added', { cancelled: true });
      await data.importSessions({ importId, sessions: h.rows.slice(i, i + MAX_IMPORT_BATCH) });
      done = Math.min(h.rows.length, i + MAX_IMPORT_BATCH);
      progress({ done, total: h.rows.length, bytes: 0 });
    }
    if (signal?.aborted)
      throw new AppError('CONFLICT', 'The import was cancelled; nothing was added', { cancelled: true });
    const outcome = await data.finishImport({ importId });
    progress({ done, total: h.rows.length, bytes: 0 }, true);
    return { ...outcome, backup };
  } catch (error) {
    await data.cancelImport({ importId }).catch(() => undefined);
    throw error;
  }
}
