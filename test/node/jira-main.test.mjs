// main/ for Jira (issue 20), built (dist/main/app.js), against the fake electron module: the site's origin in
// connect-src and the CORS rewrite for exactly that origin.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { createFakeElectron, ipcEvent } from './fake-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { startApp, aiCors, contentSecurityPolicy } = await import(path.join(root, 'dist/main/app.js'));

const APP = 'app://lighttrack';
const APP_PAGE = `${APP}/index.html`;
const tick = () => new Promise((r) => setImmediate(r));

async function started() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lt-renderer-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>LightTrack</title>');
  const electron = createFakeElectron({});
  startApp(electron, { rendererDir: dir, preloadPath: '/app/preload.cjs' });
  await tick();
  return electron.record;
}

describe('Jira site: main validates it and the CSP allows exactly its origin', () => {
  it('widens connect-src to the site the renderer sent, refuses bad ones, clears on null, only from our pages', async () => {
    const record = await started();
    const handler = record.protocolHandlers.get('app');
    const connectSrc = async () =>
      /connect-src ([^;]*)/.exec((await handler(new Request(APP_PAGE))).headers.get('content-security-policy'))[1];
    const allow = (url, ...args) => record.ipc.get('shell:jira:allow-site')(ipcEvent(url), ...args);
    assert.deepEqual(await allow(APP_PAGE, 'https://acme.atlassian.net/'), {
      ok: true,
      value: 'https://acme.atlassian.net',
    });
    assert.equal(await connectSrc(), "'self' https://acme.atlassian.net");
    // a Data Center context path: the origin is what counts
    assert.equal((await allow(APP_PAGE, 'https://jira.example.com/jira')).value, 'https://jira.example.com');
    for (const bad of [
      'http://jira.example.com',
      'https://*.atlassian.net',
      "https://a.example; script-src 'unsafe-eval'",
      'https://u:p@jira.example.com',
      42,
      ['https://a.b'],
    ]) {
      const reply = await allow(APP_PAGE, bad);
      assert.equal(reply.ok, false, JSON.stringify(bad));
      assert.equal(reply.error.code, 'VALIDATION');
      assert.equal(await connectSrc(), "'self' https://jira.example.com");
    }
    assert.equal((await allow('https://evil.example/', 'https://evil.example')).error.code, 'FORBIDDEN');
    assert.deepEqual(await allow(APP_PAGE, null), { ok: true, value: null });
    assert.equal(await connectSrc(), "'self'");
  });

  it('the policy takes the AI origins and the Jira site together, each once', () => {
    const csp = contentSecurityPolicy({
      aiEndpoints: ['https://api.openai.com/v1'],
      jiraSite: 'https://acme.atlassian.net',
    });
    assert.match(csp, /connect-src 'self' https:\/\/api\.openai\.com https:\/\/acme\.atlassian\.net;/);
    assert.throws(() => contentSecurityPolicy({ jiraSite: 'ftp://acme.example' }), /Invalid Jira site/);
  });
});

describe('Jira CORS (Electron): the rewrite for exactly the configured site', () => {
  const cors = aiCors(() => ['https://acme.atlassian.net']);

  it("answers the preflight of a worklog update for our origin, with PUT and DELETE and Jira's headers exposed", () => {
    const url = 'https://acme.atlassian.net/rest/api/3/issue/ABC-123/worklog/10000';
    const out = cors.beforeSendHeaders({
      id: 7,
      url,
      requestHeaders: {
        Origin: APP,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    assert.equal(
      Object.keys(out.requestHeaders).some((k) => k.toLowerCase() === 'origin'),
      false,
    );
    const reply = cors.headersReceived({
      id: 7,
      url,
      method: 'OPTIONS',
      statusLine: 'HTTP/1.1 405 Method Not Allowed',
      responseHeaders: {},
    });
    assert.equal(reply.statusLine, 'HTTP/1.1 204 No Content');
    assert.deepEqual(reply.responseHeaders['Access-Control-Allow-Origin'], [APP]);
    assert.match(reply.responseHeaders['Access-Control-Allow-Methods'][0], /PUT, DELETE/);
    assert.match(
      reply.responseHeaders['Access-Control-Expose-Headers'][0],
      /retry-after.*x-authentication-denied-reason/,
    );
  });

  it('leaves every other origin alone, and requests not from our pages', () => {
    assert.deepEqual(
      cors.beforeSendHeaders({
        id: 8,
        url: 'https://other.atlassian.net/rest/api/3/myself',
        requestHeaders: { Origin: APP },
      }),
      {},
    );
    assert.deepEqual(
      cors.beforeSendHeaders({
        id: 9,
        url: 'https://acme.atlassian.net/rest/api/3/myself',
        requestHeaders: { Origin: 'https://evil.example' },
      }),
      {},
    );
    assert.deepEqual(
      cors.headersReceived({
        id: 9,
        url: 'https://acme.atlassian.net/rest/api/3/myself',
        method: 'GET',
        responseHeaders: {},
      }),
      {},
    );
  });
});
