import type { Pause } from './session.ts';

/**
 * Pure time arithmetic for corrections: clip, split, merge and "set the worked time". A session's paused time is its
 * pause intervals plus, for rows from before pauses were intervals, an `unplaced` remainder whose place is unknown;
 * that remainder is shared out in proportion to length whenever a session is cut, so totals stay exact.
 */
export interface Span {
  startTime: number;
  /** null while running */
  endTime: number | null;
  pausedMs: number;
  pauseStartedAt: number | null;
  pauses: Pause[];
}

export function placedMs(pauses: readonly Pause[]): number {
  let sum = 0;
  for (const p of pauses) sum += p.end - p.start;
  return sum;
}

/** Paused time of old rows whose place is unknown (never negative, even for a hand-edited row). */
export function unplacedMs(s: Span): number {
  return Math.max(0, s.pausedMs - placedMs(s.pauses));
}

/** The session's end, or `now` while it runs. */
export function endOf(s: Span, now: number): number {
  return s.endTime ?? Math.max(now, s.startTime);
}

/** Worked (non-paused) ms as of now. */
export function workedMs(s: Span, now: number): number {
  const end = endOf(s, now);
  const open = s.pauseStartedAt !== null ? Math.max(0, end - s.pauseStartedAt) : 0;
  return Math.max(0, end - s.startTime - s.pausedMs - open);
}

function clipPauses(pauses: readonly Pause[], from: number, to: number): Pause[] {
  const out: Pause[] = [];
  for (const p of pauses) {
    const start = Math.max(p.start, from);
    const end = Math.min(p.end, to);
    if (end > start) out.push({ start, end });
  }
  return out;
}

/**
 * The part of a session inside [from, to] (to === null keeps it running). `unplacedShare` is the old-style paused
 * time this part receives; by default its share in proportion to length.
 */
export function clip(s: Span, from: number, to: number | null, now: number, unplacedShare?: number): Span {
  const oldEnd = endOf(s, now);
  const start = Math.max(s.startTime, from);
  const end = to === null ? null : Math.min(oldEnd, to);
  const closeAt = end ?? Infinity;
  const pauses = clipPauses(s.pauses, start, closeAt);
  let pauseStartedAt: number | null = null;
  if (s.pauseStartedAt !== null) {
    // an open pause: closed into an interval on a finished piece, left open on the running one
    if (end === null) pauseStartedAt = Math.max(s.pauseStartedAt, start);
    else if (end > Math.max(s.pauseStartedAt, start)) pauses.push({ start: Math.max(s.pauseStartedAt, start), end });
  }
  const span = oldEnd - s.startTime;
  const newSpan = (end ?? oldEnd) - start;
  const unplaced = unplacedMs(s);
  const share = unplacedShare ?? (span > 0 ? Math.round((unplaced * Math.max(0, newSpan)) / span) : 0);
  const placed = placedMs(pauses);
  const room = Math.max(0, newSpan - placed);
  return { startTime: start, endTime: end, pausedMs: placed + Math.min(share, room), pauseStartedAt, pauses };
}

/**
 * Cuts a session at the given instants (each strictly inside it). Pieces keep their pauses; a pause across a cut is
 * cut too; the unplaced remainder is shared so the pieces' paused time adds up to the original exactly.
 */
export function splitSpan(s: Span, at: readonly number[], now: number): Span[] {
  const end = endOf(s, now);
  const points = [...new Set(at)].sort((a, b) => a - b);
  const bounds = [s.startTime, ...points, end];
  const parts = bounds.slice(1).map((to, i) => clip(s, bounds[i]!, i + 2 === bounds.length ? s.endTime : to, now, 0));
  // the unplaced remainder is shared in proportion to each piece's unpaused room, so no piece gets more than fits
  const unplaced = unplacedMs(s);
  const rooms = parts.map((p) => Math.max(0, endOf(p, now) - p.startTime - p.pausedMs));
  const totalRoom = rooms.reduce((a, b) => a + b, 0);
  const shares = rooms.map((room) => (totalRoom > 0 ? Math.floor((unplaced * room) / totalRoom) : 0));
  let left = Math.min(unplaced, totalRoom) - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0 && i < shares.length; i++) {
    const extra = Math.min(left, rooms[i]! - shares[i]!);
    shares[i]! += extra;
    left -= extra;
  }
  return parts.map((p, i) => ({ ...p, pausedMs: p.pausedMs + shares[i]! }));
}

