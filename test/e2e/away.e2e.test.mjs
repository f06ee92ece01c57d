// End to end: away time in the built app (web shell), on Playwright's clock (a test hook no page can reach): a timer
// runs, nobody touches the page for 40 minutes, the review appears on return, "discard and continue" leaves a pause
// of exactly 40 minutes, undo brings the time back; then the window dies with the timer running and a launch 40
// minutes later offers the review for the time the app was gone.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { collectProblems, useWebShell } from './shell.mjs';

const shell = useWebShell({ timezoneId: 'America/New_York' });
const problems = [];
const MIN = 60_000;

const review = (page) => page.locator('lt-away-review dialog[open]');
const running = (page) => page.evaluate(() => document.querySelector('lt-app').services.client.data.runningTimer());
const pending = (page) => page.evaluate(() => document.querySelector('lt-app').services.away.$pending.get());

async function openApp() {
  const page = await shell.context.newPage();
  collectProblems(page, problems);
  await page.goto(shell.web.url);
  await page.locator('lt-timer-bar input[name="name"]').waitFor();
  return page;
}

test('a 40-minute absence: reviewed on return, cut out as a pause of exactly 40 minutes, undone', async () => {
  await shell.context.clock.install({ time: Date.now() });
  const page = await openApp();
  await page.fill('lt-timer-bar input[name="name"]', 'E2E: write report');
  await page.press('lt-timer-bar input[name="name"]', 'Enter');
  await page.locator('lt-timer-bar button.stop').waitFor();
  await page.waitForFunction(() => document.querySelector('lt-app').services.away.$pending !== undefined);

  // the last input, at a known instant; then 40 minutes of nothing (every timer of the page runs meanwhile)
  const left = Math.ceil((Date.now() + 5000) / 1000) * 1000;
  await page.clock.pauseAt(left);
  await page.mouse.move(200, 200);
  await page.mouse.move(210, 205);
  assert.equal(await review(page).count(), 0);
  await page.clock.runFor(40 * MIN);
  assert.equal(await review(page).count(), 0, 'no review while still away');
  // back: the first input ends the gap; the return holds for the debounce, and the review opens
  await page.mouse.move(300, 260);
  await page.clock.runFor(3000);
  await review(page).waitFor();
  const [gap] = await pending(page);
  assert.deepEqual([gap.source, gap.start, gap.end], ['idle', left, left + 40 * MIN]);
  assert.match(await review(page).locator('h2').innerText(), /^You were away .+ \(40 min\) — idle$/);

  await page.keyboard.press('c');
  await review(page).waitFor({ state: 'detached' });
  const cut = await running(page);
  assert.equal(cut.pausedMs, 40 * MIN, 'a pause of exactly the absence');
  assert.deepEqual(cut.pauses, [{ start: left, end: left + 40 * MIN }]);
  assert.equal(cut.endTime, null, 'the timer goes on');

  // undo (Ctrl+Z): the time is worked again and the gap waits for review once more
  await page.keyboard.press('Control+z');
  await page.waitForFunction(async () => {
    const s = await document.querySelector('lt-app').services.client.data.runningTimer();
    return s.pausedMs === 0 && s.pauses.length === 0;
  });
  await review(page).waitFor();
  await page.keyboard.press('Enter'); // keep: it was work after all
  await review(page).waitFor({ state: 'detached' });
  assert.equal((await running(page)).pausedMs, 0);
  await page.close();
});

test('the window dies with the timer running; a launch 40 minutes later offers the time gone', async () => {
  let page = await openApp();
  const before = await running(page);
  assert.ok(before, 'the timer of the first test still runs');
  await page.clock.runFor(2 * MIN); // two heartbeats more
  const died = await page.evaluate(() => Date.now());
  // a crash: the data worker and the window end at once, with no chance to say goodbye
  await page.evaluate(() => document.querySelector('lt-app').services.client.worker.terminate());
  await page.close();
  await shell.context.clock.setSystemTime(died + 40 * MIN);
  page = await openApp();
  await review(page).waitFor();
  const [gap] = await pending(page);
  assert.equal(gap.source, 'app-gone');
  assert.equal(gap.sessionId, before.id);
  assert.equal(gap.end, died + 40 * MIN);
  // (the last heartbeat that reached the database: one still on its way when the window died is lost, as in a crash)
  assert.ok(
    gap.start <= died && gap.start >= died - 3 * MIN,
    `from the last heartbeat: ${JSON.stringify({ died, gap })}`,
  );
  assert.match(await review(page).locator('h2').innerText(), /— LightTrack was closed$/);
  await page.keyboard.press('c');
  await review(page).waitFor({ state: 'detached' });
  assert.equal((await running(page)).pausedMs, gap.end - gap.start);
  await page.close();
});

test('two windows see the same gap: one review, reviewed once', async () => {
  await shell.context.clock.resume();
  const a = await openApp();
  const b = await openApp();
  // after the time the second test reviewed (reviewed time is never asked about again)
  const at = (await a.evaluate(() => Date.now())) + 31 * MIN;
  const pausedBefore = (await running(a)).pausedMs;
  // both windows hear the same OS event a moment apart (as Electron's main sends it to every window)
  for (const [page, delay] of [
    [a, 0],
    [b, 400],
  ]) {
    await page.evaluate(
      async ({ at, delay }) => {
        const data = document.querySelector('lt-app').services.client.data;
        await data.gapStarted({ source: 'lock', at: at - 30 * 60_000 + delay });
        await data.gapEnded({ source: 'lock', at: at - 10 * 60_000 + delay });
      },
      { at, delay },
    );
  }
  await review(a).waitFor();
  await review(b).waitFor();
  assert.equal((await pending(a)).length, 1);
  await a.keyboard.press('c');
  await review(a).waitFor({ state: 'detached' });
  await review(b).waitFor({ state: 'detached' });
  assert.equal((await running(b)).pausedMs - pausedBefore, 20 * MIN, 'cut once');
  await a.close();
  await b.close();
  assert.deepEqual(problems, [], 'no console errors');
});
