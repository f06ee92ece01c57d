// Jira in the built web shell, against the fake Jira (started here on 127.0.0.1, allowed in the shell's connect-src
// with --jira-origin, and sending the CORS headers a Data Center admin would set for the shell's origin): connect in
// Settings, track a session on ABC-123, see it booked with the session's start and worked seconds, edit it and see
// the worklog updated; the token never reaches the data file.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import { startFakeJira } from '../fakes/fake-jira.mjs';
import { collectProblems, useWebShell } from './shell.mjs';

const fake = await startFakeJira();
after(() => fake.close());
const shell = useWebShell({ timezoneId: 'America/New_York' }, () => ({ jiraOrigin: fake.origin }));

async function until(page, what, check, ms = 20_000) {
  const end = Date.now() + ms;
  let last;
  while (!(last = await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(50);
  }
  return last;
}

test('Jira: connect, track a session on ABC-123, booked once with its start and time; an edit updates the worklog', async () => {
  const page = await shell.context.newPage();
  const problems = [];
  collectProblems(page, problems);
  const jira = await fake.scenario({ allowOrigin: new URL(shell.web.url).origin });

  await page.goto(`${shell.web.url}#settings`);
  const settings = page.locator('lt-jira-settings');
  await settings.getByLabel('Jira Cloud').check();
  await settings.getByLabel('Site URL').fill(jira.siteUrl);
  await settings.getByLabel('E-mail').fill('ada@example.com');
  await settings.getByLabel('API token').fill('secret-token');
  await settings.getByRole('button', { name: 'Test connection' }).click();
  await settings.getByText(/Connected as Ada Lovelace/).waitFor();
  await settings.getByText('Alphabet').waitFor();
  await settings.getByRole('button', { name: 'Save' }).click();
  await settings.getByText('Saved.').waitFor();

  // a timer on ABC-123 that began 90 minutes ago, stopped from the Day view
  await page.goto(`${shell.web.url}#day`);
  const id = await page.evaluate(async () => {
    const data = document.querySelector('lt-app').services.client.data;
    return (await data.startTimer({ name: 'ABC-123 review', startTime: Date.now() - 90 * 60_000 })).id;
  });
  await page.locator('lt-timer-bar').getByRole('button', { name: 'Stop' }).click();
  const session = await until(page, 'the stop', () =>
    page.evaluate(async (sid) => {
      const s = await document.querySelector('lt-app').services.client.data.getSession(sid);
      return s.endTime !== null && s;
    }, id),
  );
  const booked = await until(page, 'the worklog on the fake Jira', async () => (await fake.state(jira.id)).worklogs[0]);
  assert.equal(booked.issueKey, 'ABC-123');
  assert.equal(booked.started, session.startTime);
  assert.equal(booked.timeSpentSeconds, Math.round((session.endTime - session.startTime - session.pausedMs) / 1000));
  assert.deepEqual(booked.properties, [{ key: 'lighttrack-session', value: { sessionId: id } }]);

  await page.goto(`${shell.web.url}#jira`);
  const panel = page.locator('lt-jira-view');
  await panel.locator('tr[data-state="sent"]').getByText(`worklog ${booked.id}`).waitFor();

  // edit: an hour instead
  await page.evaluate(
    async ({ sid, end }) =>
      document.querySelector('lt-app').services.client.data.updateSession({ id: sid, patch: { endTime: end } }),
    { sid: id, end: session.startTime + 3_600_000 },
  );
  const updated = await until(page, 'the PUT', async () => {
    const w = (await fake.state(jira.id)).worklogs;
    return w.length === 1 && w[0].updates === 1 && w[0];
  });
  assert.equal(updated.id, booked.id);
  assert.equal(updated.timeSpentSeconds, 3600);
  assert.equal(updated.started, session.startTime);
  assert.equal((await fake.state(jira.id)).worklogs.length, 1);

  // the token is in no file the user can export
  const exported = await page.evaluate(async () => {
    const data = document.querySelector('lt-app').services.client.data;
    const file = await data.exportDatabase();
    return {
      settings: JSON.stringify(await data.exportSettings()),
      bytes: [...new Uint8Array(file.bytes ?? file.data ?? [])].length,
    };
  });
  assert.ok(!exported.settings.includes('secret-token'));
  assert.deepEqual(problems, []);
  await page.close();
});
