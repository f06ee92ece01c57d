// End to end: the quick-entry page opened as its own window; a line typed and Enter pressed appears in the main
// window (through the data worker's change broadcast), without a reload.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { collectProblems, useWebShell } from './shell.mjs';

const shell = useWebShell();

test('a line typed in the quick-entry window shows up in the main window without a reload', async () => {
  const context = await shell.browser.newContext();
  const problems = [];
  const main = await context.newPage();
  collectProblems(main, problems);
  await main.goto(shell.web.url);
  await main.locator('lt-session-list').waitFor();
  await main.evaluate(() => (window.notReloaded = true));

  const [quick] = await Promise.all([
    main.waitForEvent('popup'),
    main.evaluate(
      (url) => void window.open(url, 'quick-entry', 'width=640,height=160'),
      `${shell.web.url}quick-entry.html`,
    ),
  ]);
  collectProblems(quick, problems);
  const line = quick.locator('lt-quick-entry input');
  await line.waitFor();
  await quick.waitForFunction(
    () => document.querySelector('lt-quick-entry')?.shadowRoot?.activeElement?.tagName === 'INPUT',
  );
  // it follows the theme chosen in another window, live
  await main.evaluate(() => document.querySelector('lt-app').services.client.data.updateSettings({ theme: 'dark' }));
  await quick.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await quick.keyboard.type('Quick entry e2e @Website #e2e');
  await quick.locator('lt-quick-entry .preview', { hasText: 'Start ‘Quick entry e2e’' }).waitFor();
  await quick.keyboard.press('Enter');
  await quick.waitForEvent('close'); // Enter commits and closes a window a script opened

  await main.locator('lt-session-list li.running', { hasText: 'Quick entry e2e' }).waitFor();
  assert.equal(await main.evaluate(() => window.notReloaded), true, 'the main window did not reload');
  assert.deepEqual(problems, []);
  await context.close();
});
