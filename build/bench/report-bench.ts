// Reports over large files (issue 9): the app's data worker answering `report` for every preset and grouping,
// timed inside the worker (Report.tookMs) and as a round trip; the first report after an import builds the roll-up.
import type { Remote } from 'comlink';

import type { DataApi } from '../../shared/data-contract.ts';
import { reportCases } from './report-cases.ts';
import { generateSessions } from './sessions.ts';

/** Sessions i..i+n of the report bench's data (20 minutes apart from BENCH_START), the same for both engines. */
export function benchBatch(i: number, n: number, projectIds: readonly string[]) {
  return generateSessions(n, projectIds, 42 + i).map((s) => ({
    ...s,
    startTime: s.startTime + i * 20 * 60_000,
    endTime: s.endTime + i * 20 * 60_000,
  }));
}

export interface ReportBenchRow {
  size: number;
  label: string;
  workerMs: number;
  roundTripMs: number;
  source: string;
}

export interface ReportBenchResult {
  sizes: {
    size: number;
    insertMs: number;
    firstReportMs: number;
    buildMs: number;
    commits: number;
    commitP50: number;
    stallMs: number;
  }[];
  rows: ReportBenchRow[];
  longestTaskMs: number;
  longTasks: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function reportBench(
  newWorker: () => { worker: Worker; api: Remote<DataApi> },
  sizes: number[],
  batch: number,
): Promise<ReportBenchResult> {
  const out: ReportBenchResult = { sizes: [], rows: [], longestTaskMs: 0, longTasks: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      out.longestTaskMs = Math.max(out.longestTaskMs, e.duration);
      if (e.duration > 50) out.longTasks++;
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  for (const size of sizes) {
    const name = `bench-rep-${size}-${Date.now() % 1e6}.sqlite3`;
    const { worker, api } = newWorker();
    await api.open({ name });
    const projectIds: string[] = [];
    for (let i = 0; i < 20; i++)
      projectIds.push((await api.createProject({ name: `Project ${i + 1}`, client: `Client ${i % 5}` })).id);
    const t0 = performance.now();
    let last = 0;
    // generated a batch at a time: making 1M session objects at once is itself a long task on the page
    for (let i = 0; i < size; i += batch) {
      const part = benchBatch(i, Math.min(batch, size - i), projectIds);
      last = part.at(-1)!.startTime;
      await api.insertSessions(part);
    }
    const insertMs = performance.now() - t0;
    const progress = (what: string) =>
      console.info(`reports ${size.toLocaleString('en')}: ${what} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    progress(`inserted in ${insertMs.toFixed(0)} ms`);
    const cases = reportCases(last);
    const t1 = performance.now();
    // the first report after the import is summed from the sessions while the roll-up builds behind it
    const first = await api.report(cases[0]!.input);
    const firstReportMs = performance.now() - t1;
    // timers started every 20 ms while the roll-up builds: each waits for at most one build step
    // built: the roll-up and its baked tables (day totals, names) are all current
    let built = !first.catchingUp;
    let polls = 0;
    const poll = (async () => {
      while (!built) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const r = await api.report(cases[0]!.input);
        built = !r.catchingUp;
        const failed = r.notes.find((x) => x.includes('could not'));
        if (failed) progress(failed);
        if (++polls % 40 === 0) progress(`building: ${r.source}, catching up ${r.catchingUp}, report ${r.tookMs} ms`);
      }
    })();
    const latencies: number[] = [];
    let n = 0;
    // 500 commits (~30 s): more would pile thousands of sessions into today, which every step recomputes — a load no
    // person makes, that slowed the 1M build to a crawl
    while (!built && n < 500) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (built) break;
      const t = performance.now();
      await api.startTimer({ name: `during the roll-up build ${n++}`, projectId: null });
      latencies.push(performance.now() - t);
    }
    await poll;
    out.sizes.push({
      size,
      insertMs,
      firstReportMs,
      buildMs: performance.now() - t1,
      commits: latencies.length,
      commitP50: latencies.length ? median(latencies) : NaN,
      stallMs: latencies.length ? Math.max(...latencies) : NaN,
    });
    progress('built');
    for (const c of cases) {
      const worker: number[] = [];
      const trip: number[] = [];
      let source = '';
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const r = await api.report(c.input);
        trip.push(performance.now() - t);
        worker.push(r.tookMs);
        source = r.source;
      }
      out.rows.push({ size, label: c.label, workerMs: median(worker), roundTripMs: median(trip), source });
    }
    await api.close();
    worker.terminate();
    const root = await navigator.storage.getDirectory();
    for (const suffix of ['', '-journal', '-wal']) await root.removeEntry(name + suffix).catch(() => undefined);
  }
  observer.disconnect();
  return out;
}
