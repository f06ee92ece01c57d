import { expect } from 'chai';
import fc from 'fast-check';

import { sql } from '../../../harness/db-fixtures.ts';
import { rejection, useDataWorker } from '../../../harness/worker-harness.ts';

describe('assistant conversations in the database', () => {
  const w = useDataWorker('conversations');

  it('lists pinned first then the latest, searches titles and messages, renames and pins', async () => {
    const a = await w.api.createConversation({ title: 'Standup' });
    const b = await w.api.createConversation({ title: 'Invoices' });
    await w.api.appendMessage({ conversationId: a.id, role: 'user', content: 'what did I do on Website?' });
    const answer = await w.api.appendMessage({
      conversationId: a.id,
      role: 'assistant',
      content: '3.5 hours',
      model: 'fake-model',
      endpoint: 'Fake',
      requestId: 'ai-123456789',
      promptTokens: 40,
      completionTokens: 5,
      tools: [
        {
          id: 'c1',
          name: 'time_totals',
          arguments: '{}',
          result: '{"totalHours":3.5}',
          ok: true,
          truncated: false,
          ms: 3,
        },
      ],
      firstTokenMs: 12,
      totalMs: 80,
      finish: 'stop',
    });
    expect(answer).to.include({ seq: 2, model: 'fake-model', promptTokens: 40, usageEstimated: false });
    expect(answer.tools[0]).to.include({ name: 'time_totals' });
    let page = await w.api.listConversations();
    expect(page.conversations.map((c) => c.title)).to.deep.equal(['Standup', 'Invoices']);
    await w.api.pinConversation({ id: b.id, pinned: true });
    page = await w.api.listConversations();
    expect(page.conversations.map((c) => [c.title, c.pinned])).to.deep.equal([
      ['Invoices', true],
      ['Standup', false],
    ]);
    expect((await w.api.listConversations({ search: 'website' })).conversations.map((c) => c.id)).to.deep.equal([a.id]);
    expect((await w.api.listConversations({ search: '100%' })).total).to.equal(0);
    await w.api.renameConversation({ id: a.id, title: 'Website hours' });
    expect((await w.api.conversationMessages(a.id)).map((m) => m.role)).to.deep.equal(['user', 'assistant']);
    expect((await w.api.listConversations({ search: 'hours' })).conversations[0]!.title).to.equal('Website hours');
    const usage = await w.api.assistantUsage({ from: 0, to: Date.now() + 60_000 });
    expect(usage).to.have.length(1);
    expect(usage[0]).to.include({
      model: 'fake-model',
      promptTokens: 40,
      completionTokens: 5,
      answers: 1,
      estimated: 0,
    });
  });

  it('deleting a conversation is one undoable action; bad input changes nothing', async () => {
    const a = await w.api.createConversation({ title: 'Keep me' });
    const { action } = await w.api.deleteConversation(a.id);
    expect(action!.label).to.match(/Delete conversation/);
    expect((await w.api.listConversations()).total).to.equal(0);
    await w.api.undo({ actionId: action!.id });
    expect((await w.api.listConversations()).conversations.map((c) => c.title)).to.deep.equal(['Keep me']);
    await w.api.redo();
    expect((await w.api.listConversations()).total).to.equal(0);
    expect((await rejection(w.api.renameConversation({ id: 'nope', title: 'x' }))).code).to.equal('VALIDATION');
    expect(
      (await rejection(w.api.appendMessage({ conversationId: a.id, role: 'system' as never, content: '' }))).code,
    ).to.equal('VALIDATION');
  });

  it('opens a list of 10,000 conversations quickly (one page of the virtualized list)', async () => {
    // written straight into the closed file (10,000 queued transactions would take the test's whole time)
    await w.api.close();
    await sql(
      w.dbName,
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
       INSERT INTO conversations (id, title, created_at, updated_at) SELECT printf('00000000-0000-4000-8000-%012d', i), 'c' || i, i, i FROM n`,
    );
    await w.api.open({ name: w.dbName });
    const t0 = performance.now();
    const page = await w.api.listConversations({ limit: 200 });
    const ms = performance.now() - t0;
    expect(page.total).to.equal(10_000);
    expect(page.conversations).to.have.length(200);
    expect(ms).to.be.below(100); // measured ~13 ms here
  });

  it('property: deletes of conversations mixed with session edits, then as many undos, restore both; redo replays', async function () {
    this.timeout(120_000);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), i: fc.nat() }),
      fc.record({ kind: fc.constant('rename' as const), name: fc.constantFrom('x', 'y', 'z') }),
    );
    const T = new Date(2026, 10, 2, 9).getTime();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        w.replace();
        await w.api.open({ name: `${w.dbName}-${Math.random().toString(36).slice(2, 8)}` });
        const api = w.api;
        for (const title of ['a', 'b', 'c']) await api.createConversation({ title });
        const s = (await api.addSession({ name: 'work', startTime: T, endTime: T + 3_600_000 })).sessions[0]!;
        const snapshot = async () =>
          JSON.stringify([
            (await api.listConversations()).conversations.map((c) => c.id),
            (await api.getSession(s.id)).name,
          ]);
        const before = await snapshot();
        let actions = 0;
        for (const o of ops) {
          const live = (await api.listConversations()).conversations;
          if (o.kind === 'delete' && live.length > 0) {
            if ((await api.deleteConversation(live[o.i % live.length]!.id)).action) actions++;
          } else if (o.kind === 'rename') {
            if ((await api.updateSession({ id: s.id, patch: { name: o.name } })).action) actions++;
          }
        }
        const after = await snapshot();
        for (let k = 0; k < actions; k++) await api.undo();
        expect(await snapshot()).to.equal(before);
        for (let k = 0; k < actions; k++) await api.redo();
        expect(await snapshot()).to.equal(after);
      }),
      { numRuns: 15 },
    );
  });
});