/** Union of intervals, sorted and merged. */
export function union(intervals: readonly { start: number; end: number }[]): Pause[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Pause[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** [from, to) minus the given intervals. */
export function subtract(from: number, to: number, holes: readonly { start: number; end: number }[]): Pause[] {
  const out: Pause[] = [];
  let cursor = from;
  for (const h of union(holes)) {
    if (h.end <= cursor) continue;
    if (h.start >= to) break;
    if (h.start > cursor) out.push({ start: cursor, end: h.start });
    cursor = Math.max(cursor, h.end);
  }
  if (cursor < to) out.push({ start: cursor, end: to });
  return out;
}

/**
 * Merges sessions into one spanning the earliest start to the latest end. Time worked in any of them stays worked;
 * every other moment of the span (their pauses, the gaps between them) becomes a pause. A running session among
 * them must be the one ending last; the merged session then keeps running.
 */
export function mergeSpans(spans: readonly Span[], now: number): Span {
  const start = Math.min(...spans.map((s) => s.startTime));
  const running = spans.find((s) => s.endTime === null) ?? null;
  const end = Math.max(...spans.map((s) => endOf(s, now)));
  const worked: Pause[] = [];
  let unplaced = 0;
  for (const s of spans) {
    const sEnd = endOf(s, now);
    const holes = [...s.pauses];
    if (s.pauseStartedAt !== null && s !== running) holes.push({ start: s.pauseStartedAt, end: sEnd });
    worked.push(...subtract(s.startTime, sEnd, holes));
    unplaced += unplacedMs(s);
  }
  // the running one's open pause stays open; the time it covers is not worked and not a closed pause either
  const openFrom = running?.pauseStartedAt ?? null;
  const pauses = subtract(start, openFrom ?? end, worked);
  const placed = placedMs(pauses);
  const spanMs = (openFrom ?? end) - start;
  return {
    startTime: start,
    endTime: running ? null : end,
    pausedMs: placed + Math.min(unplaced, Math.max(0, spanMs - placed)),
    pauseStartedAt: openFrom,
    pauses,
  };
}

/** The end that gives `worked` ms of work from the session's start, stepping over its pauses. */
export function endForWorked(s: Span, worked: number): number {
  let end = s.startTime + worked + unplacedMs(s);
  for (const p of [...s.pauses].sort((a, b) => a.start - b.start)) {
    if (p.start < end) end += p.end - p.start;
  }
  return end;
}

/** Moves a session by `delta` ms, pauses included. */
export function shift(s: Span, delta: number): Span {
  return {
    startTime: s.startTime + delta,
    endTime: s.endTime === null ? null : s.endTime + delta,
    pausedMs: s.pausedMs,
    pauseStartedAt: s.pauseStartedAt === null ? null : s.pauseStartedAt + delta,
    pauses: s.pauses.map((p) => ({ start: p.start + delta, end: p.end + delta })),
  };
}

/**
 * The session with a new start and end (null: still running). Pauses outside the new range are dropped or cut; the
 * unplaced remainder is kept whole while it fits. An open pause is closed at a new end.
 */
export function resize(s: Span, start: number, end: number | null): Span {
  const pauses = clipPauses(s.pauses, start, end ?? Infinity);
  let pauseStartedAt: number | null = null;
  if (s.pauseStartedAt !== null) {
    const from = Math.max(s.pauseStartedAt, start);
    if (end === null) pauseStartedAt = from;
    else if (end > from) pauses.push({ start: from, end });
  }
  const placed = placedMs(pauses);
  const room = end === null ? Infinity : Math.max(0, end - start - placed);
  return { startTime: start, endTime: end, pausedMs: placed + Math.min(unplacedMs(s), room), pauseStartedAt, pauses };
}
