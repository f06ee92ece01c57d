// The fake server is checked against the real `openai` client, so the browser tests rest on a fake the SDK accepts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';

import { startFakeOpenAI } from '../fakes/fake-openai.mjs';

describe('fake OpenAI-compatible server (read by the real openai client)', () => {
  let fake;
  before(async () => (fake = await startFakeOpenAI()));
  after(() => fake.close());

  const client = (baseURL, apiKey = 'k') => new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 5_000 });
  const ask = (openai, extra = {}) =>
    openai.chat.completions.create({
      model: 'fake-model',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
      ...extra,
    });

  it('lists models and streams text with a usage chunk', async () => {
    const { baseURL } = await fake.scenario({ replies: [{ text: ['Hel', 'lo'] }], models: ['fake-model', 'other'] });
    const openai = client(baseURL);
    const models = await openai.models.list();
    assert.deepEqual(
      models.data.map((m) => m.id),
      ['fake-model', 'other'],
    );
    let text = '';
    let usage = null;
    for await (const chunk of await ask(openai)) {
      text += chunk.choices[0]?.delta?.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    assert.equal(text, 'Hello');
    assert.equal(usage.prompt_tokens, 42);
  });

  it('splits tool calls: id and name first, then argument fragments by index', async () => {
    const { baseURL } = await fake.scenario({
      replies: [{ toolCalls: [{ id: 'call_1', name: 'totals', arguments: ['{"fr', 'om":"2026-11-01"}'] }] }],
    });
    const deltas = [];
    let finish = null;
    for await (const chunk of await ask(client(baseURL))) {
      for (const call of chunk.choices[0]?.delta?.tool_calls ?? []) deltas.push(call);
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    assert.equal(deltas[0].id, 'call_1');
    assert.equal(deltas[0].function.name, 'totals');
    assert.equal(deltas[1].id, undefined);
    assert.equal(deltas.map((d) => d.function.arguments).join(''), '{"from":"2026-11-01"}');
    assert.equal(finish, 'tool_calls');
  });

  it('answers 429 with Retry-After, 500, 401 for a wrong key and 404 for an unknown model', async () => {
    const { baseURL } = await fake.scenario({
      replies: [{ status: 429, retryAfter: 2 }, { status: 500 }],
      apiKey: 'right',
    });
    const e429 = await ask(client(baseURL, 'right')).catch((e) => e);
    assert.equal(e429.status, 429);
    assert.equal(e429.headers.get('retry-after'), '2');
    assert.equal((await ask(client(baseURL, 'right')).catch((e) => e)).status, 500);
    assert.equal((await ask(client(baseURL, 'wrong')).catch((e) => e)).status, 401);
    assert.equal((await ask(client(baseURL, 'right'), { model: 'nope' }).catch((e) => e)).status, 404);
  });

  it('can end without [DONE], send a malformed chunk, or cut the connection', async () => {
    const { baseURL: noDone } = await fake.scenario({ replies: [{ text: 'ok', done: false }] });
    let text = '';
    for await (const chunk of await ask(client(noDone))) text += chunk.choices[0]?.delta?.content ?? '';
    assert.equal(text, 'ok');

    const { baseURL: bad } = await fake.scenario({ replies: [{ text: ['a', 'b'], malformedAt: 2 }] });
    await assert.rejects(async () => {
      for await (const _ of await ask(client(bad)));
    });

    const { baseURL: cut } = await fake.scenario({ replies: [{ text: ['a', 'b', 'c'], disconnectAfter: 2 }] });
    await assert.rejects(async () => {
      for await (const _ of await ask(client(cut)));
    });
  });

  it('records what was asked, headers included', async () => {
    const { id, baseURL } = await fake.scenario({ replies: [{ text: 'x' }] });
    for await (const _ of await ask(client(baseURL), undefined));
    const [request] = await fake.requests(id);
    assert.equal(request.body.stream, true);
    assert.equal(request.headers.authorization, 'Bearer k');
  });
});
