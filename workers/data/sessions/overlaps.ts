import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import type { Overlap, OverlapChoice } from '../../../shared/session-edits.ts';
import { endOf, resize, subtract } from '../../../shared/session-math.ts';
import type { Session } from '../../../shared/session.ts';
import type { Database } from '../storage/sqlite.ts';
import { setSessionTags } from '../tags/tags.ts';
import type { Recording } from '../undo/journal.ts';
import { labelName } from '../undo/journaled-write.ts';
import * as sessions from './sessions.ts';

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
  const overlaps = (await findOverlaps(db, writtenIds, now)).filter((o) => !written.has(o.otherId));
  if (overlaps.length === 0 || choice === 'keep') return { overlaps, trimmed: [] };
  if (choice === undefined) {
    throw new AppError(
      'CONFLICT',
      overlaps.length === 1
        ? `This overlaps “${overlaps[0]!.otherName || 'another session'}”; keep both, or trim one of them`
        : `This overlaps ${overlaps.length} other sessions; keep them, or trim`,
      // a question for the user (the window asks which fix), not a failure: the error log leaves it out
      { overlaps: overlaps.slice(0, 200), count: overlaps.length, question: true },
    );
  }
  // only the sessions involved are read in full
  const byId = new Map(
    (await sessions.requireSessions(db, [...new Set(overlaps.flatMap((o) => [o.id, o.otherId]))])).map((a) => [
      a.id,
      a,
    ]),
  );
  const found = new Map<string, Session[]>();
  for (const o of overlaps) found.set(o.id, [...(found.get(o.id) ?? []), byId.get(o.otherId)!]);
  if (choice === 'trim-this') {
    for (const [id, others] of found) await trimThis(db, byId.get(id)!, others, now);
    return { overlaps: [], trimmed: [] };
  }
  const trimmed: string[] = [];
  const removed: string[] = [];
  for (const [id, others] of found) {
    const session = byId.get(id)!;
    for (const other of others) {
      // an earlier carve may have changed or removed this other session: read it again
      const current = await sessions.requireSession(db, other.id);
      if (current.deletedAt !== null) continue;
      const carved = await carveOut(db, journal, current, session.startTime, endOf(session, now), now);
      trimmed.push(...carved.changed);
      if (carved.removed) removed.push(current.name);
    }
  }
  // the Undo toast names the whole change: a session the new one covered is gone, not shortened
  if (removed.length > 0) {
    journal.label = `${journal.label}, removing ${removed.length === 1 ? labelName({ name: removed[0]! }) : `${removed.length} sessions`}`;
  }
  return { overlaps: [], trimmed: [...new Set(trimmed)] };
}

/**
 * Every (written session, other live session) pair sharing time, in one statement for any number of written
 * sessions: the start-time index finds recent neighbours, the small index of long sessions the rest.
 */
async function findOverlaps(db: Database, ids: readonly string[], now: number): Promise<Overlap[]> {
  const LB = sessions.LOOK_BACK_MS;
  const rows = await db.all<{
    id: string;
    other_id: string;
    other_name: string;
    f: number;
    t: number;
    covered: number;
  }>(
    `WITH w AS (
       SELECT a.id, a.start_time AS s, coalesce(a.end_time, max(:now, a.start_time)) AS e
       FROM json_each(:ids) j JOIN activities a ON a.id = j.value WHERE a.deleted_at IS NULL),
     pairs AS (
       SELECT w.id, w.s, w.e, o.id AS other_id, o.name AS other_name, o.start_time AS os,
              coalesce(o.end_time, max(:now, o.start_time)) AS oe
       FROM w JOIN activities o ON o.deleted_at IS NULL AND o.start_time < w.e AND o.start_time >= w.s - ${LB}
         AND (o.end_time IS NULL OR o.end_time > w.s)
       UNION ALL
       SELECT w.id, w.s, w.e, o.id, o.name, o.start_time, coalesce(o.end_time, max(:now, o.start_time))
       FROM w JOIN activities o ON o.deleted_at IS NULL AND (o.end_time IS NULL OR o.end_time - o.start_time > ${LB})
         AND o.start_time < w.s - ${LB} AND (o.end_time IS NULL OR o.end_time > w.s))
     SELECT id, other_id, other_name, max(s, os) AS f, min(e, oe) AS t, (os >= s AND oe <= e) AS covered FROM pairs
     WHERE other_id <> id AND max(s, os) < min(e, oe) ORDER BY f, id, other_id`,
    { ':ids': JSON.stringify(ids), ':now': now },
  );
  return rows.map((r) => ({
    id: r.id,
    otherId: r.other_id,
    otherName: r.other_name,
    from: r.f,
    to: r.t,
    covered: r.covered === 1,
  }));
}

async function trimThis(db: Database, session: Session, others: Session[], now: number): Promise<void> {
  const end = endOf(session, now);
  let free = subtract(
    session.startTime,
    end,
    others.map((o) => ({ start: o.startTime, end: endOf(o, now) })),
  );
  // a running timer keeps running: shortening it means starting it after the last session it reached over
  if (session.endTime === null && free.length > 1 && free.at(-1)!.end === end) free = [free.at(-1)!];
  if (free.length !== 1) {
    throw new AppError(
      'CONFLICT',
      free.length === 0
        ? 'No free time is left for this session; keep both, or trim the other'
        : 'Trimming this session would cut it in pieces; keep both, or trim the other',
      { free },
    );
  }
  const piece = free[0]!;
  const keepRunning = session.endTime === null && piece.end === end;
  const span = resize(session, piece.start, keepRunning ? null : piece.end);
  await sessions.patchSession(db, session.id, span, now);
}

/** Removes [from, to) from another session; answers the ids it changed or created, and whether none of it is left. */
async function carveOut(
  db: Database,
  journal: Recording,
  other: Session,
  from: number,
  to: number,
  now: number,
): Promise<{ changed: string[]; removed: boolean }> {
  const end = endOf(other, now);
  const rest = subtract(other.startTime, end, [{ start: from, end: to }]);
  await journal.touch('activities', [other.id]);
  if (rest.length === 0) {
    await sessions.patchSession(db, other.id, { deletedAt: now }, now);
    return { changed: [other.id], removed: true };
  }
  const running = other.endTime === null;
  const first = rest[0]!;
  const firstRuns = running && rest.length === 1 && first.end === end;
  await sessions.patchSession(db, other.id, resize(other, first.start, firstRuns ? null : first.end), now);
  if (rest.length === 1) return { changed: [other.id], removed: false };
  // the other session is cut in two: its second part becomes a session of its own, like a split
  const second = rest[1]!;
  const id = newId();
  await journal.touch('activities', [id]);
  const span = resize(other, second.start, running && second.end === end ? null : second.end);
  await sessions.insertSession(
    db,
    {
      ...span,
      id,
      name: other.name,
      description: other.description,
      projectId: other.projectId,
      billable: other.billable,
      isManual: other.isManual,
      source: 'split',
    },
    now,
  );
  await setSessionTags(db, id, other.tagIds);
  return { changed: [other.id, id], removed: false };
}
