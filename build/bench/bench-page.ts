import * as Comlink from 'comlink';

import { installErrorTransfer } from '../../shared/comlink-errors.ts';
import type { DataApi } from '../../shared/data-contract.ts';
import { assistantBench, type AssistantBenchResult } from './assistant-bench.ts';
import { chartsBench, type ChartsBenchRow } from './charts-bench.ts';
import { CANDIDATE, matrixConfigs, TODAY, type StorageConfig } from './configs.ts';
import { dayBench, type DayBenchResult } from './day-bench.ts';
import { editsBench, type EditsResult } from './edits-bench.ts';
import type * as EngineBench from './engine-bench.ts';
import { exportAppBench, type ExportAppResult } from './export-app-bench.ts';
import { exportsBench, type ExportsBenchResult } from './exports-bench.ts';
import { quickEntryBench, type QuickEntryFigures } from './quick-entry-bench.ts';
import { reportBench, type ReportBenchResult } from './report-bench.ts';
import { reportsUiBench, type ReportsUiResult } from './reports-ui-bench.ts';
import { generateSessions, type EngineResult } from './sessions.ts';
import { weekBench, type WeekBenchResult } from './week-bench.ts';

installErrorTransfer();

export interface PageResult {
  engine: EngineResult;
  api: {
    rows: number;
    insertMs: number;
    yearViewMs: number;
    maxGapMs: number;
    longestTaskMs: number;
    longTasks: number;
  };
  /** worker start → database open and migrated (a new file) */
  openMs: number;
  /** the same on the filled database, as at every app launch */
  reopenMs: number;
  /** startTimer/stopTimer round trips on the filled database, committed (medians of 20) */
  startTimerMs: number;
  stopTimerMs: number;
  /** page size × journal/locking/synchronous: bulk insert and timer-commit latency (engine level) */
  matrix?: EngineBench.MatrixRow[];
  file?: FileResult;
  app250k?: AppFileResult;
  edits?: EditsResult;
  quickEntry?: QuickEntryFigures;
  week?: WeekBenchResult;
  day?: DayBenchResult;
  reports?: ReportBenchResult;
  exportApp?: ExportAppResult;
  assistant?: AssistantBenchResult;
  charts?: ChartsBenchRow[];
  reportsUi?: ReportsUiResult;
  exports?: ExportsBenchResult;
  sections: string[];
}

type WorkerApi = typeof EngineBench & { run(rows: number, batch: number): Promise<EngineResult> };

