import { expect } from 'chai';

import { aiClientFor } from '../../../../../renderer/services/ai-client.ts';
import { exportClientFor } from '../../../../../renderer/services/export-client.ts';
import { runCommand } from '../../../../../renderer/state/commands.ts';
import { expectAccessible, useAppStyles } from '../../../harness/a11y.ts';
import {
  deep,
  deepAll,
  mountApp,
  nextDownload,
  prepareDatabase,
  textOf,
  type Mounted,
} from '../../../harness/app-harness.ts';
import { sql } from '../../../harness/db-fixtures.ts';
import { scenario } from '../../../harness/fake-openai.ts';
import { until } from '../../../harness/wait.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';

const aiWorkerUrl = new URL('../../../../../workers/ai/ai-worker.ts', import.meta.url);
const exportWorkerUrl = new URL('../../../../../workers/export/export-worker.ts', import.meta.url);
const view = (m: Mounted) => deep(m.app, 'lt-assistant-view')!;
const root = (m: Mounted) => view(m).shadowRoot!;

function fill(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function addEndpoint(m: Mounted, baseURL: string): Promise<void> {
  const form = await until(() => deep<HTMLFormElement>(m.app, 'lt-ai-endpoints', 'form'), 'the endpoint form');
  fill(form.querySelector('[name="name"]')!, 'Fake');
  fill(form.querySelector('[name="baseURL"]')!, baseURL);
  fill(form.querySelector('[name="model"]')!, 'fake-model');
  form.requestSubmit();
  await until(() => m.services.settings.$settings.get().aiEndpoints.length === 1, 'the endpoint saved');
}

async function ask(m: Mounted, text: string): Promise<void> {
  const box = root(m).querySelector<HTMLTextAreaElement>('textarea[name="q"]')!;
  fill(box, text);
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
}

describe('assistant view (real data and AI workers, fake OpenAI-compatible server)', () => {
  let m: Mounted;
  beforeEach(async () => {
    useAppStyles();
    m = mountApp(uniqueDbName('assistant-view'), 'assistant');
    aiClientFor(m.services.client, aiWorkerUrl); // the window's AI and export clients, from source
    exportClientFor(m.services.client, exportWorkerUrl);
    await until(() => view(m) && m.services.settings.$loaded.get(), 'assistant view');
  });
  afterEach(() => m.stop());

  it('asks, streams the answer with its tool call, applies a proposal with Undo, and passes axe', async () => {
    const data = m.services.client.data;
    const p = await data.createProject({ name: 'Website' });
    const start = new Date(2026, 10, 17, 9).getTime();
    await data.insertSessions([{ name: 'Design', projectId: p.id, startTime: start, endTime: start + 7_200_000 }]);
    const [design] = (await data.listSessions({ from: start - 1, to: start + 1 })).sessions;
    const s = await scenario({
      replies: [
        { toolCalls: [{ id: 'c1', name: 'time_totals', arguments: ['{"from":"2026-11-16",', '"to":"2026-11-22"}'] }] },
        { text: ['You worked ', '2 hours.'] },
        {
          toolCalls: [
            { id: 'c2', name: 'propose_edit_session', arguments: [`{"id":"${design!.id}","name":"Design review"}`] },
          ],
        },
        { text: 'Proposed.' },
      ],
    });
    await expectAccessible(view(m)); // the empty state with the endpoints panel
    await addEndpoint(m, s.baseURL);
    await ask(m, 'How much did I work last week?');
    await until(() => textOf(root(m).querySelector('.messages')).includes('You worked 2 hours.'), 'the answer');
    await until(() => m.services.client && !deep(m.app, 'lt-assistant-view', 'button.danger'), 'the answer stored');
    const tools = deepAll(m.app, 'lt-assistant-view', 'lt-assistant-message').flatMap((x) => [
      ...x.shadowRoot!.querySelectorAll('details.tool summary'),
    ]);
    expect(tools).to.have.length(1);
    expect(tools[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Read: time_totals \(\d+ ms\)$/);
    expect(deepAll(m.app, 'lt-assistant-view', '.conv')).to.have.length(1);

    await ask(m, 'Rename it to Design review');
    const apply = await until(
      () =>
        deepAll(m.app, 'lt-assistant-view', 'lt-assistant-message')
          .flatMap((x) => [...x.shadowRoot!.querySelectorAll<HTMLButtonElement>('.proposal button')])
          .find((b) => b.textContent === 'Apply'),
      'the Apply button',
    );
    await expectAccessible(view(m)); // a conversation with a tool call and a proposal
    // the diff's times follow the clock setting (24 h by default; 12 h once it is chosen)
    const proposal = () => textOf(apply.closest('.proposal'));
    expect(proposal()).to.match(/09:00 – 11:00/);
    await m.services.settings.update({ clock: '12h' });
    await until(() => /9:00\sAM – 11:00\sAM/.test(proposal()), '12-hour times');
    expect((await data.getSession(design!.id)).name).to.equal('Design');
    apply.click();
    await until(async () => (await data.getSession(design!.id)).name === 'Design review', 'applied');
    await until(() => textOf(deep(m.app, '.toast')).includes('Undo'), 'the Undo toast');
    await data.undo();
    expect((await data.getSession(design!.id)).name).to.equal('Design');
  });

  it('Esc stops a slow answer; the partial text is kept and marked', async () => {
    const s = await scenario({ replies: [{ text: Array.from({ length: 100 }, (_, i) => `t${i} `), delayMs: 50 }] });
    await addEndpoint(m, s.baseURL);
    await ask(m, 'Tell me a long story');
    await until(() => textOf(root(m).querySelector('.messages')).includes('t3 '), 'streaming');
    root(m)
      .querySelector('textarea')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => textOf(root(m).querySelector('.messages')).includes('Stopped.'), 'stopped');
    const text = textOf(root(m).querySelector('.messages'));
    expect(text).to.not.include('t99 ');
    const [c] = (await m.services.client.data.listConversations()).conversations;
    const stored = await m.services.client.data.conversationMessages(c!.id);
    expect(stored.map((x) => x.finish)).to.deep.equal([null, 'cancelled']);
  });

  it('exports every conversation as JSON through the export worker', async () => {
    const data = m.services.client.data;
    for (const title of ['First', 'Second']) {
      const c = await data.createConversation({ title });
      await data.appendMessage({ conversationId: c.id, role: 'user', content: `${title} question` });
    }
    await until(() => deepAll(m.app, 'lt-assistant-view', '.conv').length === 2, 'the list');
    const download = nextDownload();
    const group = root(m).querySelector('[aria-label="Export all conversations"]')!;
    [...group.querySelectorAll('button')].find((b) => b.textContent === 'JSON')!.click();
    const file = await download;
    expect(file.name).to.equal('conversations.json');
    const json = JSON.parse(new TextDecoder().decode(file.bytes));
    expect(json.conversations.map((c: { title: string }) => c.title).sort()).to.deep.equal(['First', 'Second']);
    await until(() => textOf(root(m).querySelector('aside')).includes('Exported 2'), 'the outcome');
  });

  it('opens a list of 10,000 conversations at once (virtualized, paged as it scrolls)', async () => {
    m.stop();
    const dbName = uniqueDbName('assistant-10k');
    await prepareDatabase(dbName, async () => undefined);
    await sql(
      dbName,
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
       INSERT INTO conversations (id, title, created_at, updated_at)
       SELECT printf('00000000-0000-4000-8000-%012d', i), 'Conversation ' || i, i, i FROM n`,
    );
    m = mountApp(dbName, 'assistant');
    aiClientFor(m.services.client, aiWorkerUrl);
    await until(() => view(m) && m.services.settings.$loaded.get(), 'assistant view');
    const model = (view(m) as unknown as { model: { loadList(): Promise<void>; $conversations: { get(): unknown[] } } })
      .model;
    await until(() => deepAll(m.app, 'lt-assistant-view', '.conv').length > 0, 'the first rows');
    const t0 = performance.now();
    await model.loadList();
    await (view(m) as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const ms = performance.now() - t0;
    expect(ms).to.be.below(100);
    expect(root(m).querySelector('aside')!.textContent!.replace(/\s+/g, ' ')).to.include('10,000 conversations');
    expect(deepAll(m.app, 'lt-assistant-view', '.conv').length).to.be.below(100); // only what is on screen
    const list = root(m).querySelector<HTMLElement>('.list')!;
    list.scrollTop = list.scrollHeight;
    await until(() => model.$conversations.get().length > 300, 'the next page');
  });

  it('the Ctrl+K command "Ask the assistant…" opens the view with the question box focused', async () => {
    location.hash = '#day';
    await until(() => deep(m.app, 'lt-day-view'), 'the Day view');
    runCommand(m.app, 'ask-assistant');
    await until(() => location.hash === '#assistant' && view(m), 'the Assistant');
    await until(() => root(m).activeElement?.getAttribute('name') === 'q', 'the question box focused');
  });

  it('warns when an answer brings the month near its budget, and says when it is over', async () => {
    const s = await scenario({ replies: [{ text: 'ok', usage: { prompt_tokens: 1_000, completion_tokens: 0 } }] });
    await m.services.settings.update({
      aiPrices: [{ model: 'fake-model', inputPerMillion: 900, outputPerMillion: 0 }],
      aiMonthlyBudget: 1,
    });
    await addEndpoint(m, s.baseURL);
    await ask(m, 'one');
    await until(() => textOf(root(m).querySelector('.notice.warn')).includes('90% of its budget'), 'the warning');
    await ask(m, 'two');
    await until(() => textOf(root(m).querySelector('.notice.warn')).includes('over its budget'), 'over');
  });

  it('an assistant is chosen and its instructions edited; the next question carries them and its tools', async () => {
    const s = await scenario({ replies: [{ text: 'Yesterday: design.' }] });
    await addEndpoint(m, s.baseURL);
    await m.services.settings.update({ aiAssistantId: 'standup' });
    const button = [...root(m).querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => b.textContent === 'Instructions',
    )!;
    button.click();
    const form = await until(
      () => root(m).querySelector<HTMLFormElement>('form[aria-label="Assistant instructions"]'),
      'the form',
    );
    fill(form.querySelector('textarea')!, 'Answer in one line.');
    form.requestSubmit();
    await until(
      () =>
        m.services.settings.$settings.get().aiAssistants.find((a) => a.id === 'standup')?.instructions ===
        'Answer in one line.',
      'saved',
    );
    await ask(m, 'standup please');
    await until(() => textOf(root(m).querySelector('.messages')).includes('Yesterday: design.'), 'the answer');
    const [req] = await s.requests().then((r) => r.filter((x) => x.path === '/v1/chat/completions'));
    expect(req!.body.messages[0].content).to.include('Answer in one line.');
    expect(req!.body.tools.map((t: { function: { name: string } }) => t.function.name).sort()).to.deep.equal([
      'list_projects',
      'list_sessions',
      'running_timer',
    ]);
    expect(req!.body.temperature).to.equal(0.3);
  });
});
