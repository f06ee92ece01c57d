import { expect } from 'chai';

import { sql } from '../../../harness/db-fixtures.ts';
import { startDataWorker, uniqueDbName, type WorkerHandle } from '../../../harness/worker-harness.ts';

const DAY = 86_400_000;
const base = new Date(2025, 0, 1).getTime();

/** Several windows' workers starting together on one fresh file: exactly one owns it, the others proxy to it. */
describe('several workers opening one database at once', () => {
  for (const count of [2, 3, 4]) {
    it(`${count} workers, 20 rounds: every open and a write from each succeed`, async function () {
      this.timeout(120_000);
      for (let round = 0; round < 20; round++) {
        const name = uniqueDbName(`race${count}`);
        const handles = Array.from({ length: count }, () => startDataWorker());
        try {
          const infos = await Promise.all(handles.map((w) => w.api.open({ name })));
          expect(
            infos.every((i) => i.status === 'ready'),
            `round ${round}`,
          ).to.equal(true);
          expect(infos.filter((i) => i.role === 'owner')).to.have.length(1);
          await Promise.all(
            handles.map((w, i) =>
              w.api.insertSessions([
                { name: `w${i}`, projectId: null, startTime: base + i * 1000, endTime: base + i * 1000 + 500 },
              ]),
            ),
          );
          const listed = await handles[count - 1]!.api.sessionsInRange({ from: base, to: base + DAY });
          expect(listed.sessions.map((s) => s.name).sort()).to.deep.equal(handles.map((_, i) => `w${i}`));
        } finally {
          for (const w of handles) w.worker.terminate();
        }
      }
    });
  }

  it('when the owner ends, a proxy takes the file over and keeps working', async () => {
    const name = uniqueDbName('failover');
    const owner = startDataWorker();
    const proxy = startDataWorker();
    try {
      expect((await owner.api.open({ name })).role).to.equal('owner');
      expect((await proxy.api.open({ name })).role).to.equal('proxy');
      expect((await proxy.api.status()).role).to.equal('proxy');
      const started = await proxy.api.startTimer({ name: 'survives its owner' });
      owner.worker.terminate();
      let running = null;
      for (let i = 0; i < 100 && !running; i++) {
        running = await proxy.api.runningTimer().catch(() => null); // the call in flight at the switch may fail
        if (!running) await new Promise((r) => setTimeout(r, 50));
      }
      expect(running?.id).to.equal(started.id);
      expect((await proxy.api.status()).role).to.equal('owner');
    } finally {
      owner.worker.terminate();
      proxy.worker.terminate();
    }
  });
});

/** Not timed: kill the worker at a random moment, then check the file and every call that had resolved. */
describe('crash durability', () => {
  /** The app opens the file again after the kill (WAL recovery, its own checks at open) and says it is ready. */
  async function reopen(name: string): Promise<WorkerHandle> {
    const fresh = startDataWorker();
    const info = await fresh.api.open({ name });
    expect(info.status).to.equal('ready');
    return fresh;
  }

  /**
   * Then SQLite's full integrity_check on the file itself, from another worker once the app let go of it: an
   * independent reader, and a second faster than the app's snapshot-and-check path (checked in safety tests).
   */
  async function checkFile(name: string, round: number): Promise<void> {
    const rows = (await sql(name, 'PRAGMA integrity_check')) as { integrity_check: string }[];
    expect(
      rows.map((r) => r.integrity_check),
      `round ${round}`,
    ).to.deep.equal(['ok']);
  }

  it('30 kills during 10k-session bulk inserts: integrity ok, every resolved batch present, none half-written', async function () {
    this.timeout(300_000);
    const batch = Array.from({ length: 10_000 }, (_, i) => ({
      name: `bulk ${i}`,
      projectId: null,
      startTime: base + i * 60_000,
      endTime: base + i * 60_000 + 30_000,
    }));
    for (let round = 0; round < 30; round++) {
      const name = uniqueDbName('kill-bulk');
      const w = startDataWorker();
      await w.api.open({ name });
      let resolved = 0;
      // calls in flight when the worker is terminated never settle (Comlink has no one to answer): not awaited
      void (async () => {
        for (;;) {
          await w.api.insertSessions(batch);
          resolved++;
        }
      })();
      await new Promise((r) => setTimeout(r, Math.random() * 1200));
      w.worker.terminate();
      const fresh = await reopen(name);
      const totals = await fresh.api.totalsByProjectDay({ from: base, to: base + 30 * DAY });
      const count = totals.reduce((n, t) => n + t.sessions, 0);
      expect(count % 10_000, `round ${round}: whole batches only`).to.equal(0);
      expect(count / 10_000, `round ${round}`).to.be.within(resolved, resolved + 1);
      fresh.worker.terminate();
      await checkFile(name, round);
    }
  });

  it('30 kills during a stream of small timer commits: every committed start and stop is in the file', async function () {
    this.timeout(300_000);
    for (let round = 0; round < 30; round++) {
      const name = uniqueDbName('kill-timer');
      const w = startDataWorker();
      await w.api.open({ name });
      const committed: { id: string; stopped: boolean }[] = [];
      void (async () => {
        for (let i = 0; ; i++) {
          const started = await w.api.startTimer({ name: `t${i}` });
          committed.push({ id: started.id, stopped: false });
          if (i % 3 === 0) {
            await w.api.stopTimer({ id: started.id });
            committed.at(-1)!.stopped = true;
          }
        }
      })();
      await new Promise((r) => setTimeout(r, Math.random() * 400));
      w.worker.terminate();
      const fresh = await reopen(name);
      for (const c of committed) {
        const row = await fresh.api.getSession(c.id);
        if (c.stopped) expect(row.endTime, `round ${round}`).to.be.a('number');
      }
      fresh.worker.terminate();
      await checkFile(name, round);
    }
  });
});
