import { AppError } from '../../../shared/errors.ts';
import type { BulkUpdateInput } from '../../../shared/session-edits.ts';
import { endForWorked, resize } from '../../../shared/session-math.ts';
import { requireLiveProject } from '../projects/projects.ts';
import { settleOverlaps } from '../sessions/overlaps.ts';
import * as sessions from '../sessions/sessions.ts';
import { changeTags, findTagIds, resolveTagNames } from '../tags/tags.ts';
import { checkSpan, labelName, type EditContext, type EditOutcome } from '../undo/journaled-write.ts';

type Parsed = Omit<BulkUpdateInput, 'overlap'> & { overlap?: BulkUpdateInput['overlap'] };

/**
 * One change applied to many sessions. Field changes are single set-based statements over the id list (a 10,000
 * session change is a handful of statements, not 10,000 round trips); only "set duration" needs a row at a time,
 * because each session's pauses decide its own end.
 */
export async function bulkUpdate(ctx: EditContext, p: Parsed, onDamaged: sessions.OnDamaged): Promise<EditOutcome> {
  const { db, now, journal } = ctx;
  const { change } = p;
  const list = await sessions.requireSessions(db, p.ids, onDamaged);
  const deleted = list.find((a) => a.deletedAt !== null);
  if (deleted) throw new AppError('NOT_FOUND', `${labelName(deleted)} was deleted`, { id: deleted.id });
  const running = list.find((a) => a.endTime === null);
  if (running && change.durationMs !== undefined) {
    throw new AppError('VALIDATION', `${labelName(running)} is still running, so it has no duration to set`, {
      id: running.id,
    });
  }
  if (running && change.shiftMs !== undefined && running.startTime + change.shiftMs > now) {
    throw new AppError('VALIDATION', 'A running timer cannot be moved into the future', { id: running.id });
  }
  if (change.projectId) await requireLiveProject(db, change.projectId);
  journal.label = list.length === 1 ? `Change ${labelName(list[0]!)}` : `Change ${list.length} sessions`;
  await journal.touch('activities', p.ids);
  const ids = JSON.stringify(p.ids);
  const sets: string[] = ['updated_at = :now'];
  const args: Record<string, string | number | null> = { ':ids': ids, ':now': now };
  if (change.projectId !== undefined) {
    sets.push('project_id = :project');
    args[':project'] = change.projectId;
  }
  if (change.billable !== undefined) sets.push(`billable = ${change.billable ? 1 : 0}`);
  if (change.name !== undefined) {
    sets.push('name = :name');
    args[':name'] = change.name;
  }
  if (change.shiftMs !== undefined && change.shiftMs !== 0) {
    args[':shift'] = change.shiftMs;
    sets.push(
      'start_time = start_time + :shift',
      'end_time = end_time + :shift',
      'pause_started_at = pause_started_at + :shift',
      `pauses = (SELECT coalesce(json_group_array(json_array(value->>0 + :shift, value->>1 + :shift)), '[]') FROM json_each(pauses))`,
    );
  }
  await db.run(`UPDATE activities SET ${sets.join(', ')} WHERE id IN (SELECT value FROM json_each(:ids))`, args);
  if (change.addTags?.length || change.removeTags?.length) {
    const add = await resolveTagNames(db, change.addTags ?? [], journal, now);
    const remove = await findTagIds(db, change.removeTags ?? []);
    await changeTags(db, p.ids, add, remove);
  }
  if (change.durationMs !== undefined) {
    for (const a of await sessions.requireSessions(db, p.ids, onDamaged)) {
      const span = resize(a, a.startTime, endForWorked(a, change.durationMs));
      checkSpan(span, now);
      await sessions.patchSession(db, a.id, span, now);
    }
  }
  const timesChanged = (change.shiftMs !== undefined && change.shiftMs !== 0) || change.durationMs !== undefined;
  const settled = timesChanged
    ? await settleOverlaps(db, journal, p.ids, p.overlap, now, change.durationMs === undefined)
    : { overlaps: [], trimmed: [] };
  return { written: p.ids, ...settled };
}
