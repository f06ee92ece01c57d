// End to end: "Export database file" in the built app gives a plain SQLite file that native SQLite (better-sqlite3,
// the library the sqlite3 tool is built on) opens and finds intact, with the sessions and LightTrack's application_id.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';

import { useWebShell } from './shell.mjs';

const shell = useWebShell();

test('Export database file downloads a SQLite file that native SQLite opens and checks clean', async () => {
  const context = await shell.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(shell.web.url);
  const name = page.locator('lt-timer-bar input[name="name"]');
  await name.waitFor();
  for (const session of ['Exported one', 'Exported two ✓ ünïcødé']) {
    await name.fill(session);
    await page.locator('lt-timer-bar button.start').click(); // the button says "start new": Enter alone would ask first
    await page.locator('lt-session-list li.running', { hasText: session }).waitFor();
  }
  await page.getByRole('link', { name: 'Data & diagnostics' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export database file' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^lighttrack-\d{4}-\d\d-\d\d\.sqlite3$/);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lt-export-')), download.suggestedFilename());
  await download.saveAs(file);

  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal(db.pragma('application_id', { simple: true }), 0x4c54524b);
    const names = db.prepare('SELECT name FROM activities WHERE deleted_at IS NULL ORDER BY start_time').all();
    assert.deepEqual(
      names.map((r) => r.name),
      ['Exported one', 'Exported two ✓ ünïcødé'],
    );
  } finally {
    db.close();
  }
  assert.deepEqual(errors, []);
  await context.close();
});
