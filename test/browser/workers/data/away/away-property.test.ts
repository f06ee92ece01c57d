import { expect } from 'chai';
import fc from 'fast-check';

import type { GapChoice } from '../../../../../shared/away.ts';
import { placedMs, subtract, union } from '../../../../../shared/session-math.ts';
import { rejection, useDataWorker } from '../../../harness/worker-harness.ts';

const MIN = 60_000;
type Interval = { start: number; end: number };
type Op =
  | { kind: 'resolve'; gap: number; choice: GapChoice }
  | { kind: 'all'; choice: Exclude<GapChoice, 'log-other'> }
  | { kind: 'undo' }
  | { kind: 'redo' };

const length = (xs: readonly Interval[]) => xs.reduce((sum, x) => sum + x.end - x.start, 0);

/** What the session should be after the applied choices, worked out from intervals alone. */
function expected(
  session: Interval,
  gaps: readonly Interval[],
  applied: readonly { gaps: number[]; choice: GapChoice }[],
) {
  let end = session.end;
  let deleted = false;
  let holes: Interval[] = [];
  let logged = 0;
  for (const action of applied) {
    for (const i of [...action.gaps].sort((a, b) => gaps[a]!.start - gaps[b]!.start)) {
      const g = gaps[i]!;
      const clip = deleted ? null : { start: Math.max(g.start, session.start), end: Math.min(g.end, end) };
      const inside = clip && clip.end > clip.start ? clip : null;
      if (action.choice === 'log-other') logged += g.end - g.start;
      if (!inside || action.choice === 'keep') continue;
      if (action.choice === 'discard') {
        if (inside.start <= session.start) deleted = true;
        else end = inside.start;
      } else holes = union([...holes, inside]);
    }
  }
  holes = holes.map((h) => ({ start: h.start, end: Math.min(h.end, end) })).filter((h) => h.end > h.start);
  const worked = deleted ? 0 : length(subtract(session.start, end, holes));
  return { end, deleted, paused: length(holes), worked, logged };
}

