import { expect } from 'chai';
import fc from 'fast-check';

import type { Session } from '../../../../../shared/session.ts';
import type { Tag } from '../../../../../shared/tag.ts';
import { rejection, startDataWorker, uniqueDbName, useDataWorker } from '../../../harness/worker-harness.ts';

const MIN = 60_000;
const T = new Date(2026, 10, 20, 9, 0).getTime();

describe('undo and redo (journal in the database, real OPFS)', () => {
  const handle = useDataWorker('undo');

  it('undoes and redoes timer actions and edits, naming each', async () => {
    const a = await handle.api.startTimer({ name: 'Write report', startTime: Date.now() - 10 * MIN });
    await handle.api.pauseTimer({ id: a.id });
    await handle.api.resumeTimer({ id: a.id });
    await handle.api.stopTimer({ id: a.id });
    await handle.api.updateSession({ id: a.id, patch: { name: 'Renamed' } });
    expect((await handle.api.undoState()).undo?.label).to.equal('Edit “Renamed”');
    const labels: string[] = [];
    for (let i = 0; i < 5; i++) labels.push((await handle.api.undo()).action.label);
    expect(labels).to.deep.equal([
      'Edit “Renamed”',
      'Stop “Write report”',
      'Resume “Write report”',
      'Pause “Write report”',
      'Start “Write report”',
    ]);
    expect((await rejection(handle.api.getSession(a.id))).code, 'the start is undone: the session is gone').to.equal(
      'NOT_FOUND',
    );
    expect((await rejection(handle.api.undo())).message).to.equal('Nothing to undo');
    for (let i = 0; i < 5; i++) await handle.api.redo();
    expect((await handle.api.getSession(a.id)).name).to.equal('Renamed');
    expect((await rejection(handle.api.redo())).message).to.equal('Nothing to redo');
    const state = await handle.api.undoState();
    expect(state).to.include({ undoCount: 5, redoCount: 0 });
  });

  it('keeps at least 100 levels, and a new action clears the redo stack', async () => {
    const s = (await handle.api.addSession({ startTime: T, endTime: T + MIN, name: 'n0' })).sessions[0]!;
    for (let i = 1; i <= 120; i++) await handle.api.updateSession({ id: s.id, patch: { name: `n${i}` } });
    for (let i = 0; i < 100; i++) await handle.api.undo();
    expect((await handle.api.getSession(s.id)).name).to.equal('n20');
    await handle.api.updateSession({ id: s.id, patch: { billable: true } });
    expect((await handle.api.undoState()).redoCount).to.equal(0);
  });

  it('works across a worker restart', async () => {
    const s = (await handle.api.addSession({ startTime: T, endTime: T + 30 * MIN, name: 'before' })).sessions[0]!;
    await handle.api.splitSession({ id: s.id, at: [T + 10 * MIN] });
    handle.worker.terminate();
    handle.replace();
    await handle.api.open({ name: handle.dbName });
    expect((await handle.api.undo()).action.label).to.equal('Split “before”');
    expect((await handle.api.getSession(s.id)).endTime).to.equal(T + 30 * MIN);
    handle.worker.terminate();
    handle.replace();
    await handle.api.open({ name: handle.dbName });
    await handle.api.redo();
    expect((await handle.api.getSession(s.id)).endTime).to.equal(T + 10 * MIN);
  });

  it('refuses with CONFLICT to undo an action whose session another window changed since, and changes nothing', async () => {
    const other = startDataWorker();
    try {
      await other.api.open({ name: handle.dbName });
      const s = (await handle.api.addSession({ startTime: T, endTime: T + 30 * MIN, name: 'mine' })).sessions[0]!;
      const mine = await handle.api.updateSession({ id: s.id, patch: { name: 'edited here' } });
      await other.api.updateSession({ id: s.id, patch: { name: 'edited there' } });
      const e = await rejection(handle.api.undo({ actionId: mine.action!.id }));
      expect(e.code).to.equal('CONFLICT');
      expect(e.message).to.contain('edited since');
      expect((await handle.api.getSession(s.id)).name).to.equal('edited there');
      // the newest action (the other window's) can be undone; then mine can too
      await handle.api.undo();
      await handle.api.undo({ actionId: mine.action!.id });
      expect((await other.api.getSession(s.id)).name).to.equal('mine');
      expect((await rejection(handle.api.undo({ actionId: mine.action!.id }))).code).to.equal('NOT_FOUND');
      expect((await rejection(handle.api.undo({ actionId: -1 } as never))).code).to.equal('VALIDATION');
    } finally {
      other.worker.terminate();
    }
  });

  it('property: any sequence of edits followed by as many undos restores the rows exactly; redo replays them', async function () {
    this.timeout(120_000);
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('add' as const),
        at: fc.integer({ min: 0, max: 600 }),
        len: fc.integer({ min: 1, max: 120 }),
        tag: fc.constantFrom('a', 'B', 'ü'),
      }),
      fc.record({
        kind: fc.constant('rename' as const),
        i: fc.nat(),
        name: fc.string({ maxLength: 12 }).filter((x) => !x.includes('\0')),
      }),
      fc.record({ kind: fc.constant('move' as const), i: fc.nat(), by: fc.integer({ min: -90, max: 90 }) }),
      fc.record({
        kind: fc.constant('split' as const),
        i: fc.nat(),
        f: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
      }),
      fc.record({ kind: fc.constant('merge' as const), i: fc.nat(), j: fc.nat() }),
      fc.record({
        kind: fc.constant('bulk' as const),
        i: fc.nat(),
        tag: fc.constantFrom('a', 'c'),
        billable: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('delete' as const), i: fc.nat() }),
      fc.record({ kind: fc.constant('duplicate' as const), i: fc.nat() }),
      fc.record({ kind: fc.constant('timer' as const), name: fc.constantFrom('t1', 't2') }),
    );
    let run = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        handle.worker.terminate();
        handle.replace();
        await handle.api.open({ name: uniqueDbName(`undo-prop-${run++}`) });
        const api = handle.api;
        const seed: Session[] = [];
        for (let k = 0; k < 3; k++)
          seed.push(
            (
              await api.addSession({
                startTime: T + k * 120 * MIN,
                endTime: T + k * 120 * MIN + 60 * MIN,
                name: `s${k}`,
                tags: ['a'],
              })
            ).sessions[0]!,
          );
        const snapshot = async () => {
          const page = await api.listSessions({ from: T - 86_400_000, to: T + 2 * 86_400_000, limit: 1000 });
          const running = await api.runningTimer();
          return { sessions: page.sessions, running, tags: await api.listTags() };
        };
        const before = await snapshot();
        const live = async () =>
          (await api.listSessions({ from: T - 86_400_000, to: T + 2 * 86_400_000, limit: 1000 })).sessions;
        let actions = 0;
        for (const o of ops) {
          const sessions = await live();
          const pick = (i: number): Session | undefined => sessions[i % Math.max(1, sessions.length)];
          const counted = (r: { action: unknown } | null) => {
            if (r && r.action) actions++;
          };
          try {
            if (o.kind === 'add')
              counted(
                await api.addSession({
                  startTime: T + o.at * MIN,
                  durationMs: o.len * MIN,
                  tags: [o.tag],
                  overlap: 'trim-others',
                }),
              );
            else if (o.kind === 'rename' && pick(o.i))
              counted(await api.updateSession({ id: pick(o.i)!.id, patch: { name: o.name } }));
            else if (o.kind === 'move' && pick(o.i) && pick(o.i)!.endTime !== null)
              counted(
                await api.updateSession({
                  id: pick(o.i)!.id,
                  patch: { startTime: pick(o.i)!.startTime + o.by * MIN },
                  overlap: 'keep',
                }),
              );
            else if (o.kind === 'split' && pick(o.i) && pick(o.i)!.endTime !== null) {
              const s = pick(o.i)!;
              const at = Math.round(s.startTime + (s.endTime! - s.startTime) * o.f);
              if (at > s.startTime && at < s.endTime!) counted(await api.splitSession({ id: s.id, at: [at] }));
            } else if (o.kind === 'merge' && sessions.length >= 2 && o.i % sessions.length !== o.j % sessions.length) {
              counted(await api.mergeSessions({ ids: [pick(o.i)!.id, pick(o.j)!.id], overlap: 'keep' }));
            } else if (o.kind === 'bulk' && sessions.length > 0) {
              counted(
                await api.bulkUpdate({
                  ids: sessions.slice(0, 1 + (o.i % sessions.length)).map((s) => s.id),
                  change: { addTags: [o.tag], billable: o.billable },
                }),
              );
            } else if (o.kind === 'delete' && pick(o.i)) counted(await api.bulkDelete({ ids: [pick(o.i)!.id] }));
            else if (o.kind === 'duplicate' && pick(o.i) && pick(o.i)!.endTime !== null)
              counted(await api.duplicateSession({ id: pick(o.i)!.id, overlap: 'keep' }));
            else if (o.kind === 'timer') {
              await api.startTimer({ name: o.name });
              actions++;
            }
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (code !== 'VALIDATION' && code !== 'CONFLICT') throw error; // refusals change nothing and record nothing
          }
        }
        total += actions;
        const after = await snapshot();
        for (let k = 0; k < actions; k++) await api.undo();
        expect(await snapshot()).to.deep.equal(before);
        for (let k = 0; k < seed.length; k++)
          expect(await api.getSession(seed[k]!.id)).to.deep.equal(before.sessions.find((s) => s.id === seed[k]!.id));
        for (let k = 0; k < actions; k++) await api.redo();
        const redone = await snapshot();
        expect(redone.sessions).to.deep.equal(after.sessions);
        expect(redone.tags.map((t: Tag) => t.id)).to.deep.equal(after.tags.map((t: Tag) => t.id));
      }),
      { numRuns: 25 },
    );
    expect(total, 'the sequences did change things').to.be.greaterThan(50);
  });
});
