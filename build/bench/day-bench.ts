// The Day view with 500 sessions in one day (a day after an import): the main thread's time from the day's sessions
// arriving in the store to the virtualized list drawn (issue 6 goal: under 50 ms), and long tasks meanwhile.
import '../../renderer/components/lt-app.ts';

import { createServices } from '../../renderer/services/services.ts';
import { createWebShell } from '../../renderer/shell/web-shell.ts';
import type { LtSessionList } from '../../renderer/views/day/lt-session-list.ts';
import { addLocalDays, startOfLocalDay } from '../../shared/day.ts';

export interface DayBenchResult {
  sessions: number;
  /** day shown: navigation → data → list drawn (median over 7 switches between two 500-session days) */
  showMs: number;
  /** its main-thread part: sessions in the store → list and virtualized rows rendered, styled and laid out */
  renderMs: number;
  /** the first 500-session day shown after an empty one (creates the virtualized list) */
  firstShowMs: number;
  /** while switching between the two full days */
  longestTaskMs: number;
  longTasks: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export async function dayBench(workerUrl: URL, perDay = 500): Promise<DayBenchResult> {
  const dbName = `bench-day-${Date.now()}.sqlite3`;
  const services = createServices(createWebShell(), { workerUrl, dbName });
  await services.client.start();
  const today = startOfLocalDay(Date.now());
  const days = [addLocalDays(today, -2), addLocalDays(today, -1)];
  for (const day of days) {
    await services.client.data.insertSessions(
      Array.from({ length: perDay }, (_, i) => ({
        name: `Imported session ${i} with a name of some length`,
        projectId: null,
        startTime: day + i * 170_000,
        endTime: day + i * 170_000 + 120_000,
      })),
    );
  }
  history.replaceState(null, '', '#day');
  const app = document.createElement('lt-app');
  app.services = services;
  app.style.cssText = 'display:block;width:1280px';
  document.body.append(app);
  const list = async () => {
    for (;;) {
      const el = app.shadowRoot
        ?.querySelector('lt-day-view')
        ?.shadowRoot?.querySelector<LtSessionList>('lt-session-list');
      if (el) return el;
      await frame();
    }
  };
  const { day } = services;
  await (
    await list()
  ).updateComplete;

  let t1 = 0;
  const stop = day.$sessions.listen(() => (t1 = performance.now()));
  let longestTaskMs = 0;
  let longTasks = 0;
  const observer = new PerformanceObserver((entries) => {
    for (const e of entries.getEntries()) {
      longestTaskMs = Math.max(longestTaskMs, e.duration);
      if (e.duration > 50) longTasks++;
    }
  });
  let firstShowMs = 0;
  const shows: number[] = [];
  const renders: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    day.setDay(days[i % 2]!);
    await day.reload();
    const el = await list();
    await el.updateComplete;
    // the virtualizer renders its rows in its own update (then measures and places them): wait for the new day's rows
    const newest = day.$sessions.get().at(-1)!.id;
    const virtualizer = el.shadowRoot!.querySelector('lit-virtualizer') as
      (HTMLElement & { updateComplete: Promise<unknown> }) | null;
    await virtualizer?.updateComplete;
    while (!el.shadowRoot!.querySelector(`li[data-id="${newest}"]`)) await new Promise((r) => requestAnimationFrame(r));
    void document.body.offsetHeight; // style and layout of the new rows, counted too
    const t2 = performance.now();
    await frame();
    if (i === 0) {
      // the first showing also creates the virtualizer (and loads its layout): reported on its own
      firstShowMs = performance.now() - t0;
      observer.observe({ type: 'longtask', buffered: false });
      continue;
    }
    shows.push(performance.now() - t0);
    renders.push(t2 - t1);
  }
  observer.disconnect();
  stop();
  app.remove();
  services.client.dispose();
  const root = await navigator.storage.getDirectory();
  for (const suffix of ['', '-journal', '-wal']) await root.removeEntry(dbName + suffix).catch(() => undefined);
  return { sessions: perDay, firstShowMs, showMs: median(shows), renderMs: median(renders), longestTaskMs, longTasks };
}
