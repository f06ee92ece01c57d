// Exports and imports through the app (issue 17's speed lines the writers alone cannot show): the real export client
// and export worker reading a 250k-session file from the app's data worker over a port, with timer commits every
// 20 ms during the export and the page watched for long tasks; then a 100k-row Toggl CSV previewed and written as one
// undoable import.
import { DataClient } from '../../renderer/services/data-client.ts';
import { ExportClient } from '../../renderer/services/export-client.ts';
import { createWriter } from '../../workers/export/formats/index.ts';
import { benchContext, exportSessionsPage } from './export-sessions.ts';
import { benchBatch } from './report-bench.ts';

export interface ExportAppResult {
  rows: number;
  insertMs: number;
  exportMs: number;
  exportBytes: number;
  commits: number;
  commitP50: number;
  commitMax: number;
  importRows: number;
  previewMs: number;
  writeMs: number;
  added: number;
  longestTaskMs: number;
  longTasks: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function exportAppBench(
  workerUrl: URL,
  exportWorkerUrl: URL,
  rows: number,
  importRows: number,
): Promise<ExportAppResult> {
  const dbName = `bench-xapp-${Date.now() % 1e6}.sqlite3`;
  const data = new DataClient({ workerUrl, dbName });
  await data.start();
  const project = await data.data.createProject({ name: 'Bench' });
  const t0 = performance.now();
  for (let i = 0; i < rows; i += 5_000)
    await data.data.insertSessions(benchBatch(i, Math.min(5_000, rows - i), [project.id]));
  const insertMs = performance.now() - t0;
  console.info(`export-app: ${rows} inserted in ${Math.round(insertMs)} ms`);
  // the export reads the sessions, not the roll-up: no need to wait for the reports' background build
  const client = new ExportClient(data, exportWorkerUrl, 600_000);

  let longestTaskMs = 0;
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longestTaskMs = Math.max(longestTaskMs, e.duration);
      if (e.duration > 50) longTasks++;
    }
  });
  observer.observe({ type: 'longtask', buffered: false });

  // timer commits every 20 ms while the export runs: what a user starting a timer meanwhile waits
  const commits: number[] = [];
  let exporting = true;
  const timers = (async () => {
    while (exporting && commits.length < 500) {
      const s = performance.now();
      const started = await data.data.startTimer({ name: 'during export', projectId: project.id });
      commits.push(performance.now() - s);
      await data.data.stopTimer({ id: started.id });
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const first = new Date(benchBatch(0, 1, [project.id])[0]!.startTime);
  const day = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const selection = { from: day(first), to: day(new Date(Date.now() + 400 * 86_400_000)), title: 'All time' };
  const e0 = performance.now();
  const exported = await client.exportReport(
    { format: 'csv', selection },
    { kind: 'download', name: 'bench.csv' },
    () => undefined,
  );
  const exportMs = performance.now() - e0;
  exporting = false;
  await timers;
  console.info(`export-app: exported in ${Math.round(exportMs)} ms`);

  // a 100k-row Toggl CSV, written by our own preset (the import reads it back exactly, see the tests)
  const context = benchContext(importRows);
  const writer = await createWriter('csv-toggl', context, {});
  const parts: Uint8Array[] = [];
  for (let i = 0; i < importRows; i += 500)
    parts.push(await writer.page(exportSessionsPage(i, Math.min(500, importRows - i))));
  const file = new File(parts as BlobPart[], 'toggl.csv', { type: 'text/csv' });
  const p0 = performance.now();
  const preview = await client.previewImport(file, { timeZone: context.timeZone });
  const previewMs = performance.now() - p0;
  console.info(`export-app: preview in ${Math.round(previewMs)} ms`);
  const w0 = performance.now();
  const outcome = await client.confirmImport(preview.previewId, () => undefined);
  const writeMs = performance.now() - w0;
  observer.disconnect();

  client.dispose();
  data.dispose();
  const root = await navigator.storage.getDirectory();
  for (const suffix of ['', '-journal', '-wal']) await root.removeEntry(dbName + suffix).catch(() => undefined);
  return {
    rows,
    insertMs,
    exportMs,
    exportBytes: exported.bytes,
    commits: commits.length,
    commitP50: median(commits),
    commitMax: Math.max(0, ...commits),
    importRows,
    previewMs,
    writeMs,
    added: outcome.added,
    longestTaskMs,
    longTasks,
  };
}
