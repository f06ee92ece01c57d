import type { Activity } from '../../shared/activity.ts';
import { AppError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { endOf, resize, subtract } from '../../shared/session-math.ts';
import type { Overlap, OverlapChoice } from '../../shared/sessions.ts';
import * as activities from './activities.ts';
import type { Recording } from './journal.ts';
import type { Database } from './sqlite.ts';
import { setSessionTags } from './tags.ts';

/**
 * The overlap rule: a change that makes live sessions share time is refused unless the caller chose what to do.
 * 'keep' leaves both; 'trim-others' cuts the written session's time out of the others (shortening, splitting in two,
 * or deleting one it covers entirely); 'trim-this' shortens the written session to the time left free, and is
 * refused when that would take it apart.
 */
export interface Settled {
  overlaps: Overlap[];
  /** ids of other sessions changed ('trim-others'), new pieces included */
  trimmed: string[];
}

export async function settleOverlaps(
  db: Database,
  journal: Recording,
  writtenIds: readonly string[],
  choice: OverlapChoice | undefined,
  now: number,
  /** sessions moved together may not count as overlapping each other (a bulk shift keeps them apart) */
  ignoreEachOther = true,
): Promise<Settled> {
  const written = new Set(ignoreEachOther ? writtenIds : []);
  const found: { session: Activity; others: Activity[] }[] = [];
  for (const session of await activities.requireActivities(db, writtenIds)) {
    if (session.deletedAt !== null) continue;
    const from = session.startTime;
    const to = endOf(session, now);
    if (to <= from) continue;
    const others = (await activities.overlapping(db, from, to, [])).filter((o) => o.id !== session.id && !written.has(o.id));
    if (others.length > 0) found.push({ session, others });
  }
  const overlaps = found.flatMap(({ session, others }) =>
    others.map((o) => ({
      id: session.id,
      otherId: o.id,
      otherName: o.name,
      from: Math.max(session.startTime, o.startTime),
      to: Math.min(endOf(session, now), endOf(o, now)),
    })),
  );
  if (overlaps.length === 0 || choice === 'keep') return { overlaps, trimmed: [] };
  if (choice === undefined) {
    throw new AppError('CONFLICT', overlaps.length === 1
      ? `This overlaps “${overlaps[0]!.otherName || 'another session'}”; keep both, or trim one of them`
      : `This overlaps ${overlaps.length} other sessions; keep them, or trim`, { overlaps: overlaps.slice(0, 200), count: overlaps.length });
  }
  if (choice === 'trim-this') {
    for (const { session, others } of found) await trimThis(db, session, others, now);
    return { overlaps: [], trimmed: [] };
  }
  const trimmed: string[] = [];
  for (const { session, others } of found) {
    for (const other of others) trimmed.push(...(await carveOut(db, journal, other, session.startTime, endOf(session, now), now)));
  }
  return { overlaps: [], trimmed: [...new Set(trimmed)] };
}

async function trimThis(db: Database, session: Activity, others: Activity[], now: number): Promise<void> {
  const end = endOf(session, now);
  const free = subtract(session.startTime, end, others.map((o) => ({ start: o.startTime, end: endOf(o, now) })));
  if (free.length !== 1) {
    throw new AppError('CONFLICT', free.length === 0
      ? 'No free time is left for this session; keep both, or trim the other'
      : 'Trimming this session would cut it in pieces; keep both, or trim the other', { free });
  }
  const piece = free[0]!;
  const keepRunning = session.endTime === null && piece.end === end;
  const span = resize(session, piece.start, keepRunning ? null : piece.end);
  await activities.patchSession(db, session.id, span, now);
}

/** Removes [from, to) from another session; returns the ids it changed or created. */
async function carveOut(db: Database, journal: Recording, other: Activity, from: number, to: number, now: number): Promise<string[]> {
  const end = endOf(other, now);
  const rest = subtract(other.startTime, end, [{ start: from, end: to }]);
  await journal.touch('activities', [other.id]);
  if (rest.length === 0) {
    await activities.patchSession(db, other.id, { deletedAt: now }, now);
    return [other.id];
  }
  const running = other.endTime === null;
  const first = rest[0]!;
  const firstRuns = running && rest.length === 1 && first.end === end;
  await activities.patchSession(db, other.id, resize(other, first.start, firstRuns ? null : first.end), now);
  if (rest.length === 1) return [other.id];
  // the other session is cut in two: its second part becomes a session of its own, like a split
  const second = rest[1]!;
  const id = newId();
  await journal.touch('activities', [id]);
  const span = resize(other, second.start, running && second.end === end ? null : second.end);
  await activities.insertSession(db, {
    ...span, id, name: other.name, description: other.description, projectId: other.projectId,
    billable: other.billable, isManual: other.isManual, source: 'split',
  }, now);
  await setSessionTags(db, id, other.tagIds);
  return [other.id, id];
}
