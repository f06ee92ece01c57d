/** A stretch of time over which the local UTC offset is constant. */
export interface OffsetSegment {
  /** first instant (ms) the offset applies */
  start: number;
  /** local time minus UTC, in ms */
  offsetMs: number;
}

const DAY = 86_400_000;

function offsetAt(ms: number): number {
  return -new Date(ms).getTimezoneOffset() * 60_000;
}

/**
 * The local UTC-offset segments covering [from, to), found by probing daily and bisecting each change to the
 * minute. Ten years is ~3650 probes and ~20 segments, so it is cheap enough to compute per query.
 */
export function offsetSegments(from: number, to: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [{ start: from, offsetMs: offsetAt(from) }];
  let previous = from;
  let previousOffset = segments[0]!.offsetMs;
  for (let t = from + DAY; ; t += DAY) {
    const probe = Math.min(t, to);
    const offset = offsetAt(probe);
    if (offset !== previousOffset) {
      let lo = previous;
      let hi = probe;
      while (hi - lo > 60_000) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid) === previousOffset) lo = mid;
        else hi = mid;
      }
      segments.push({ start: hi, offsetMs: offset });
      previousOffset = offset;
    }
    previous = probe;
    if (probe >= to) break;
  }
  return segments;
}

/**
 * An SQL expression giving the local day number (days since 1970-01-01 in local time) of the integer column `col`.
 * Only integers we computed are inlined, so the expression is safe and lets SQLite fold constants.
 */
export function localDayNumberSql(col: string, segments: readonly OffsetSegment[]): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(col)) throw new Error(`bad column name ${col}`);
  const int = (n: number) => {
    if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
    return String(n);
  };
  if (segments.length === 1) return `((${col} + ${int(segments[0]!.offsetMs)}) / ${DAY})`;
  const cases = segments
    .slice(1)
    .reverse()
    .map((s) => `WHEN ${col} >= ${int(s.start)} THEN ${int(s.offsetMs)}`)
    .join(' ');
  return `((${col} + CASE ${cases} ELSE ${int(segments[0]!.offsetMs)} END) / ${DAY})`;
}

/** Local day number (as produced by localDayNumberSql) to "YYYY-MM-DD". */
export function dayNumberToKey(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
