import { expect } from 'chai';

import { DataClient } from '../../../../renderer/services/data-client.ts';
import { workerUrl } from '../../harness/app-harness.ts';
import { crashAsAnotherWindowChanges, openOtherWindow } from '../../harness/live-harness.ts';
import { until } from '../../harness/wait.ts';
import { uniqueDbName, type WorkerHandle } from '../../harness/worker-harness.ts';

describe('DataClient.watch (real data workers)', () => {
  let client: DataClient;
  let dbName: string;
  let other: WorkerHandle | null = null;
  beforeEach(async () => {
    dbName = uniqueDbName('watch');
    client = new DataClient({ workerUrl, dbName });
    await client.start();
  });
  afterEach(() => {
    other?.worker.terminate();
    other = null;
    client.dispose();
  });

  it('runs the reload on a change to a named table from another window, not on other tables', async () => {
    other = await openOtherWindow(dbName);
    const seen: string[] = [];
    const stopProjects = client.watch(['projects'], () => seen.push('projects'));
    const stopSettings = client.watch(['settings'], () => seen.push('settings'));
    await other.api.updateSettings({ clock: '12h' });
    await until(() => seen.includes('settings'), 'settings reload');
    await other.api.createProject({ name: 'Watched' });
    await until(() => seen.includes('projects'), 'projects reload');
    expect(seen).to.deep.equal(['settings', 'projects']);
    stopProjects();
    stopSettings();
    await other.api.createProject({ name: 'Unwatched' });
    await other.api.updateSettings({ clock: '24h' });
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).to.deep.equal(['settings', 'projects']);
  });

  it('runs the reload after the worker restarts, with no change announced (a table-less watch too)', async () => {
    let runs = 0;
    let fileRuns = 0;
    const stop = client.watch(['activities'], () => void runs++);
    const stopFile = client.watch([], () => void fileRuns++);
    const before = client.worker!;
    before.terminate();
    await until(() => runs === 1 && fileRuns === 1, 'reloads after the restart');
    expect(client.restarts).to.equal(1);
    stop();
    stopFile();
    client.worker!.terminate();
    await until(() => client.restarts === 2, 'second restart');
    await new Promise((r) => setTimeout(r, 100));
    expect([runs, fileRuns]).to.deep.equal([1, 1]);
  });

  it('coalesces a burst: changes during a reload cost one more reload, not one each', async () => {
    other = await openOtherWindow(dbName);
    let runs = 0;
    let release: () => void = () => undefined;
    const stop = client.watch(['projects'], async () => {
      runs++;
      await new Promise<void>((r) => (release = r));
    });
    await other.api.createProject({ name: 'First' });
    await until(() => runs === 1, 'first reload');
    for (const name of ['A', 'B', 'C', 'D', 'E']) await other.api.createProject({ name });
    await new Promise((r) => setTimeout(r, 150)); // the five announcements arrive while the first reload runs
    release();
    await until(() => runs === 2, 'one more reload');
    release();
    await new Promise((r) => setTimeout(r, 150));
    expect(runs).to.equal(2);
    stop();
  });

  it('starts no run after the unsubscribe, not even one queued during a reload', async () => {
    other = await openOtherWindow(dbName);
    let runs = 0;
    let release: () => void = () => undefined;
    const stop = client.watch(['projects'], async () => {
      runs++;
      await new Promise<void>((r) => (release = r));
    });
    await other.api.createProject({ name: 'First' });
    await until(() => runs === 1, 'first reload');
    await other.api.createProject({ name: 'Second' }); // queues one more run
    await new Promise((r) => setTimeout(r, 150));
    stop();
    release();
    await new Promise((r) => setTimeout(r, 150));
    expect(runs).to.equal(1);
  });

  it('sees a change another window made as this window’s worker died', async () => {
    client.dispose();
    other = await openOtherWindow(dbName);
    client = new DataClient({ workerUrl, dbName });
    const names = async () => (await client.data.listProjects()).map((p) => p.name);
    let shown: string[] = [];
    const stop = client.watch(['projects'], async () => void (shown = await names().catch(() => shown)));
    await client.start();
    await crashAsAnotherWindowChanges(client, other, (api) => api.createProject({ name: 'Made during the crash' }));
    await until(() => shown.includes('Made during the crash'), 'the change shown');
    stop();
  });
});
