// The web shell's server (built: dist/web/server.js) under malformed and hostile requests, sent over raw sockets so
// nothing in between cleans them up. It must answer every one and stay alive: if it died, the fixed port would be
// free for another program to serve code into LightTrack's origin.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { startWebServer, verifyLightTrackServer, IDENTITY_PATH } = await import(path.join(root, 'dist/web/server.js'));

function rendererFixture() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lt-web-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>LightTrack</title>');
  writeFileSync(path.join(dir, 'app.js'), 'export {}');
  return dir;
}

/**
 * Sends raw bytes and resolves with everything the server wrote before closing (or after `timeoutMs`). The socket
 * stays open for writing, as a browser's does: Node's server drops a request whose client half-closes first.
 */
function raw(port, bytes, timeoutMs = 5000) {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunks = [];
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.write(bytes);
  });
}

const statusOf = (reply) => Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0);
const header = (reply, name) => new RegExp(`^${name}: (.*)$`, 'im').exec(reply.split('\r\n\r\n')[0])?.[1]?.trim();

let web;
let hostHeader;
const get = (target, extra = '') =>
  `GET ${target} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n${extra}\r\n`;

before(async () => {
  web = await startWebServer(rendererFixture(), 0);
  hostHeader = `127.0.0.1:${web.port}`;
});
after(() => web?.close());

