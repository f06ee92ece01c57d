// Reports in the built web shell: two years of sessions loaded through insertSessions, then presets, groupings and a
// drill into a project, driven as a user would.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { collectProblems, useWebShell } from './shell.mjs';

const shell = useWebShell({ timezoneId: 'America/New_York' });

test('Reports: presets, groupings and a drill into a project over two years of sessions', async () => {
  const page = await shell.context.newPage();
  const problems = [];
  collectProblems(page, problems);
  await page.goto(shell.web.url);
  await page.waitForFunction(() => document.querySelector('lt-app')?.services?.client);
  await page.evaluate(async () => {
    const data = document.querySelector('lt-app').services.client.data;
    const ids = [];
    for (let i = 0; i < 6; i++)
      ids.push(
        (
          await data.createProject({
            name: `Project ${i + 1}${i === 0 ? ' with a very long name that needs an ellipsis in narrow places' : ''}`,
          })
        ).id,
      );
    const now = Date.now();
    const start = now - 730 * 86_400_000;
    const sessions = [];
    for (let t = start, i = 0; t < now - 3_600_000; t += 3 * 3_600_000, i++) {
      sessions.push({
        name: `Task ${i % 40}`,
        projectId: ids[i % 6],
        startTime: t,
        endTime: t + (30 + (i % 90)) * 60_000,
        pausedMs: 0,
      });
    }
    for (let i = 0; i < sessions.length; i += 5000) await data.insertSessions(sessions.slice(i, i + 5000));
  });
  await page.goto(`${shell.web.url}#reports`);
  const view = page.locator('lt-reports-view');
  await view.locator('.tile b').first().waitFor();
  const worked = async () => view.locator('.tile b').first().textContent();
  // the view lives in lt-app's shadow root: poll through locators, which pierce it
  const until = async (what, check) => {
    const end = Date.now() + 20_000;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await page.waitForTimeout(50);
    }
  };
  const before = await worked();
  assert.match(before, /^\d+:\d\d$/);
  await view.getByLabel('Range', { exact: true }).selectOption('all');
  await until('the all-time report', async () => (await worked()) !== before);
  const all = await worked();
  assert.ok(Number(all.split(':')[0]) > 4000, `two years of work: ${all}`);
  await view.getByLabel('Group by', { exact: true }).selectOption('month');
  await until('24 months', async () => (await view.locator('.groups li').count()) >= 24);
  await view.getByLabel('Range', { exact: true }).selectOption('last-month');
  await until('last month', async () => (await worked()) !== all);
  await view.getByLabel('Group by', { exact: true }).selectOption('project');
  await until('groups by project', async () => /project/i.test((await view.locator('h2').nth(1).textContent()) ?? ''));
  await view.locator('lt-report-charts .share button').first().click();
  await view.getByText('Clear filters').waitFor();
  // the filter shows at once; the drilled report arrives a moment later
  await until('one project', async () => (await view.locator('.groups > li:not(.sub)').count()) === 1);
  await view.getByRole('button', { name: '← Back' }).click();
  await until('back to every project', async () => (await view.locator('.groups > li:not(.sub)').count()) > 1);
  assert.deepEqual(problems, []);
});
