// End to end: two pages of the built app on the same data. A theme and week-start change in one applies in the other
// within a second; a project renamed in one shows renamed in the other.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { collectProblems, useWebShell } from './shell.mjs';

const shell = useWebShell({});
const problems = [];

async function openApp(hash) {
  const page = await shell.context.newPage();
  collectProblems(page, problems);
  await page.goto(`${shell.web.url}#${hash}`);
  return page;
}

test('settings and project names follow from one window to another', async () => {
  const one = await openApp('settings');
  const two = await openApp('settings');
  await one.locator('lt-settings-view .field[data-key="theme"]').waitFor();
  await two.locator('lt-settings-view .field[data-key="weekStart"] select').waitFor();
  const scheme = (page) =>
    page.evaluate(() => [
      document.documentElement.dataset.theme ?? 'system',
      getComputedStyle(document.documentElement).colorScheme,
    ]);
  assert.deepEqual(await scheme(two), ['system', 'light dark']);

  // theme and week start, changed in one…
  await one.locator('lt-settings-view .field[data-key="theme"] label.segment', { hasText: 'Dark' }).click();
  await one.locator('lt-settings-view .field[data-key="weekStart"] select').selectOption('0');
  // …applied in the other within a second
  const started = Date.now();
  await two.waitForFunction(() => document.documentElement.dataset.theme === 'dark', null, { timeout: 1000 });
  await two.waitForFunction(
    () => {
      const select = document
        .querySelector('lt-app')
        ?.shadowRoot?.querySelector('lt-settings-view')
        ?.shadowRoot?.querySelector('.field[data-key="weekStart"] select');
      return select?.value === '0';
    },
    null,
    { timeout: 1000 },
  );
  assert.ok(Date.now() - started < 1000);
  assert.deepEqual(await scheme(two), ['dark', 'dark']);
  const background = await two.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, 'rgb(15, 21, 32)', 'dark tokens in force');

  // a project renamed in one shows in the other
  await one.goto(`${shell.web.url}#projects`);
  await two.goto(`${shell.web.url}#projects`);
  await one.locator('lt-projects-view button.new-project').click();
  await one.locator('lt-project-editor input[name="name"]').fill('Acme');
  await one.locator('lt-project-editor button.save').click();
  await two.locator('lt-projects-view li[data-project] strong', { hasText: 'Acme' }).waitFor({ timeout: 2000 });
  await one.locator('lt-projects-view li[data-project] button.edit').click();
  await one.locator('lt-project-editor input[name="name"]').fill('Acme Inc');
  await one.locator('lt-project-editor button.save').click();
  const t = Date.now();
  await two.locator('lt-projects-view li[data-project] strong', { hasText: 'Acme Inc' }).waitFor({ timeout: 1000 });
  assert.ok(Date.now() - t < 1000);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
