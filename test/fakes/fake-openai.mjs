// A faithful fake of an OpenAI-compatible server (the chat completions subset that Ollama, LM Studio, llama.cpp and
// vLLM implement), for tests only. It listens on 127.0.0.1 on a random port and answers any origin (CORS), since the
// AI worker calls it from the app's origin.
//
// Each test makes a scenario: POST /__scenario {replies, models, apiKey} answers {baseURL, id}; requests to
// `${baseURL}/chat/completions` take the scenario's replies in order (the last one repeats), and
// GET /s/<id>/__requests lists what was asked (headers and bodies) so a test can check what the client sent.
//
// A reply is one of:
//   { text: 'Hello' | ['Hel', 'lo'], usage?: {prompt_tokens, completion_tokens} | false, done?: false,
//     delayMs?: n (between chunks), disconnectAfter?: n (chunks, then the socket is cut),
//     malformedAt?: n (that chunk is not JSON), finish?: 'stop' | 'length' }
//   { toolCalls: [{ id, name, arguments: ['{"fr', 'om":1}'] }], whole?: true (each call in one chunk, as Ollama) }
//   { status: 429 | 500 | 401 | 404 | 400, retryAfter?: seconds, error?: { message, type, code } }
//   { raw: ['data: …', …] } (lines written as they are)
import { createServer } from 'node:http';

import { fakePlugin, listenFake } from './fake-server.mjs';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Expose-Headers': '*',
  'Access-Control-Max-Age': '600',
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function readJson(req) {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (part) => (body += part));
    req.on('end', () => {
      try {
        resolve(body ? JSON.parse(body) : null);
      } catch {
        resolve(undefined);
      }
    });
  });
}

function sendJson(res, status, value, headers = {}) {
  res.writeHead(status, { ...CORS, 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

/** The chunks of one streamed reply, in the wire's shape. */
function chunksOf(reply, model, includeUsage) {
  const id = `chatcmpl-${Math.random().toString(36).slice(2, 10)}`;
  const base = { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model };
  const chunk = (delta, finish = null) => ({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] });
  const out = [chunk({ role: 'assistant', content: '' })];
  let completion = 0;
  if (reply.text !== undefined) {
    const parts = Array.isArray(reply.text) ? reply.text : [reply.text];
    for (const part of parts) {
      out.push(chunk({ content: part }));
      completion += Math.max(1, Math.round(part.length / 4));
    }
  }
  if (reply.toolCalls) {
    reply.toolCalls.forEach((call, index) => {
      const args = Array.isArray(call.arguments) ? call.arguments : [call.arguments ?? '{}'];
      if (reply.whole) {
        out.push(
          chunk({
            tool_calls: [
              { index, id: call.id, type: 'function', function: { name: call.name, arguments: args.join('') } },
            ],
          }),
        );
        return;
      }
      // id and name first, then the arguments in fragments addressed by index only (as OpenAI streams them)
      out.push(
        chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }),
      );
      for (const fragment of args) out.push(chunk({ tool_calls: [{ index, function: { arguments: fragment } }] }));
      completion += 10;
    });
  }
  out.push(chunk({}, reply.finish ?? (reply.toolCalls ? 'tool_calls' : 'stop')));
  if (includeUsage && reply.usage !== false) {
    const usage = reply.usage ?? { prompt_tokens: 42, completion_tokens: completion };
    out.push({
      ...base,
      choices: [],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
  }
  return out;
}

async function stream(req, res, reply, body) {
  res.writeHead(200, {
    ...CORS,
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  let closed = false;
  res.on('close', () => (closed = true));
  if (reply.raw) {
    for (const line of reply.raw) {
      res.write(`${line}\n\n`);
      if (reply.delayMs) await sleep(reply.delayMs);
    }
    res.end();
    return;
  }
  const chunks = chunksOf(reply, body.model, body.stream_options?.include_usage === true);
  for (let i = 0; i < chunks.length; i++) {
    if (closed) return;
    if (reply.disconnectAfter !== undefined && i >= reply.disconnectAfter) {
      await sleep(50); // what was written reaches the client first, as when a server dies mid-answer
      req.socket.destroy();
      return;
    }
    res.write(
      i === reply.malformedAt ? 'data: {"id": "broken", "choices": [{\n\n' : `data: ${JSON.stringify(chunks[i])}\n\n`,
    );
    if (reply.delayMs) await sleep(reply.delayMs);
  }
  if (reply.done !== false) res.write('data: [DONE]\n\n');
  res.end();
}

/** Starts the fake; `close()` ends it and every open connection. */
export async function startFakeOpenAI() {
  const scenarios = new Map();
  let next = 1;
  const server = createServer(async (req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/__scenario') {
      const spec = (await readJson(req)) ?? {};
      const id = `s${next++}`;
      scenarios.set(id, {
        replies: spec.replies ?? [{ text: 'Hello.' }],
        models: spec.models ?? ['fake-model'],
        apiKey: spec.apiKey ?? null,
        served: 0,
        requests: [],
      });
      sendJson(res, 200, { id, baseURL: `http://127.0.0.1:${server.address().port}/s/${id}/v1` });
      return;
    }
    const match = /^\/s\/(s\d+)(\/.*)$/.exec(url.pathname);
    const scenario = match && scenarios.get(match[1]);
    if (!scenario) return sendJson(res, 404, { error: { message: 'No such scenario', type: 'invalid_request_error' } });
    const path = match[2];
    if (path === '/__requests') return sendJson(res, 200, scenario.requests);
    const body = req.method === 'POST' ? await readJson(req) : null;
    scenario.requests.push({ method: req.method, path, headers: req.headers, body });
    if (scenario.apiKey !== null && req.headers.authorization !== `Bearer ${scenario.apiKey}`) {
      return sendJson(res, 401, {
        error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' },
      });
    }
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, {
        object: 'list',
        data: scenario.models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })),
      });
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      return sendJson(res, 404, { error: { message: `Unknown path ${path}`, type: 'invalid_request_error' } });
    }
    if (!body || typeof body !== 'object' || !Array.isArray(body.messages)) {
      return sendJson(res, 400, { error: { message: 'messages is required', type: 'invalid_request_error' } });
    }
    if (!scenario.models.includes(body.model)) {
      return sendJson(res, 404, {
        error: {
          message: `The model \`${body.model}\` does not exist`,
          type: 'invalid_request_error',
          code: 'model_not_found',
        },
      });
    }
    const reply = scenario.replies[Math.min(scenario.served++, scenario.replies.length - 1)];
    if (reply.status) {
      const headers = reply.retryAfter !== undefined ? { 'Retry-After': String(reply.retryAfter) } : {};
      return sendJson(
        res,
        reply.status,
        { error: reply.error ?? { message: `Fake status ${reply.status}`, type: 'server_error' } },
        headers,
      );
    }
    if (body.stream !== true) {
      const text = Array.isArray(reply.text) ? reply.text.join('') : (reply.text ?? '');
      return sendJson(res, 200, {
        id: 'chatcmpl-x',
        object: 'chat.completion',
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      });
    }
    await stream(req, res, reply, body);
  });
  const base = await listenFake(server);
  return {
    ...base,
    async requests(id) {
      return (await fetch(`${base.origin}/s/${id}/__requests`)).json();
    },
  };
}

/** A web-test-runner plugin: the fake runs beside the dev server; tests import its origin from /__fake-openai.js. */
export function fakeOpenAIPlugin() {
  return fakePlugin('fake-openai', startFakeOpenAI, '/__fake-openai.js', 'fakeOrigin');
}
