import type { Overlap } from '../../shared/session-edits.ts';

/**
 * The overlap question in words, shared by every view that asks it (Day, Week, quick entry): the choice that trims
 * the other sessions says when it removes one lying wholly inside the new time, so nothing disappears unannounced.
 */
export function trimOthersLabel(overlaps: readonly Overlap[]): string {
  const others = new Map(overlaps.map((o) => [o.otherId, o]));
  const covered = [...others.values()].filter((o) => o.covered).length;
  const total = others.size;
  if (covered === 0) return total === 1 ? 'Shorten the other' : 'Shorten the others';
  if (covered === total) return total === 1 ? 'Remove the other' : `Remove the ${total} others`;
  return `Shorten the others, removing ${covered}`;
}

/** One overlapped session: “call”, 14:05–14:06 (inside this one) — times per the user's clock setting. */
export function overlapLine(o: Overlap, time: (ms: number) => string): string {
  return `“${o.otherName || '(no description)'}”, ${time(o.from)}–${time(o.to)}${o.covered ? ' (lies inside this one)' : ''}`;
}
