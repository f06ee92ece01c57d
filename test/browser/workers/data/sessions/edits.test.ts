import { expect } from 'chai';

import type { Overlap } from '../../../../../shared/session-edits.ts';
import type { Session } from '../../../../../shared/session.ts';
import { rejection, useDataWorker } from '../../../harness/worker-harness.ts';

const MIN = 60_000;
const T = new Date(2026, 10, 20, 9, 0).getTime(); // 20 Nov 2026 09:00 local (America/New_York in these tests)
const worked = (a: Session) => (a.endTime ?? 0) - a.startTime - a.pausedMs;

describe('correcting time: session edits in the data worker (real OPFS)', () => {
  const handle = useDataWorker('edits');

  const add = (start: number, end: number, extra: Record<string, unknown> = {}) =>
    handle.api.addSession({ name: 'work', startTime: start, endTime: end, ...extra }).then((r) => r.sessions[0]!);

  it('adds a manual session by start + end or start + duration, with tags and billable', async () => {
    const a = await add(T, T + 60 * MIN, { tags: ['Client', 'deep work'], billable: true, description: 'notes' });
    expect(a).to.include({ startTime: T, endTime: T + 60 * MIN, billable: true, isManual: true, description: 'notes' });
    expect(a.tagIds).to.have.length(2);
    const tags = await handle.api.listTags();
    expect(tags.map((t) => t.name)).to.deep.equal(['Client', 'deep work']);
    const b = (await handle.api.addSession({ startTime: T + 2 * 60 * MIN, durationMs: 45 * MIN, tags: ['client'] }))
      .sessions[0]!;
    expect(b.endTime).to.equal(T + 165 * MIN);
    expect(b.tagIds, 'tag matched without case').to.deep.equal([tags[0]!.id]);
  });

  it('refuses bad manual sessions and changes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ startTime: T, endTime: T - 1 }, 'VALIDATION'],
      [{ startTime: T, endTime: T }, 'VALIDATION'],
      [{ startTime: T }, 'VALIDATION'],
      [{ startTime: T, endTime: T + MIN, durationMs: MIN }, 'VALIDATION'],
      [{ startTime: 'nine', endTime: T }, 'VALIDATION'],
      [{ startTime: T, endTime: T + MIN, name: 'a\0b' }, 'VALIDATION'],
      [{ startTime: T, endTime: T + MIN, tags: [''] }, 'VALIDATION'],
      [{ startTime: T, endTime: T + 11 * 366 * 86_400_000 }, 'VALIDATION'],
      [{ startTime: T, endTime: T + MIN, projectId: crypto.randomUUID() }, 'NOT_FOUND'],
    ];
    for (const [input, code] of cases) {
      const e = await rejection(handle.api.addSession(input as never));
      expect(e.code, JSON.stringify(input)).to.equal(code);
    }
    const page = await handle.api.listSessions({ from: T - 86_400_000, to: T + 86_400_000 });
    expect(page.sessions).to.have.length(0);
    expect(await handle.api.listTags()).to.have.length(0);
    expect((await handle.api.undoState()).undoCount).to.equal(0);
  });

  it('edits any field of a finished or running session', async () => {
    const a = await add(T, T + 60 * MIN);
    const project = await handle.api.createProject({ name: 'Website' });
    const edited = (
      await handle.api.updateSession({
        id: a.id,
        patch: {
          name: '  Renamed  ',
          projectId: project.id,
          description: 'd',
          billable: true,
          tags: ['x'],
          startTime: T + 5 * MIN,
          endTime: T + 65 * MIN,
        },
      })
    ).sessions[0]!;
    expect(edited).to.include({
      name: 'Renamed',
      projectId: project.id,
      billable: true,
      startTime: T + 5 * MIN,
      endTime: T + 65 * MIN,
    });
    const longer = (await handle.api.updateSession({ id: a.id, patch: { durationMs: 90 * MIN } })).sessions[0]!;
    expect(worked(longer)).to.equal(90 * MIN);

    // "I started 15 minutes ago": move a running timer's start
    const running = await handle.api.startTimer({ name: 'now' });
    const moved = (
      await handle.api.updateSession({ id: running.id, patch: { startTime: running.startTime - 15 * MIN } })
    ).sessions[0]!;
    expect(moved.endTime).to.equal(null);
    expect(moved.startTime).to.equal(running.startTime - 15 * MIN);
    const bad = await rejection(handle.api.updateSession({ id: running.id, patch: { durationMs: MIN } }));
    expect(bad.code).to.equal('VALIDATION');
    const future = await rejection(
      handle.api.updateSession({ id: running.id, patch: { startTime: Date.now() + 3_600_000 } }),
    );
    expect(future.code).to.equal('VALIDATION');
    const nothing = await rejection(handle.api.updateSession({ id: a.id, patch: {} }));
    expect(nothing.message).to.contain('nothing to change');
    const reversed = await rejection(handle.api.updateSession({ id: a.id, patch: { endTime: T - MIN } }));
    expect(reversed.code).to.equal('VALIDATION');
    expect((await handle.api.getSession(a.id)).endTime, 'refused edits changed nothing').to.equal(T + 95 * MIN);
  });

  it('an overlap question is not written to the error log; a real refusal is', async () => {
    await add(T, T + 60 * MIN, { name: 'first' });
    const asked = await rejection(
      handle.api.addSession({ name: 'second', startTime: T + 30 * MIN, endTime: T + 90 * MIN }),
    );
    expect(asked.code).to.equal('CONFLICT');
    expect((await handle.api.listErrors()).entries, 'a question is not an error').to.deep.equal([]);
    const bad = await rejection(handle.api.addSession({ name: 'x', startTime: T, endTime: T - MIN }));
    expect(bad.code).to.equal('VALIDATION');
    expect((await handle.api.listErrors()).entries.map((e) => e.code)).to.deep.equal(['VALIDATION']);
  });

  it('refuses a change that makes sessions overlap unless told what to do, and lists the overlaps', async () => {
    const a = await add(T, T + 60 * MIN, { name: 'first' });
    const b = await add(T + 60 * MIN, T + 120 * MIN, { name: 'second' });
    const e = await rejection(handle.api.updateSession({ id: b.id, patch: { startTime: T + 30 * MIN } }));
    expect(e.code).to.equal('CONFLICT');
    const overlaps = (e.details as { overlaps: Overlap[] }).overlaps;
    expect(overlaps).to.deep.equal([
      { id: b.id, otherId: a.id, otherName: 'first', from: T + 30 * MIN, to: T + 60 * MIN, covered: false },
    ]);
    expect((await handle.api.getSession(b.id)).startTime, 'nothing changed').to.equal(T + 60 * MIN);

    const kept = await handle.api.updateSession({ id: b.id, patch: { startTime: T + 30 * MIN }, overlap: 'keep' });
    expect(kept.overlaps).to.have.length(1);
    await handle.api.undo();

    const trimmedOther = await handle.api.updateSession({
      id: b.id,
      patch: { startTime: T + 30 * MIN },
      overlap: 'trim-others',
    });
    expect(trimmedOther.trimmed[0]).to.include({ id: a.id, endTime: T + 30 * MIN });
    await handle.api.undo();

    const trimmedThis = await handle.api.updateSession({
      id: b.id,
      patch: { startTime: T + 30 * MIN },
      overlap: 'trim-this',
    });
    expect(trimmedThis.sessions[0]).to.include({ startTime: T + 60 * MIN });
  });

  it('trim-others splits a session this one lands inside, and removes one it covers', async () => {
    const long = await add(T, T + 180 * MIN, { name: 'long', tags: ['t'] });
    const inside = await add(T + 200 * MIN, T + 210 * MIN, { name: 'short' });
    const asked = await rejection(
      handle.api.addSession({ name: 'meeting', startTime: T + 60 * MIN, endTime: T + 220 * MIN }),
    );
    const listed = (asked.details as { overlaps: Overlap[] }).overlaps.map((o) => [o.otherName, o.covered]);
    expect(listed, 'the question says which session lies wholly inside').to.deep.equal([
      ['long', false],
      ['short', true],
    ]);
    const r = await handle.api.addSession({
      name: 'meeting',
      startTime: T + 60 * MIN,
      endTime: T + 220 * MIN,
      overlap: 'trim-others',
    });
    const byId = new Map(r.trimmed.map((a) => [a.id, a]));
    expect(byId.get(long.id)).to.include({ startTime: T, endTime: T + 60 * MIN });
    expect(byId.get(inside.id)?.deletedAt).to.be.a('number');
    expect(r.action?.label, 'the Undo toast says a session was removed').to.equal('Add “meeting”, removing “short”');
    const day = await handle.api.listSessions({ from: T - MIN, to: T + 300 * MIN });
    expect(day.sessions.map((a) => [a.name, (a.startTime - T) / MIN, ((a.endTime ?? 0) - T) / MIN])).to.deep.equal([
      ['long', 0, 60],
      ['meeting', 60, 220],
    ]);
    const cut = await handle.api.addSession({
      name: 'inner',
      startTime: T + 20 * MIN,
      endTime: T + 30 * MIN,
      overlap: 'trim-others',
    });
    const pieces = cut.trimmed.filter((a) => a.name === 'long');
    expect(pieces.map((a) => [(a.startTime - T) / MIN, ((a.endTime ?? 0) - T) / MIN])).to.deep.equal([
      [0, 20],
      [30, 60],
    ]);
    expect(pieces[1]!.tagIds, 'the new piece keeps the tags').to.deep.equal(long.tagIds);
    const none = await rejection(
      handle.api.addSession({ startTime: T + 10 * MIN, endTime: T + 40 * MIN, overlap: 'trim-this' }),
    );
    expect(none.message).to.contain('No free time');
    await add(T + 250 * MIN, T + 260 * MIN);
    const apart = await rejection(
      handle.api.addSession({ startTime: T + 225 * MIN, endTime: T + 300 * MIN, overlap: 'trim-this' }),
    );
    expect(apart.message).to.contain('cut it in pieces');
    const fits = await handle.api.addSession({
      startTime: T + 200 * MIN,
      endTime: T + 240 * MIN,
      overlap: 'trim-this',
    });
    expect(fits.sessions[0]).to.include({ startTime: T + 220 * MIN, endTime: T + 240 * MIN });
  });

  it('splits at one or more times: pieces keep name, project, tags, billable; pauses go to their piece', async () => {
    const a = await add(T, T + 120 * MIN, { name: 'split me', tags: ['a'], billable: true });
    // a pause 50-70 via the timer path is not possible on a manual entry: merge two sessions to get a real pause
    const b = await add(T + 130 * MIN, T + 180 * MIN, { name: 'split me' });
    const merged = (await handle.api.mergeSessions({ ids: [a.id, b.id] })).sessions[0]!;
    expect(merged.pauses).to.deep.equal([{ start: T + 120 * MIN, end: T + 130 * MIN }]);
    expect(worked(merged)).to.equal(170 * MIN);
    const r = await handle.api.splitSession({ id: merged.id, at: [T + 60 * MIN, T + 125 * MIN] });
    expect(
      r.sessions.map((p) => [(p.startTime - T) / MIN, ((p.endTime ?? 0) - T) / MIN, p.pausedMs / MIN]),
    ).to.deep.equal([
      [0, 60, 0],
      [60, 125, 5],
      [125, 180, 5],
    ]);
    expect(r.sessions.every((p) => p.name === 'split me' && p.billable && p.tagIds.length === 1)).to.equal(true);
    expect(r.sessions.reduce((s, p) => s + worked(p), 0)).to.equal(170 * MIN);
    for (const at of [[T - MIN], [T + 180 * MIN], [T]]) {
      expect((await rejection(handle.api.splitSession({ id: merged.id, at }))).code).to.equal('VALIDATION');
    }
    expect((await rejection(handle.api.splitSession({ id: merged.id, at: [] }))).code).to.equal('VALIDATION');
  });

  it('merges: spans earliest to latest, gaps become pauses, tags united; refuses one session or a deleted one', async () => {
    const a = await add(T, T + 30 * MIN, { tags: ['x'] });
    const b = await add(T + 60 * MIN, T + 90 * MIN, { tags: ['y'] });
    expect((await rejection(handle.api.mergeSessions({ ids: [a.id] }))).code).to.equal('VALIDATION');
    expect((await rejection(handle.api.mergeSessions({ ids: [a.id, a.id] }))).code).to.equal('VALIDATION');
    await handle.api.deleteSession(b.id);
    expect((await rejection(handle.api.mergeSessions({ ids: [a.id, b.id] }))).code).to.equal('NOT_FOUND');
    await handle.api.restoreSession(b.id);
    const m = await handle.api.mergeSessions({ ids: [b.id, a.id] });
    expect(m.sessions[0]).to.include({
      id: a.id,
      startTime: T,
      endTime: T + 90 * MIN,
      pausedMs: 30 * MIN,
      source: 'merge',
    });
    expect(m.sessions[0]!.tagIds).to.have.length(2);
    expect((await handle.api.getSession(b.id)).deletedAt).to.be.a('number');
  });

  it('duplicates after the original, continues a past session as a new running timer', async () => {
    const a = await add(T, T + 30 * MIN, { name: 'again', tags: ['t'], billable: true });
    const copy = (await handle.api.duplicateSession({ id: a.id })).sessions[0]!;
    expect(copy).to.include({ startTime: T + 30 * MIN, endTime: T + 60 * MIN, name: 'again' });
    expect((await rejection(handle.api.duplicateSession({ id: a.id, startTime: T + 10 * MIN }))).code).to.equal(
      'CONFLICT',
    );
    const running = await handle.api.startTimer({ name: 'other' });
    const cont = (await handle.api.continueSession({ id: a.id })).sessions[0]!;
    expect(cont).to.include({ name: 'again', endTime: null, billable: true });
    expect(cont.tagIds).to.deep.equal(a.tagIds);
    expect((await handle.api.getSession(running.id)).endTime, 'the running one stopped').to.be.a('number');
    expect((await rejection(handle.api.continueSession({ id: cont.id }))).code).to.equal('CONFLICT');
  });

  it('bulk updates project, tags, billable, name, shift and duration; refuses 0 ids, duplicates and over the cap', async () => {
    const s = await Promise.all(
      [0, 1, 2].map((i) => add(T + i * 60 * MIN, T + i * 60 * MIN + 30 * MIN, { tags: ['old'] })),
    );
    const ids = s.map((a) => a.id);
    const p = await handle.api.createProject({ name: 'Bulk' });
    const r = await handle.api.bulkUpdate({
      ids,
      change: { projectId: p.id, addTags: ['new'], removeTags: ['old'], billable: true, name: 'renamed' },
    });
    expect(r.action?.label).to.equal('Change 3 sessions');
    const tags = await handle.api.listTags();
    const newTag = tags.find((t) => t.name === 'new')!;
    expect(
      r.sessions.every(
        (a) => a.projectId === p.id && a.billable && a.name === 'renamed' && a.tagIds.join() === newTag.id,
      ),
    ).to.equal(true);
    const shifted = await handle.api.bulkUpdate({ ids, change: { shiftMs: -15 * MIN } });
    expect(shifted.sessions.map((a) => (a.startTime - T) / MIN)).to.deep.equal([-15, 45, 105]);
    const sized = await handle.api.bulkUpdate({ ids, change: { durationMs: 50 * MIN } });
    expect(sized.sessions.map(worked)).to.deep.equal([50 * MIN, 50 * MIN, 50 * MIN]);
    expect(
      (await rejection(handle.api.bulkUpdate({ ids, change: { durationMs: 70 * MIN } }))).code,
      'would overlap',
    ).to.equal('CONFLICT');
    expect((await rejection(handle.api.bulkUpdate({ ids: [], change: { billable: false } }))).code).to.equal(
      'VALIDATION',
    );
    expect(
      (await rejection(handle.api.bulkUpdate({ ids: [ids[0]!, ids[0]!], change: { billable: false } }))).code,
    ).to.equal('VALIDATION');
    const tooMany = Array.from({ length: 10_001 }, () => crypto.randomUUID());
    expect((await rejection(handle.api.bulkUpdate({ ids: tooMany, change: { billable: false } }))).message).to.contain(
      'at most 10000',
    );
    expect((await rejection(handle.api.bulkUpdate({ ids, change: {} }))).message).to.contain('nothing to change');
    expect((await rejection(handle.api.bulkUpdate({ ids, change: { shiftMs: 1234 } }))).code).to.equal('VALIDATION');
    expect(
      (await rejection(handle.api.bulkUpdate({ ids: [...ids, crypto.randomUUID()], change: { billable: false } })))
        .code,
    ).to.equal('NOT_FOUND');
    const del = await handle.api.bulkDelete({ ids });
    expect(del.action?.label).to.equal('Delete 3 sessions');
    expect((await handle.api.listSessions({ from: T - 86_400_000, to: T + 86_400_000 })).sessions).to.have.length(0);
  });

  it('lists any range with filters and pages', async () => {
    const p = await handle.api.createProject({ name: 'P' });
    for (let i = 0; i < 25; i++) {
      await add(T + i * 10 * MIN, T + i * 10 * MIN + 5 * MIN, {
        name: i % 2 ? `odd 100%_${i}` : `even ${i}`,
        projectId: i % 3 === 0 ? p.id : null,
        billable: i % 5 === 0,
        tags: i % 4 === 0 ? ['four'] : [],
      });
    }
    const all: Session[] = [];
    let after: { startTime: number; id: string } | undefined;
    do {
      const page = await handle.api.listSessions({
        from: T,
        to: T + 86_400_000,
        limit: 10,
        ...(after ? { after } : {}),
      });
      all.push(...page.sessions);
      after = page.next ?? undefined;
    } while (after);
    expect(all.map((a) => a.startTime)).to.deep.equal(Array.from({ length: 25 }, (_, i) => T + i * 10 * MIN));
    const list = (input: object) =>
      handle.api.listSessions({ from: T, to: T + 86_400_000, ...input }).then((r) => r.sessions.length);
    expect(await list({ projectIds: [p.id] })).to.equal(9);
    expect(await list({ projectIds: [null] })).to.equal(16);
    expect(await list({ billable: true })).to.equal(5);
    expect(await list({ text: '100%_' })).to.equal(12);
    expect(await list({ text: 'EVEN' })).to.equal(13);
    const four = (await handle.api.listTags())[0]!;
    expect(await list({ tagIds: [four.id] })).to.equal(7);
    expect((await rejection(handle.api.listSessions({ from: T, to: T - 1 }))).code).to.equal('VALIDATION');
    expect((await rejection(handle.api.listSessions({ from: T, to: T + 1, text: 'a\0' }))).code).to.equal('VALIDATION');
  });

  it('finds a session longer than a week that started before the look-back', async () => {
    const long = await add(T - 20 * 86_400_000, T + 60 * MIN, { name: 'vacation timer' });
    const page = await handle.api.listSessions({ from: T, to: T + 86_400_000 });
    expect(page.sessions.map((a) => a.id)).to.deep.equal([long.id]);
    const day = await handle.api.sessionsInRange({ from: T, to: T + 86_400_000 });
    expect(day.sessions.map((a) => a.id)).to.deep.equal([long.id]);
    expect((await rejection(handle.api.addSession({ startTime: T, endTime: T + MIN }))).code, 'overlap found').to.equal(
      'CONFLICT',
    );
  });
});
