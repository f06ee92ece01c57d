import { expect } from 'chai';

import type { AwayGap } from '../../../../../shared/away.ts';
import type { Session } from '../../../../../shared/session.ts';
import { rejection, useDataWorker } from '../../../harness/worker-harness.ts';

const MIN = 60_000;
const worked = (s: Session, now: number) =>
  (s.endTime ?? now) - s.startTime - s.pausedMs - (s.pauseStartedAt === null ? 0 : now - s.pauseStartedAt);

describe('away time: gaps and their review in the data worker (real OPFS)', () => {
  const handle = useDataWorker('away');
  // a timer started three hours ago (the worker refuses running timers that start in the future)
  let T = 0;
  beforeEach(() => {
    T = Math.floor((Date.now() - 3 * 60 * MIN) / MIN) * MIN;
  });
  const start = (at = T, name = 'Write report') => handle.api.startTimer({ name, startTime: at });
  const gap = async (source: 'idle' | 'lock' | 'suspend', from: number, to: number) => {
    await handle.api.gapStarted({ source, at: from });
    return (await handle.api.gapEnded({ source, at: to })).gap;
  };
  const session = (id: string) => handle.api.getSession(id);

  it('records a gap as its events arrive; a short one, or one without a timer, is not asked about', async () => {
    expect((await handle.api.gapStarted({ source: 'idle', at: T })).gap, 'no timer: nothing').to.equal(null);
    const s = await start();
    const opened = (await handle.api.gapStarted({ source: 'idle', at: T + 10 * MIN })).gap!;
    expect(opened).to.include({ state: 'open', source: 'idle', start: T + 10 * MIN, end: null, sessionId: s.id });
    expect(await handle.api.pendingGaps(), 'open gaps wait for their end').to.deep.equal([]);
    const closed = (await handle.api.gapEnded({ source: 'idle', at: T + 55 * MIN })).gap!;
    expect(closed).to.include({ id: opened.id, state: 'pending', end: T + 55 * MIN });
    // two minutes away is under the five-minute threshold
    expect(await gap('idle', T + 60 * MIN, T + 62 * MIN)).to.equal(null);
    expect((await handle.api.pendingGaps()).map((g) => g.id)).to.deep.equal([opened.id]);
  });

  it('keep: the session is unchanged; undo makes the gap pending again', async () => {
    const s = await start();
    const g = (await gap('idle', T + 30 * MIN, T + 75 * MIN))!;
    const out = await handle.api.resolveGap({ id: g.id, choice: 'keep' });
    expect(out.action?.label).to.equal('Away time kept as work');
    expect(out.gaps[0]).to.include({ state: 'resolved', choice: 'keep' });
    expect(await session(s.id)).to.deep.equal(s);
    expect(await handle.api.pendingGaps()).to.deep.equal([]);
    await handle.api.undo();
    expect((await handle.api.pendingGaps()).map((x) => x.state)).to.deep.equal(['pending']);
    await handle.api.redo();
    expect(await handle.api.pendingGaps()).to.deep.equal([]);
  });

  it('discard: the timer stops at the gap start; undo lets it run again', async () => {
    const s = await start();
    const g = (await gap('lock', T + 30 * MIN, T + 75 * MIN))!;
    const out = await handle.api.resolveGap({ id: g.id, choice: 'discard' });
    expect(out.action?.label).to.match(/stopped/);
    expect(await session(s.id)).to.include({ endTime: T + 30 * MIN, pausedMs: 0 });
    expect(await handle.api.runningTimer()).to.equal(null);
    await handle.api.undo();
    expect(await session(s.id)).to.deep.equal(s);
    expect((await handle.api.runningTimer())?.id).to.equal(s.id);
  });

  it('discard and continue: the gap becomes a pause of exactly its length; undo restores', async () => {
    const s = await start();
    const g = (await gap('idle', T + 30 * MIN, T + 70 * MIN))!;
    await handle.api.resolveGap({ id: g.id, choice: 'discard-continue' });
    const after = await session(s.id);
    expect(after).to.include({ endTime: null, pausedMs: 40 * MIN });
    expect(after.pauses).to.deep.equal([{ start: T + 30 * MIN, end: T + 70 * MIN }]);
    const now = Date.now();
    expect(worked(after, now)).to.equal(worked(s, now) - 40 * MIN);
    await handle.api.undo();
    expect(await session(s.id)).to.deep.equal(s);
    expect((await handle.api.pendingGaps())[0]?.id).to.equal(g.id);
  });

  it('log as something else: the gap leaves the session and becomes its own entry; undo removes it', async () => {
    const s = await start();
    const project = await handle.api.createProject({ name: 'Meetings' });
    const g = (await gap('idle', T + 30 * MIN, T + 70 * MIN))!;
    const out = await handle.api.resolveGap({
      id: g.id,
      choice: 'log-other',
      entry: { name: 'Call with Bob', projectId: project.id, tags: ['call'], billable: true },
    });
    expect(out.action?.label).to.equal('Away time logged as “Call with Bob”');
    const logged = await session(out.gaps[0]!.loggedId!);
    expect(logged).to.include({ name: 'Call with Bob', projectId: project.id, billable: true, endTime: T + 70 * MIN });
    expect(logged.startTime).to.equal(T + 30 * MIN);
    expect(logged.tagIds).to.have.length(1);
    expect((await session(s.id)).pauses).to.deep.equal([{ start: T + 30 * MIN, end: T + 70 * MIN }]);
    await handle.api.undo();
    expect(await session(s.id)).to.deep.equal(s);
    expect((await rejection(session(logged.id))).code).to.equal('NOT_FOUND');
    expect(await handle.api.listTags(), 'the tag it made is gone too').to.deep.equal([]);
  });

  it('log as something else with a range of its own (the quick-entry line changed it)', async () => {
    const s = await start();
    const g = (await gap('idle', T + 30 * MIN, T + 70 * MIN))!;
    const out = await handle.api.resolveGap({
      id: g.id,
      choice: 'log-other',
      entry: { name: 'Lunch', startTime: T + 35 * MIN, endTime: T + 65 * MIN },
    });
    expect(await session(out.gaps[0]!.loggedId!)).to.include({ startTime: T + 35 * MIN, endTime: T + 65 * MIN });
    expect((await session(s.id)).pauses).to.deep.equal([{ start: T + 35 * MIN, end: T + 65 * MIN }]);
  });

  it('mark as break: cut out and remembered as a break; undo restores', async () => {
    const s = await start();
    const g = (await gap('suspend', T + 30 * MIN, T + 50 * MIN))!;
    const out = await handle.api.resolveGap({ id: g.id, choice: 'break' });
    expect(out.gaps[0]).to.include({ choice: 'break', state: 'resolved' });
    expect((await session(s.id)).pausedMs).to.equal(20 * MIN);
    await handle.api.undo();
    expect(await session(s.id)).to.deep.equal(s);
  });

  it('apply to all: several gaps, one choice, one undoable action', async () => {
    const s = await start();
    const ids = [];
    for (const from of [20, 60, 100]) ids.push((await gap('idle', T + from * MIN, T + (from + 10) * MIN))!.id);
    const before = (await handle.api.undoState()).undoCount;
    const out = await handle.api.resolveGaps({ ids, choice: 'discard-continue' });
    expect(out.action?.label).to.equal('3 away times cut out');
    expect((await handle.api.undoState()).undoCount).to.equal(before + 1);
    expect((await session(s.id)).pausedMs).to.equal(30 * MIN);
    await handle.api.undo();
    expect(await session(s.id)).to.deep.equal(s);
    expect(await handle.api.pendingGaps()).to.have.length(3);
    // discard for all: the first gap stops the timer, the later ones find nothing of it left
    await handle.api.resolveGaps({ ids, choice: 'discard' });
    expect(await session(s.id)).to.include({ endTime: T + 20 * MIN });
    expect(await handle.api.pendingGaps()).to.deep.equal([]);
  });

  it('a gap two windows saw is one gap, reviewed once', async () => {
    await start();
    const other = handle.another();
    expect((await other.api.open({ name: handle.dbName })).role).to.equal('proxy');
    await handle.api.gapStarted({ source: 'lock', at: T + 30 * MIN });
    await other.api.gapStarted({ source: 'lock', at: T + 30 * MIN + 400 });
    await other.api.gapEnded({ source: 'lock', at: T + 80 * MIN + 300 });
    await handle.api.gapEnded({ source: 'lock', at: T + 80 * MIN });
    const pending = await other.api.pendingGaps();
    expect(pending).to.have.length(1);
    await other.api.resolveGap({ id: pending[0]!.id, choice: 'discard-continue' });
    const again = await rejection(handle.api.resolveGap({ id: pending[0]!.id, choice: 'discard-continue' }));
    expect(again.code).to.equal('CONFLICT');
    expect(again.message).to.match(/already reviewed/);
    // cut once, from the first start to the first end either window reported
    expect((await handle.api.runningTimer())?.pausedMs, 'cut once').to.equal(50 * MIN + 300);
  });

  it('idle and a lock sharing time are one review; time reviewed already is not asked about again', async () => {
    await start();
    await handle.api.gapStarted({ source: 'idle', at: T + 10 * MIN });
    await handle.api.gapStarted({ source: 'lock', at: T + 20 * MIN });
    await handle.api.gapEnded({ source: 'lock', at: T + 50 * MIN });
    await handle.api.gapEnded({ source: 'idle', at: T + 55 * MIN });
    const [one, ...rest] = await handle.api.pendingGaps();
    expect(rest).to.deep.equal([]);
    expect(one).to.include({ start: T + 10 * MIN, end: T + 55 * MIN, source: 'idle' });
    await handle.api.resolveGap({ id: one!.id, choice: 'keep' });
    // the same stretch, reported once more (an app-gone check after a sleep, say)
    expect((await handle.api.recordGap({ source: 'clock-jump', start: T + 12 * MIN, end: T + 50 * MIN })).gap).to.equal(
      null,
    );
    const tail = (await handle.api.recordGap({ source: 'clock-jump', start: T + 40 * MIN, end: T + 90 * MIN })).gap!;
    expect(tail, 'only the part not reviewed').to.include({ start: T + 55 * MIN, end: T + 90 * MIN });
  });

  it('events out of order: a resume before its suspend still makes the gap', async () => {
    await start();
    expect((await handle.api.gapEnded({ source: 'suspend', at: T + 90 * MIN })).gap).to.equal(null);
    expect(await handle.api.pendingGaps()).to.deep.equal([]);
    const g = (await handle.api.gapStarted({ source: 'suspend', at: T + 30 * MIN })).gap!;
    expect(g).to.include({ state: 'pending', start: T + 30 * MIN, end: T + 90 * MIN });
    // a flood of the same event from a second window changes nothing
    for (let i = 0; i < 5; i++) await handle.api.gapEnded({ source: 'suspend', at: T + 90 * MIN + i * 1000 });
    expect(await handle.api.pendingGaps()).to.have.length(1);
  });

  it('a window launching ends what a reload cut short, and leaves no orphan end when nothing was open', async () => {
    await start();
    expect((await handle.api.gapEnded({ source: 'idle', at: T + 20 * MIN, ifOpen: true })).gap).to.equal(null);
    expect(
      (await handle.api.gapStarted({ source: 'idle', at: T + 10 * MIN })).gap!.state,
      'no orphan to pair',
    ).to.equal('open');
    const closed = (await handle.api.gapEnded({ source: 'idle', at: T + 60 * MIN, ifOpen: true })).gap!;
    expect(closed).to.include({ state: 'pending', start: T + 10 * MIN, end: T + 60 * MIN });
  });

  it('a gap longer than the session: clipped to the session (all of it: discard deletes it)', async () => {
    const s = await start(T + 30 * MIN);
    const g = (await handle.api.recordGap({ source: 'clock-jump', start: T, end: T + 60 * MIN })).gap!;
    expect(g.sessionId).to.equal(s.id);
    await handle.api.resolveGap({ id: g.id, choice: 'discard-continue' });
    expect((await session(s.id)).pauses).to.deep.equal([{ start: T + 30 * MIN, end: T + 60 * MIN }]);
    await handle.api.undo();
    await handle.api.resolveGap({ id: g.id, choice: 'discard' });
    expect((await session(s.id)).deletedAt).to.not.equal(null);
    await handle.api.undo();
    expect(await session(s.id)).to.deep.equal(s);
  });

  it('a gap reaching into a session edited meanwhile: only what the session still covers is cut', async () => {
    const s = await start();
    const g = (await gap('idle', T + 30 * MIN, T + 70 * MIN))!;
    await handle.api.stopTimer({ id: s.id, endTime: T + 40 * MIN });
    await handle.api.resolveGap({ id: g.id, choice: 'discard-continue' });
    expect(await session(s.id)).to.include({ endTime: T + 40 * MIN, pausedMs: 10 * MIN });
    // a gap whose session was deleted meanwhile is only marked reviewed
    const s2 = await start(T + 80 * MIN, 'second');
    const g2 = (await gap('idle', T + 90 * MIN, T + 120 * MIN))!;
    await handle.api.deleteSession(s2.id);
    const out = await handle.api.resolveGap({ id: g2.id, choice: 'discard' });
    expect(out.gaps[0]!.state).to.equal('resolved');
  });

  it('a gap across midnight and the end of daylight saving time (America/New_York)', async () => {
    // Sat 31 Oct 2026 22:00 EDT to Sun 1 Nov 03:00 EST: the night is 25 hours long
    const from = new Date(2026, 9, 31, 22, 0).getTime();
    const to = new Date(2026, 10, 1, 3, 0).getTime();
    expect(to - from).to.equal(6 * 60 * MIN);
    const added = await handle.api.addSession({ name: 'night shift', startTime: from - 60 * MIN, endTime: to + MIN });
    const s = added.sessions[0]!;
    const g = (await handle.api.recordGap({ source: 'clock-jump', start: from, end: to })).gap!;
    await handle.api.resolveGap({ id: g.id, choice: 'discard-continue' });
    expect((await session(s.id)).pausedMs).to.equal(6 * 60 * MIN);
    const days = await handle.api.totalsByProjectDay({ from: from - 3 * 60 * MIN, to: to + 3 * 60 * MIN });
    expect(days.reduce((sum, d) => sum + d.ms, 0)).to.equal(61 * MIN);
  });

  it('the app gone while a timer ran: the next heartbeat finds the silence', async () => {
    const s = await start();
    expect((await handle.api.heartbeat({ at: T + 10 * MIN })).gap).to.equal(null);
    expect((await handle.api.heartbeat({ at: T + 11 * MIN })).gap, 'a minute later: fine').to.equal(null);
    handle.replace(); // the window crashed
    await handle.api.open({ name: handle.dbName });
    const g = (await handle.api.heartbeat({ at: T + 51 * MIN })).gap!;
    expect(g).to.include({ source: 'app-gone', start: T + 11 * MIN, end: T + 51 * MIN, sessionId: s.id });
    // another window launching a moment later: the same gap, not a second one
    expect((await handle.api.heartbeat({ at: T + 51 * MIN + 2000 })).gap).to.equal(null);
    expect(await handle.api.pendingGaps()).to.have.length(1);
  });

  it('on lock / on sleep: discard automatically (undoable) or keep without asking', async () => {
    const s = await start();
    await handle.api.updateSettings({ awayOnLock: 'discard', awayOnSleep: 'keep' });
    const locked = await gap('lock', T + 10 * MIN, T + 30 * MIN);
    expect(locked).to.include({ state: 'resolved', choice: 'discard-continue' });
    const auto = await handle.api.gapEnded({ source: 'lock', at: T + 30 * MIN });
    expect(auto.action, 'the duplicate end does nothing more').to.equal(null);
    expect((await session(s.id)).pausedMs).to.equal(20 * MIN);
    expect((await handle.api.undoState()).undo?.label).to.equal('Away time cut out automatically');
    expect(await gap('suspend', T + 40 * MIN, T + 60 * MIN)).to.include({ state: 'resolved', choice: 'keep' });
    expect((await session(s.id)).pausedMs).to.equal(20 * MIN);
    expect(await handle.api.pendingGaps()).to.deep.equal([]);
  });

  it('refuses bad input and changes nothing', async () => {
    await start();
    const bad: [string, Promise<unknown>][] = [
      ['source', handle.api.gapStarted({ source: 'nap' as never, at: T })],
      ['at', handle.api.gapStarted({ source: 'idle', at: 'soon' as never })],
      ['range', handle.api.recordGap({ source: 'clock-jump', start: T + MIN, end: T })],
      ['entry', handle.api.resolveGap({ id: crypto.randomUUID(), choice: 'log-other' })],
      ['choice', handle.api.resolveGap({ id: crypto.randomUUID(), choice: 'nap' as never })],
      ['all log', handle.api.resolveGaps({ ids: [crypto.randomUUID()], choice: 'log-other' as never })],
    ];
    for (const [what, call] of bad) expect((await rejection(call)).code, what).to.equal('VALIDATION');
    expect((await rejection(handle.api.resolveGap({ id: crypto.randomUUID(), choice: 'keep' }))).code).to.equal(
      'NOT_FOUND',
    );
    expect(await handle.api.pendingGaps()).to.deep.equal([] as AwayGap[]);
  });
});
