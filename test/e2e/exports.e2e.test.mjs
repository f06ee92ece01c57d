// Exports and imports in the built web shell, driven as a user would: export the visible report as CSV (to the
// downloads: headless Chromium has no save picker to click through), cancel a big export, import a Toggl CSV through
// its preview, undo it, import it again, and a third time (nothing added).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { collectProblems, useWebShell } from './shell.mjs';

const shell = useWebShell({ timezoneId: 'America/New_York', acceptDownloads: true });
const dir = mkdtempSync(path.join(tmpdir(), 'lt-exports-'));

async function until(page, what, check, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(50);
  }
}

const insert = (page, count, name) =>
  page.evaluate(
    async ([count, name]) => {
      const data = document.querySelector('lt-app').services.client.data;
      const project =
        (await data.listProjects()).find((p) => p.name === 'Exported') ??
        (await data.createProject({ name: 'Exported' }));
      const now = Date.now();
      const sessions = [];
      for (let i = 0; i < count; i++) {
        const t = now - 20 * 86_400_000 + Math.floor((i * 19 * 86_400_000) / count);
        sessions.push({
          name: `${name} ${i}, "q"`,
          projectId: project.id,
          startTime: t,
          endTime: t + 60_000,
          pausedMs: 0,
        });
      }
      for (let i = 0; i < sessions.length; i += 40_000) await data.insertSessions(sessions.slice(i, i + 40_000));
    },
    [count, name],
  );

const liveCount = (page) =>
  page.evaluate(async () => {
    const data = document.querySelector('lt-app').services.client.data;
    return (await data.sessionsInRange({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 20), limit: 100 })).sessions
      .length;
  });

test('export the visible report as CSV, cancel a big export, import a Toggl CSV, undo it, import again', async () => {
  const page = await shell.context.newPage();
  const problems = [];
  collectProblems(page, problems);
  await page.goto(shell.web.url);
  await page.waitForFunction(() => document.querySelector('lt-app')?.services?.client);
  await insert(page, 321, 'Small');

  await page.goto(`${shell.web.url}#reports`);
  const view = page.locator('lt-reports-view');
  await view.locator('.tile b').first().waitFor();
  await view.getByLabel('Range', { exact: true }).selectOption('all');
  await until(page, 'the all-time report', async () =>
    /Sessions \(321\)/.test(await page.locator('lt-reports-view h2#table-h').textContent()),
  );
  await view.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.locator('lt-export-dialog dialog');
  await dialog.waitFor();
  assert.match(await dialog.locator('.what').textContent(), /^All time, .* · by project · 321 sessions$/);
  await dialog.getByLabel(/My downloads folder/).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^lighttrack-.*\.csv$/);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
  assert.equal(lines.length, 322);
  assert.match(lines[0], /Project/);
  assert.match(lines[1], /"Small 0, ""q"""/);
  await page.locator('lt-app .toast', { hasText: /Exported 321 sessions to lighttrack-.*\.csv/ }).waitFor();

  // a big export: progress with the time left, then Cancel leaves nothing
  await insert(page, 150_000, 'Big');
  await view.getByLabel('Range', { exact: true }).selectOption('this-year');
  await until(page, 'the bigger report', async () =>
    /Sessions \(150,321\)/.test(await page.locator('lt-reports-view h2#table-h').textContent()),
  );
  await view.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByLabel(/My downloads folder/).check();
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await dialog.locator('.progress p', { hasText: /of 150,321 sessions .* (left|almost done)/ }).waitFor();
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await dialog.locator('.outcome.note', { hasText: 'Export cancelled. No file was left behind.' }).waitFor();
  const temps = await page.evaluate(async () => {
    const d = await (await navigator.storage.getDirectory()).getDirectoryHandle('exports-tmp', { create: true });
    const names = [];
    for await (const name of d.keys()) names.push(name);
    return names;
  });
  assert.equal(downloaded, false);
  assert.equal(temps.length, 1, 'only the first export’s file, still held for its download');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await view.locator('details.exports summary').click();
  const history = view.locator('lt-export-history li');
  await history.first().waitFor();
  assert.match(await history.nth(0).textContent(), /Cancelled/);
  assert.match(await history.nth(1).textContent(), /Done[\s\S]*321 sessions/);

  // import a Toggl CSV through the preview (Data & diagnostics), undo it, import again, and once more: nothing added
  const toggl = path.join(dir, 'toggl.csv');
  writeFileSync(
    toggl,
    '\uFEFFUser,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)\n' +
      'Ann,a@x.org,Acme,Website,,"Design, review",Yes,2026-01-05,09:00:00,2026-01-05,10:30:00,01:30:00,"ux, web",150\n' +
      'Ann,a@x.org,Acme,Website,,Build,Yes,2026-01-06,09:00:00,2026-01-06,11:00:00,02:00:00,web,200\n' +
      'Ann,a@x.org,,Admin,,Email,No,2026-01-07,08:00:00,2026-01-07,08:15:00,00:15:00,,\n' +
      'Ann,a@x.org,,Admin,,Broken,No,2026-02-30,08:00:00,2026-02-30,08:15:00,00:15:00,,\n',
  );
  await page.getByRole('link', { name: 'Data & diagnostics' }).click();
  const importVia = async (open) => {
    await open();
    const d = page.locator('lt-import-dialog dialog');
    await d.waitFor();
    await d.locator('input[type=file]').setInputFiles(toggl);
    await d.locator('.lead', { hasText: 'Toggl Track CSV · 3 sessions found' }).waitFor();
    return d;
  };
  let d = await importVia(() => page.getByRole('button', { name: 'Import…' }).click());
  assert.match(await d.locator('.figures').textContent(), /3\s*to add[\s\S]*3 h 45 min[\s\S]*0\s*already imported/);
  assert.match(await d.locator('table').textContent(), /Website\s*new\s*2\s*3 h 30 min/);
  assert.match(await d.locator('ul.problems').textContent(), /Line 5: /);
  await d.getByRole('button', { name: 'Import 3 sessions' }).click();
  const toast = page.locator('lt-app .toast span', { hasText: /^Import 3 sessions from “toggl\.csv”$/ });
  await toast.waitFor();
  assert.equal(await liveCount(page), 3);
  await page.locator('lt-app .toast').getByRole('button', { name: 'Undo' }).click();
  await page.locator('lt-app .toast', { hasText: 'Undone: Import 3 sessions' }).waitFor();
  assert.equal(await liveCount(page), 0);
  assert.deepEqual(
    await page.evaluate(async () =>
      (await document.querySelector('lt-app').services.client.data.listProjects()).map((p) => p.name),
    ),
    ['Exported'],
  );

  // again, from the Ctrl+K palette
  d = await importVia(async () => {
    await page.keyboard.press('Control+k');
    await page.locator('lt-command-palette').getByRole('button', { name: 'Import from a file…' }).click();
  });
  await d.getByRole('button', { name: 'Import 3 sessions' }).click();
  await page.locator('lt-app .toast span', { hasText: /^Import 3 sessions from “toggl\.csv”$/ }).waitFor();
  assert.equal(await liveCount(page), 3);
  d = await importVia(() => page.getByRole('button', { name: 'Import…' }).click());
  await d.locator('.lead', { hasText: 'All 3 were already imported: nothing to add.' }).waitFor();
  assert.equal(await d.getByRole('button', { name: /^Import \d/ }).count(), 0);
  await d.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await liveCount(page), 3);
  assert.deepEqual(problems, []);
});
