import type { ImportedSession, ImportProblem } from '../../../shared/export-rows.ts';
import { MAX_SESSION_MS } from '../../../shared/session.ts';
import { fnv1a64 } from './text.ts';

/**
 * Cuts what a file gives to the limits the app stores (shared/session.ts, project.ts, tag.ts, sessions.ts), each
 * cut reported, and names the session by the file's id or by a hash of its normalised fields.
 */
export const LIMITS = { name: 500, description: 10_000, project: 120, client: 120, tag: 60, tags: 50 } as const;

export interface Draft {
  name: string;
  projectPath: readonly string[] | null;
  client: string | null;
  tags: readonly string[];
  billable: boolean;
  start: number;
  end: number | null;
  pausedMs?: number;
  description: string;
  /** the file's own id, already prefixed with the format; else a hash is made */
  sourceId?: string;
  durationOnly?: boolean;
}

export type Report = (message: string) => void;

/** The first `max` UTF-16 units, one fewer rather than half of an emoji's surrogate pair. */
function head(value: string, max: number): string {
  const code = value.charCodeAt(max - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max).trimEnd();
}

function cut(value: string, max: number, what: string, report: Report): string {
  if (value.length <= max) return value;
  report(`The ${what} is ${value.length.toLocaleString('en-US')} characters long; it was cut to ${max}.`);
  return head(value, max);
}

const BREAKS = /[\r\n\t]/;

function oneLine(value: string): string {
  return (BREAKS.test(value) ? value.replace(/[\r\n\t]+/g, ' ') : value).trim();
}

/** one newline style whatever the file used, so the text (and its hash) does not depend on it */
function lf(value: string): string {
  return (value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value).trim();
}

/** The session as the app will store it, or null (with a problem) when it cannot be stored at all. */
export function finishSession(
  draft: Draft,
  line: number,
  format: string,
  problems: ImportProblem[],
): ImportedSession | null {
  const report: Report = (message) => problems.push({ line, message });
  if (!Number.isFinite(draft.start) || (draft.end !== null && !Number.isFinite(draft.end))) {
    report('The start or end could not be read; the entry was skipped.');
    return null;
  }
  if (draft.end !== null && draft.end < draft.start) {
    report('It ends before it starts; the entry was skipped.');
    return null;
  }
  if (draft.end !== null && draft.end - draft.start > MAX_SESSION_MS) {
    report('It lasts more than ten years, longer than any session LightTrack keeps; the entry was skipped.');
    return null;
  }
  let description = lf(draft.description);
  // names keep their newlines (the app stores them); only labels (projects, clients, tags) are made one line
  let name = lf(draft.name);
  if (name.length > LIMITS.name) {
    const full = name;
    name = head(full, LIMITS.name);
    const kept = !description && full.length <= LIMITS.description;
    if (kept) description = full;
    report(
      `The name is ${full.length.toLocaleString('en-US')} characters long; it was cut to ${LIMITS.name}${kept ? ' (the full text is kept in the description)' : ''}.`,
    );
  }
  description = cut(description, LIMITS.description, 'description', report);
  const path = (draft.projectPath ?? [])
    .map((p) => cut(oneLine(p), LIMITS.project, 'project name', report))
    .filter((p) => p.length > 0);
  const client = cut(oneLine(draft.client ?? ''), LIMITS.client, 'client name', report);
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const raw of draft.tags) {
    const tag = cut(oneLine(raw), LIMITS.tag, 'tag', report);
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  if (tags.length > LIMITS.tags) {
    report(`It has ${tags.length} tags; LightTrack keeps ${LIMITS.tags} per session, so the rest were left out.`);
    tags.length = LIMITS.tags;
  }
  const session: ImportedSession = {
    name,
    projectPath: path.length > 0 ? path : null,
    client: client || null,
    tags,
    billable: draft.billable,
    start: draft.start,
    end: draft.end,
    pausedMs: draft.pausedMs ?? 0,
    description,
    sourceId: '',
    line,
  };
  if (draft.durationOnly) session.durationOnly = true;
  session.sourceId =
    draft.sourceId ??
    `${format}:${fnv1a64(JSON.stringify([session.start, session.end, name, path, session.client, tags, session.billable, description]))}`;
  return session;
}

/** "Yes", "true", "1", "ja", "oui", "sí", "x" → true */
export function yes(value: string | undefined): boolean {
  return /^(yes|y|true|1|ja|j|oui|sí|si|x|✓)$/i.test((value ?? '').trim());
}

/** Tags written in one cell, separated by commas. */
export function splitTags(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * A Toggl or Clockify project (with its task) as a path. Both have flat projects; "Website / Design" is how
 * LightTrack's own presets (and many users) write a sub-project, so ' / ' separates the path; a task is one more
 * level below its project.
 */
export function projectPath(project: string, task: string): string[] | null {
  const path = project
    .split(' / ')
    .map((p) => p.trim())
    .filter(Boolean);
  if (path.length === 0) return null;
  return task ? [...path, task] : path;
}
