import { expect } from 'chai';

import { DataClient } from '../../../../renderer/services/data-client.ts';
import { ExportClient, type Progress } from '../../../../renderer/services/export-client.ts';
import { until } from '../../harness/wait.ts';
import { rejection, uniqueDbName } from '../../harness/worker-harness.ts';

const exportWorkerUrl = new URL('../../../../workers/export/export-worker.ts', import.meta.url);
const dataWorkerUrl = new URL('../../../../workers/data/data-worker.ts', import.meta.url);
const T = new Date(2026, 10, 2, 9, 0).getTime();
const selection = { from: '2026-11-01', to: '2026-11-30', title: 'November' };

describe('export client (the window side): lazy start, queue, cancel, restart after a crash, idle stop', () => {
  let data: DataClient;
  let client: ExportClient;
  beforeEach(async () => {
    data = new DataClient({ workerUrl: dataWorkerUrl, dbName: uniqueDbName('export-client') });
    await data.start();
    await data.data.insertSessions(
      Array.from({ length: 3_000 }, (_, i) => ({
        name: `n${i}`,
        projectId: null,
        startTime: T + i * 60_000,
        endTime: T + i * 60_000 + 1_000,
      })),
    );
  });
  afterEach(() => {
    client.dispose();
    data.dispose();
  });

  it('starts on the first job, runs jobs one after another, and stops when idle', async () => {
    client = new ExportClient(data, exportWorkerUrl, 300);
    expect(client.running).to.equal(false);
    const job = { format: 'csv' as const, selection };
    const order: string[] = [];
    const [a, b] = await Promise.all([
      client.exportReport(job, { kind: 'download', name: 'a.csv' }, () => undefined).then((r) => (order.push('a'), r)),
      client.exportReport(job, { kind: 'download', name: 'b.csv' }, () => undefined).then((r) => (order.push('b'), r)),
    ]);
    expect(order).to.deep.equal(['a', 'b']);
    expect([a.rows, b.rows]).to.deep.equal([3_000, 3_000]);
    expect(client.running).to.equal(true);
    await until(() => !client.running, 'the idle stop', 5_000);
  });

  it('cancels through an AbortSignal, and after a crash the next job gets a new worker', async () => {
    client = new ExportClient(data, exportWorkerUrl, 60_000);
    const controller = new AbortController();
    const job = client.exportReport(
      { format: 'csv', selection },
      { kind: 'download', name: 'c.csv' },
      (_p: Progress) => controller.abort(),
      controller.signal,
    );
    // (3,000 rows are two pages: the first progress may come too late to stop them, so the abort is also sent at
    // once; it reaches the worker while the job waits for its first page)
    setTimeout(() => controller.abort(), 0);
    const cancelled = await rejection(job);
    expect(cancelled.details).to.include({ cancelled: true });
    // a job in flight when the worker dies rejects with UNAVAILABLE
    const inFlight = client.exportReport({ format: 'csv', selection }, { kind: 'download', name: 'd.csv' }, () => {
      (client as unknown as { dispose(): void }).dispose();
    });
    expect((await rejection(inFlight)).code).to.equal('UNAVAILABLE');
    const again = await client.exportReport(
      { format: 'csv', selection },
      { kind: 'download', name: 'e.csv' },
      () => undefined,
    );
    expect(again.rows).to.equal(3_000);
  });
});
