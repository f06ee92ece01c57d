// `npm run bench`: wa-sqlite on OPFS in a worker (real Chromium) against better-sqlite3 in Node on the same data
// and statements, plus the app's data worker through its API with the main thread watched. Prints one table.
// A benchmark, not a test: it reports numbers and budgets, it does not fail on them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../test/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const batch = Number(process.env.BENCH_BATCH ?? 10_000);

const { runNative } = await import(path.join(root, 'dist/bench/native.js'));
const { startWebServer } = await import(path.join(root, 'dist/web/server.js'));

const native = await runNative(rows, batch);

const web = await startWebServer(path.join(root, 'dist'), 0);
const browser = await chromium.launch(chromiumLaunchOptions);
let page;
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (e) => console.error('page error:', e));
  await tab.goto(`${web.url}bench/bench.html?rows=${rows}&batch=${batch}`);
  page = await tab.evaluate(() => window.benchResult);
} finally {
  await browser.close();
  await web.close();
}

const wasm = page.engine;
const f = (ms) => `${ms.toFixed(1)} ms`;
const rate = (ms) => `${Math.round((rows / ms) * 1000).toLocaleString('en-US')} rows/s`;
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
const line = (label, a, b, c) => console.log(`${label.padEnd(34)}${a.padEnd(36)}${b.padEnd(36)}${c}`);

console.log(`\nLightTrack bench: ${rows.toLocaleString('en-US')} sessions over 20 projects, inserted in batches of ${batch.toLocaleString('en-US')}`);
console.log(`Chromium ${browser.version?.() ?? ''}`.trim());
line('', 'wa-sqlite/OPFS (worker)', 'better-sqlite3 (native)', 'ratio (wasm/native)');
line('insert', `${f(wasm.insertMs)} (${rate(wasm.insertMs)})`, `${f(native.insertMs)} (${rate(native.insertMs)})`, ratio(wasm.insertMs, native.insertMs));
line('group by project+day, all years', f(wasm.groupAllMs), f(native.groupAllMs), ratio(wasm.groupAllMs, native.groupAllMs));
line('group by project+day, one year', f(wasm.groupYearMs), f(native.groupYearMs), ratio(wasm.groupYearMs, native.groupYearMs));
console.log(`(group-by medians of 5 warm runs; ${wasm.groupRows.toLocaleString('en-US')} result rows over all years)`);
console.log('\nThe app data worker through its API (valibot validation + postMessage + SQL):');
console.log(`  insert ${rows.toLocaleString('en-US')}: ${f(page.api.insertMs)} (${rate(page.api.insertMs)}); year view: ${f(page.api.yearViewMs)}`);
console.log(`  longest main-thread gap while the worker inserted and queried: ${f(page.api.maxGapMs)}` +
  ` (long tasks: ${page.api.longTasks}, longest ${f(page.api.longestTaskMs)}; budget: no task over 50 ms)`);
console.log(`  launch: worker start to database ready ${f(page.openMs)} (new file), ${f(page.reopenMs)} (the filled file)`);
console.log(`  start timer, committed: ${f(page.startTimerMs)}; stop timer: ${f(page.stopTimerMs)} (medians of 20, filled file)`);
