import type { ImportedSession, ImportProblem } from '../../../shared/export-rows.ts';
import { isObject, str, strings, type Json } from './json.ts';
import { finishSession } from './session.ts';
import { realDate, zonedInstant } from './wall-time.ts';

/**
 * A Super Productivity backup. It keeps no sessions, only each task's total per day (`timeSpentOnDay:
 * {"2024-01-02": ms}`), so each total becomes one entry flagged `durationOnly`, placed from 09:00 local on its
 * day and stacked back to back in the backup's task order. Read from the flat shape (`task`, `taskArchive`,
 * `project`, `tag` at the top) and the newer one (`{ data: { …, archiveYoung: { task }, archiveOld: { task } } }`).
 * A parent task's totals are the sums of its subtasks', so parents with timed subtasks are left out (no double
 * count) and a subtask says "Part of …" in its description. Super Productivity's Inbox project and virtual TODAY
 * tag are its bookkeeping, not the user's, and are not imported.
 */
const HIDDEN_PROJECTS = new Set(['INBOX_PROJECT', 'INBOX']);
const HIDDEN_TAGS = new Set(['TODAY']);
const DAY_START_S = 9 * 3600;

function root(json: Json): Json {
  return isObject(json['data']) && isObject(json['data']['task']) ? json['data'] : json;
}

function entities(state: unknown): Json[] {
  if (!isObject(state) || !isObject(state['entities'])) return [];
  const ents = state['entities'];
  const ids = Array.isArray(state['ids']) ? strings(state['ids']) : Object.keys(ents);
  return ids.map((id) => ents[id]).filter(isObject);
}

export function isSuperProductivity(json: unknown): boolean {
  if (!isObject(json)) return false;
  const r = root(json);
  return (
    isObject(r['task']) &&
    isObject(r['task']['entities']) &&
    (isObject(r['project']) || isObject(r['tag']) || isObject(r['globalConfig']))
  );
}

export function parseSuperProductivity(json: Json, timeZone: string, problems: ImportProblem[]): ImportedSession[] {
  const r = root(json);
  const titles = (state: unknown, hidden: Set<string>) =>
    new Map(
      entities(state)
        .filter((e) => !hidden.has(str(e['id'])))
        .map((e) => [str(e['id']), str(e['title'])]),
    );
  const projects = titles(r['project'], HIDDEN_PROJECTS);
  const tags = titles(r['tag'], HIDDEN_TAGS);
  const archiveYoung = isObject(r['archiveYoung']) ? r['archiveYoung']['task'] : undefined;
  const archiveOld = isObject(r['archiveOld']) ? r['archiveOld']['task'] : undefined;
  const tasks = new Map<string, Json>();
  for (const state of [r['task'], r['taskArchive'], archiveYoung, archiveOld]) {
    for (const task of entities(state)) if (!tasks.has(str(task['id']))) tasks.set(str(task['id']), task);
  }
  const timed = (t: Json) =>
    isObject(t['timeSpentOnDay']) && Object.values(t['timeSpentOnDay']).some((ms) => typeof ms === 'number' && ms > 0);
  const parentsWithTimedChildren = new Set(
    [...tasks.values()].filter((t) => str(t['parentId']) && timed(t)).map((t) => str(t['parentId'])),
  );
  const days = new Map<string, { task: Json; index: number; ms: number }[]>();
  [...tasks.values()].forEach((task, i) => {
    if (parentsWithTimedChildren.has(str(task['id'])) || !isObject(task['timeSpentOnDay'])) return;
    for (const [day, ms] of Object.entries(task['timeSpentOnDay'])) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0) continue;
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
      if (!m || !realDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
        problems.push({
          line: i + 1,
          message: `"${day}" is not a day; the time "${str(task['title'])}" recorded on it was skipped.`,
        });
        continue;
      }
      days.set(day, [...(days.get(day) ?? []), { task, index: i + 1, ms: Math.round(ms) }]);
    }
  });
  const sessions: ImportedSession[] = [];
  for (const day of [...days.keys()].sort()) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    // 09:00 exists on every real DST day; 10:00 and UTC are only fallbacks for a zone that skips it
    const nine = zonedInstant({ y, m, d }, DAY_START_S, timeZone);
    const ten = zonedInstant({ y, m, d }, DAY_START_S + 3600, timeZone);
    let at = nine.kind !== 'skipped' ? nine.ms : ten.kind !== 'skipped' ? ten.ms : Date.UTC(y, m - 1, d, 9);
    for (const { task, index, ms } of days.get(day)!) {
      const parent = tasks.get(str(task['parentId']));
      const projectId = str(task['projectId']) || (parent ? str(parent['projectId']) : '');
      const project = projects.get(projectId);
      const notes = str(task['notes']).trim();
      const session = finishSession(
        {
          name: str(task['title']),
          projectPath: project ? [project] : null,
          client: null,
          tags: [...strings(task['tagIds']), ...(parent ? strings(parent['tagIds']) : [])]
            .map((id) => tags.get(id) ?? '')
            .filter(Boolean),
          billable: false,
          start: at,
          end: at + ms,
          description: [parent ? `Part of "${str(parent['title'])}"` : '', notes].filter(Boolean).join('\n\n'),
          sourceId: `super-productivity:${str(task['id'])}:${day}`,
          durationOnly: true,
        },
        index,
        'super-productivity',
        problems,
      );
      if (session) sessions.push(session);
      at += ms;
    }
  }
  if (sessions.length > 0) {
    problems.push({
      line: null,
      message:
        'Super Productivity keeps only a total per task and day, not when you worked: each total was placed from 09:00 on its day, one after another, and marked as a duration entry.',
    });
  }
  return sessions;
}
