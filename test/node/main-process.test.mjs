// main/ (built: dist/main/app.js) against a fake electron module.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createFakeElectron, ipcEvent } from './fake-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { startApp } = await import(path.join(root, 'dist/main/app.js'));

const APP_PAGE = 'app://lighttrack/index.html';
const tick = () => new Promise((r) => setImmediate(r));

function rendererFixture() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lt-renderer-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>LightTrack</title>');
  writeFileSync(path.join(dir, 'main-window.js'), 'export {}');
  return dir;
}

async function started(options = {}) {
  const electron = createFakeElectron(options);
  const running = startApp(electron, { rendererDir: rendererFixture(), preloadPath: '/app/preload.cjs', ...options.start });
  await tick();
  return { electron, running, record: electron.record };
}

describe('single instance', () => {
  it('quits when another instance holds the lock, creating no window', async () => {
    const { running, record, electron } = await started({ singleInstance: false });
    assert.equal(running, null);
    assert.equal(record.quit, 1);
    assert.equal(electron.BrowserWindow.all.length, 0);
  });

  it('focuses the existing main window when a second instance starts', async () => {
    const { running, electron } = await started();
    const main = running.mainWindow();
    main.hide();
    electron.app.emit('second-instance');
    assert.equal(main.isVisible(), true);
    assert.equal(main.isFocused(), true);
  });
});

describe('windows', () => {
  it('registers app:// as a standard, secure scheme before ready', async () => {
    const { record } = await started();
    assert.deepEqual(record.privilegedSchemes.map((s) => s.scheme), ['app']);
    assert.equal(record.privilegedSchemes[0].privileges.standard, true);
    assert.equal(record.privilegedSchemes[0].privileges.secure, true);
  });

  it('opens the main window and a hidden, pre-warmed quick-entry window with locked-down web preferences', async () => {
    const { running } = await started();
    const main = running.mainWindow();
    const quick = running.quickEntryWindow();
    assert.equal(main.url, APP_PAGE);
    assert.equal(quick.url, 'app://lighttrack/quick-entry.html');
    assert.equal(quick.options.show, false);
    for (const win of [main, quick]) {
      const prefs = win.options.webPreferences;
      assert.equal(prefs.contextIsolation, true);
      assert.equal(prefs.sandbox, true);
      assert.equal(prefs.nodeIntegration, false);
      assert.equal(prefs.nodeIntegrationInWorker, false);
      assert.equal(prefs.webSecurity, true);
      assert.equal(prefs.webviewTag, false);
      assert.equal(prefs.preload, '/app/preload.cjs');
    }
  });

  it('denies window.open and navigation away from the bundle', async () => {
    const { running } = await started();
    const contents = running.mainWindow().webContents;
    assert.deepEqual(contents.windowOpenHandler({ url: 'https://evil.example/' }), { action: 'deny' });
    const navigate = (url) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    assert.equal(navigate('https://evil.example/'), true);
    assert.equal(navigate('file:///etc/passwd'), true);
    assert.equal(navigate('app://lighttrack/index.html'), false);
  });

  it('quits when the main window is closed, although the hidden quick-entry window stays', async () => {
    const { running, record } = await started();
    running.mainWindow().emit('closed');
    assert.equal(record.quit, process.platform === 'darwin' ? 0 : 1);
    assert.equal(running.mainWindow(), null);
  });

  it('toggles the quick-entry window with the global shortcut and hides it instead of closing', async () => {
    const { running, record } = await started();
    const quick = running.quickEntryWindow();
    const shortcut = record.shortcuts.get('CommandOrControl+Shift+Space');
    assert.ok(shortcut, 'global shortcut registered');
    shortcut();
    assert.equal(quick.isVisible(), true);
    shortcut();
    assert.equal(quick.isVisible(), false);
    let prevented = false;
    quick.emit('close', { preventDefault: () => (prevented = true) });
    assert.equal(prevented, true);
  });
});

describe('app:// protocol', () => {
  it('serves the bundle with a strict Content-Security-Policy header', async () => {
    const { record } = await started();
    const handler = record.protocolHandlers.get('app');
    const response = await handler(new Request(APP_PAGE));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /text\/html/);
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.match(csp, /object-src 'none'/);
    assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await response.text(), '<!doctype html><title>LightTrack</title>');
    const js = await handler(new Request('app://lighttrack/main-window.js'));
    assert.match(js.headers.get('content-type'), /text\/javascript/);
  });

  it('refuses paths outside the bundle, missing files and other hosts', async () => {
    const { record } = await started();
    const handler = record.protocolHandlers.get('app');
    assert.equal((await handler(new Request('app://lighttrack/..%2f..%2fetc%2fpasswd'))).status, 404);
    assert.equal((await handler(new Request('app://lighttrack/nope.js'))).status, 404);
    assert.equal((await handler(new Request('app://elsewhere/index.html'))).status, 404);
  });
});

