// A Chromium performance trace of one bench section that marks where to trace (window.benchMark('start'/'stop')):
// `reports-ui` (first opens, report switches, view switches; User Timing "rui …") or `week` (seven weeks in
// <lt-week-view> over a large file). `npm run bench` once (builds dist/bench), then
//   node build/bench/trace.mjs reports-ui|week|reports [sessions=250000] [out=/tmp/<section>-trace.json]
// prints each main-thread task over 30 ms with its time in script, style, layout, paint…; open the file in DevTools'
// Performance panel for more.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

import { chromiumLaunchOptions } from '../../test/chromium.mjs';

const SECTIONS = {
  'reports-ui': {
    query: (size) => ({ only: 'reports-ui', reportsUiSize: size }),
    said: (r) => `first open render p50 ${r.reportsUi.first.renderMs.toFixed(1)} ms`,
  },
  // the whole section (no marks): the page's own long tasks while importing and reporting
  reports: {
    whole: true,
    query: (size) => ({ only: 'reports', reportSizes: size }),
    said: (r) => `page: longest task ${r.reports.longestTaskMs.toFixed(0)} ms, ${r.reports.longTasks} over 50 ms`,
  },
  week: {
    query: (size) => ({ only: 'week', fileRows: size }),
    said: (r) =>
      `week render p50 ${r.week.renderMs.toFixed(1)} ms, longest task ${r.week.longestTaskMs.toFixed(0)} ms, ${r.week.longTasks} over 50 ms`,
  },
};
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [section, size = '250000', out = `/tmp/${section}-trace.json`] = process.argv.slice(2);
const chosen = SECTIONS[section];
if (!chosen) {
  console.error(`usage: node build/bench/trace.mjs ${Object.keys(SECTIONS).join('|')} [sessions] [out]`);
  process.exit(2);
}
const { startWebServer } = await import(path.join(root, 'dist/web/server.js'));
const web = await startWebServer(path.join(root, 'dist'), 0);
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  page.on('console', (m) => m.type() === 'error' && console.error('page console:', m.text()));
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
  await page.exposeFunction('benchMark', async (what) => {
    if (what === 'start') {
      await cdp.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: {
          includedCategories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'v8.execute',
            'blink.user_timing',
            'disabled-by-default-v8.cpu_profiler',
            'toplevel',
            'blink',
          ],
        },
      });
    } else {
      await cdp.send('Tracing.end');
      await done;
    }
  });
  page.setDefaultTimeout(0);
  if (chosen.whole) {
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['devtools.timeline', 'toplevel', 'v8.execute', 'v8', 'blink.user_timing'] },
    });
    page.once('load', () => undefined);
  }
  await page.goto(`${web.url}bench/bench.html?${new URLSearchParams(chosen.query(size))}`);
  const result = await page.evaluate(() => window.benchResult);
  if (chosen.whole) {
    await cdp.send('Tracing.end');
    await done;
  }
  writeFileSync(out, JSON.stringify({ traceEvents: events }));
  console.log(`${events.length} trace events in ${out}; ${chosen.said(result)}`);
  summarise(events);
} finally {
  await browser.close();
  await web.close();
}

/** Each long task on the renderer's main thread, with its time by kind (self time of the events inside it). */
function summarise(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > 30_000);
  for (const t of tasks) {
    const inside = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
    // self time: duration minus children's, by name
    const self = new Map();
    const sorted = inside.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const stack = [];
    for (const e of sorted) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      const parent = stack.at(-1);
      if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur);
      self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
      stack.push(e);
    }
    const parts = [...self]
      .filter(([, us]) => us > 1000)
      .sort((a, b) => b[1] - a[1])
      .map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`);
    const layout = inside
      .filter((e) => e.name === 'Layout')
      .map((e) => e.args?.beginData?.dirtyObjects ?? '')
      .join(',');
    const style = inside
      .filter((e) => e.name === 'UpdateLayoutTree')
      .map((e) => e.args?.elementCount ?? '')
      .join(',');
    console.log(
      `task ${(t.dur / 1000).toFixed(1)} ms: ${parts.join(', ')}${style ? ` | style elements ${style}` : ''}${layout ? ` | layout dirty ${layout}` : ''}`,
    );
  }
}
