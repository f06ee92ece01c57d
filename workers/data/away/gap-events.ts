import {
  APP_GONE_AFTER_MS,
  clipToSession,
  GAP_DEDUPE_MS,
  type AwayGap,
  type AwayPolicy,
  type GapSource,
} from '../../../shared/away.ts';
import type { Settings } from '../../../shared/settings.ts';
import * as sessions from '../sessions/sessions.ts';
import type { Database } from '../storage/sqlite.ts';
import * as away from './away.ts';
import { gapSession } from './resolve.ts';

/**
 * Gap events as they arrive from every window, in any order: a start opens a gap, an end closes it, an end with no
 * start waits (as an orphan) for a late start. Two windows' records of one OS event are one gap; a closed gap that
 * shares time with one in review becomes part of it, and time already reviewed is never asked about again.
 */
export interface Settled {
  gap: AwayGap | null;
  /** what the settings say to do with it now */
  policy: AwayPolicy;
}

const NONE: Settled = { gap: null, policy: 'ask' };

function policyFor(source: GapSource, s: Settings): AwayPolicy {
  if (source === 'lock') return s.awayOnLock;
  if (source === 'suspend') return s.awayOnSleep;
  return 'ask';
}

export async function gapStarted(db: Database, source: GapSource, at: number, now: number, s: Settings) {
  await away.pruneOrphans(db, at);
  const open = await away.openGap(db, source, at);
  if (open && Math.abs(open.start - at) <= GAP_DEDUPE_MS) return { gap: open, policy: 'ask' } satisfies Settled;
  const closed = await away.nearbyGap(db, source, 'start', at);
  if (closed) return { gap: closed, policy: 'ask' } satisfies Settled;
  // an earlier gap of this source whose end never came (a reload in between): its length is unknown
  for (const old of await away.openGaps(db, source)) if (old.start < at) await away.deleteGap(db, old.id);
  const running = await sessions.findRunning(db);
  const orphan = await away.orphanAfter(db, source, at);
  if (orphan) {
    await away.patchGap(db, orphan.id, { start: at, sessionId: running?.id ?? orphan.sessionId }, now);
    return settle(db, orphan.id, now, s);
  }
  if (!running) return NONE;
  const id = await away.insertGap(db, { source, start: at, end: null, state: 'open', sessionId: running.id }, now);
  return { gap: await away.requireGap(db, id), policy: 'ask' } satisfies Settled;
}

export async function gapEnded(db: Database, source: GapSource, at: number, now: number, s: Settings, ifOpen = false) {
  const open = await away.openGap(db, source, at);
  if (open) {
    await away.patchGap(db, open.id, { end: Math.max(at, open.start) }, now);
    return settle(db, open.id, now, s);
  }
  const closed = await away.nearbyGap(db, source, 'end', at);
  if (closed) return { gap: closed, policy: 'ask' } satisfies Settled;
  if (ifOpen) return NONE;
  // resume before suspend: keep the end until its start arrives
  const running = await sessions.findRunning(db);
  await away.insertGap(db, { source, start: at, end: at, state: 'orphan', sessionId: running?.id ?? null }, now);
  return NONE;
}

/** A gap known whole (a clock jump; the app gone), for the session that ran then. */
export async function recordGap(db: Database, source: GapSource, start: number, end: number, now: number, s: Settings) {
  const dup = await away.nearbyGap(db, source, 'start', start);
  if (dup) return { gap: dup, policy: 'ask' } satisfies Settled;
  const session = await sessionAt(db, start, end);
  if (!session) return NONE;
  const id = await away.insertGap(db, { source, start, end, state: 'open', sessionId: session.id }, now);
  return settle(db, id, now, s);
}

/**
 * A window with a running timer is alive at `at`. A heartbeat older than the threshold means no window was: the
 * app was closed or crashed while the timer ran, and that time is a gap from the last heartbeat to now.
 */
export async function heartbeat(db: Database, at: number, now: number, s: Settings): Promise<Settled> {
  const running = await sessions.findRunning(db);
  if (!running) {
    await away.writeHeartbeat(db, null);
    return NONE;
  }
  const last = await away.readHeartbeat(db);
  let out = NONE;
  if (last && last.sessionId === running.id) {
    const from = Math.max(last.at, running.startTime);
    if (at - from > Math.max(APP_GONE_AFTER_MS, s.idleThresholdMinutes * 60_000))
      out = await recordGap(db, 'app-gone', from, at, now, s);
  }
  await away.writeHeartbeat(db, { sessionId: running.id, at });
  return out;
}

/** The session a whole gap belongs to: the running one when it had started by the gap's end, else one covering it. */
async function sessionAt(db: Database, start: number, end: number) {
  const running = await sessions.findRunning(db);
  if (running && running.startTime < end) return running;
  const { sessions: found } = await sessions.listOverlapping(db, { from: start, to: end, limit: 20 });
  return found.find((x) => x.startTime <= start) ?? found[0] ?? null;
}

/**
 * A gap just closed: dropped when it is shorter than the threshold, outside its session or already reviewed; merged
 * into a gap in review it shares time with; otherwise waiting for the review.
 */
async function settle(db: Database, id: string, now: number, s: Settings): Promise<Settled> {
  const gap = await away.requireGap(db, id);
  const minMs = s.idleThresholdMinutes * 60_000;
  const part = await away.unreviewedPart(db, gap.start, gap.end!, gap.id);
  const session = await gapSession(db, gap);
  const clip = part && session ? clipToSession(part, session) : null;
  if (!part || !clip || minMs === 0 || clip.end - clip.start < minMs) {
    await away.deleteGap(db, id);
    return NONE;
  }
  const others = await away.overlapping(db, part.start, part.end, ['pending'], id);
  const policy = policyFor(gap.source, s);
  if (others.length === 0) {
    await away.patchGap(db, id, { start: part.start, end: part.end, state: 'pending' }, now);
    return { gap: await away.requireGap(db, id), policy };
  }
  // one stretch of away time, one review: the union under the oldest record, named by the longest source
  const all = [...others, { ...gap, ...part }];
  const into = others[0]!;
  const longest = all.reduce((a, b) => (b.end! - b.start > a.end! - a.start ? b : a));
  const start = Math.min(...all.map((g) => g.start));
  const end = Math.max(...all.map((g) => g.end!));
  for (const g of all) if (g.id !== into.id) await away.deleteGap(db, g.id);
  await away.patchGap(db, into.id, { start, end, source: longest.source }, now);
  return { gap: await away.requireGap(db, into.id), policy };
}
