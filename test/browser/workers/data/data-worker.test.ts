import { expect } from 'chai';

import { SCHEMA_VERSION } from '../../../../workers/data/database/migrations.ts';
import { sql } from '../../harness/db-fixtures.ts';
import { nextChange, rejection, startDataWorker, useDataWorker } from '../../harness/worker-harness.ts';

describe('data worker (wa-sqlite on OPFS, for real)', () => {
  const handle = useDataWorker('dw', { open: false });

  it('opens an OPFS database with OPFSCoopSyncVFS and migrates it to the current schema', async () => {
    const info = await handle.api.open({ name: handle.dbName });
    expect(info.vfs).to.equal('OPFSCoopSyncVFS');
    expect(info.schemaVersion).to.equal(SCHEMA_VERSION);
    const root = await navigator.storage.getDirectory();
    const file = await root.getFileHandle(handle.dbName);
    expect((await file.getFile()).size).to.be.greaterThan(0);
  });

  it('starts and stops a timer, committing the start immediately', async () => {
    await handle.api.open({ name: handle.dbName });
    const started = await handle.api.startTimer({ name: 'Write report' });
    expect(started.endTime).to.equal(null);
    expect((await handle.api.runningTimer())?.id).to.equal(started.id);
    const stopped = await handle.api.stopTimer({ id: started.id });
    expect(stopped.endTime).to.be.a('number');
    expect(await handle.api.runningTimer()).to.equal(null);
  });

  it('keeps a running timer across worker termination and a new worker', async () => {
    await handle.api.open({ name: handle.dbName });
    const started = await handle.api.startTimer({ name: 'Survivor', startTime: Date.now() - 60_000 });
    handle.worker.terminate();

    handle.replace();
    const info = await handle.api.open({ name: handle.dbName });
    expect(info.schemaVersion).to.equal(SCHEMA_VERSION);
    const running = await handle.api.runningTimer();
    expect(running?.id).to.equal(started.id);
    expect(running?.startTime).to.equal(started.startTime);
  });

  it('allows only one running timer: starting another stops the first at the new start', async () => {
    await handle.api.open({ name: handle.dbName });
    const first = await handle.api.startTimer({ name: 'one', startTime: Date.now() - 10_000 });
    const second = await handle.api.startTimer({ name: 'two' });
    const firstNow = await handle.api.getSession(first.id);
    expect(firstNow.endTime).to.equal(second.startTime);
    expect((await handle.api.runningTimer())?.id).to.equal(second.id);
  });

  it('the file itself refuses a second running session, inserted or reopened behind the API (v12 triggers)', async () => {
    await handle.api.open({ name: handle.dbName });
    const running = await handle.api.startTimer({ name: 'running' });
    await handle.api.insertSessions([{ name: 'done', projectId: null, startTime: 1e12, endTime: 1e12 + 60_000 }]);
    await handle.api.close();
    handle.worker.terminate();
    const insert = (id: string, deletedAt: number | null) =>
      `INSERT INTO activities (id, name, start_time, end_time, source, created_at, updated_at, deleted_at)
       VALUES ('${id}', '${id}', 1, NULL, 'timer', 1, 1, ${deletedAt ?? 'NULL'})`;
    // '' when the statement went through (it returns no rows), the error's text when refused
    const refused = async (statement: string) => String(await sql(handle.dbName, statement).catch((e) => e));
    expect(await refused(insert('second', null))).to.match(/only one timer can run/);
    expect(await refused(`UPDATE activities SET end_time = NULL WHERE name = 'done'`)).to.match(
      /only one timer can run/,
    );
    // a deleted running row, and the running row itself changed, are no second timer
    expect(await refused(insert('deleted', 5))).to.equal('');
    expect(
      await refused(`UPDATE activities SET name = 'renamed', end_time = NULL WHERE id = '${running.id}'`),
    ).to.equal('');
  });

  it('pauses and resumes, excluding paused time', async () => {
    await handle.api.open({ name: handle.dbName });
    const t0 = Date.now() - 100_000;
    const a = await handle.api.startTimer({ name: 'paused', startTime: t0 });
    await handle.api.pauseTimer({ id: a.id, at: t0 + 10_000 });
    const resumed = await handle.api.resumeTimer({ id: a.id, at: t0 + 40_000 });
    expect(resumed.pausedMs).to.equal(30_000);
    expect(resumed.pauseStartedAt).to.equal(null);
    expect((await rejection(handle.api.resumeTimer({ id: a.id }))).code).to.equal('CONFLICT');
  });

  it('rejects bad input with a structured VALIDATION error and changes nothing', async () => {
    await handle.api.open({ name: handle.dbName });
    const err = await rejection(handle.api.startTimer({ name: 42 as unknown as string }));
    expect(err.code).to.equal('VALIDATION');
    expect(err.message).to.match(/name/);
    expect((err.details as { issues: unknown[] }).issues).to.have.length.greaterThan(0);
    expect(await handle.api.runningTimer()).to.equal(null);

    const badRange = await rejection(handle.api.sessionsInRange({ from: 10, to: 5 }));
    expect(badRange.code).to.equal('VALIDATION');
    const missing = await rejection(handle.api.stopTimer({ id: crypto.randomUUID() }));
    expect(missing.code).to.equal('NOT_FOUND');
    const badProject = await rejection(handle.api.startTimer({ name: 'x', projectId: crypto.randomUUID() }));
    expect(badProject.code).to.equal('NOT_FOUND');
    expect(await handle.api.runningTimer()).to.equal(null);
  });

  it('creates projects with unique live names', async () => {
    await handle.api.open({ name: handle.dbName });
    const p = await handle.api.createProject({ name: '  Website ' });
    expect(p.name).to.equal('Website');
    expect(p.color).to.match(/^#[0-9a-f]{6}$/i);
    expect((await rejection(handle.api.createProject({ name: 'website' }))).code).to.equal('CONFLICT');
    expect((await handle.api.listProjects()).map((x) => x.name)).to.deep.equal(['Website']);
  });

  it('lists sessions overlapping a range, and soft-deletes and restores them', async () => {
    await handle.api.open({ name: handle.dbName });
    const day = new Date(2026, 0, 15).getTime();
    const h = 3_600_000;
    await handle.api.insertSessions([
      { name: 'before midnight', projectId: null, startTime: day - h, endTime: day + h },
      { name: 'inside', projectId: null, startTime: day + 9 * h, endTime: day + 10 * h },
      { name: 'next day', projectId: null, startTime: day + 25 * h, endTime: day + 26 * h },
    ]);
    const { sessions: list, damaged, truncated } = await handle.api.sessionsInRange({ from: day, to: day + 24 * h });
    expect(list.map((a) => a.name)).to.deep.equal(['before midnight', 'inside']);
    expect([damaged, truncated]).to.deep.equal([0, false]);
    const removed = await handle.api.deleteSession(list[1]!.id);
    expect(removed.deletedAt).to.be.a('number');
    expect((await handle.api.sessionsInRange({ from: day, to: day + 24 * h })).sessions.length).to.equal(1);
    await handle.api.restoreSession(list[1]!.id);
    expect((await handle.api.sessionsInRange({ from: day, to: day + 24 * h })).sessions.length).to.equal(2);
    const firstOnly = await handle.api.sessionsInRange({ from: day, to: day + 24 * h, limit: 1 });
    expect([firstOnly.sessions.length, firstOnly.truncated]).to.deep.equal([1, true]);
  });

  it('totals worked time per project and local day', async () => {
    await handle.api.open({ name: handle.dbName });
    const p = await handle.api.createProject({ name: 'Client A' });
    const d1 = new Date(2026, 2, 2, 9).getTime();
    const d2 = new Date(2026, 2, 3, 9).getTime();
    const h = 3_600_000;
    await handle.api.insertSessions([
      { name: 'a', projectId: p.id, startTime: d1, endTime: d1 + 2 * h, pausedMs: 15 * 60_000 },
      { name: 'b', projectId: p.id, startTime: d1 + 3 * h, endTime: d1 + 4 * h },
      { name: 'c', projectId: null, startTime: d2, endTime: d2 + h },
    ]);
    const totals = await handle.api.totalsByProjectDay({
      from: new Date(2026, 2, 1).getTime(),
      to: new Date(2026, 3, 1).getTime(),
    });
    expect(totals).to.deep.equal([
      { day: '2026-03-02', projectId: p.id, ms: 3 * h - 15 * 60_000, sessions: 2 },
      { day: '2026-03-03', projectId: null, ms: h, sessions: 1 },
    ]);
  });

  it('buckets days by the local calendar across daylight-saving changes (America/New_York here)', async () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/New_York');
    await handle.api.open({ name: handle.dbName });
    const at = (m: number, d: number, h: number, min: number) => new Date(2026, m - 1, d, h, min).getTime();
    const sessions = [
      at(3, 7, 23, 30), // EST
      at(3, 8, 1, 30), // EST, the 23-hour day
      at(3, 8, 23, 30), // EDT
      at(3, 9, 0, 30), // EDT: a fixed EST offset would put this on the 8th
      at(11, 1, 23, 30), // EST after the 25-hour day: a fixed EDT offset would put this on the 2nd
    ].map((startTime) => ({ name: 'dst', projectId: null, startTime, endTime: startTime + 10 * 60_000 }));
    await handle.api.insertSessions(sessions);
    const totals = await handle.api.totalsByProjectDay({ from: at(3, 1, 0, 0), to: at(12, 1, 0, 0) });
    expect(totals.map((t) => [t.day, t.sessions])).to.deep.equal([
      ['2026-03-07', 1],
      ['2026-03-08', 2],
      ['2026-03-09', 1],
      ['2026-11-01', 1],
    ]);
  });

  it('refuses to reopen a worker on another database', async () => {
    await handle.api.open({ name: handle.dbName });
    expect((await rejection(handle.api.open({ name: 'other.sqlite3' }))).code).to.equal('CONFLICT');
    expect((await rejection(handle.api.open({ name: '../escape' }))).code).to.equal('VALIDATION');
  });

  it('announces each committed write on the changes channel', async () => {
    const info = await handle.api.open({ name: handle.dbName });
    const announced = nextChange((c) => c.origin === info.origin);
    const started = await handle.api.startTimer({ name: 'announce me' });
    const change = await announced;
    expect(change).to.deep.include({ table: 'activities', op: 'insert', origin: info.origin });
    expect(change.ids).to.include(started.id);
  });

  it('loses nothing when two workers write at the same time, and keeps one running timer', async () => {
    await handle.api.open({ name: handle.dbName });
    const other = startDataWorker();
    try {
      await other.api.open({ name: handle.dbName });
      const base = new Date(2025, 5, 2).getTime();
      const batch = (tag: string) =>
        Array.from({ length: 100 }, (_, i) => ({
          name: `${tag}-${i}`,
          projectId: null,
          startTime: base + i * 60_000,
          endTime: base + i * 60_000 + 30_000,
        }));
      const results = await Promise.allSettled([
        ...Array.from({ length: 10 }, () => handle.api.insertSessions(batch('a'))),
        ...Array.from({ length: 10 }, () => other.api.insertSessions(batch('b'))),
        ...Array.from({ length: 6 }, (_, i) => (i % 2 ? handle : other).api.startTimer({ name: `timer ${i}` })),
      ]);
      expect(results.filter((r) => r.status === 'rejected')).to.deep.equal([]);
      const rows = await handle.api.sessionsInRange({ from: base, to: base + 86_400_000 });
      expect(rows.sessions.length).to.equal(2000);
      const running = await other.api.runningTimer();
      expect(running?.name).to.match(/^timer \d$/);
    } finally {
      other.worker.terminate();
    }
  });

  it('lets two workers (two windows) share one database', async () => {
    await handle.api.open({ name: handle.dbName });
    const other = startDataWorker();
    try {
      await other.api.open({ name: handle.dbName });
      const started = await handle.api.startTimer({ name: 'from main window' });
      expect((await other.api.runningTimer())?.id).to.equal(started.id);
      await other.api.stopTimer({ id: started.id });
      expect(await handle.api.runningTimer()).to.equal(null);
    } finally {
      other.worker.terminate();
    }
  });
});