describe('safeStorage over IPC', () => {
  it('encrypts and decrypts for our own pages, storing nothing', async () => {
    const { record } = await started();
    const encrypt = record.ipc.get('shell:secrets:encrypt');
    const decrypt = record.ipc.get('shell:secrets:decrypt');
    const sealed = await encrypt(ipcEvent(APP_PAGE), 'sk-secret-key');
    assert.equal(sealed.ok, true);
    assert.doesNotMatch(sealed.value, /sk-secret-key/);
    assert.deepEqual(await decrypt(ipcEvent(APP_PAGE), sealed.value), { ok: true, value: 'sk-secret-key' });
    assert.deepEqual(await record.ipc.get('shell:secrets:available')(ipcEvent(APP_PAGE)), { ok: true, value: true });
  });

  it('refuses senders that are not our bundle', async () => {
    const { record } = await started();
    const encrypt = record.ipc.get('shell:secrets:encrypt');
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', undefined]) {
      const reply = await encrypt(ipcEvent(url), 'x');
      assert.equal(reply.ok, false);
      assert.equal(reply.error.code, 'FORBIDDEN');
    }
  });

  it('rejects bad arguments with a clear VALIDATION error', async () => {
    const { record } = await started();
    const encrypt = record.ipc.get('shell:secrets:encrypt');
    const decrypt = record.ipc.get('shell:secrets:decrypt');
    const notText = await encrypt(ipcEvent(APP_PAGE), 42);
    assert.equal(notText.ok, false);
    assert.equal(notText.error.code, 'VALIDATION');
    assert.match(notText.error.message, /secrets\.encrypt arguments.*must be text/);
    assert.equal((await encrypt(ipcEvent(APP_PAGE), 'a', 'extra')).error.code, 'VALIDATION');
    assert.equal((await encrypt(ipcEvent(APP_PAGE), 'x'.repeat(1_048_577))).error.code, 'VALIDATION');
    const notBase64 = await decrypt(ipcEvent(APP_PAGE), 'not base64!');
    assert.equal(notBase64.error.code, 'VALIDATION');
    assert.match(notBase64.error.message, /base64/);
    const tampered = await decrypt(ipcEvent(APP_PAGE), Buffer.from('garbage').toString('base64'));
    assert.equal(tampered.error.code, 'VALIDATION');
  });

  it('says UNAVAILABLE when the OS keychain is missing', async () => {
    const { record } = await started({ encryptionAvailable: false });
    const reply = await record.ipc.get('shell:secrets:encrypt')(ipcEvent(APP_PAGE), 'x');
    assert.equal(reply.error.code, 'UNAVAILABLE');
  });
});

describe('presence (powerMonitor → windows)', () => {
  it('forwards suspend/resume and lock/unlock to every window', async () => {
    const { electron, running } = await started();
    electron.powerMonitor.emit('suspend');
    electron.powerMonitor.emit('unlock-screen');
    for (const win of [running.mainWindow(), running.quickEntryWindow()]) {
      assert.deepEqual(win.webContents.sent.map(([channel, e]) => `${channel}:${e.kind}`), [
        'shell:presence:suspend',
        'shell:presence:unlock',
      ]);
    }
  });

  it('reports idle when the system idle time passes the threshold, and active when input returns', async () => {
    const { electron, running } = await started({ start: { presence: { idleThresholdS: 60, pollMs: 5 } } });
    electron.powerMonitor.idleSeconds = 61;
    await new Promise((r) => setTimeout(r, 30));
    electron.powerMonitor.idleSeconds = 0;
    await new Promise((r) => setTimeout(r, 30));
    const kinds = running.mainWindow().webContents.sent.map(([, e]) => e.kind);
    assert.deepEqual(kinds, ['idle', 'active']);
    const idle = running.mainWindow().webContents.sent[0][1];
    assert.ok(Date.now() - idle.at >= 60_000, 'idle is dated from when input stopped');
  });
});