describe('away time: any sequence of choices and undos keeps worked time consistent (property, real worker)', () => {
  const handle = useDataWorker('away-property');

  it('sessions always equal the interval algebra: span minus pauses, logged entries the gaps', async () => {
    let day = 0;
    const gapsArb = fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 4 }).chain((slots) =>
      fc.tuple(
        ...slots.map((slot) =>
          fc.record({
            slot: fc.constant(slot),
            offset: fc.integer({ min: 0, max: 20 }),
            len: fc.integer({ min: 5, max: 40 }),
          }),
        ),
      ),
    );
    const opArb = (n: number): fc.Arbitrary<Op> =>
      fc.oneof(
        {
          weight: 4,
          arbitrary: fc.record({
            kind: fc.constant('resolve' as const),
            gap: fc.integer({ min: 0, max: n - 1 }),
            choice: fc.constantFrom<GapChoice>('keep', 'discard', 'discard-continue', 'log-other', 'break'),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            kind: fc.constant('all' as const),
            choice: fc.constantFrom('keep' as const, 'discard' as const, 'discard-continue' as const, 'break' as const),
          }),
        },
        { weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
        { weight: 1, arbitrary: fc.constant({ kind: 'redo' as const }) },
      );
    const out = await fc.check(
      fc.asyncProperty(
        gapsArb.chain((g) => fc.tuple(fc.constant(g), fc.array(opArb(g.length), { minLength: 1, maxLength: 10 }))),
        fc.integer({ min: 0, max: 60 }),
        async ([gapSpecs, ops], lead) => {
          // each run on a day of its own, weeks back, so runs never meet
          day++;
          const base = Math.floor(Date.now() / MIN) * MIN - (20 + day) * 86_400_000;
          // slot 0 may start before the session (a gap longer than the session)
          const session = { start: base + lead * MIN, end: base + 10 * 60 * MIN };
          const added = await handle.api.addSession({ name: 'work', startTime: session.start, endTime: session.end });
          const s = added.sessions[0]!;
          const gaps: Interval[] = [];
          const ids: string[] = [];
          for (const spec of gapSpecs) {
            const g = {
              start: base + spec.slot * 60 * MIN + spec.offset * MIN,
              end: base + spec.slot * 60 * MIN + (spec.offset + spec.len) * MIN,
            };
            const out = await handle.api.recordGap({ source: 'clock-jump', ...g });
            // under five minutes of it inside the session: not asked about
            const inside = Math.min(g.end, session.end) - Math.max(g.start, session.start);
            expect(out.gap !== null, 'recorded when long enough inside the session').to.equal(inside >= 5 * MIN);
            if (!out.gap) continue;
            gaps.push(g);
            ids.push(out.gap.id);
          }
          if (gaps.length === 0) return;
          const done: { gaps: number[]; choice: GapChoice }[] = [];
          const redo: { gaps: number[]; choice: GapChoice }[] = [];
          const pendingIdx = () => gaps.map((_, i) => i).filter((i) => !done.some((a) => a.gaps.includes(i)));
          for (const op of ops) {
            if (op.kind === 'undo') {
              if (done.length === 0) continue;
              await handle.api.undo();
              redo.push(done.pop()!);
            } else if (op.kind === 'redo') {
              if (redo.length === 0) continue;
              await handle.api.redo();
              done.push(redo.pop()!);
            } else if (op.kind === 'all') {
              const open = pendingIdx();
              await handle.api.resolveGaps({ ids, choice: op.choice });
              if (open.length > 0) {
                done.push({ gaps: open, choice: op.choice });
                redo.length = 0;
              }
            } else if (op.gap >= gaps.length) {
              continue;
            } else if (!pendingIdx().includes(op.gap)) {
              const again = handle.api.resolveGap({ id: ids[op.gap]!, choice: op.choice, entry: { name: 'other' } });
              expect((await rejection(again)).code).to.equal('CONFLICT');
            } else {
              await handle.api.resolveGap({
                id: ids[op.gap]!,
                choice: op.choice,
                ...(op.choice === 'log-other' ? { entry: { name: 'other' } } : {}),
              });
              done.push({ gaps: [op.gap], choice: op.choice });
              redo.length = 0;
            }
            const want = expected(session, gaps, done);
            const now = await handle.api.getSession(s.id);
            const label = JSON.stringify({ gaps, session, done });
            expect(now.deletedAt !== null, `deleted ${label}`).to.equal(want.deleted);
            if (!want.deleted) {
              expect(now.endTime, `end ${label}`).to.equal(want.end);
              expect(now.pausedMs, `paused ${label}`).to.equal(want.paused);
              expect(now.pausedMs, 'every paused ms is a placed pause').to.equal(placedMs(now.pauses));
              expect(union(now.pauses), 'pauses never overlap').to.deep.equal(now.pauses);
              expect(now.endTime! - now.startTime - now.pausedMs, `worked ${label}`).to.equal(want.worked);
            }
            const list = await handle.api.sessionsInRange({ from: base - 60 * MIN, to: base + 12 * 60 * MIN });
            const others = list.sessions.filter((x) => x.id !== s.id);
            expect(
              others.reduce((sum, x) => sum + (x.endTime! - x.startTime - x.pausedMs), 0),
              `logged ${label}`,
            ).to.equal(want.logged);
            const pending = new Set((await handle.api.pendingGaps()).map((g) => g.id));
            expect(
              ids.filter((id) => pending.has(id)),
              'pending gaps',
            ).to.deep.equal(pendingIdx().map((i) => ids[i]!));
          }
        },
      ),
      { numRuns: 40 },
    );
    // the failing assertion itself, not only fast-check's summary
    if (out.failed) throw new Error(`${String(out.errorInstance)}\n${JSON.stringify(out.counterexample)}`);
  });
});
