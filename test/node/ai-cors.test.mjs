// Local model servers and app://: the CORS rewrite main applies to the configured endpoints only.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { aiCors } = await import(path.join(root, 'dist/main/app.js'));

const APP = 'app://lighttrack';

describe('assistant CORS for local servers (Electron)', () => {
  const cors = aiCors(() => ['http://localhost:11434']);

  it('drops our Origin towards a configured endpoint and answers its preflight for our origin', () => {
    const out = cors.beforeSendHeaders({
      id: 1,
      url: 'http://localhost:11434/v1/chat/completions',
      requestHeaders: {
        Origin: APP,
        'Access-Control-Request-Headers': 'authorization,content-type,x-request-id,x-stainless-os',
      },
    });
    assert.equal(
      Object.keys(out.requestHeaders).some((k) => k.toLowerCase() === 'origin'),
      false,
    );
    // Ollama refuses an unknown origin's preflight with 403; the answer becomes a 204 with our origin allowed
    const reply = cors.headersReceived({
      id: 1,
      url: 'http://localhost:11434/v1/chat/completions',
      method: 'OPTIONS',
      statusLine: 'HTTP/1.1 403 Forbidden',
      responseHeaders: { 'access-control-allow-origin': ['*'], 'Content-Length': ['0'] },
    });
    assert.equal(reply.statusLine, 'HTTP/1.1 204 No Content');
    assert.deepEqual(reply.responseHeaders['Access-Control-Allow-Origin'], [APP]);
    assert.deepEqual(reply.responseHeaders['Access-Control-Allow-Headers'], [
      'authorization,content-type,x-request-id,x-stainless-os',
    ]);
    assert.equal(reply.responseHeaders['access-control-allow-origin'], undefined);
  });

  it('keeps a real answer’s status, and touches nothing else: other hosts, other pages, other ids', () => {
    cors.beforeSendHeaders({ id: 2, url: 'http://localhost:11434/v1/models', requestHeaders: { Origin: APP } });
    const ok = cors.headersReceived({
      id: 2,
      url: 'http://localhost:11434/v1/models',
      method: 'GET',
      statusLine: 'HTTP/1.1 200 OK',
      responseHeaders: {},
    });
    assert.equal(ok.statusLine, undefined);
    assert.deepEqual(ok.responseHeaders['Access-Control-Allow-Origin'], [APP]);
    assert.deepEqual(
      cors.beforeSendHeaders({ id: 3, url: 'http://localhost:8080/v1/models', requestHeaders: { Origin: APP } }),
      {},
    );
    assert.deepEqual(
      cors.beforeSendHeaders({
        id: 4,
        url: 'http://localhost:11434/v1/models',
        requestHeaders: { Origin: 'https://evil.example' },
      }),
      {},
    );
    assert.deepEqual(
      cors.headersReceived({ id: 4, url: 'http://localhost:11434/v1/models', method: 'GET', responseHeaders: {} }),
      {},
    );
    assert.deepEqual(
      cors.headersReceived({ id: 99, url: 'http://localhost:11434/v1/models', method: 'GET', responseHeaders: {} }),
      {},
    );
  });
});