function engineWorker() {
  const worker = new Worker(new URL('./bench-worker.js', import.meta.url), { type: 'module' });
  return { worker, api: Comlink.wrap<WorkerApi>(worker) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Runs `work` while a caller keeps committing timers every `gapMs` (each waits for the previous), as a user starting
 * timers during a backup would. Returns the work's result and every commit's latency (request to committed reply).
 */
async function withConcurrentCommits<T>(work: Promise<T>, commit: () => Promise<unknown>, gapMs = 20) {
  let done = false;
  const finished = work.finally(() => {
    done = true;
  });
  const latencies: number[] = [];
  const loop = (async () => {
    await sleep(gapMs);
    while (!done) {
      const t = performance.now();
      await commit();
      latencies.push(performance.now() - t);
      await sleep(gapMs);
    }
  })();
  const result = await finished;
  await loop;
  return { result, latencies };
}

export interface LaunchFigures {
  /** new Worker → ready, as the page sees it (medians) */
  totalMs: number;
  engineMs: number;
  openMs: number;
  checkMs: number;
  runs: number;
}

export interface BackupFigures extends EngineBench.BackupRun {
  /** timer commits that ran during the backup: count, median and longest latency */
  commits: number;
  commitP50: number;
  stallMs: number;
}

export interface FileResult {
  rows: number;
  config: StorageConfig;
  buildMs: number;
  fileBytes: number;
  launch: LaunchFigures;
  launchQuick: LaunchFigures;
  todayLaunch: LaunchFigures;
  todayLaunchQuick: LaunchFigures;
  integrityColdMs: number;
  integrityWarmMs: number;
  quickWarmMs: number;
  checkResult: string;
  commitIdle: { p50: number; max: number };
  backups: BackupFigures[];
  dirty: { rows: number; walBytes: number; launch: LaunchFigures };
}

async function launchMedian(
  name: string,
  config: StorageConfig,
  check: 'none' | 'quick' | 'full',
  runs = 5,
): Promise<LaunchFigures> {
  const totals: number[] = [];
  const engines: number[] = [];
  const opens: number[] = [];
  const checks: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const { worker, api } = engineWorker();
    const r = await api.launch(name, config, check);
    totals.push(performance.now() - t);
    engines.push(r.engineMs);
    opens.push(r.openMs);
    checks.push(r.checkMs);
    await api.closeOwned(); // a clean close between runs, so each launch finds the same file
    worker.terminate();
  }
  return { totalMs: median(totals), engineMs: median(engines), openMs: median(opens), checkMs: median(checks), runs };
}

/** The large file at the engine level: build, launch (with/without checks), integrity checks, backups with commits. */
async function fileBench(rows: number, batch: number): Promise<FileResult> {
  try {
    return await fileBenchPhases(rows, batch);
  } catch (error) {
    throw new Error(`file bench, ${phase}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

let phase = '';
async function fileBenchPhases(rows: number, batch: number): Promise<FileResult> {
  const name = 'bench-file.db';
  const config = CANDIDATE;
  phase = 'build';
  let w = engineWorker();
  const built = await w.api.buildFile(name, config, rows, batch);
  w.worker.terminate();

  phase = 'launch';
  const launch = await launchMedian(name, config, 'none');
  const launchQuick = await launchMedian(name, config, 'quick');

  // integrity_check cold (first thing after open), then warm checks, backups and commits on that connection
  phase = 'integrity';
  w = engineWorker();
  const full = await w.api.launch(name, config, 'full');
  const integrityWarm = await w.api.check('full');
  const quickWarm = await w.api.check('quick');
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await w.api.ownedTimerCommit();
    idle.push(performance.now() - t);
  }
  const backups: BackupFigures[] = [];
  // The backup API keeps the copy's write transaction open across steps, so with the default page cache the copy is
  // written at the last step; a tiny cache and no journal on the copy make each step write its own pages.
  const spill = 'PRAGMA journal_mode = OFF; PRAGMA cache_size = 4;';
  const runs: [string, 'vacuum' | 'api', number, string?][] = [
    ['bb-vacuum.db', 'vacuum', 0],
    ['bb-api64.db', 'api', 64],
    ['bb-api64s.db', 'api', 64, spill],
    ['bb-api16s.db', 'api', 16, spill],
  ];
  for (const [dest, method, pages, destPragmas] of runs) {
    phase = `backup ${dest}`;
    const api = w.api;
    const { result, latencies } = await withConcurrentCommits(api.backup(dest, method, pages, destPragmas), () =>
      api.ownedTimerCommit(),
    );
    const verified = await api.verifyBackup(dest);
    backups.push({
      ...result,
      ...verified,
      commits: latencies.length,
      commitP50: latencies.length ? median(latencies) : NaN,
      stallMs: latencies.length ? Math.max(...latencies) : NaN,
    });
  }
  await w.api.closeOwned();
  w.worker.terminate();

  // Launch after an unclean exit with an import still in the WAL (the worker is terminated, never closed)
  phase = 'dirty';
  const dirtyRows = Math.min(20_000, rows);
  w = engineWorker();
  await w.api.launch(name, config, 'none');
  const dirtied = await w.api.dirty(dirtyRows, batch);
  w.worker.terminate();
  await sleep(200); // the terminated worker's OPFS handles and Web Locks are released asynchronously
  const dirtyLaunchRuns: number[] = [];
  const t = performance.now();
  w = engineWorker();
  const dirtyOpen = await w.api.launch(name, config, 'none');
  dirtyLaunchRuns.push(performance.now() - t);
  // Today's configuration on the same file: back to a rollback journal, closed cleanly, launched without exclusive.
  phase = 'today';
  await w.api.setJournal('delete');
  await w.api.closeOwned();
  w.worker.terminate();
  const todayLaunch = await launchMedian(name, TODAY, 'none');
  const todayLaunchQuick = await launchMedian(name, TODAY, 'quick');

  const root = await navigator.storage.getDirectory();
  for (const suffix of ['', '-journal', '-wal']) await root.removeEntry(name + suffix).catch(() => undefined);
  return {
    rows,
    config,
    buildMs: built.insertMs,
    fileBytes: built.fileBytes,
    launch,
    launchQuick,
    todayLaunch,
    todayLaunchQuick,
    integrityColdMs: full.checkMs,
    integrityWarmMs: integrityWarm.ms,
    quickWarmMs: quickWarm.ms,
    checkResult: `${full.checkResult} / ${quickWarm.result}`,
    commitIdle: { p50: median(idle), max: Math.max(...idle) },
    backups,
    dirty: {
      rows: dirtyRows,
      walBytes: dirtied.walBytes,
      launch: {
        totalMs: dirtyLaunchRuns[0]!,
        engineMs: dirtyOpen.engineMs,
        openMs: dirtyOpen.openMs,
        checkMs: 0,
        runs: 1,
      },
    },
  };
}

async function matrixBench(rows: number, batch: number, commits: number, pageSizes: number[], coalescing: boolean) {
  const out: EngineBench.MatrixRow[] = [];
  for (const pageSize of pageSizes) {
    const { worker, api } = engineWorker();
    for (const config of matrixConfigs([pageSize], coalescing))
      out.push(await api.matrixCell(config, rows, batch, commits));
    worker.terminate();
  }
  return out;
}

/** Longest gap between main-thread timer ticks, and long tasks, while `work` runs. */
async function watchMainThread<T>(work: () => Promise<T>) {
  let maxGapMs = 0;
  let longestTaskMs = 0;
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks++;
      longestTaskMs = Math.max(longestTaskMs, entry.duration);
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  let running = true;
  let last = performance.now();
  const channel = new MessageChannel(); // a 0 ms tick loop without setTimeout's 4 ms clamping
  channel.port1.onmessage = () => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
    if (running) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  try {
    const result = await work();
    return { result, maxGapMs, longestTaskMs, longTasks };
  } finally {
    running = false;
    observer.disconnect();
    channel.port1.close();
  }
}

export interface AppFileResult {
  rows: number;
  topUpMs: number;
  /** new Worker → open() resolved with status 'ready', on the filled file (medians of 3) */
  launchMs: number;
  launchRuns: number[];
  openStatus: string;
  startTimerP50: number;
  startTimerP90: number;
  stopTimerP50: number;
  quickCheck?: { ms: number; ok: boolean; roundTripMs: number; commits: number; stallMs: number };
  fullCheck?: { ms: number; ok: boolean; roundTripMs: number; commits: number; stallMs: number };
  backup?: { ms: number; sizeBytes: number; commits: number; commitP50: number; stallMs: number };
  /** the API calls that failed (e.g. not implemented yet), with their error */
  missing: string[];
}

function newDataWorker() {
  const worker = new Worker(new URL('../renderer/workers/data-worker.js', import.meta.url), { type: 'module' });
  return { worker, api: Comlink.wrap<DataApi>(worker) };
}

/** 20 committed timer starts and stops, as a user makes them: the latency of each, in ms. */
async function timerLatencies(
  api: {
    startTimer(i: { name: string; projectId: string }): Promise<{ id: string }>;
    stopTimer(i: { id: string }): Promise<unknown>;
  },
  projectIds: string[],
): Promise<{ starts: number[]; stops: number[] }> {
  const starts: number[] = [];
  const stops: number[] = [];
  for (let i = 0; i < 20; i++) {
    let t = performance.now();
    const started = await api.startTimer({ name: `interactive ${i}`, projectId: projectIds[i % projectIds.length]! });
    starts.push(performance.now() - t);
    t = performance.now();
    await api.stopTimer({ id: started.id });
    stops.push(performance.now() - t);
  }
  return { starts, stops };
}

/**
 * The app's data worker on a large file: top the API-filled file up to `fileRows`, then launch to ready, timer
 * commits, integrity checks and a backup with timers started during it — all through the public API.
 */
async function appFileBench(
  name: string,
  projectIds: string[],
  have: number,
  fileRows: number,
  batch: number,
): Promise<AppFileResult> {
  const missing: string[] = [];
  let { worker, api } = newDataWorker();
  await api.open({ name });
  const t0 = performance.now();
  if (fileRows > have) {
    const more = generateSessions(fileRows - have, projectIds, 4242);
    for (let i = 0; i < more.length; i += batch) await api.insertSessions(more.slice(i, i + batch));
  }
  const topUpMs = performance.now() - t0;
  // a window closes some time after its last write: by then the worker has folded its WAL into the file (owner/core.ts)
  await sleep(2_500);
  worker.terminate();

  const launchRuns: number[] = [];
  let openStatus = '';
  for (let i = 0; i < 3; i++) {
    await sleep(100);
    const t = performance.now();
    ({ worker, api } = newDataWorker());
    const info = (await api.open({ name })) as unknown as { status?: string; role?: string };
    launchRuns.push(performance.now() - t);
    await sleep(300); // as a window left open a moment: an open folds a WAL it had to replay
    openStatus = `${info.status ?? '(no status)'}${info.role ? `, ${info.role}` : ''}`;
    if (i < 2) worker.terminate();
  }

  const { starts, stops } = await timerLatencies(api, projectIds);
  const result: AppFileResult = {
    rows: fileRows,
    topUpMs,
    launchMs: median(launchRuns),
    launchRuns,
    openStatus,
    startTimerP50: median(starts),
    startTimerP90: [...starts].sort((a, b) => a - b)[Math.floor(starts.length * 0.9)]!,
    stopTimerP50: median(stops),
    missing,
  };

  for (const full of [false, true]) {
    try {
      const t = performance.now();
      let i = 0;
      // timers started during the check: the check runs on a copy in another worker, so they should not wait for it
      const { result: r, latencies } = await withConcurrentCommits(api.checkIntegrity({ full }), () =>
        api.startTimer({ name: `during check ${i++}`, projectId: null }),
      );
      const figures = {
        ms: r.ms,
        ok: r.ok,
        roundTripMs: performance.now() - t,
        commits: latencies.length,
        stallMs: latencies.length ? Math.max(...latencies) : NaN,
      };
      if (full) result.fullCheck = figures;
      else result.quickCheck = figures;
    } catch (error) {
      missing.push(`checkIntegrity({ full: ${full} }): ${String(error)}`);
    }
  }
  try {
    let i = 0;
    const t = performance.now();
    const { result: info, latencies } = await withConcurrentCommits(
      api.backupNow().then((b) => ({ b, ms: performance.now() - t })),
      () => api.startTimer({ name: `during backup ${i++}`, projectId: null }),
    );
    result.backup = {
      ms: info.ms,
      sizeBytes: info.b.sizeBytes,
      commits: latencies.length,
      commitP50: latencies.length ? median(latencies) : NaN,
      stallMs: latencies.length ? Math.max(...latencies) : NaN,
    };
  } catch (error) {
    missing.push(`backupNow(): ${String(error)}`);
  }
  worker.terminate();
  return result;
}

async function main(): Promise<PageResult> {
  const params = new URLSearchParams(location.search);
  const rows = Number(params.get('rows') ?? 100_000);
  const batch = Number(params.get('batch') ?? 10_000);
  const fileRows = Number(params.get('fileRows') ?? 250_000);
  const matrixRows = Number(params.get('matrixRows') ?? 100_000);
  const pageSizes = (params.get('pageSizes') ?? '4096,16384,65536').split(',').map(Number);
  const coalescing = params.get('coalescing') !== '0';
  const sections = (params.get('only') ?? 'engine,app,matrix,file,edits,quick,week,day').split(',');
  const result: PageResult = {
    sections,
    engine: { engine: '', rows, insertMs: NaN, groupAllMs: NaN, groupYearMs: NaN, groupRows: 0 },
    api: { rows, insertMs: NaN, yearViewMs: NaN, maxGapMs: NaN, longestTaskMs: NaN, longTasks: 0 },
    openMs: NaN,
    reopenMs: NaN,
    startTimerMs: NaN,
    stopTimerMs: NaN,
  };

  // 1. The engine alone: wa-sqlite/OPFS in a worker running the exact statements the native baseline runs.
  if (sections.includes('engine')) {
    const { worker, api } = engineWorker();
    result.engine = await api.run(rows, batch);
    worker.terminate();
  }

  // 2. The app's data worker through its public API, with the main thread watched while it works.
  if (sections.includes('app')) {
    const name = `bench-api-${Date.now()}.sqlite3`;
    const opening = performance.now();
    let { worker: dataWorker, api } = newDataWorker();
    await api.open({ name });
    result.openMs = performance.now() - opening;
    const projectIds: string[] = [];
    for (let i = 0; i < 20; i++) projectIds.push((await api.createProject({ name: `Project ${i + 1}` })).id);
    const sessions = generateSessions(rows, projectIds);
    const watched = await watchMainThread(async () => {
      const t0 = performance.now();
      for (let i = 0; i < sessions.length; i += batch) await api.insertSessions(sessions.slice(i, i + batch));
      const insertMs = performance.now() - t0;
      const from = sessions[Math.floor(sessions.length / 4)]!.startTime;
      const t1 = performance.now();
      await api.totalsByProjectDay({ from, to: from + 365 * 86_400_000 });
      return { insertMs, yearViewMs: performance.now() - t1 };
    });
    dataWorker.terminate();
    result.api = {
      rows,
      insertMs: watched.result.insertMs,
      yearViewMs: watched.result.yearViewMs,
      maxGapMs: watched.maxGapMs,
      longestTaskMs: watched.longestTaskMs,
      longTasks: watched.longTasks,
    };

    // Launch on a full database, then the interactive writes a user waits for.
    await sleep(100);
    const reopening = performance.now();
    ({ worker: dataWorker, api } = newDataWorker());
    await api.open({ name });
    result.reopenMs = performance.now() - reopening;
    const { starts, stops } = await timerLatencies(api, projectIds);
    dataWorker.terminate();
    result.startTimerMs = median(starts);
    result.stopTimerMs = median(stops);

    // 2b. The same worker on the large file (launch, commits, integrity, backup).
    result.app250k = await appFileBench(name, projectIds, rows, fileRows, batch);
    const root = await navigator.storage.getDirectory();
    for (const suffix of ['', '-journal', '-wal']) await root.removeEntry(name + suffix).catch(() => undefined);
  }

  // 3. Engine-level storage matrix, then the large file (launch, integrity, backups) at the engine level.
  if (sections.includes('matrix')) result.matrix = await matrixBench(matrixRows, batch, 40, pageSizes, coalescing);
  if (sections.includes('file')) result.file = await fileBench(fileRows, batch);
  // 4. Corrections: a bulk change of 10,000 sessions and its undo, small edits (issue 6).
  if (sections.includes('edits')) result.edits = await editsBench(newDataWorker, 50_000, 10_000);
  if (sections.includes('quick')) result.quickEntry = quickEntryBench();
  if (sections.includes('week')) {
    result.week = await weekBench(
      newDataWorker,
      new URL('../renderer/workers/data-worker.js', import.meta.url),
      fileRows,
      batch,
    );
  }
  if (sections.includes('day'))
    result.day = await dayBench(new URL('../renderer/workers/data-worker.js', import.meta.url));
  if (sections.includes('reports')) {
    const sizes = (params.get('reportSizes') ?? '250000,1000000').split(',').map(Number);
    // 5,000 per batch: making and sending 50,000 session objects at once was itself a 150 ms task on the page (10,000:
    // 50–70 ms under load)
    result.reports = await reportBench(newDataWorker, sizes, 5_000);
  }
  if (sections.includes('charts')) result.charts = await chartsBench();
  if (sections.includes('reports-ui')) {
    const size = Number(params.get('reportsUiSize') ?? 250_000);
    result.reportsUi = await reportsUiBench(
      newDataWorker,
      new URL('../renderer/workers/data-worker.js', import.meta.url),
      size,
      10_000,
    );
  }
  if (sections.includes('assistant') && params.get('aiBase')) {
    result.assistant = await assistantBench(
      new URL('../renderer/workers/data-worker.js', import.meta.url),
      new URL('../renderer/workers/ai-worker.js', import.meta.url),
      params.get('aiBase')!,
      Number(params.get('aiTokens') ?? 10_000),
      params.get('aiToolBase')!,
      Number(params.get('aiSessions') ?? 250_000),
    );
  }
  if (sections.includes('export-app')) {
    result.exportApp = await exportAppBench(
      new URL('../renderer/workers/data-worker.js', import.meta.url),
      new URL('../renderer/workers/export-worker.js', import.meta.url),
      Number(params.get('exportRows') ?? 250_000),
      Number(params.get('importRows') ?? 100_000),
    );
  }
  if (sections.includes('exports')) {
    const exportRows = Number(params.get('exportRows') ?? 250_000);
    result.exports = await exportsBench(
      exportRows,
      Number(params.get('pdfRows') ?? 5_000),
      Number(params.get('importRows') ?? 100_000),
      params.get('exportFormats')?.split(',') ?? null,
    );
  }
  return result;
}

declare global {
  interface Window {
    benchResult?: Promise<PageResult>;
  }
}
window.benchResult = main().catch((error: unknown) => {
  throw new Error(error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : JSON.stringify(error));
});
