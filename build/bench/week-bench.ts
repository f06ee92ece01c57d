// Week view over a large file: the worker's listSessions for one week, and the main thread's render of
// <lt-week-view> showing it (issue 6 goal: under 100 ms, no main-thread task over 50 ms).
import '../../renderer/views/week/lt-week-view.ts';

import type { Remote } from 'comlink';

import { DataClient } from '../../renderer/services/data-client.ts';
import { weekStartOf } from '../../renderer/views/week/week-layout.ts';
import type { DataApi } from '../../shared/data-contract.ts';
import { addLocalDays } from '../../shared/day.ts';
import { generateSessions } from './sessions.ts';

export interface WeekBenchResult {
  rows: number;
  sessionsPerWeek: number;
  /** listSessions for one week, round trip from the page (median of 7) */
  listMs: number;
  /** week shown: navigation → data in → rendered (medians over 7 different weeks) */
  showMs: number;
  /** of that, the main thread's part: stores set → every day drawn (in a few tasks) */
  renderMs: number;
  /** the longest main-thread task and the number over 50 ms while weeks were shown */
  longestTaskMs: number;
  longTasks: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export async function weekBench(
  newWorker: () => { worker: Worker; api: Remote<DataApi> },
  workerUrl: URL,
  rows: number,
  batch: number,
): Promise<WeekBenchResult> {
  const name = `bench-week-${Date.now()}.sqlite3`;
  const { worker, api } = newWorker();
  await api.open({ name });
  const projectIds: string[] = [];
  for (let i = 0; i < 20; i++) projectIds.push((await api.createProject({ name: `Project ${i + 1}` })).id);
  const sessions = generateSessions(rows, projectIds);
  for (let i = 0; i < sessions.length; i += batch) await api.insertSessions(sessions.slice(i, i + batch));
  const middle = weekStartOf(sessions[Math.floor(rows / 2)]!.startTime);
  const weekTo = addLocalDays(middle, 7);
  const lists: number[] = [];
  let perWeek = 0;
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const page = await api.listSessions({ from: middle, to: weekTo, limit: 2000 });
    lists.push(performance.now() - t);
    perWeek = page.sessions.length;
  }
  await api.close();
  worker.terminate();

  const client = new DataClient({ workerUrl, dbName: name });
  await client.start();
  const view = document.createElement('lt-week-view');
  view.client = client;
  view.style.cssText = 'display:block;width:1280px';
  document.body.append(view);
  const model = view.model!;
  const grid = () => view.shadowRoot!.querySelector('lt-week-grid')!;
  const shows: number[] = [];
  const renders: number[] = [];
  let longestTaskMs = 0;
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longestTaskMs = Math.max(longestTaskMs, entry.duration);
      if (entry.duration > 50) longTasks++;
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  // the week's sessions land in the store synchronously; the views update from there
  let t1 = 0;
  const stop = model.$sessions.listen(() => (t1 = performance.now()));
  // a profiling run (build/bench/trace.mjs week) traces from here; `npm run bench` exposes no such hook
  const hook = (window as { benchMark?: (what: string) => Promise<void> }).benchMark;
  await hook?.('start');
  for (let i = 1; i <= 7; i++) {
    const t0 = performance.now();
    await model.showWeekOf(addLocalDays(middle, i * 7));
    await view.updateComplete;
    await grid().updateComplete;
    while (grid().drawing) await new Promise((r) => setTimeout(r, 0)).then(() => grid().updateComplete);
    const t2 = performance.now();
    await frame();
    shows.push(performance.now() - t0);
    renders.push(t2 - t1);
  }
  observer.disconnect();
  await hook?.('stop');
  stop();
  view.remove();
  client.dispose();
  const root = await navigator.storage.getDirectory();
  for (const suffix of ['', '-journal', '-wal']) await root.removeEntry(name + suffix).catch(() => undefined);
  return {
    rows,
    sessionsPerWeek: perWeek,
    listMs: median(lists),
    showMs: median(shows),
    renderMs: median(renders),
    longestTaskMs,
    longTasks,
  };
}
