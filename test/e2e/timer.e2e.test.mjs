// End to end: the built app (dist/) in the web shell — served by the same server `npm start` uses, driven in
// Debian's Chromium by Playwright. Start a timer, reload, kill the data worker, close the window: it keeps running.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { collectProblems, useWebShell } from './shell.mjs';

const shell = useWebShell({});
const problems = [];

async function openApp() {
  const page = await shell.context.newPage();
  collectProblems(page, problems);
  await page.goto(shell.web.url);
  await page.locator('lt-timer-bar input[name="name"]').waitFor();
  return page;
}

const stopButton = (page) => page.locator('lt-timer-bar button.stop');
const runningRow = (page) => page.locator('lt-session-list li.running');

test('a timer started in the built app survives reload, worker death and a closed window', async () => {
  let page = await openApp();
  await page.fill('lt-timer-bar input[name="name"]', 'E2E: write report');
  await page.fill('lt-timer-bar input[name="project"]', 'Client X');
  await page.press('lt-timer-bar input[name="name"]', 'Enter');
  await stopButton(page).waitFor();
  assert.match(await runningRow(page).innerText(), /E2E: write report/);
  assert.match(await runningRow(page).innerText(), /Client X/);

  // 1. reload
  await page.reload();
  await stopButton(page).waitFor();
  assert.match(await runningRow(page).innerText(), /E2E: write report/);
  await page.waitForFunction(() => {
    const clock = document
      .querySelector('lt-app')
      ?.shadowRoot?.querySelector('lt-day-view')
      ?.shadowRoot?.querySelector('lt-timer-bar')
      ?.shadowRoot?.querySelector('.clock');
    return clock && clock.textContent !== '0:00:00';
  });

  // 2. the data worker dies (terminated from outside, as a crash would)
  await page.evaluate(() => document.querySelector('lt-app').services.client.worker.terminate());
  await page.waitForFunction(() => document.querySelector('lt-app').services.client.restarts === 1);
  const runningName = await page.evaluate(async () => {
    const running = await document.querySelector('lt-app').services.client.data.runningTimer();
    return running?.name;
  });
  assert.equal(runningName, 'E2E: write report');

  // 3. the window is closed and opened again
  await page.close();
  page = await openApp();
  await stopButton(page).waitFor();
  assert.match(await runningRow(page).innerText(), /E2E: write report/);

  // stop it, and it stays stopped after a reload
  await stopButton(page).click();
  await stopButton(page).waitFor({ state: 'detached' });
  await page.reload();
  await page.locator('lt-session-list li').first().waitFor();
  assert.equal(await stopButton(page).count(), 0);
  assert.equal(await runningRow(page).count(), 0);
  assert.match(await page.locator('lt-session-list li').first().innerText(), /E2E: write report/);
  await page.close();
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('the web shell serves the app under a CSP that forbids eval and foreign scripts', async () => {
  const page = await openApp();
  const response = await page.goto(shell.web.url);
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/);
  // DevTools evaluation itself is exempt from CSP, so probe with what a page attack would do and listen for the
  // browser's violation reports.
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true';
    document.head.append(inline);
    const remote = document.createElement('script');
    remote.src = 'https://cdn.example.com/evil.js';
    document.head.append(remote);
    const timer = setTimeout('window.__stringTimerRan = true', 0); // eval-like
    await new Promise((r) => setTimeout(r, 200));
    clearTimeout(timer);
    return { inlineRan: Boolean(window.__inlineRan), stringTimerRan: Boolean(window.__stringTimerRan), violations };
  });
  assert.equal(outcome.inlineRan, false);
  assert.equal(outcome.stringTimerRan, false);
  assert.ok(outcome.violations.filter((d) => d.startsWith('script-src')).length >= 3, String(outcome.violations));
  await page.close();
});

test('a freshly opened window has the name field focused: typing starts an entry at once', async () => {
  const page = await openApp();
  await page.waitForFunction(() => {
    const bar = document
      .querySelector('lt-app')
      ?.shadowRoot?.querySelector('lt-day-view')
      ?.shadowRoot?.querySelector('lt-timer-bar');
    return bar?.shadowRoot?.activeElement?.getAttribute('name') === 'name';
  });
  await page.keyboard.type('Typed at launch');
  assert.equal(await page.inputValue('lt-timer-bar input[name="name"]'), 'Typed at launch');
  await page.close();
});
