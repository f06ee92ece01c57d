import type { ImportedSession, ImportProblem } from '../../../shared/export-rows.ts';
import { isObject, str, strings } from './json.ts';
import { finishSession } from './session.ts';

/**
 * Watson, both ways it writes time: the frames file (`~/.config/watson/frames`: `[start, stop, project, id, tags,
 * updated_at]`, unix seconds) and `watson log --json` (`{id, project, start, stop, tags}` with ISO times carrying an
 * offset). Watson frames have a project and tags but no title, so the name is empty; the frame id is the source id.
 */
/** Both are told by their first frame; a damaged frame later is that entry's problem, not the file's. */
export function isWatsonFrames(json: unknown): boolean {
  return (
    Array.isArray(json) && Array.isArray(json[0]) && typeof json[0][0] === 'number' && typeof json[0][2] === 'string'
  );
}

export function isWatsonLog(json: unknown): boolean {
  const f: unknown = Array.isArray(json) ? json[0] : null;
  return isObject(f) && typeof f['project'] === 'string' && typeof f['start'] === 'string' && 'stop' in f;
}

interface Frame {
  start: number;
  stop: number;
  project: string;
  id: string;
  tags: string[];
  note: string;
}

function build(frames: (Frame | string)[], problems: ImportProblem[]): ImportedSession[] {
  const sessions: ImportedSession[] = [];
  frames.forEach((frame, index) => {
    const line = index + 1;
    if (typeof frame === 'string') return problems.push({ line, message: frame });
    const session = finishSession(
      {
        name: '',
        projectPath: frame.project ? [frame.project] : null,
        client: null,
        tags: frame.tags,
        billable: false,
        start: frame.start,
        end: frame.stop,
        description: frame.note,
        ...(frame.id ? { sourceId: `watson:${frame.id}` } : {}),
      },
      line,
      'watson',
      problems,
    );
    if (session) sessions.push(session);
  });
  return sessions;
}

export function parseWatsonFrames(json: unknown[], problems: ImportProblem[]): ImportedSession[] {
  return build(
    json.map((f) => {
      if (!Array.isArray(f)) return 'The frame is not a list of [start, stop, project, id, tags]; it was skipped.';
      const a = f as unknown[];
      const start = a[0],
        stop = a[1];
      if (typeof start !== 'number' || typeof stop !== 'number' || !Number.isFinite(start) || !Number.isFinite(stop))
        return 'The frame has no readable start and stop; it was skipped.';
      return {
        start: Math.round(start * 1000),
        stop: Math.round(stop * 1000),
        project: str(a[2]),
        id: str(a[3]),
        tags: strings(a[4]),
        note: '',
      };
    }),
    problems,
  );
}

/** An ISO time with its offset; one without is refused, since Date.parse would read it in this machine's zone. */
function isoInstant(value: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) ? Date.parse(value) : NaN;
}

export function parseWatsonLog(json: unknown[], problems: ImportProblem[]): ImportedSession[] {
  return build(
    json.map((f) => {
      if (!isObject(f)) return 'The frame is not an object with a start and stop; it was skipped.';
      const o = f;
      const start = isoInstant(str(o['start']));
      const stop = isoInstant(str(o['stop']));
      if (!Number.isFinite(start) || !Number.isFinite(stop))
        return `The time "${str(Number.isFinite(start) ? o['stop'] : o['start'])}" is not an ISO time; the frame was skipped.`;
      return {
        start,
        stop,
        project: str(o['project']),
        id: str(o['id']),
        tags: strings(o['tags']),
        note: str(o['note'] ?? o['notes']),
      };
    }),
    problems,
  );
}
