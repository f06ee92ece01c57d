// A Chromium performance trace of the bench's reports-ui section (first opens, report switches, view switches), for
// finding what a render spends its time on: `npm run bench` once (builds dist/bench), then
//   node build/bench/trace-reports-ui.mjs [sessions=250000] [out=/tmp/reports-ui-trace.json]
// and open the file in DevTools' Performance panel (or summarise it with a script). Main-thread windows are marked
// with User Timing ("rui …").
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../test/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [size = '250000', out = '/tmp/reports-ui-trace.json'] = process.argv.slice(2);
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
        traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing',
          'disabled-by-default-v8.cpu_profiler', 'toplevel', 'blink'] },
      });
    } else {
      await cdp.send('Tracing.end');
      await done;
    }
  });
  page.setDefaultTimeout(0);
  await page.goto(`${web.url}bench/bench.html?${new URLSearchParams({ only: 'reports-ui', reportsUiSize: size })}`);
  const result = await page.evaluate(() => window.benchResult);
  writeFileSync(out, JSON.stringify({ traceEvents: events }));
  console.log(`${events.length} trace events in ${out}; first open render p50 ${result.reportsUi.first.renderMs.toFixed(1)} ms`);
} finally {
  await browser.close();
  await web.close();
}
