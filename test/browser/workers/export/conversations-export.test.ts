import { expect } from 'chai';
import * as Comlink from 'comlink';

import { startPair, type Pair } from './export-harness.ts';

async function tempText(name: string): Promise<string> {
  const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('exports-tmp');
  return (await (await dir.getFileHandle(name)).getFile()).text();
}

describe('conversations export (export worker over the data port): JSON and Markdown, progress, cancel', () => {
  let pair: Pair;
  beforeEach(async () => {
    pair = await startPair('conv-export');
    const data = pair.data.api;
    for (let i = 0; i < 30; i++) {
      const c = await data.createConversation({ title: `Question ${i}` });
      await data.appendMessage({ conversationId: c.id, role: 'user', content: `how much on day ${i}?` });
      await data.appendMessage({
        conversationId: c.id,
        role: 'assistant',
        content: `${i} hours`,
        model: 'fake-model',
        tools: [
          {
            id: 't',
            name: 'time_totals',
            arguments: '{}',
            result: '{"totalHours":1}',
            ok: true,
            truncated: false,
            ms: 1,
          },
        ],
        promptTokens: 10,
        completionTokens: 2,
      });
    }
  });
  afterEach(() => pair.stop());

  it('writes every conversation as one JSON file, and one as Markdown', async () => {
    const seen: number[] = [];
    const all = await pair.exporter.exportConversations(
      { format: 'json', ids: null },
      await pair.port(),
      { kind: 'download', name: 'conversations.json' },
      Comlink.proxy((p: { done: number }) => void seen.push(p.done)),
    );
    expect(all.conversations).to.equal(30);
    const file = JSON.parse(await tempText(all.tempName!));
    expect(file.format).to.equal('lighttrack-conversations');
    expect(file.conversations).to.have.length(30);
    expect(file.conversations[0].messages[1]).to.include({ role: 'assistant', model: 'fake-model' });
    expect(file.conversations[0].messages[1].tools[0].name).to.equal('time_totals');
    expect(seen.at(-1)).to.equal(30);

    const [one] = (await pair.data.api.listConversations({ search: 'Question 7' })).conversations;
    const md = await pair.exporter.exportConversations(
      { format: 'markdown', ids: [one!.id] },
      await pair.port(),
      { kind: 'download', name: 'q7.md' },
      Comlink.proxy(() => undefined),
    );
    const text = await tempText(md.tempName!);
    expect(text).to.match(/^# Question 7\n/);
    expect(text).to.include('7 hours');
    expect(text).to.include('`time_totals`');
  });

  it('stops when cancelled and leaves no file behind; bad jobs are refused', async () => {
    const controller = new AbortController();
    const e = await pair.exporter
      .exportConversations(
        { format: 'json', ids: null },
        await pair.port(),
        { kind: 'download', name: 'c.json' },
        Comlink.proxy(() => controller.abort()),
        controller.signal,
      )
      .then(
        () => null,
        (error: { details?: { cancelled?: boolean } }) => error,
      );
    expect(e?.details?.cancelled).to.equal(true);
    const bad = await pair.exporter
      .exportConversations(
        { format: 'pdf' as never, ids: null },
        await pair.port(),
        { kind: 'download', name: 'x' },
        Comlink.proxy(() => undefined),
      )
      .then(
        () => null,
        (error: { code: string }) => error,
      );
    expect(bad?.code).to.equal('VALIDATION');
  });
});