describe('web shell server: one bad request must not stop it', () => {
  it('answers the requests that used to crash it with 400, then still serves the app', async () => {
    for (const target of ['/%ff', '/%', '/%c0%ae%c0%ae/etc/passwd', 'http://[', '/%E0%A4%A']) {
      const reply = await raw(web.port, get(target));
      assert.equal(statusOf(reply), 400, `${target}: ${reply.slice(0, 80)}`);
    }
    const ok = await raw(web.port, get('/index.html'));
    assert.equal(statusOf(ok), 200);
    assert.match(ok, /<title>LightTrack<\/title>/);
  });

  it('sends the security headers on every response, errors included', async () => {
    for (const request of [
      get('/'),
      get('/nope.js'),
      get('/%ff'),
      `POST / HTTP/1.1\r\nHost: ${hostHeader}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: evil.example:${web.port}\r\nConnection: close\r\n\r\n`,
      'GET / HTTP/1.1\r\nBad Header\r\n\r\n',
    ]) {
      const reply = await raw(web.port, request);
      assert.ok(statusOf(reply) > 0, `no answer to ${JSON.stringify(request)}`);
      assert.equal(header(reply, 'X-Content-Type-Options'), 'nosniff', request);
      assert.equal(header(reply, 'Referrer-Policy'), 'no-referrer', request);
      assert.equal(header(reply, 'Cross-Origin-Resource-Policy'), 'same-origin', request);
      assert.match(
        header(reply, 'Permissions-Policy') ?? '',
        /camera=\(\).*geolocation=\(\).*microphone=\(\)/,
        request,
      );
      assert.match(header(reply, 'Content-Security-Policy') ?? '', /default-src 'self'.*connect-src 'self';/, request);
    }
  });

  it('refuses Host headers other than 127.0.0.1:PORT and localhost:PORT (DNS rebinding)', async () => {
    const port = web.port;
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `localhost.evil.example:${port}`,
      `[::1]:${port}`,
      '',
    ]) {
      const reply = await raw(port, `GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      assert.equal(statusOf(reply), 403, `Host: ${host}`);
    }
    assert.equal(statusOf(await raw(port, 'GET / HTTP/1.0\r\n\r\n')), 403, 'no Host at all');
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      assert.equal(
        statusOf(await raw(port, `GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)),
        200,
        host,
      );
    }
  });

  it('answers more than a thousand malformed and hostile requests, and is alive afterwards', async () => {
    const targets = [
      '/%ff',
      '/%',
      '/%%',
      '/%c0%ae%c0%ae/etc/passwd',
      '/%c0%af',
      '/%e0%80%af',
      '/%f0%80%80%af',
      '/%ed%a0%80',
      '/..',
      '/../',
      '/../../etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..\\..\\windows',
      '/%5c..%5c..%5cetc%5cpasswd',
      '/.%00./',
      '/index.html%00.js',
      '/%00',
      '//etc/passwd',
      '///',
      '/./././',
      '/' + 'a'.repeat(4000),
      '/' + '../'.repeat(500),
      '/' + '%'.repeat(300),
      '/?x=%ff',
      '/#frag',
      '/\u00ff',
      'http://[',
      'http://evil.example/',
      'https://[::1',
      '*',
      'evil.example:443',
      '?x',
      'index.html',
      '/%u002e%u002e',
      IDENTITY_PATH,
      `${IDENTITY_PATH}?nonce=zz`,
      `${IDENTITY_PATH}?nonce=${'a'.repeat(500)}`,
    ];
    const methods = [
      'GET',
      'HEAD',
      'POST',
      'PUT',
      'DELETE',
      'OPTIONS',
      'TRACE',
      'PATCH',
      'PROPFIND',
      'MKCOL',
      'CONNECT',
      'FOO',
      'G ET',
      'get',
    ];
    const requests = [];
    for (const method of methods)
      for (const target of targets)
        requests.push(`${method} ${target} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`);
    // headers: huge, many, malformed, smuggling-shaped, upgrade
    requests.push(
      get('/', `X-Big: ${'x'.repeat(64 * 1024)}\r\n`),
      get('/', Array.from({ length: 3000 }, (_, i) => `X-H${i}: v\r\n`).join('')),
      get('/', `Cookie: ${'c=1; '.repeat(10_000)}\r\n`),
      get('/', 'Content-Length: 5\r\nTransfer-Encoding: chunked\r\n'),
      get('/', 'Content-Length: -1\r\n'),
      get('/', 'Content-Length: 1\r\nContent-Length: 2\r\n'),
      get('/', 'Transfer-Encoding: chunked\r\n') + 'zz\r\n',
      get('/', 'Upgrade: websocket\r\nConnection: Upgrade\r\n'),
      get('/', 'X-Bad\u0000Header: 1\r\n'),
      get('/', 'Bad Header Without Colon\r\n'),
      `GET / HTTP/1.1\r\nHost: ${hostHeader}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
      `GET / HTTP/9.9\r\nHost: ${hostHeader}\r\n\r\n`,
      `GET /\r\n\r\n`,
      'GET / HTTP/1.1\n\n',
      '\r\n\r\n\r\n', // blank lines before a request are skipped: a request that never comes (408)
      '\u0000\u0001\u0002\u0003 binary \u00ff\u00fe',
      'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: ${hostHeader}\r\n` + 'X: y\r\n'.repeat(10), // never finished: times out or closes
      'A'.repeat(100_000),
    );
    for (let i = 0; requests.length < 1100; i++) {
      const bytes = Array.from({ length: 1 + (i % 40) }, (_, j) => String.fromCharCode((i * 31 + j * 17) % 256)).join(
        '',
      );
      requests.push(
        `GET /${encodeURIComponent(bytes).replace(/%2F/g, '/')}${i % 3 ? '%' : ''} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`,
      );
    }
    assert.ok(requests.length >= 1000);

    const started = Date.now();
    const unanswered = [];
    const statuses = new Map();
    for (let i = 0; i < requests.length; i += 25) {
      const batch = requests.slice(i, i + 25);
      const replies = await Promise.all(batch.map((r) => raw(web.port, r, 12_000)));
      replies.forEach((reply, j) => {
        const status = statusOf(reply);
        if (!status) unanswered.push(JSON.stringify(batch[j].slice(0, 60)));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500) assert.fail(`server error ${status} for ${JSON.stringify(batch[j].slice(0, 80))}`);
      });
    }
    // every request got an HTTP answer; unfinished ones a 408 once the header timeout passed
    assert.deepEqual(unanswered, []);
    assert.ok(Date.now() - started < 120_000);
    console.log(
      `${requests.length} hostile requests answered; statuses: ${JSON.stringify(Object.fromEntries(statuses))}`,
    );

    assert.equal(web.server.listening, true, 'still listening');
    const ok = await raw(web.port, get('/'));
    assert.equal(statusOf(ok), 200);
    assert.equal(await verifyLightTrackServer(web.url, web.launchKey), true);
  });

  it('never serves files outside its directory, whatever the encoding', async () => {
    for (const target of [
      '/../../../../etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..%5c..%5cetc%5cpasswd',
    ]) {
      const reply = await raw(web.port, get(target));
      assert.ok([400, 404].includes(statusOf(reply)), `${target}: ${statusOf(reply)}`);
      assert.doesNotMatch(reply, /root:/);
    }
  });
});

describe('web shell server: proving who answers on the port', () => {
  it('signs a nonce with its launch key; an impostor on a port cannot', async () => {
    assert.equal(await verifyLightTrackServer(web.url, web.launchKey), true);
    assert.equal(await verifyLightTrackServer(web.url, Buffer.alloc(32, 7)), false, 'another launch key');

    // an impostor that answers 200 with whatever it is asked, echoing the nonce
    const impostor = createHttpServer((req, res) =>
      res.end(new URL(req.url, 'http://x').searchParams.get('nonce') ?? 'ok'),
    );
    await new Promise((r) => impostor.listen(0, '127.0.0.1', r));
    try {
      assert.equal(await verifyLightTrackServer(`http://127.0.0.1:${impostor.address().port}/`, web.launchKey), false);
    } finally {
      impostor.close();
    }
    // nothing at all on the port
    assert.equal(await verifyLightTrackServer('http://127.0.0.1:1/', web.launchKey), false);
  });
});
