import { expect } from 'chai';

import { jiraServiceFor } from '../../../../../renderer/services/jira/jira-service.ts';
import { expectAccessible, useAppStyles } from '../../../harness/a11y.ts';
import { deep, deepAll, mountApp, textOf, type Mounted } from '../../../harness/app-harness.ts';
import { until } from '../../../harness/wait.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';
import { at, jiraScenario, jiraSettings } from '../../../workers/jira/jira-harness.ts';

const jiraWorkerUrl = new URL('../../../../../workers/jira/jira-worker.ts', import.meta.url);

describe('Jira in the window: Settings → Jira and the Jira panel', () => {
  let mounted: Mounted;
  afterEach(() => mounted.stop());

  const mount = (route: string) => {
    mounted = mountApp(uniqueDbName('jira-view'), route);
    const { shell, client, settings } = mounted.services;
    // the worker from source (the built app finds it next to the page)
    return jiraServiceFor({ shell, client, settings }, jiraWorkerUrl);
  };

  it('connects with a typed token, tests the connection (account, projects), and keeps the token out of the settings', async () => {
    useAppStyles();
    mount('settings');
    const jira = await jiraScenario();
    const form = await until(() => deep<HTMLFormElement>(mounted.app, 'lt-jira-settings', 'form'), 'the Jira form');
    const root = deep(mounted.app, 'lt-jira-settings')!.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[value="cloud"]')!.click();
    await until(() => root.querySelector('input[name="siteUrl"]'), 'the Cloud fields');
    root.querySelector<HTMLInputElement>('input[name="siteUrl"]')!.value = jira.siteUrl;
    root.querySelector<HTMLInputElement>('input[name="email"]')!.value = 'ada@example.com';
    root.querySelector<HTMLInputElement>('input[name="token"]')!.value = 'secret-token';
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Test connection')!.click();
    await until(
      () => /Connected as Ada Lovelace/.test(textOf(root as unknown as Element)),
      `connected: ${textOf(form)}`,
    );
    expect(textOf(deep(mounted.app, 'lt-jira-settings', 'ul.projects'))).to.contain('ABC Alphabet');
    await expectAccessible(deep(mounted.app, 'lt-jira-settings')!);
    form.requestSubmit();
    await until(() => mounted.services.settings.get('jira').kind === 'cloud', 'saved');
    // a project's default issue, added in the same section
    const project = await mounted.services.client.data.createProject({ name: 'Ops' });
    await until(() => deep(mounted.app, 'lt-jira-settings', 'form.defaults select option'), 'the project offered');
    const dRoot = deep(mounted.app, 'lt-jira-settings')!.shadowRoot!;
    dRoot.querySelector<HTMLInputElement>('form.defaults input[name="issue"]')!.value = 'OPS-7';
    dRoot.querySelector<HTMLFormElement>('form.defaults')!.requestSubmit();
    await until(() => mounted.services.settings.get('jira').projectIssues[project.id] === 'OPS-7', 'the default saved');
    await until(() => textOf(deep(mounted.app, 'lt-jira-settings', 'form.defaults')).includes('Ops → OPS-7'), 'listed');
    await expectAccessible(deep(mounted.app, 'lt-jira-settings')!);
    const saved = await mounted.services.client.data.exportSettings();
    expect(JSON.stringify(saved)).to.not.contain('secret-token');
    expect(JSON.stringify(saved)).to.contain(jira.siteUrl);
  });

  it('the Day view offers cached issues with their summaries as you type a key', async () => {
    mount('');
    await mounted.services.client.data.jiraCacheIssues([
      { key: 'ABC-123', summary: 'Review the booking flow' },
      { key: 'OPS-7', summary: 'Rotate the certificates' },
    ]);
    const input = await until(
      () => deep<HTMLInputElement>(mounted.app, 'lt-timer-bar', 'input[name="name"]'),
      'the bar',
    );
    input.value = 'ABC';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await until(
      () => deepAll<HTMLOptionElement>(mounted.app, 'lt-timer-bar', '#jira-issues option').length === 1,
      'one issue offered',
    );
    const [option] = deepAll<HTMLOptionElement>(mounted.app, 'lt-timer-bar', '#jira-issues option');
    expect(option!.value).to.equal('ABC-123 Review the booking flow');
    input.value = 'plain words';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await until(() => deepAll(mounted.app, 'lt-timer-bar', '#jira-issues option').length === 0, 'none for plain words');
  });

  it('a wrong token is a sentence', async () => {
    const service = mount('settings');
    const jira = await jiraScenario();
    const out = await service.test(jiraSettings(jira), 'nope');
    expect(out.ok).to.equal(false);
    expect(!out.ok && out.error.message).to.match(/refused the sign-in/);
  });

  it('the panel shows a booked session with its worklog, and a failing one with its reason and Retry', async () => {
    useAppStyles();
    const service = mount('jira');
    const jira = await jiraScenario();
    const data = mounted.services.client.data;
    await data.updateSettings({ jira: jiraSettings(jira) });
    await service.saveToken('secret-token');
    await data.addSession({ name: 'ABC-123 review', startTime: at(0), endTime: at(90) });
    await data.addSession({ name: 'ZZZ-1 unknown issue', startTime: at(100), endTime: at(130) });
    await until(() => deep(mounted.app, 'lt-jira-view', 'tr[data-state="sent"]'), 'the booked row', 15_000);
    await until(() => deep(mounted.app, 'lt-jira-view', 'tr[data-state="attention"]'), 'the refused row', 15_000);
    const view = deep(mounted.app, 'lt-jira-view')!;
    expect(textOf(deep(view, 'tr[data-state="sent"]'))).to.match(/ABC-123 review ABC-123 .* 1:30 Booked worklog \d+/);
    expect(textOf(view)).to.match(/found nothing for booking ZZZ-1/);
    expect(deepAll(view, 'tr[data-state="attention"] button').map((b) => b.textContent)).to.deep.equal([
      'Retry',
      "Don't book",
    ]);
    await expectAccessible(view);
    const [w] = (await jira.state()).worklogs;
    expect(w).to.include({ issueKey: 'ABC-123', started: at(0), timeSpentSeconds: 5400 });
  });

  it('the review (Book all) and the question for a session deleted after booking, with axe', async () => {
    useAppStyles();
    const service = mount('jira');
    const jira = await jiraScenario();
    const data = mounted.services.client.data;
    await data.updateSettings({ jira: jiraSettings(jira) });
    await service.saveToken('secret-token');
    const booked = (await data.addSession({ name: 'ABC-123 booked', startTime: at(0), endTime: at(30) })).sessions[0]!;
    await until(() => deep(mounted.app, 'lt-jira-view', 'tr[data-state="sent"]'), 'booked', 15_000);
    await data.updateSettings({ jira: jiraSettings(jira, { booking: 'review' }) });
    await data.addSession({ name: 'OPS-7 held', startTime: at(60), endTime: at(90) });
    await data.deleteSession(booked.id);
    await until(() => deep(mounted.app, 'lt-jira-view', '#jira-review'), 'the review', 15_000);
    await until(() => deep(mounted.app, 'lt-jira-view', 'tr[data-state="ask-delete"]'), 'the question', 15_000);
    const view = deep(mounted.app, 'lt-jira-view')!;
    expect(textOf(view)).to.match(/delete the worklog in Jira too\?/);
    await expectAccessible(view);
    deepAll<HTMLButtonElement>(view, '#jira-review ~ .actions button, section button')
      .find((b) => /Book it/.test(b.textContent ?? ''))!
      .click();
    await until(async () => (await jira.state()).worklogs.some((w) => w.issueKey === 'OPS-7'), 'OPS-7 booked', 15_000);
    deepAll<HTMLButtonElement>(view, 'tr[data-state="ask-delete"] button')[0]!.click();
    await until(async () => (await jira.state()).worklogs.find((w) => w.issueKey === 'ABC-123')?.deleted, 'deleted');
  });
});
