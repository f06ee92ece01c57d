// End to end, the "done when": the built app in the web shell keeps a backup, its database file is then
// damaged on disk, and after a reload the user sees the recovery screen, restores the latest backup and has their
// sessions back.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { collectProblems, useWebShell } from './shell.mjs';

const shell = useWebShell({ acceptDownloads: true });
const problems = [];

async function openApp(hash = '') {
  const page = await shell.context.newPage();
  collectProblems(page, problems);
  await page.goto(shell.web.url + hash);
  return page;
}

async function startTimer(page, name) {
  await page.fill('lt-timer-bar input[name="name"]', name);
  await page.locator('lt-timer-bar button.start').click(); // explicit: Enter alone asks before replacing a timer
  await page.locator('lt-session-list li.running .name', { hasText: name }).waitFor();
}

const sessionNames = (page) => page.locator('lt-session-list li .name').allInnerTexts();

test('a damaged database file is recovered from the latest backup, sessions and all', async () => {
  // 1. two sessions, then a backup made from Data & diagnostics
  let page = await openApp();
  await page.locator('lt-timer-bar input[name="name"]').waitFor();
  await startTimer(page, 'E2E: first session');
  await startTimer(page, 'E2E: second session');
  await page.locator('lt-timer-bar button.stop').click();
  await page.locator('lt-timer-bar button.stop').waitFor({ state: 'detached' });
  assert.deepEqual((await sessionNames(page)).sort(), ['E2E: first session', 'E2E: second session']);

  await page.getByRole('link', { name: 'Data & diagnostics' }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await page.locator('lt-backups-section lt-backup-list li', { hasText: '2 sessions' }).first().waitFor();
  await page.close();

  // 2. with no window running the app (so nothing holds the file), overwrite the database with garbage from a page
  //    of the same origin. The write-ahead log goes too: while it holds every page, SQLite reads those from it and
  //    would never notice the main file.
  const vandal = await shell.context.newPage();
  await vandal.goto(`${shell.web.url}/icon.svg`);
  const before = await vandal.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const handle = await root.getFileHandle('lighttrack.sqlite3');
    const size = (await handle.getFile()).size;
    const writable = await handle.createWritable({ keepExistingData: false });
    await writable.write(new TextEncoder().encode('garbage, not a database '.repeat(2000)));
    await writable.close();
    const wal = await (await root.getFileHandle('lighttrack.sqlite3-wal', { create: true })).createWritable();
    await wal.close(); // keepExistingData defaults to false: an empty file
    return size;
  });
  assert.ok(before > 0, 'the database file existed');
  await vandal.close();

  // 3. the app opens on the recovery screen, in plain words
  page = await openApp();
  const title = page.locator('lt-recovery-view h2.title');
  await title.waitFor();
  assert.equal(await title.innerText(), 'Your data file is damaged');
  assert.equal(await page.locator('lt-timer-bar').count(), 0);

  // the damaged file can be downloaded as it is
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the damaged file' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^lighttrack-damaged-\d{4}-\d\d-\d\d\.sqlite3$/);

  // 4. restore the latest backup (with its confirm step): every window reloads, the sessions are back
  const latest = page.locator('lt-recovery-view lt-backup-list li').first();
  assert.match(await latest.innerText(), /Latest/);
  assert.match(await latest.innerText(), /2 sessions/);
  await latest.getByRole('button', { name: /^Restore the backup from/ }).click();
  const reloaded = page.waitForEvent('load');
  await latest.getByRole('button', { name: 'Restore this backup' }).click();
  await reloaded;
  await page.locator('lt-timer-bar input[name="name"]').waitFor();
  await page.locator('lt-session-list li').nth(1).waitFor();
  assert.deepEqual((await sessionNames(page)).sort(), ['E2E: first session', 'E2E: second session']);

  // and it stays that way after another reload
  await page.reload();
  await page.locator('lt-session-list li').nth(1).waitFor();
  assert.equal(await page.locator('lt-recovery-view').count(), 0);
  await page.close();
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
