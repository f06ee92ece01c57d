import { clipToSession, type AwayGap, type GapChoice, type GapEntry } from '../../../shared/away.ts';
import { newId } from '../../../shared/ids.ts';
import { placedMs, resize, subtract, union, unplacedMs } from '../../../shared/session-math.ts';
import type { Session } from '../../../shared/session.ts';
import { requireLiveProject } from '../projects/projects.ts';
import * as sessions from '../sessions/sessions.ts';
import type { Database } from '../storage/sqlite.ts';
import { resolveTagNames, setSessionTags } from '../tags/tags.ts';
import { labelName, type EditContext } from '../undo/journaled-write.ts';
import { patchGap } from './away.ts';

/** The session a gap belongs to, in whatever state it is now (edited, stopped, deleted); null when purged. */
export async function gapSession(db: Database, gap: Pick<AwayGap, 'sessionId'>): Promise<Session | null> {
  if (!gap.sessionId) return null;
  const row = await db.get<sessions.SessionRow>(`SELECT ${sessions.COLUMNS} FROM activities a WHERE a.id = ?`, [
    gap.sessionId,
  ]);
  return row ? sessions.toSession(row) : null;
}

/**
 * Cuts [start, end) out of a session as a pause. Pauses already there are united with it (worked time is never taken
 * twice); an open pause already covers what lies after its start.
 */
export async function cutOut(db: Database, s: Session, cut: { start: number; end: number }, now: number) {
  const end = s.pauseStartedAt !== null ? Math.min(cut.end, s.pauseStartedAt) : cut.end;
  if (end <= cut.start) return false;
  const pauses = union([...s.pauses, { start: cut.start, end }]);
  await sessions.patchSession(db, s.id, { pauses, pausedMs: unplacedMs(s) + placedMs(pauses) }, now);
  return true;
}

/** Counts [start, end) as worked again: the pauses inside it go (auto-pause paused the timer for the gap). */
async function uncut(db: Database, s: Session, range: { start: number; end: number }, now: number) {
  if (!s.pauses.some((p) => p.start < range.end && p.end > range.start)) return false;
  const pauses = s.pauses.flatMap((p) => subtract(p.start, p.end, [range]));
  await sessions.patchSession(db, s.id, { pauses, pausedMs: unplacedMs(s) + placedMs(pauses) }, now);
  return true;
}

export const CHOICE_WORDS: Record<GapChoice, string> = {
  keep: 'kept as work',
  discard: 'discarded',
  'discard-continue': 'cut out',
  'log-other': 'logged as',
  break: 'marked as a break',
};

/**
 * Applies one review choice to a pending gap, inside the caller's journaled transaction. The gap is clipped to what
 * its session still covers (it may have been edited, stopped or deleted meanwhile); nothing left: only the gap is
 * marked reviewed. Answers the sessions written.
 */
export async function resolveGap(
  ctx: EditContext,
  gap: AwayGap,
  choice: GapChoice,
  entry?: GapEntry,
): Promise<{ written: string[]; label: string }> {
  const { db, now, journal } = ctx;
  await journal.touch('away_gaps', [gap.id]);
  const session = await gapSession(db, gap);
  const range = { start: gap.start, end: gap.end ?? gap.start };
  const clip = session ? clipToSession(range, session) : null;
  const written: string[] = [];
  let loggedId: string | null = null;
  let label = `Away time ${CHOICE_WORDS[choice]}`;
  if (session && clip && choice === 'keep') {
    await journal.touch('activities', [session.id]);
    if (await uncut(db, session, clip, now)) written.push(session.id);
  }
  if (session && clip && choice !== 'keep' && choice !== 'log-other') {
    await journal.touch('activities', [session.id]);
    if (choice === 'discard') {
      // nothing of the session before the gap: it was all away time
      if (clip.start <= session.startTime) await sessions.setDeleted(db, session.id, now, now);
      else await sessions.patchSession(db, session.id, resize(session, session.startTime, clip.start), now);
      label = `Away time discarded: ${labelName(session)} stopped at its start`;
    } else await cutOut(db, session, clip, now);
    written.push(session.id);
  }
  if (choice === 'log-other') {
    const e = entry ?? {};
    const start = e.startTime ?? range.start;
    const end = Math.max(e.endTime ?? range.end, start + 1);
    const cut = session ? clipToSession({ start, end }, session) : null;
    if (session && cut) {
      await journal.touch('activities', [session.id]);
      if (await cutOut(db, session, cut, now)) written.push(session.id);
    }
    if (e.projectId) await requireLiveProject(db, e.projectId);
    loggedId = newId();
    await journal.touch('activities', [loggedId]);
    await sessions.insertSession(
      db,
      {
        id: loggedId,
        name: e.name ?? '',
        description: e.description ?? '',
        projectId: e.projectId ?? null,
        billable: e.billable ?? false,
        startTime: start,
        endTime: end,
        pausedMs: 0,
        pauseStartedAt: null,
        pauses: [],
        isManual: true,
        source: 'quick-entry',
      },
      now,
    );
    if (e.tags && e.tags.length > 0)
      await setSessionTags(db, loggedId, await resolveTagNames(db, e.tags, journal, now));
    written.push(loggedId);
    label = `Away time logged as ${labelName({ name: e.name ?? '' })}`;
  }
  await patchGap(db, gap.id, { state: 'resolved', choice, loggedId }, now);
  return { written, label };
}
