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
  buildMs: number;
  exportMs: number;
  exportBytes: number;
  idleCommitP50: number;
  commits: number;
  commitP50: number;
  commitMax: number;
  importRows: number;
  previewMs: number;
  writeMs: number;
  /** the backup before the first batch, and the finish after the last (within writeMs) */
  backupMs: number;
  finishMs: number;
  importCommits: number;
  importCommitP50: number;
  importCommitMax: number;
  added: number;
  longestTaskMs: number;
  longTasks: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
  // a user exports from a built database: wait for the reports' background build (its steps would otherwise queue
  // between the export's pages and the timer's commits, and this would measure the build)
  const b0 = performance.now();
  const all = { from: '1970-01-02', to: '2100-01-01', groupBy: 'project' as const };
  // (asked every 2 s: each report meanwhile is summed from the sessions, which would slow the build it waits for)
  while ((await data.data.report(all)).catchingUp) await sleep(2_000);
  const buildMs = performance.now() - b0;
  console.info(`export-app: roll-up built in ${Math.round(buildMs)} ms`);

  // timer commits every 20 ms while `busy()`: what a user starting a timer meanwhile waits
  const timerLoop = (busy: () => boolean, name: string) => {
    const commits: number[] = [];
    const done = (async () => {
      while (busy() && commits.length < 500) {
        const s = performance.now();
        const started = await data.data.startTimer({ name, projectId: project.id });
        commits.push(performance.now() - s);
        await data.data.stopTimer({ id: started.id });
        await sleep(20);
      }
    })();
    return { commits, done };
  };
  let idle = 30;
  const baseline = timerLoop(() => idle-- > 0, 'idle');
  await baseline.done;

  // the import file is made before the page is watched: generating 100k rows here is the bench's work, not the app's
  const context = benchContext(importRows);
  const writer = await createWriter('csv-toggl', context, {});
  const parts: Uint8Array[] = [];
  for (let i = 0; i < importRows; i += 500)
    parts.push(await writer.page(exportSessionsPage(i, Math.min(500, importRows - i))));
  const file = new File(parts as BlobPart[], 'toggl.csv', { type: 'text/csv' });
  await sleep(100);

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

  let exporting = true;
  const during = timerLoop(() => exporting, 'during export');
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
  await during.done;
  console.info(`export-app: exported in ${Math.round(exportMs)} ms`);

  const p0 = performance.now();
  const preview = await client.previewImport(file, { timeZone: context.timeZone });
  const previewMs = performance.now() - p0;
  console.info(`export-app: preview in ${Math.round(previewMs)} ms`);
  let importing = true;
  const whileImport = timerLoop(() => importing, 'during import');
  const w0 = performance.now();
  // progress comes after each batch (the first after the backup too) and at the end: backup and finish read off it
  const marks: number[] = [];
  const outcome = await client.confirmImport(preview.previewId, () => marks.push(performance.now() - w0));
  const backupMs = marks[0] ?? NaN;
  const finishMs = marks.length > 1 ? marks.at(-1)! - marks.at(-2)! : NaN;
  const writeMs = performance.now() - w0;
  importing = false;
  await whileImport.done;
  observer.disconnect();
  console.info(`export-app: import written in ${Math.round(writeMs)} ms`);

  client.dispose();
  data.dispose();
  const root = await navigator.storage.getDirectory();
  for (const suffix of ['', '-journal', '-wal']) await root.removeEntry(dbName + suffix).catch(() => undefined);
  return {
    rows,
    insertMs,
    buildMs,
    exportMs,
    exportBytes: exported.bytes,
    idleCommitP50: median(baseline.commits),
    commits: during.commits.length,
    commitP50: median(during.commits),
    commitMax: Math.max(0, ...during.commits),
    importRows,
    previewMs,
    writeMs,
    backupMs,
    finishMs,
    importCommits: whileImport.commits.length,
    importCommitP50: median(whileImport.commits),
    importCommitMax: Math.max(0, ...whileImport.commits),
    added: outcome.added,
    longestTaskMs,
    longTasks,
  };
}
