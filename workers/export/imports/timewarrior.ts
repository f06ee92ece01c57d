import type { ImportedSession, ImportProblem } from '../../../shared/export-rows.ts';
import { isObject, str, strings } from './json.ts';
import { finishSession } from './session.ts';
import { fnv1a64 } from './text.ts';

/**
 * `timew export` JSON: `[{"id":1,"start":"20240102T090000Z","end":"20240102T100000Z","tags":["a","b"],
 * "annotation":"…"}]`, UTC times in basic ISO, no `end` while the interval is open. Timewarrior has only tags, so
 * the rule decides which tag is the project: 'first-tag' (default; note timew stores tags sorted, so "first" is the
 * alphabetically first) or 'none' (every tag stays a tag). The annotation is the session's name. Timewarrior's ids
 * renumber on every change (@1 is always the latest), so the source id is a hash of start, end and tags.
 */
export type TimewarriorProjectRule = 'first-tag' | 'none';

const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Told by its first interval; a damaged one later is that entry's problem, not the file's. */
export function isTimewarrior(json: unknown): boolean {
  return Array.isArray(json) && isObject(json[0]) && BASIC.test(str(json[0]['start']));
}

function instant(value: string): number | null {
  const m = BASIC.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  return back.getUTCDate() === d && back.getUTCMonth() === mo - 1 && h < 24 && mi < 60 && s < 60 ? ms : null;
}

export function parseTimewarrior(
  json: unknown[],
  rule: TimewarriorProjectRule,
  problems: ImportProblem[],
): ImportedSession[] {
  const sessions: ImportedSession[] = [];
  json.forEach((entry, index) => {
    const line = index + 1;
    if (!isObject(entry)) return problems.push({ line, message: 'The entry is not an interval; it was skipped.' });
    const start = instant(str(entry['start']));
    const endText = entry['end'] === undefined ? null : str(entry['end']);
    const end = endText === null ? null : instant(endText);
    if (start === null || (endText !== null && end === null)) {
      return problems.push({
        line,
        message: `The time "${start === null ? str(entry['start']) : endText}" is not a Timewarrior time (like 20240102T090000Z); the interval was skipped.`,
      });
    }
    const tags = strings(entry['tags']);
    const project = rule === 'first-tag' ? tags[0] : undefined;
    const rest = rule === 'first-tag' ? tags.slice(1) : tags;
    const sourceId = `timewarrior:${fnv1a64(JSON.stringify([start, end, tags]))}`;
    const session = finishSession(
      {
        name: str(entry['annotation']),
        projectPath: project ? [project] : null,
        client: null,
        tags: rest,
        billable: false,
        start,
        end,
        description: '',
        sourceId,
      },
      line,
      'timewarrior',
      problems,
    );
    if (session) sessions.push(session);
  });
  return sessions;
}
