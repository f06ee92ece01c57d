import { expect } from 'chai';
import fc from 'fast-check';

import {
  endForWorked,
  mergeSpans,
  placedMs,
  resize,
  splitSpan,
  workedMs,
  type Span,
} from '../../../shared/session-math.ts';

const NOW = 2_000_000_000_000;

/** A finished session with sorted, disjoint pauses inside it and, sometimes, old-style unplaced paused time. */
const span = fc
  .record({
    start: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_000 + 86_400_000 }),
    length: fc.integer({ min: 2, max: 20 * 3_600_000 }),
    cuts: fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
    unplaced: fc.double({ min: 0, max: 0.3, noNaN: true }),
  })
  .map(({ start, length, cuts, unplaced }): Span => {
    const points = [...new Set(cuts.map((c) => start + Math.floor(c * length)))].sort((a, b) => a - b);
    const pauses = [];
    for (let i = 0; i + 1 < points.length; i += 2)
      if (points[i + 1]! > points[i]!) pauses.push({ start: points[i]!, end: points[i + 1]! });
    const placed = placedMs(pauses);
    return {
      startTime: start,
      endTime: start + length,
      pausedMs: placed + Math.floor((length - placed) * unplaced),
      pauseStartedAt: null,
      pauses,
    };
  });

describe('session maths (pure): split, merge, resize', () => {
  it('property: split then merge keeps the worked time, and no piece is negative', () => {
    fc.assert(
      fc.property(
        span,
        fc.uniqueArray(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (s, fractions) => {
          const at = [
            ...new Set(fractions.map((f) => s.startTime + Math.floor(f * (s.endTime! - s.startTime)))),
          ].filter((t) => t > s.startTime && t < s.endTime!);
          fc.pre(at.length > 0);
          const pieces = splitSpan(s, at, NOW);
          expect(pieces).to.have.length(at.length + 1);
          for (const p of pieces) {
            expect(workedMs(p, NOW)).to.be.at.least(0);
            expect(p.pausedMs).to.be.at.most(p.endTime! - p.startTime);
          }
          expect(pieces.reduce((sum, p) => sum + workedMs(p, NOW), 0)).to.equal(workedMs(s, NOW));
          expect(pieces.reduce((sum, p) => sum + p.pausedMs, 0)).to.equal(s.pausedMs);
          const merged = mergeSpans(pieces, NOW);
          expect(workedMs(merged, NOW)).to.equal(workedMs(s, NOW));
          expect(merged.startTime).to.equal(s.startTime);
          expect(merged.endTime).to.equal(s.endTime);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: merging any sessions never gives negative or more-than-span paused time', () => {
    fc.assert(
      fc.property(fc.array(span, { minLength: 2, maxLength: 5 }), (spans) => {
        const m = mergeSpans(spans, NOW);
        expect(workedMs(m, NOW)).to.be.at.least(0);
        expect(m.pausedMs).to.be.at.most(m.endTime! - m.startTime);
        // worked time of the merge is at least the longest single session's and at most their sum
        const each = spans.map((s) => workedMs(s, NOW));
        expect(workedMs(m, NOW)).to.be.at.most(each.reduce((a, b) => a + b, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('property: endForWorked gives exactly the asked worked time', () => {
    fc.assert(
      fc.property(span, fc.integer({ min: 0, max: 30 * 3_600_000 }), (s, worked) => {
        const r = resize(s, s.startTime, endForWorked(s, worked));
        expect(workedMs(r, NOW)).to.equal(worked);
      }),
      { numRuns: 500 },
    );
  });

  it('splits a running session: the last piece keeps running, with its open pause', () => {
    const s: Span = { startTime: 0, endTime: null, pausedMs: 0, pauseStartedAt: 50, pauses: [{ start: 10, end: 20 }] };
    const [a, b] = splitSpan(s, [40], 100);
    expect(a).to.deep.equal({
      startTime: 0,
      endTime: 40,
      pausedMs: 10,
      pauseStartedAt: null,
      pauses: [{ start: 10, end: 20 }],
    });
    expect(b).to.deep.equal({ startTime: 40, endTime: null, pausedMs: 0, pauseStartedAt: 50, pauses: [] });
  });
});
