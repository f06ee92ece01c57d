import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../renderer/views/quick-entry/lt-quick-entry.ts';
import '../../../renderer/views/quick-entry/lt-command-palette.ts';
import type { LtQuickEntry } from '../../../renderer/views/quick-entry/lt-quick-entry.ts';
import { DataClient } from '../../../renderer/services/data-client.ts';
import { until } from '../wait.ts';
import { uniqueDbName } from '../worker-harness.ts';

const workerUrl = new URL('../../../workers/data/data-worker.ts', import.meta.url);

async function axeViolations(el: Element): Promise<string[]> {
  const w = window as unknown as { axe?: { run(el: Element): Promise<{ violations: { id: string; impact: string }[] }> } };
  if (!w.axe) {
    await new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/node_modules/axe-core/axe.min.js';
      s.onload = resolve;
      s.onerror = reject;
      document.head.append(s);
    });
  }
  const result = await w.axe!.run(el);
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

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
    const kinds = [...root().querySelectorAll('.overlay .t')].map((t) => `${t.className.replace(/\s+/g, ' ').trim()}:${t.textContent}`);
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
    expect(await axeViolations(entry)).to.deep.equal([]);
  });

  it('shows problems in words and commits nothing for an invalid line', async () => {
    await sendKeys({ type: 'review yesterday' });
    await until(() => root().querySelector('.problems li'), 'a problem');
    expect(root().querySelector('.problems')!.textContent).to.contain('‘yesterday’ needs a time');
    expect(root().querySelector('.overlay .bad')!.textContent).to.equal('yesterday');
    expect(input().getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    expect((await client.data.listSessions({ from: Date.now() - 30 * 86_400_000, to: Date.now() + 86_400_000 })).sessions).to.deep.equal([]);
    expect(await axeViolations(entry)).to.deep.equal([]);
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
    expect(await axeViolations(palette)).to.deep.equal([]);
    await sendKeys({ press: 'Escape' });
    await until(() => !palette.open, 'closed');
    palette.remove();
    client.dispose();
  });
});
