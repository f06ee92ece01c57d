// End to end in the built web shell: correct time in the Day view — add a manual entry, edit its times, split it,
// merge it back, bulk-move two sessions to another project, undo three times, reload, redo.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { collectProblems, useWebShell } from './shell.mjs';

const shell = useWebShell({ viewport: { width: 1280, height: 900 } });
const problems = [];

const rows = (page) => page.locator('lt-session-list li');
const row = (page, name) => page.locator('lt-session-list li', { has: page.locator('.name', { hasText: name }) });
const sessions = (page) =>
  page.evaluate(async () => {
    const app = document.querySelector('lt-app');
    const { sessions } = await app.services.client.data.sessionsInRange(app.services.day.$range.get());
    return sessions.map((s) => ({
      name: s.name,
      project: app.services.timer.projectById(s.projectId)?.name ?? null,
      start: new Date(s.startTime).toTimeString().slice(0, 5),
      end: new Date(s.endTime).toTimeString().slice(0, 5),
    }));
  });
async function toast(page, text) {
  await page.locator('lt-app .toast', { hasText: text }).first().waitFor();
}
async function add(page, name, start, end) {
  await page.fill('lt-add-entry input[name="name"]', name);
  await page.fill('lt-add-entry input[name="start"]', start);
  await page.fill('lt-add-entry input[name="end"]', end);
  await page.press('lt-add-entry input[name="end"]', 'Enter');
  await row(page, name).first().waitFor();
}

test('add, edit times, split, merge, bulk-move, undo ×3, reload, redo', async () => {
  const page = await shell.context.newPage();
  collectProblems(page, problems);
  await page.goto(shell.web.url);
  await page.locator('lt-add-entry input[name="name"]').waitFor();
  // the project to move to exists beforehand (creating one is an undoable step of its own)
  await page.evaluate(() => document.querySelector('lt-app').services.client.data.createProject({ name: 'Client Z' }));

  await add(page, 'E2E manual', '10:00', '11:00');
  assert.deepEqual(await sessions(page), [{ name: 'E2E manual', project: null, start: '10:00', end: '11:00' }]);

  // edit its times in place: a click on the times opens the editor on Start; Tab to End; Enter saves
  await row(page, 'E2E manual').locator('.when').click();
  await page.locator('lt-session-editor input[name="start"]').fill('09:00');
  await page.locator('lt-session-editor input[name="end"]').fill('11:30');
  await page.press('lt-session-editor input[name="end"]', 'Enter');
  await page.locator('lt-session-editor').waitFor({ state: 'detached' });
  assert.deepEqual(await sessions(page), [{ name: 'E2E manual', project: null, start: '09:00', end: '11:30' }]);

  // split at 10:15
  await row(page, 'E2E manual').locator('button.edit').click();
  await page.locator('lt-session-editor button.split-open').click();
  await page.locator('lt-session-editor input[name="split-at"]').fill('10:15');
  await page.press('lt-session-editor input[name="split-at"]', 'Enter');
  await rows(page).nth(1).waitFor();
  assert.deepEqual(
    (await sessions(page)).map((s) => `${s.start}-${s.end}`),
    ['09:00-10:15', '10:15-11:30'],
  );

  // merge the two pieces back: select both (checkboxes), Merge in the bulk bar
  await rows(page).nth(0).locator('.pick').click();
  await rows(page).nth(1).locator('.pick').click();
  await page.locator('lt-bulk-bar button.merge').click();
  await page.waitForFunction(() => document.querySelector('lt-app').services.day.$sessions.get().length === 1);
  await toast(page, 'Merge');
  assert.deepEqual(
    (await sessions(page)).map((s) => `${s.start}-${s.end}`),
    ['09:00-11:30'],
  );

  // a second entry, then both moved to another project at once
  await add(page, 'E2E second', '12:00', '12:30');
  await rows(page).nth(0).locator('.pick').click();
  await rows(page).nth(1).locator('.pick').click();
  await page.locator('lt-bulk-bar input[name="value"]').fill('Client Z');
  await page.locator('lt-bulk-bar button.apply').click();
  await page.waitForFunction(() =>
    document
      .querySelector('lt-app')
      .services.day.$sessions.get()
      .every((s) => s.projectId),
  );
  assert.deepEqual(
    (await sessions(page)).map((s) => s.project),
    ['Client Z', 'Client Z'],
  );

  // undo three times: the move, the second entry, the merge
  await page.locator('lt-session-list li').first().focus();
  for (const expected of [[null, null], [null], [null, null]]) {
    const before = JSON.stringify(await sessions(page));
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      async (b) => {
        const app = document.querySelector('lt-app');
        const { sessions } = await app.services.client.data.sessionsInRange(app.services.day.$range.get());
        return JSON.stringify(sessions.map((s) => [s.id, s.projectId])) !== b;
      },
      await page.evaluate(() =>
        JSON.stringify(
          document
            .querySelector('lt-app')
            .services.day.$sessions.get()
            .map((s) => [s.id, s.projectId]),
        ),
      ),
    );
    await toast(page, 'Undone');
    const now = await sessions(page);
    assert.deepEqual(
      now.map((s) => s.project),
      expected,
      `after undo: ${JSON.stringify(now)} (before ${before})`,
    );
  }
  assert.deepEqual(
    (await sessions(page)).map((s) => `${s.name} ${s.start}-${s.end}`),
    ['E2E manual 09:00-10:15', 'E2E manual 10:15-11:30'],
  );

  // the journal lives in the database: after a reload, redo re-applies the merge
  await page.reload();
  await rows(page).nth(1).waitFor();
  await page.locator('lt-session-list li').first().focus();
  await page.keyboard.press('Control+Shift+z');
  await toast(page, 'Redone');
  await page.waitForFunction(() => document.querySelector('lt-app').services.day.$sessions.get().length === 1);
  assert.deepEqual(
    (await sessions(page)).map((s) => `${s.name} ${s.start}-${s.end}`),
    ['E2E manual 09:00-11:30'],
  );
  await page.close();
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
