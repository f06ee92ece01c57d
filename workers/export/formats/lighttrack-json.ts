import type { ExportContext, ExportSession, ExportWriter } from '../../../shared/export-rows.ts';
import {
  LIGHTTRACK_FILE_FORMAT,
  LIGHTTRACK_FILE_VERSION,
  type FileSession,
  type LighttrackFile,
} from '../../../shared/lighttrack-file.ts';
import { utf8 } from './values.ts';

/** What the export worker fetches besides the sessions (small: written whole in the file's head). */
export type LighttrackJsonOptions = Pick<LighttrackFile, 'projects' | 'tags' | 'goals' | 'settings'>;

export function fileSession(s: ExportSession): FileSession {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    projectId: s.projectId,
    tags: [...s.tags],
    billable: s.billable,
    start: s.start,
    end: s.running ? null : s.end,
    pauses: s.pauses.map((p) => ({ start: p.start, end: p.end })),
    source: s.source as FileSession['source'],
  };
}

/**
 * LightTrack JSON (shared/lighttrack-file.ts), streamed: the head (projects, tags, goals, settings) with the first
 * page, then the sessions one per line, so memory stays flat however many there are.
 */
export function createLighttrackJsonWriter(context: ExportContext, options: LighttrackJsonOptions): ExportWriter {
  let started = false;
  let count = 0;
  const head = () => {
    if (started) return '';
    started = true;
    const { projects, tags, goals, settings } = options;
    const top = JSON.stringify({
      format: LIGHTTRACK_FILE_FORMAT,
      version: LIGHTTRACK_FILE_VERSION,
      exportedAt: context.generatedAt,
      projects,
      tags,
      goals,
      settings,
    });
    return `${top.slice(0, -1)},\n"sessions":[`;
  };
  return {
    page(sessions: readonly ExportSession[]) {
      let out = head();
      for (const s of sessions) out += `${count++ === 0 ? '\n' : ',\n'}${JSON.stringify(fileSession(s))}`;
      return utf8.encode(out);
    },
    finish: () => utf8.encode(`${head()}\n]}\n`),
  };
}
