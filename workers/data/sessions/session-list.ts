import type { ListSessionsInput, SessionPage } from '../../../shared/session-edits.ts';
import type { Session } from '../../../shared/session.ts';
import type { Database } from '../storage/sqlite.ts';
import { COLUMNS, LOOK_BACK_MS, toSession, type OnDamaged, type SessionRow } from './sessions.ts';

type Parsed = Required<Pick<ListSessionsInput, 'from' | 'to' | 'limit'>> &
  Omit<ListSessionsInput, 'from' | 'to' | 'limit'>;

/**
 * Sessions overlapping [from, to) that match the filters, oldest first, one page at a time. The page's ids are
 * found first from the start-time index (plus the small index of long sessions, which may have started before the
 * look-back), so an all-time list costs one page of rows, not a sort of every session.
 */
export async function listSessions(db: Database, input: Parsed, onDamaged?: OnDamaged): Promise<SessionPage> {
  const where: string[] = [];
  const args: Record<string, string | number | null> = {
    ':from': input.from,
    ':to': input.to,
    ':back': input.from - LOOK_BACK_MS,
    ':limit': input.limit + 1,
    ':afterStart': input.after?.startTime ?? 0,
    ':afterId': input.after?.id ?? '',
  };
  if (input.projectIds) {
    const ids = input.projectIds.filter((p): p is string => p !== null);
    const none = input.projectIds.includes(null);
    args[':projects'] = JSON.stringify(ids);
    where.push(`(project_id IN (SELECT value FROM json_each(:projects))${none ? ' OR project_id IS NULL' : ''})`);
  }
  if (input.billable !== undefined) where.push(`billable = ${input.billable ? 1 : 0}`);
  if (input.text) {
    args[':text'] = `%${input.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(`(name LIKE :text ESCAPE '\\' OR description LIKE :text ESCAPE '\\')`);
  }
  if (input.tagIds && input.tagIds.length > 0) {
    args[':tags'] = JSON.stringify(input.tagIds);
    where.push(
      `EXISTS (SELECT 1 FROM activity_tags t WHERE t.activity_id = activities.id AND t.tag_id IN (SELECT value FROM json_each(:tags)))`,
    );
  }
  const filters = where.map((w) => ` AND ${w}`).join('');
  const keyset = `AND start_time >= :afterStart AND (start_time > :afterStart OR id > :afterId)`;
  const rows = await db.all<SessionRow>(
    `WITH page AS (
       SELECT id, start_time FROM (
         SELECT id, start_time FROM activities
         WHERE deleted_at IS NULL AND start_time >= :back AND start_time < :to AND (end_time IS NULL OR end_time > :from)
           ${keyset}${filters}
         ORDER BY start_time, id LIMIT :limit)
       UNION ALL
       SELECT id, start_time FROM (
         SELECT id, start_time FROM activities
         WHERE deleted_at IS NULL AND (end_time IS NULL OR end_time - start_time > ${LOOK_BACK_MS})
           AND start_time < :back AND (end_time IS NULL OR end_time > :from) ${keyset}${filters}
         ORDER BY start_time, id LIMIT :limit)
       ORDER BY start_time, id LIMIT :limit)
     SELECT ${COLUMNS} FROM page p JOIN activities a ON a.id = p.id ORDER BY p.start_time, p.id`,
    args,
  );
  const more = rows.length > input.limit;
  const pageRows = more ? rows.slice(0, input.limit) : rows;
  const sessions: Session[] = [];
  let damaged = 0;
  for (const row of pageRows) {
    const a = toSession(row, onDamaged);
    if (a) sessions.push(a);
    else damaged++;
  }
  const last = pageRows[pageRows.length - 1];
  return { sessions, damaged, next: more && last ? { startTime: last.start_time, id: last.id } : null };
}
