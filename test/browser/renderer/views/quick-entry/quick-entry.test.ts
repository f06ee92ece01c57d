import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';

import '../../../../../renderer/views/quick-entry/lt-quick-entry.ts';
import '../../../../../renderer/views/quick-entry/lt-command-palette.ts';

import { DataClient } from '../../../../../renderer/services/data-client.ts';
import type { LtQuickEntry } from '../../../../../renderer/views/quick-entry/lt-quick-entry.ts';
import { expectAccessible } from '../../../harness/a11y.ts';
import { crashAsAnotherWindowChanges, openOtherWindow } from '../../../harness/live-harness.ts';
import { until } from '../../../harness/wait.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';

const workerUrl = new URL('../../../../../workers/data/data-worker.ts', import.meta.url);

describe('<lt-quick-entry> (keyboard only, real data worker)', () => {
  let client: DataClient;
  let entry: LtQuickEntry;
  const root = () => entry.shadowRoot!;
  const input = () => root().querySelector('input')!;
  const preview = () => root().querySelector('.preview')!.textContent!.trim();

  beforeEach(async () => {
    client = new DataClient({ workerUrl, dbName: uniqueDbName('quick-entry') });
    await client.start();
    await client.data.createProject({ name: 'Website' });
    await client.data.createProject({ name: 'Mobile App' });
    entry = document.createElement('lt-quick-entry');
    entry.client = client;
    document.body.append(entry);
    await until(() => entry.model?.$loaded.get() && entry.model.$projects.get().length === 2, 'projects loaded');
    entry.focus();
  });
  afterEach(() => {
    entry.remove();
    client.dispose();
  });

  it('highlights tokens, describes the entry, and starts a timer on Enter', async () => {
    const actions: Event[] = [];
    const done = new Promise((r) => entry.addEventListener('lt-quick-entry-done', r, { once: true }));
    await sendKeys({ type: 'Write report @Website #writing -15m' });
    await until(() => preview().startsWith('Start'), 'preview');
    expect(preview()).to.equal('Start ‘Write report’ on Website #writing (new), started 15 min ago');
    const kinds = [...root().querySelectorAll('.overlay .t')].map(
      (t) => `${t.className.replace(/\s+/g, ' ').trim()}:${t.textContent}`,
    );
    expect(kinds).to.deep.equal(['t t-project:@Website', 't t-tag:#writing', 't t-time:-15m']);
    entry.addEventListener('lt-action', (e) => actions.push(e));
    await sendKeys({ press: 'Enter' });
    await done;
    const running = await client.data.runningTimer();
    expect(running?.name).to.equal('Write report');
    expect(running?.source).to.equal('quick-entry');
    expect(Date.now() - running!.startTime).to.be.closeTo(15 * 60_000, 60_000);
    expect(input().value).to.equal('');
    expect((await client.data.listTags()).map((t) => t.name)).to.deep.equal(['writing']);
    expect(actions.length).to.equal(0, 'startTimer answers a Session, not an undoable EditResult');
  });

  it('logs a session through addSession, dispatches lt-action, and offers choices on an overlap', async () => {
    const actions: CustomEvent[] = [];
    entry.addEventListener('lt-action', (e) => actions.push(e as CustomEvent));
    await sendKeys({ type: 'review @Mob yesterday 14:00-15:30' });
    await until(() => preview().startsWith('Log'), 'log preview');
    expect(preview()).to.match(/^Log 1 h 30 min ‘review’ on Mobile App, yesterday 14:00–15:30$/);
    await sendKeys({ press: 'Enter' });
    await until(() => actions.length === 1, 'lt-action');
    expect(actions[0]!.detail.label).to.be.a('string');

    await sendKeys({ type: 'overlapping yesterday 15:00-16:00' });
    await sendKeys({ press: 'Enter' });
    await until(() => root().querySelector('.choice'), 'overlap choice');
    expect(root().querySelector('.choice')!.textContent).to.contain('This overlaps ‘review’');
    expect((root().activeElement as HTMLElement).textContent).to.equal('Shorten this entry');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' }); // Keep both
    await until(() => actions.length === 2, 'second lt-action');
    expect(root().querySelector('.choice')).to.equal(null);
  });

  // A back-dated timer reaching over an earlier session: every choice offered must do what it says (it did nothing).
  for (const [choice, tabs] of [
    ['trim-this', 0],
    ['trim-others', 1],
    ['keep', 2],
  ] as const) {
    it(`starts a back-dated timer over an earlier session when the user picks ${choice}`, async () => {
      const now = Date.now();
      const call = await client.data.addSession({
        name: 'call with the client',
        startTime: now - 10 * 60_000,
        endTime: now - 10 * 60_000 + 21_000,
      });
      await until(() => entry.model!.$recent.get().length === 1, 'recent loaded');
      await sendKeys({ type: 'Review PR @Website #review 25m ago' });
      await sendKeys({ press: 'Enter' });
      await until(() => root().querySelector('.choice'), 'overlap choice');
      const text = root().querySelector('.choice')!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('‘call with the client’').and.contain('which lies inside it');
      // the choice says that it removes the session lying inside, and times follow the 24-hour setting
      expect(text).to.contain('Remove the other').and.not.match(/AM|PM/);
      for (let i = 0; i < tabs; i++) await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await until(() => !root().querySelector('.choice'), 'choice answered');
      const running = await client.data.runningTimer();
      expect(running?.name, 'a timer runs').to.equal('Review PR');
      const live = (await client.data.listSessions({ from: now - 3_600_000, to: now + 60_000 })).sessions;
      const outcome = root().querySelector('.outcome')!.textContent!;
      if (choice === 'trim-this') {
        expect(running!.startTime).to.equal(call.sessions[0]!.endTime);
        expect(live.map((s) => s.name)).to.deep.equal(['call with the client', 'Review PR']);
      } else if (choice === 'trim-others') {
        expect(Date.now() - running!.startTime).to.be.closeTo(25 * 60_000, 60_000);
        expect(live.map((s) => s.name)).to.deep.equal(['Review PR']);
        expect(outcome).to.equal('Started ‘Review PR’, removing ‘call with the client’.');
        // the undo journal names the removal too
        expect((await client.data.undoState()).undo?.label).to.equal(
          'Start “Review PR”, removing “call with the client”',
        );
      } else {
        expect(live.map((s) => s.name)).to.deep.equal(['Review PR', 'call with the client']);
      }
    });
  }

  it('resolves Client/Project to the project that exists, and warns before creating a name with a slash', async () => {
    await client.data.createProject({ name: 'Intranet', client: 'Acme' });
    await until(() => entry.model!.$projects.get().length === 3, 'projects reloaded');
    await sendKeys({ type: 'meeting yesterday 9am-10am @Acme/Intranet' });
    await until(() => preview().startsWith('Log'), 'log preview');
    expect(preview()).to.match(/^Log 1 h ‘meeting’ on Intranet, yesterday 09:00–10:00$/);
    entry.reset();
    await sendKeys({ type: 'meeting yesterday 9am-10am @Nope/Thing' });
    await until(() => preview().startsWith('Log'), 'log preview');
    expect(preview()).to.contain('new project named “Nope/Thing” (no project or client ‘Nope’ exists)');
    entry.reset();
    await sendKeys({ type: 'meeting yesterday 9am-10am @acme/Billing' });
    await until(() => preview().includes('Billing'), 'log preview');
    expect(preview()).to.contain('new project Billing for client Acme');
    await sendKeys({ press: 'Enter' });
    await until(async () => (await client.data.listProjects()).length === 4, 'project created');
    const billing = (await client.data.listProjects()).find((p) => p.name === 'Billing');
    expect(billing?.client).to.equal('Acme');
    expect((await client.data.listProjects()).map((p) => p.name)).to.not.include('acme/Billing');
  });

  it('shows times in the overlap question and the preview per the 12-hour clock setting', async () => {
    await client.data.updateSettings({ clock: '12h' });
    await until(() => entry.model!.$clock.get() === '12h', 'clock setting loaded');
    const at = new Date();
    at.setDate(at.getDate() - 1);
    at.setHours(14, 0, 0, 0);
    await client.data.addSession({ name: 'review', startTime: at.getTime(), endTime: at.getTime() + 90 * 60_000 });
    await sendKeys({ type: 'overlapping yesterday 15:00-16:00' });
    await until(() => preview().startsWith('Log'), 'log preview');
    expect(preview()).to.match(/yesterday 3:00\s?PM–4:00\s?PM$/);
    await sendKeys({ press: 'Enter' });
    await until(() => root().querySelector('.choice'), 'overlap choice');
    expect(root().querySelector('.choice p')!.textContent).to.match(/3:00\s?PM–3:30\s?PM/);
    expect(root().querySelector('.choice')!.textContent).to.contain('Shorten the other');
  });

  it('suggests projects fuzzily, walked with arrows and picked with Tab', async () => {
    await sendKeys({ type: 'x @ap' });
    await until(() => root().querySelectorAll('[role=option]').length > 0, 'suggestions');
    expect(input().getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    const selected = root().querySelector('[aria-selected=true]')!.textContent;
    await sendKeys({ press: 'Tab' });
    expect(input().value).to.equal(`x ${selected!.includes(' ') ? `@"${selected!.slice(1)}"` : selected} `);
    expect(input().getAttribute('aria-expanded')).to.equal('false');
    await expectAccessible(entry);
  });

  it('offers cached Jira issues with their summaries for a word that starts a key, and writes the key', async () => {
    await client.data.updateSettings({
      jira: {
        kind: 'cloud',
        siteUrl: 'https://acme.atlassian.net',
        email: 'a@example.com',
        booking: 'on-stop',
        rounding: { mode: 'none', minutes: 15 },
        since: 0,
        projectIssues: {},
      },
    });
    await client.data.jiraCacheIssues([
      { key: 'ABC-123', summary: 'Review the booking flow' },
      { key: 'ABC-124', summary: 'Fix the login page' },
      { key: 'OPS-7', summary: 'Rotate the certificates' },
    ]);
    await entry.model!.reload();
    await until(() => entry.model!.$issues.get().length === 3, 'issues loaded');
    await sendKeys({ type: 'ABC' });
    await until(() => root().querySelectorAll('[role=option]').length === 2, 'two issues');
    expect(root().querySelector('[role=listbox]')!.getAttribute('aria-label')).to.equal('Jira issues');
    expect(root().querySelector('[role=option]')!.textContent).to.match(/ABC-123\s+Review the booking flow/);
    await expectAccessible(entry);
    await sendKeys({ press: 'Tab' });
    expect(input().value).to.equal('ABC-123 ');
    await sendKeys({ type: 'review' });
    expect(root().querySelectorAll('[role=option]').length).to.equal(0);
  });

  it('shows problems in words and commits nothing for an invalid line', async () => {
    await sendKeys({ type: 'review yesterday' });
    await until(() => root().querySelector('.problems li'), 'a problem');
    expect(root().querySelector('.problems')!.textContent).to.contain('‘yesterday’ needs a time');
    expect(root().querySelector('.overlay .bad')!.textContent).to.equal('yesterday');
    expect(input().getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    expect(
      (await client.data.listSessions({ from: Date.now() - 30 * 86_400_000, to: Date.now() + 86_400_000 })).sessions,
    ).to.deep.equal([]);
    await expectAccessible(entry);
  });

  it('runs commands, walks recent entries with ↑/↓ on an empty line, and Escape asks to close', async () => {
    await sendKeys({ type: 'Deep work @Website' });
    await sendKeys({ press: 'Enter' });
    await until(async () => (await client.data.runningTimer()) !== null, 'running');
    await sendKeys({ type: '/stop' });
    expect(preview()).to.equal('Stop the running timer');
    await sendKeys({ press: 'Enter' });
    await until(async () => (await client.data.runningTimer()) === null, 'stopped');
    await until(() => entry.model!.$recent.get().length === 1, 'recent reloaded');
    await sendKeys({ press: 'ArrowUp' });
    expect(input().value).to.equal('Deep work @Website');
    await sendKeys({ press: 'ArrowDown' });
    expect(input().value).to.equal('');
    const dismissed = new Promise((r) => entry.addEventListener('lt-quick-entry-dismiss', r, { once: true }));
    await sendKeys({ press: 'Escape' });
    await dismissed;
  });
});

describe('<lt-command-palette>', () => {
  it('opens on Ctrl+K with the line focused, closes on Escape, and passes axe', async () => {
    const client = new DataClient({ workerUrl, dbName: uniqueDbName('palette') });
    const palette = document.createElement('lt-command-palette');
    palette.client = client;
    document.body.append(palette);
    await palette.updateComplete;
    await sendKeys({ press: 'Control+k' });
    await until(() => palette.open, 'open');
    const entry = palette.shadowRoot!.querySelector('lt-quick-entry')!;
    expect(entry.shadowRoot!.activeElement?.tagName).to.equal('INPUT');
    await expectAccessible(palette);
    await sendKeys({ press: 'Escape' });
    await until(() => !palette.open, 'closed');
    palette.remove();
    client.dispose();
  });

  it('suggests a project another window made as its data worker died', async () => {
    const dbName = uniqueDbName('palette');
    const other = await openOtherWindow(dbName);
    const client = new DataClient({ workerUrl, dbName });
    const palette = document.createElement('lt-command-palette');
    palette.client = client;
    document.body.append(palette);
    try {
      await palette.updateComplete;
      const entry = palette.shadowRoot!.querySelector('lt-quick-entry')!;
      await until(() => entry.model?.$loaded.get(), 'names loaded');
      await crashAsAnotherWindowChanges(client, other, (api) => api.createProject({ name: 'Elsewhere' }));
      await until(() => entry.model!.$projects.get().some((p) => p.name === 'Elsewhere'), 'the project known');
      await sendKeys({ press: 'Control+k' });
      await until(() => palette.open, 'open');
      await sendKeys({ type: 'x @Elsew' });
      await until(
        () =>
          [...entry.shadowRoot!.querySelectorAll('[role="option"]')].some((o) => o.textContent!.includes('Elsewhere')),
        'suggested',
      );
      await sendKeys({ press: 'Escape' });
    } finally {
      other.worker.terminate();
      palette.remove();
      client.dispose();
    }
  });
});
