import { expect } from 'chai';

import { APPLICATION_ID } from '../../../../../shared/database.ts';
import { SCHEMA_VERSION } from '../../../../../workers/data/database/migrations.ts';
import { corruptPage, emptyFile, fileSize, sql, writeGarbage } from '../../../harness/db-fixtures.ts';
import { rejection, uniqueDbName, useDataWorker } from '../../../harness/worker-harness.ts';

const h = 3_600_000;

describe('data safety: opening any file, validated rows, bounded calls', () => {
  const handle = useDataWorker('safe', { open: false });

  /**
   * Closes the app (its WAL is checkpointed into the file) and starts it again, so fixtures can change the file in
   * between. Without the close, the WAL would still hold the pages a fixture damages and mask the damage.
   */
  async function relaunch(between?: () => Promise<unknown>) {
    await handle.api.close();
    handle.worker.terminate();
    await between?.();
    handle.replace();
    return handle.api.open({ name: handle.dbName });
  }

  it('marks new files with application_id, tells a first launch apart, and keeps working after a relaunch', async () => {
    const first = await handle.api.open({ name: handle.dbName });
    expect(first).to.include({ status: 'ready', created: true, role: 'owner', schemaVersion: SCHEMA_VERSION });
    const again = await relaunch();
    expect(again).to.include({ status: 'ready', created: false });
    await handle.api.close();
    handle.worker.terminate();
    expect(await sql(handle.dbName, 'PRAGMA application_id')).to.deep.equal([{ application_id: APPLICATION_ID }]);
    // killed without closing (no checkpoint): the next launch still finds everything
    handle.replace();
    await handle.api.open({ name: handle.dbName });
    const started = await handle.api.startTimer({ name: 'in the WAL only' });
    handle.worker.terminate();
    handle.replace();
    await handle.api.open({ name: handle.dbName });
    expect((await handle.api.runningTimer())?.id).to.equal(started.id);
  });

  it('a missing or zero-byte file where a database was is "lost", not silently a new empty database', async () => {
    await handle.api.open({ name: handle.dbName });
    await handle.api.startTimer({ name: 'history' });
    const info = await relaunch(() => emptyFile(handle.dbName));
    expect(info.status).to.equal('recovery');
    expect(info.problem?.kind).to.equal('lost');
    expect(info.problem?.message).to.match(/empty/);
    const refused = await rejection(handle.api.runningTimer());
    expect(refused.code).to.equal('UNAVAILABLE');
    expect(refused.details).to.deep.include({ recovery: true });
    expect(await fileSize(handle.dbName)).to.equal(0); // nothing was written over it
  });

  it('a file that is not a database opens in recovery ("damaged"), with SQLite\'s words kept for details', async () => {
    await handle.api.open({ name: handle.dbName });
    const info = await relaunch(() => writeGarbage(handle.dbName));
    expect(info).to.include({ status: 'recovery' });
    expect(info.problem).to.include({ kind: 'damaged' });
    expect(info.problem?.technical).to.match(/not a database/);
  });

  it('refuses a SQLite file that is not ours, and a newer schema, saying which versions', async () => {
    handle.worker.terminate();
    await sql(handle.dbName, 'CREATE TABLE invoices (id INTEGER PRIMARY KEY)', 'PRAGMA application_id = 12345');
    handle.replace();
    const foreign = await handle.api.open({ name: handle.dbName });
    expect(foreign.problem?.kind).to.equal('not-ours');
    expect(foreign.problem?.technical).to.match(/application_id=12345/);

    const newer = uniqueDbName('newer');
    handle.worker.terminate();
    handle.replace();
    await handle.api.open({ name: newer });
    handle.worker.terminate();
    await sql(newer, 'PRAGMA user_version = 99');
    handle.replace();
    const info = await handle.api.open({ name: newer });
    expect(info.problem).to.deep.include({ kind: 'newer-schema', fileVersion: 99, appVersion: SCHEMA_VERSION });
    expect(info.problem?.message).to.match(new RegExp(`version 99.*up to version ${SCHEMA_VERSION}`));
  });

  it('adopts a v1 file from before application_id, backing it up before migrating', async () => {
    handle.worker.terminate();
    // a v1 file as the previous release left it: v1 schema, user_version 1, no application_id
    const { MIGRATIONS } = await import('../../../../../workers/data/database/migrations.ts');
    await sql(
      handle.dbName,
      MIGRATIONS[0]!,
      'PRAGMA user_version = 1',
      `INSERT INTO activities (id, name, start_time, end_time, created_at, updated_at)
       VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 'old', 1000, 2000, 1, 1)`,
    );
    handle.replace();
    const info = await handle.api.open({ name: handle.dbName });
    expect(info).to.include({ status: 'ready', schemaVersion: SCHEMA_VERSION });
    const backups = await handle.api.listBackups();
    expect(backups.map((b) => [b.kind, b.sessions, b.schemaVersion])).to.deep.equal([['pre-migration', 1, 1]]);
  });

  it('hides a damaged row, counts it, logs it once, and keeps totals right', async () => {
    await handle.api.open({ name: handle.dbName });
    const day = new Date(2026, 4, 4).getTime();
    await handle.api.insertSessions([
      { name: 'good', projectId: null, startTime: day + 9 * h, endTime: day + 10 * h },
      { name: 'bad', projectId: null, startTime: day + 11 * h, endTime: day + 12 * h },
    ]);
    await relaunch(() => sql(handle.dbName, `UPDATE activities SET end_time = 'not a time' WHERE name = 'bad'`));
    const range = { from: day, to: day + 24 * h };
    const list = await handle.api.sessionsInRange(range);
    expect(list.sessions.map((a) => a.name)).to.deep.equal(['good']);
    expect(list.damaged).to.equal(1);
    await handle.api.sessionsInRange(range); // read again: still one log entry
    const totals = await handle.api.totalsByProjectDay(range);
    expect(totals.map((t) => [t.ms, t.sessions])).to.deep.equal([[h, 1]]);
    const log = await handle.api.listErrors();
    const damaged = log.entries.filter((e) => e.code === 'DAMAGED');
    expect(damaged).to.have.length(1);
    expect(damaged[0]!.details).to.match(/end_?[tT]ime/);
    const bad = list.sessions.length === 1 ? await rejection(handle.api.getSession(crypto.randomUUID())) : null;
    expect(bad?.code).to.equal('NOT_FOUND');
  });

  it('refuses NUL characters in text with a clear message, and stores other unicode whole', async () => {
    await handle.api.open({ name: handle.dbName });
    const err = await rejection(handle.api.startTimer({ name: 'before\0after' }));
    expect(err.code).to.equal('VALIDATION');
    expect(err.message).to.match(/NUL/);
    expect((await rejection(handle.api.createProject({ name: 'a\0b' }))).message).to.match(/NUL/);
    const text = 'Ünïcødé 🚀 — 日本語 \u202Eright-to-left\u202C';
    const started = await handle.api.startTimer({ name: text });
    expect((await handle.api.getSession(started.id)).name).to.equal(text);
  });

  it('bounds every list and number: ranges, page sizes, paused time', async () => {
    await handle.api.open({ name: handle.dbName });
    const long = await rejection(handle.api.sessionsInRange({ from: 0, to: 500 * 86_400_000 }));
    expect(long.code).to.equal('VALIDATION');
    expect(long.message).to.match(/400 days/);
    expect((await rejection(handle.api.sessionsInRange({ from: 0, to: 1000, limit: 1e6 }))).code).to.equal(
      'VALIDATION',
    );
    const paused = await rejection(
      handle.api.insertSessions([{ name: 'x', projectId: null, startTime: 0, endTime: 1000, pausedMs: 5000 }]),
    );
    expect(paused.message).to.match(/pausedMs/);
    expect((await rejection(handle.api.insertSessions(Array(50_001).fill({})))).code).to.equal('VALIDATION');
    expect((await rejection(handle.api.startTimer({ name: 'x'.repeat(501) }))).code).to.equal('VALIDATION');
  });

  it('a failed open stays failed for its file: later calls never fall back to the default database', async () => {
    const before = await rejection(handle.api.runningTimer());
    expect(before.code).to.equal('UNAVAILABLE');
    expect((await rejection(handle.api.open({ name: 'bad/name' }))).code).to.equal('VALIDATION');
    expect((await rejection(handle.api.runningTimer())).message).to.match(/open\(\) first/);
  });

  it('quick_check and integrity_check pass on a good file; a corrupt page puts the worker into recovery', async () => {
    await handle.api.open({ name: handle.dbName });
    await handle.api.insertSessions(
      Array.from({ length: 3000 }, (_, i) => ({
        name: `s${i} ${'x'.repeat(80)}`,
        projectId: null,
        startTime: i * h,
        endTime: i * h + 1000,
      })),
    );
    expect(await handle.api.checkIntegrity()).to.include({ ok: true, kind: 'quick' });
    expect(await handle.api.checkIntegrity({ full: true })).to.include({ ok: true, kind: 'full' });
    await relaunch(() => corruptPage(handle.dbName, 3));
    const check = await handle.api.checkIntegrity();
    expect(check.ok).to.equal(false);
    expect(check.problems.length).to.be.greaterThan(0);
    expect((await handle.api.status()).status).to.equal('recovery');
    expect((await rejection(handle.api.startTimer({ name: 'no' }))).details).to.deep.include({ recovery: true });
  });

  it('writes every reported error to the error log with a correlation id, and window errors too', async () => {
    await handle.api.open({ name: handle.dbName });
    const err = await rejection(handle.api.stopTimer({ id: crypto.randomUUID() }));
    const correlationId = (err.details as { correlationId: string }).correlationId;
    expect(correlationId).to.match(/^[0-9a-f]{8}$/);
    await handle.api.reportError({
      message: 'x'.repeat(5000) + '\0',
      details: { stack: 'at y' },
      source: 'window:main',
    });
    expect((await rejection(handle.api.reportError({ message: 'no source' } as never))).code).to.equal('VALIDATION');
    const log = await handle.api.listErrors();
    expect(log.total).to.equal(2);
    const [windowError, workerError] = log.entries;
    expect(windowError).to.include({ code: 'WINDOW', source: 'window:main' });
    expect(windowError!.message.length).to.equal(2000);
    expect(workerError).to.include({ code: 'NOT_FOUND', source: 'worker:stopTimer', correlationId });
    await handle.api.clearErrors();
    expect((await handle.api.listErrors()).total).to.equal(0);
  });

  it('caps the error log at 10,000 entries, dropping the oldest', async () => {
    await handle.api.open({ name: handle.dbName });
    handle.worker.terminate();
    await sql(
      handle.dbName,
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
      INSERT INTO error_log (time, code, message, source) SELECT i, 'DB', 'old ' || i, 'test' FROM n`,
    );
    handle.replace();
    await handle.api.open({ name: handle.dbName });
    await handle.api.reportError({ message: 'newest', source: 'test' });
    const log = await handle.api.listErrors({ limit: 1000 });
    expect(log.total).to.equal(10_000);
    expect(log.entries[0]!.message).to.equal('newest');
    let oldest = log.entries.at(-1)!;
    for (
      let page = log;
      page.entries.length > 0;
      page = await handle.api.listErrors({ limit: 1000, before: oldest.id })
    ) {
      oldest = page.entries.at(-1)!;
    }
    expect(oldest.message).to.equal('old 2'); // 'old 1' made room for 'newest'
  });
});
