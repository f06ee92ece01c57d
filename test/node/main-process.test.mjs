// main/ (built: dist/main/app.js) against a fake electron module.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { createFakeElectron, ipcEvent } from './fake-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { startApp, registerSecretsIpc, presenceSources, TrayTimer } = await import(path.join(root, 'dist/main/app.js'));

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
  const running = startApp(electron, {
    rendererDir: rendererFixture(),
    preloadPath: '/app/preload.cjs',
    ...options.start,
  });
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
    assert.deepEqual(
      record.privilegedSchemes.map((s) => s.scheme),
      ['app'],
    );
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
    // Electron 45 puts the URL on the event; the positional argument is deprecated
    const navigate = (url, kind = 'will-navigate') => {
      let prevented = false;
      contents.emit(kind, { url, preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    for (const kind of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      assert.equal(navigate('https://evil.example/', kind), true, kind);
      assert.equal(navigate('file:///etc/passwd', kind), true, kind);
      assert.equal(navigate('app://lighttrack/index.html', kind), false, kind);
    }
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
    quick.emit('ready-to-show');
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

  it('answers undecodable paths with 400 and sends the security headers on errors too', async () => {
    const { record } = await started();
    const handler = record.protocolHandlers.get('app');
    for (const url of [
      'app://lighttrack/%ff',
      'app://lighttrack/%',
      'app://lighttrack/%c0%ae%c0%ae/etc/passwd',
      'app://lighttrack/a%00b',
    ]) {
      const response = await handler(new Request(url));
      assert.equal(response.status, 400, url);
      assert.match(response.headers.get('content-security-policy'), /default-src 'self'/);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(response.headers.get('cross-origin-resource-policy'), 'same-origin');
      assert.match(response.headers.get('permissions-policy'), /camera=\(\)/);
    }
    const missing = await handler(new Request('app://lighttrack/nope.js'));
    assert.equal(missing.headers.get('referrer-policy'), 'no-referrer');
  });
});

describe('Content-Security-Policy connect-src', () => {
  it("is 'self' only: no https host and no loopback port can be reached", async () => {
    const { record } = await started();
    const csp = (await record.protocolHandlers.get('app')(new Request(APP_PAGE))).headers.get(
      'content-security-policy',
    );
    assert.match(csp, /(^|; )connect-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /https:|http:|\*/);
  });

  it('adds exactly the configured AI endpoint origin, and nothing for an invalid one', async () => {
    let endpoint = 'https://api.example.com/v1/chat?key=x';
    const { record } = await started({ start: { aiEndpoint: () => endpoint } });
    const handler = record.protocolHandlers.get('app');
    const connectSrc = async () =>
      /connect-src ([^;]*)/.exec((await handler(new Request(APP_PAGE))).headers.get('content-security-policy'))[1];
    assert.equal(await connectSrc(), "'self' https://api.example.com");
    endpoint = 'http://localhost:11434/v1';
    assert.equal(await connectSrc(), "'self' http://localhost:11434");
    for (const bad of [
      'http://evil.example/v1',
      'javascript:alert(1)',
      'https://*.example.com',
      "https://a.example; script-src 'unsafe-eval'",
      'https://user:pw@api.example.com',
      'ftp://example.com',
      'not a url',
    ]) {
      endpoint = bad;
      assert.equal(await connectSrc(), "'self'", bad);
    }
  });
});

describe('permissions', () => {
  it('denies every permission request and check by default, from any origin', async () => {
    const { record, running } = await started();
    const { request, check, device } = record.permissions;
    assert.ok(request && check && device, 'all three handlers installed');
    const contents = running.mainWindow().webContents;
    for (const permission of [
      'media',
      'geolocation',
      'clipboard-read',
      'hid',
      'serial',
      'usb',
      'openExternal',
      'display-capture',
      'midiSysex',
      'fullscreen',
      'unknown',
    ]) {
      let granted;
      request(contents, permission, (value) => (granted = value), { requestingUrl: APP_PAGE });
      assert.equal(granted, false, `request ${permission}`);
      assert.equal(check(contents, permission, 'app://lighttrack', {}), false, `check ${permission}`);
    }
    assert.equal(device({ deviceType: 'hid', origin: 'app://lighttrack', device: {} }), false);
  });

  it('grants only a listed permission, and only to our own bundle', async () => {
    const { installPermissionPolicy } = await import(path.join(root, 'dist/main/app.js'));
    const { record } = createFakeElectron();
    installPermissionPolicy(
      {
        setPermissionRequestHandler: (h) => (record.permissions.request = h),
        setPermissionCheckHandler: (h) => (record.permissions.check = h),
        setDevicePermissionHandler: () => {},
      },
      new Map([['notifications', 'the idle reminder']]),
    );
    const ask = (permission, requestingUrl) => {
      let granted;
      record.permissions.request(null, permission, (value) => (granted = value), { requestingUrl });
      return granted;
    };
    assert.equal(ask('notifications', APP_PAGE), true);
    assert.equal(ask('notifications', 'https://evil.example/'), false);
    assert.equal(ask('media', APP_PAGE), false);
    assert.equal(record.permissions.check(null, 'notifications', 'app://lighttrack', {}), true);
    assert.equal(record.permissions.check(null, 'notifications', 'https://evil.example', {}), false);
  });
});

describe('fileSystem permission (exports to a picked file)', () => {
  it('is granted (beside notifications for reminders), and only to our own pages', async () => {
    const { GRANTED_PERMISSIONS } = await import(path.join(root, 'dist/main/app.js'));
    assert.deepEqual([...GRANTED_PERMISSIONS.keys()], ['fileSystem', 'notifications']);
    const { record, running } = await started();
    const contents = running.mainWindow().webContents;
    const ask = (requestingUrl) => {
      let granted;
      record.permissions.request(contents, 'fileSystem', (value) => (granted = value), {
        requestingUrl,
        fileAccessType: 'writable',
        isDirectory: false,
        filePath: '/tmp/t.csv',
      });
      return granted;
    };
    assert.equal(ask(APP_PAGE), true);
    assert.equal(ask('https://evil.example/'), false);
    assert.equal(ask('file:///etc/passwd'), false);
    assert.equal(record.permissions.check(contents, 'fileSystem', 'app://lighttrack', {}), true);
    assert.equal(record.permissions.check(contents, 'fileSystem', 'https://evil.example', {}), false);
  });
});

describe('offline and packaged builds', () => {
  it('turns spell checking off where Chromium would download dictionaries (Linux, Windows)', async () => {
    const { running, record } = await started();
    const expected = process.platform === 'darwin';
    assert.equal(running.mainWindow().options.webPreferences.spellcheck, expected);
    assert.equal(running.quickEntryWindow().options.webPreferences.spellcheck, expected);
    assert.equal(record.spellChecker, expected);
  });

  it('has DevTools only when not packaged', async () => {
    const dev = await started();
    assert.equal(dev.running.mainWindow().options.webPreferences.devTools, true);
    const packaged = await started({ isPackaged: true });
    for (const win of [packaged.running.mainWindow(), packaged.running.quickEntryWindow()]) {
      assert.equal(win.options.webPreferences.devTools, false);
    }
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

describe('secrets: honest protection, never plain-text encryption', () => {
  /** The secrets IPC on a given platform, with the fake safeStorage's backend and availability. */
  function secretsIpc(platform, options = {}) {
    const electron = createFakeElectron(options);
    const handlers = new Map();
    registerSecretsIpc(
      { handle: (channel, handler) => handlers.set(channel, handler) },
      electron.safeStorage,
      platform,
    );
    const call = (name, ...args) => handlers.get(`shell:secrets:${name}`)(ipcEvent(APP_PAGE), ...args);
    return { call, record: electron.record };
  }

  it('reports the Linux keychain in use, and says secrets are protected by it', async () => {
    const { call } = secretsIpc('linux', { storageBackend: 'kwallet6' });
    const { value } = await call('protection');
    assert.deepEqual(value, {
      protected: true,
      backend: 'kwallet6',
      reason: 'Secrets are encrypted with a key kept in KWallet 6.',
    });
    assert.deepEqual(await call('available'), { ok: true, value: true });
  });

  it('refuses to seal anything with basic_text (a built-in key), says why, and never turns on plain-text encryption', async () => {
    const { call, record } = secretsIpc('linux', { storageBackend: 'basic_text', encryptionAvailable: true });
    const { value } = await call('protection');
    assert.equal(value.protected, false);
    assert.equal(value.backend, 'basic_text');
    assert.match(value.reason, /no OS keychain \(GNOME Keyring or KWallet\) was found/);
    assert.deepEqual(await call('available'), { ok: true, value: false });
    const sealed = await call('encrypt', 'sk-secret');
    assert.equal(sealed.ok, false);
    assert.equal(sealed.error.code, 'UNAVAILABLE');
    assert.equal(sealed.error.message, value.reason);
    assert.equal((await call('decrypt', 'djEx')).error.code, 'UNAVAILABLE');
    assert.deepEqual(record.plainTextEncryption, [], 'setUsePlainTextEncryption was never called');
  });

  it('says why in words when the keychain is unavailable or not chosen yet', async () => {
    assert.match(
      (await secretsIpc('linux', { encryptionAvailable: false }).call('protection')).value.reason,
      /GNOME keyring \(libsecret\) is not available/,
    );
    assert.match(
      (await secretsIpc('linux', { storageBackend: 'unknown' }).call('protection')).value.reason,
      /not been chosen/,
    );
    assert.match(
      (await secretsIpc('darwin', { encryptionAvailable: false }).call('protection')).value.reason,
      /macOS Keychain is not available/,
    );
    assert.deepEqual((await secretsIpc('win32').call('protection')).value.backend, 'dpapi');
  });

  it('caps secrets at 64 KiB of UTF-8, and whatever it seals it can open again', async () => {
    const { call } = secretsIpc('linux');
    // 600,000 "€" are 1.8 MB of UTF-8: they used to encrypt and then fail the ciphertext limit on the way back
    const euros = await call('encrypt', '€'.repeat(600_000));
    assert.equal(euros.error.code, 'VALIDATION');
    assert.match(euros.error.message, /at most 64 KiB as UTF-8/);
    for (const text of ['€'.repeat(21_845), '😀'.repeat(16_384), 'x'.repeat(65_536), 'é'.repeat(32_768)]) {
      const sealed = await call('encrypt', text);
      assert.equal(sealed.ok, true, `${text.length} units`);
      assert.deepEqual(await call('decrypt', sealed.value), { ok: true, value: text });
    }
    for (const text of ['😀'.repeat(16_384) + 'a', '€'.repeat(21_846), 'x'.repeat(65_537), '\ud800'.repeat(21_846)]) {
      assert.equal((await call('encrypt', text)).error.code, 'VALIDATION', `${text.length} units`);
    }
    assert.equal((await call('decrypt', 'A'.repeat(100_000))).error.code, 'VALIDATION');
  });
});

describe('presence (powerMonitor → windows)', () => {
  it('forwards suspend/resume and lock/unlock to every window', async () => {
    const { electron, running } = await started();
    electron.powerMonitor.emit('suspend');
    electron.powerMonitor.emit('unlock-screen');
    for (const win of [running.mainWindow(), running.quickEntryWindow()]) {
      assert.deepEqual(
        win.webContents.sent.map(([channel, e]) => `${channel}:${e.kind}`),
        ['shell:presence:suspend', 'shell:presence:unlock'],
      );
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

  it('takes the idle threshold from the renderer, checked, and says in words which sources work', async () => {
    const { electron, running, record } = await started({ start: { presence: { idleThresholdS: 600, pollMs: 5 } } });
    const threshold = record.ipc.get('shell:presence:idle-threshold');
    for (const bad of ['60', -1, 1.5, 10 ** 9]) {
      assert.equal((await threshold(ipcEvent(APP_PAGE), bad)).error.code, 'VALIDATION', String(bad));
    }
    assert.equal((await threshold(ipcEvent('https://evil.example/'), 60)).error.code, 'FORBIDDEN');
    assert.deepEqual(await threshold(ipcEvent(APP_PAGE), 60), { ok: true, value: null });
    electron.powerMonitor.idleSeconds = 61; // past the new threshold, far under the old one
    await new Promise((r) => setTimeout(r, 30));
    assert.deepEqual(
      running.mainWindow().webContents.sent.map(([, e]) => e.kind),
      ['idle'],
    );
    const sources = await record.ipc.get('shell:presence:sources')(ipcEvent(APP_PAGE));
    assert.equal(sources.ok, true);
    assert.deepEqual(
      sources.value.map((s) => s.kind),
      ['idle', 'lock', 'suspend', 'clock-jump'],
    );
  });

  it('no idle time on Wayland outside GNOME and KDE, no lock events on Linux: said in words', () => {
    const sway = presenceSources('linux', { XDG_SESSION_TYPE: 'wayland', XDG_CURRENT_DESKTOP: 'sway' });
    assert.deepEqual(sway[0], {
      kind: 'idle',
      available: 'no',
      words: 'Idle time is not available on this Wayland session (only GNOME and KDE report it).',
    });
    assert.equal(sway[1].available, 'no');
    assert.match(sway[1].words, /not reported on Linux/);
    assert.equal(
      presenceSources('linux', { XDG_SESSION_TYPE: 'wayland', XDG_CURRENT_DESKTOP: 'GNOME' })[0].available,
      'yes',
    );
    assert.equal(presenceSources('linux', { XDG_SESSION_TYPE: 'x11' })[0].available, 'yes');
    assert.equal(presenceSources('darwin', {})[1].available, 'yes');
  });
});

describe('tray timer (state from the main window, commands back to it)', () => {
  const ID = '0190c3f2-7c1a-7000-8000-000000000001';
  const state = (over = {}) => ({
    running: { name: 'Write report', startTime: Date.now() - 65 * 60_000, pausedMs: 0, pauseStartedAt: null },
    recent: [
      { id: ID, name: 'Emails' },
      { id: '0190c3f2-7c1a-7000-8000-000000000002', name: 'Standup' },
    ],
    ...over,
  });
  const labels = (tray) => tray.menu.items.map((i) => i.label ?? `—${i.type}`);

  it('shows the running session and its elapsed time, and the last sessions to continue', async () => {
    const { electron, running, record } = await started();
    const [tray] = electron.Tray.all.slice(-1);
    assert.equal(tray.toolTip, 'LightTrack — no timer running');
    assert.deepEqual(labels(tray).slice(0, 1), ['Start a timer…']);
    const reply = await record.ipc.get('shell:tray:state')(ipcEvent(APP_PAGE), state());
    assert.deepEqual(reply, { ok: true, value: null });
    assert.equal(tray.toolTip, 'Write report — 1:05');
    assert.deepEqual(labels(tray), [
      'Stop “Write report” (1:05)',
      '—separator',
      'Continue',
      'Emails',
      'Standup',
      '—separator',
      'Quick entry…',
      'Open LightTrack',
      '—separator',
      'Quit',
    ]);
    const item = (label) => tray.menu.items.find((i) => i.label === label);
    item('Stop “Write report” (1:05)').click();
    item('Emails').click();
    const sent = running.mainWindow().webContents.sent.filter(([c]) => c === 'shell:tray:command');
    assert.deepEqual(
      sent.map(([, c]) => c),
      [{ kind: 'stop' }, { kind: 'continue', id: ID }],
    );
    running.mainWindow().hide();
    item('Open LightTrack').click();
    assert.equal(running.mainWindow().isVisible(), true);
    item('Quit').click();
    assert.equal(record.quit, 1);
    running.tray().destroy();
  });

  it('refuses a state that is not one, or that comes from a foreign page, and changes nothing', async () => {
    const { electron, record, running } = await started();
    const [tray] = electron.Tray.all.slice(-1);
    const send = (payload, url = APP_PAGE) => record.ipc.get('shell:tray:state')(ipcEvent(url), payload);
    const bad = [
      { running: { name: 5, startTime: 0, pausedMs: 0, pauseStartedAt: null }, recent: [] },
      { ...state(), extra: true },
      state({ recent: Array.from({ length: 6 }, () => ({ id: ID, name: 'x' })) }),
      state({ recent: [{ id: 'not-a-uuid', name: 'x' }] }),
      'running',
    ];
    for (const payload of bad) assert.equal((await send(payload)).error.code, 'VALIDATION', JSON.stringify(payload));
    assert.equal((await send(state(), 'https://evil.example/')).error.code, 'FORBIDDEN');
    assert.equal(tray.toolTip, 'LightTrack — no timer running');
    running.tray().destroy();
  });

  it('puts the elapsed time in the macOS menu bar, and says when the timer is paused', () => {
    const electron = createFakeElectron();
    let now = 1_000_000_000;
    const tray = new TrayTimer(
      electron,
      { send() {}, quickEntry() {}, open() {}, quit() {} },
      {
        platform: 'darwin',
        now: () => now,
      },
    );
    const fake = electron.Tray.all.at(-1);
    assert.equal(fake.title, '');
    tray.update(
      state({
        running: { name: 'Deep work', startTime: now - 2 * 3_600_000, pausedMs: 600_000, pauseStartedAt: null },
      }),
    );
    assert.equal(fake.title, ' 1:50');
    now += 5 * 60_000;
    tray.render();
    assert.equal(fake.title, ' 1:55');
    tray.update(
      state({ running: { name: 'Deep work', startTime: now - 3_600_000, pausedMs: 0, pauseStartedAt: now - 600_000 } }),
    );
    assert.equal(fake.title, ' 0:50 (paused)');
    assert.ok(fake.image.png.length > 100, 'an icon');
    tray.destroy();
    assert.equal(fake.destroyed, true);
  });
});

describe('assistant endpoints: main validates them and the CSP allows exactly their origins', () => {
  it('widens connect-src to the origins the renderer sent, refuses a bad list whole, and only from our pages', async () => {
    const { record } = await started();
    const handler = record.protocolHandlers.get('app');
    const connectSrc = async () =>
      /connect-src ([^;]*)/.exec((await handler(new Request(APP_PAGE))).headers.get('content-security-policy'))[1];
    const allow = (url, ...args) => record.ipc.get('shell:ai:allow-endpoints')(ipcEvent(url), ...args);
    assert.equal(await connectSrc(), "'self'");
    const ok = await allow(APP_PAGE, [
      'https://api.openai.com/v1',
      'http://localhost:11434/v1',
      'https://api.openai.com/v2',
    ]);
    assert.deepEqual(ok, { ok: true, value: ['https://api.openai.com', 'http://localhost:11434'] });
    assert.equal(await connectSrc(), "'self' https://api.openai.com http://localhost:11434");
    for (const bad of [
      ['http://evil.example/v1'],
      ["https://a.example; script-src 'unsafe-eval'"],
      ['https://*.example.com'],
      ['https://user:pw@api.example.com'],
      Array.from({ length: 21 }, (_, i) => `https://h${i}.example`),
      'https://api.example.com',
    ]) {
      const reply = await allow(APP_PAGE, bad);
      assert.equal(reply.ok, false, JSON.stringify(bad));
      assert.equal(reply.error.code, 'VALIDATION');
      assert.equal(await connectSrc(), "'self' https://api.openai.com http://localhost:11434");
    }
    const foreign = await allow('https://evil.example/', ['https://evil.example']);
    assert.equal(foreign.error.code, 'FORBIDDEN');
    assert.deepEqual((await allow(APP_PAGE, [])).value, []);
    assert.equal(await connectSrc(), "'self'");
  });
});
