import { expect } from 'chai';

import { SCHEMA_VERSION } from '../../../../../workers/data/database/migrations.ts';
import { readFile, sql, writeGarbage } from '../../../harness/db-fixtures.ts';
import { nextChange, rejection, uniqueDbName, useDataWorker } from '../../../harness/worker-harness.ts';

const h = 3_600_000;
const sessions = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({
    name: `${tag} ${i}`,
    projectId: null,
    startTime: i * h,
    endTime: i * h + 1800_000,
  }));

function lifecycle(timeoutMs = 10_000): Promise<{ type: string; reason: string }> {
  const channel = new BroadcastChannel('lighttrack:lifecycle');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no lifecycle message')), timeoutMs);
    channel.onmessage = (event) => {
      clearTimeout(timer);
      channel.close();
      resolve(event.data);
    };
  });
}

describe('backups, export and restore', () => {
  const handle = useDataWorker('bk');

  it('backs up now: a verified copy listed with date, size and session count', async () => {
    await handle.api.insertSessions(sessions(500, 'kept'));
    const made = await handle.api.backupNow();
    expect(made).to.include({ kind: 'manual', sessions: 500, schemaVersion: SCHEMA_VERSION });
    expect(made.sizeBytes).to.be.greaterThan(65536);
    expect((await handle.api.listBackups()).map((b) => b.name)).to.deep.equal([made.name]);
  });

  it('makes one daily backup a day and keeps what the retention setting says', async () => {
    const first = await handle.api.runScheduledBackups();
    expect(first.map((b) => b.kind)).to.deep.equal(['daily']);
    expect(await handle.api.runScheduledBackups()).to.deep.equal([]); // today's exists
    expect(await handle.api.getBackupRetention()).to.deep.equal({ daily: 7, weekly: 4 });
    const bad = await rejection(handle.api.setBackupRetention({ daily: 0, weekly: 4 }));
    expect(bad.code).to.equal('VALIDATION');
    expect(bad.message).to.match(/daily/);
    for (let i = 0; i < 3; i++) await handle.api.backupNow();
    await handle.api.setBackupRetention({ daily: 1, weekly: 0 });
    const kinds = (await handle.api.listBackups()).map((b) => b.kind).sort();
    expect(kinds).to.deep.equal(['daily', 'manual', 'manual', 'manual']);
  });

  it('exports a plain SQLite file that passes integrity_check and holds the sessions', async () => {
    await handle.api.insertSessions(sessions(300, 'exported'));
    const file = await handle.api.exportDatabase();
    expect(file.fileName).to.match(/^bk-.*-\d{4}-\d{2}-\d{2}\.sqlite3$/);
    const bytes = new Uint8Array(file.bytes);
    expect(new TextDecoder().decode(bytes.subarray(0, 16))).to.equal('SQLite format 3\0');
    // opened as an independent file, as the sqlite3 tool would
    const copy = uniqueDbName('export-copy');
    const root = await navigator.storage.getDirectory();
    const writable = await (await root.getFileHandle(copy, { create: true })).createWritable();
    await writable.write(bytes);
    await writable.close();
    expect(await sql(copy, 'PRAGMA integrity_check')).to.deep.equal([{ integrity_check: 'ok' }]);
    expect(await sql(copy, 'SELECT count(*) AS n FROM activities')).to.deep.equal([{ n: 300 }]);
  });

  it('restores a listed backup after a safety backup, and tells every window to reload', async () => {
    await handle.api.insertSessions(sessions(100, 'old'));
    const backup = await handle.api.backupNow();
    await handle.api.insertSessions(sessions(50, 'newer'));
    const reload = lifecycle();
    const result = await handle.api.restoreBackup(backup.name);
    expect((await reload).type).to.equal('reload');
    expect(result.sessions).to.equal(100);
    expect(result.safetyBackup?.sessions).to.equal(150);
    const all = await handle.api.sessionsInRange({ from: 0, to: 200 * h });
    expect(all.sessions).to.have.length(100);
    expect((await handle.api.checkIntegrity({ full: true })).ok).to.equal(true);
    expect((await rejection(handle.api.restoreBackup('nope.sqlite3'))).code).to.equal('NOT_FOUND');
    expect((await rejection(handle.api.restoreBackup('../../etc/passwd'))).code).to.equal('VALIDATION');
  });

  it('restores from a file only after validating it; a bad file changes nothing', async () => {
    await handle.api.insertSessions(sessions(20, 'current'));
    const good = await handle.api.exportDatabase();
    await handle.api.insertSessions(sessions(5, 'after export'));
    const before = (await handle.api.sessionsInRange({ from: 0, to: 30 * h })).sessions.length;

    const refuse = async (bytes: Uint8Array, pattern: RegExp) => {
      const err = await rejection(
        handle.api.restoreFromFile({ fileName: 'x.sqlite3', bytes: bytes.buffer as ArrayBuffer }),
      );
      expect(err.code).to.equal('VALIDATION');
      expect(err.message).to.match(pattern);
      expect((await handle.api.sessionsInRange({ from: 0, to: 30 * h })).sessions.length).to.equal(before);
    };
    await refuse(new TextEncoder().encode('hello, not a database'), /not a SQLite database/);
    await refuse(new Uint8Array(0), /empty/);
    // another program's SQLite file
    const foreignName = uniqueDbName('foreign');
    await sql(foreignName, 'CREATE TABLE invoices (id INTEGER PRIMARY KEY)', 'PRAGMA application_id = 7');
    await refuse(await readFile(foreignName), /not a LightTrack one/);
    // a newer schema
    const newer = new Uint8Array(good.bytes.slice(0));
    new DataView(newer.buffer).setUint32(60, 99); // user_version lives at byte 60 of the header
    await refuse(newer, /newer LightTrack.*version 99/);
    // damaged: a page scribbled over
    const damaged = new Uint8Array(good.bytes.slice(0));
    damaged.fill(0xff, 65536, 65536 + 64); // page 2's header: an impossible page type
    await refuse(damaged, /damaged/);
    expect((await handle.api.restoreFromFile({ fileName: 'x', bytes: 'nope' as never }).catch((e) => e)).code).to.equal(
      'VALIDATION',
    );

    const reload = lifecycle();
    const result = await handle.api.restoreFromFile({ fileName: 'good.sqlite3', bytes: good.bytes });
    await reload;
    expect(result.sessions).to.equal(20);
    expect((await handle.api.sessionsInRange({ from: 0, to: 30 * h })).sessions).to.have.length(20);
  });

  it('recovers a damaged file: restore the latest backup or start fresh, the damaged file kept aside', async () => {
    await handle.api.insertSessions(sessions(40, 'precious'));
    await handle.api.backupNow();
    await handle.api.close();
    handle.worker.terminate();
    await writeGarbage(handle.dbName);

    handle.replace();
    const info = await handle.api.open({ name: handle.dbName });
    expect(info.problem?.kind).to.equal('damaged');
    const damagedCopy = await handle.api.exportDatabase();
    expect(damagedCopy.fileName).to.match(/damaged/);
    expect(new TextDecoder().decode(new Uint8Array(damagedCopy.bytes).subarray(0, 12))).to.equal('this is not ');
    const [latest] = await handle.api.listBackups();
    const result = await handle.api.restoreBackup(latest!.name);
    expect(result.keptAs).to.match(/^damaged\//);
    expect(result.safetyBackup).to.equal(null);
    expect((await handle.api.status()).status).to.equal('ready');
    expect((await handle.api.sessionsInRange({ from: 0, to: 50 * h })).sessions).to.have.length(40);

    // start fresh from another damaged state
    await handle.api.close();
    handle.worker.terminate();
    await writeGarbage(handle.dbName);
    handle.replace();
    await handle.api.open({ name: handle.dbName });
    expect((await rejection(handle.api.runningTimer())).code).to.equal('UNAVAILABLE');
    const fresh = await handle.api.startFresh();
    expect(fresh).to.include({ status: 'ready', created: true });
    expect((await handle.api.sessionsInRange({ from: 0, to: 50 * h })).sessions).to.have.length(0);
    expect((await rejection(handle.api.startFresh())).code).to.equal('CONFLICT');
    const root = await navigator.storage.getDirectory();
    const kept: string[] = [];
    for await (const [entry] of (
      await (await root.getDirectoryHandle('damaged')).getDirectoryHandle(handle.dbName)
    ).entries())
      kept.push(entry);
    expect(kept.filter((k) => k.endsWith('.sqlite3'))).to.have.length(2);
  });

  it('commits while a backup runs in steps and while an integrity check runs on a snapshot', async () => {
    await handle.api.insertSessions(sessions(5000, 'bulk ' + 'x'.repeat(200)));
    const info = await handle.api.status();
    const backup = handle.api.backupNow();
    const announced = nextChange((c) => c.origin === info.origin);
    const started = await handle.api.startTimer({ name: 'during backup' });
    await announced;
    const made = await backup;
    expect(made.sessions).to.be.oneOf([5000, 5001]);
    expect((await handle.api.runningTimer())?.id).to.equal(started.id);
    // an integrity check works on a snapshot checked in another worker: a commit made meanwhile is answered
    const check = handle.api.checkIntegrity({ full: true });
    const during = await handle.api.startTimer({ name: 'during check' });
    expect(during.name).to.equal('during check');
    expect((await check).ok).to.equal(true);
  });
});
