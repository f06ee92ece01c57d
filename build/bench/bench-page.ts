import * as Comlink from 'comlink';
import { installErrorTransfer } from '../../shared/comlink-errors.ts';
import type { DataApi } from '../../shared/data-contract.ts';
import { generateSessions, type EngineResult } from './sessions.ts';

installErrorTransfer();

export interface PageResult {
  engine: EngineResult;
  api: { rows: number; insertMs: number; yearViewMs: number; maxGapMs: number; longestTaskMs: number; longTasks: number };
  /** worker start → database open and migrated (a new file) */
  openMs: number;
  /** the same on the filled database, as at every app launch */
  reopenMs: number;
  /** startTimer/stopTimer round trips on the filled database, committed (medians of 20) */
  startTimerMs: number;
  stopTimerMs: number;
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

async function main(): Promise<PageResult> {
  const params = new URLSearchParams(location.search);
  const rows = Number(params.get('rows') ?? 100_000);
  const batch = Number(params.get('batch') ?? 10_000);

  // 1. The engine alone: wa-sqlite/OPFS in a worker running the exact statements the native baseline runs.
  const engineWorker = new Worker(new URL('./bench-worker.js', import.meta.url), { type: 'module' });
  const engine = await Comlink.wrap<{ run(rows: number, batch: number): Promise<EngineResult> }>(engineWorker).run(rows, batch);
  engineWorker.terminate();

  // 2. The app's data worker through its public API, with the main thread watched while it works.
  const name = `bench-api-${Date.now()}.sqlite3`;
  const opening = performance.now();
  let dataWorker = new Worker(new URL('../renderer/workers/data-worker.js', import.meta.url), { type: 'module' });
  let api = Comlink.wrap<DataApi>(dataWorker);
  await api.open({ name });
  const openMs = performance.now() - opening;
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

  // Launch on a full database, then the interactive writes a user waits for.
  const reopening = performance.now();
  dataWorker = new Worker(new URL('../renderer/workers/data-worker.js', import.meta.url), { type: 'module' });
  api = Comlink.wrap<DataApi>(dataWorker);
  await api.open({ name });
  const reopenMs = performance.now() - reopening;
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
  dataWorker.terminate();
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(name).catch(() => undefined);

  return {
    engine,
    api: {
      rows,
      insertMs: watched.result.insertMs,
      yearViewMs: watched.result.yearViewMs,
      maxGapMs: watched.maxGapMs,
      longestTaskMs: watched.longestTaskMs,
      longTasks: watched.longTasks,
    },
    openMs,
    reopenMs,
    startTimerMs: median(starts),
    stopTimerMs: median(stops),
  };
}

declare global {
  interface Window {
    benchResult?: Promise<PageResult>;
  }
}
window.benchResult = main();
