// The quick-entry window in the main process, against the fake electron: shown only once painted, centred on the
// display under the pointer and focused; hidden on blur and when its page asks; a taken shortcut reported in words.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { createFakeElectron, ipcEvent } from './fake-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { startApp } = await import(path.join(root, 'dist/main/app.js'));
const tick = () => new Promise((r) => setImmediate(r));
const SHORTCUT = 'CommandOrControl+Shift+Space';

async function started(options = {}, start = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'lt-renderer-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  const electron = createFakeElectron(options);
  const running = startApp(electron, { rendererDir: dir, preloadPath: '/app/preload.cjs', ...start });
  await tick();
  return { electron, running, record: electron.record, quick: running.quickEntryWindow() };
}

function invoke(record, channel, sender, url = 'app://lighttrack/quick-entry.html', ...args) {
  return record.ipc.get(channel)({ ...ipcEvent(url), sender }, ...args);
}

describe('quick-entry window', () => {
  it('never shows before its page has painted: a shortcut pressed earlier shows it on ready-to-show', async () => {
    const { record, quick } = await started();
    assert.equal(quick.options.show, false);
    assert.ok(quick.options.backgroundColor, 'a background colour, never the default white flash');
    record.shortcuts.get(SHORTCUT)();
    assert.equal(quick.isVisible(), false, 'not shown while the page loads');
    quick.emit('ready-to-show');
    assert.equal(quick.isVisible(), true);
    assert.equal(quick.isFocused(), true);
  });

  it('shows centred on the display under the pointer, focused, with the page focused', async () => {
    const { electron, record, quick } = await started();
    quick.emit('ready-to-show');
    record.shortcuts.get(SHORTCUT)();
    const [w, h] = quick.getSize();
    assert.deepEqual(quick.position, [Math.round(1920 + (2560 - w) / 2), Math.round((1400 - h) / 3)]);
    assert.equal(quick.webContents.focused, true);
    quick.hide();
    electron.screen.cursor = { x: 100, y: 100 };
    record.shortcuts.get(SHORTCUT)();
    assert.deepEqual(quick.position, [Math.round((1920 - w) / 2), Math.round((1040 - h) / 3)]);
  });

  it('hides when it loses focus, when the shortcut is pressed again, and when its page asks (Esc, Enter)', async () => {
    const { record, quick, running } = await started();
    quick.emit('ready-to-show');
    const press = record.shortcuts.get(SHORTCUT);
    press();
    quick.emit('blur');
    assert.equal(quick.isVisible(), false);
    press();
    press();
    assert.equal(quick.isVisible(), false);
    press();
    const reply = await invoke(record, 'shell:quick-entry:hide', quick.webContents);
    assert.deepEqual(reply, { ok: true, value: null });
    assert.equal(quick.isVisible(), false);
    // the main window asking does not hide it; a foreign page is refused
    press();
    await invoke(record, 'shell:quick-entry:hide', running.mainWindow().webContents, 'app://lighttrack/index.html');
    assert.equal(quick.isVisible(), true);
    const foreign = await invoke(record, 'shell:quick-entry:hide', quick.webContents, 'https://evil.example/');
    assert.equal(foreign.ok, false);
    assert.equal(foreign.error.code, 'FORBIDDEN');
    assert.equal(quick.isVisible(), true);
  });

  it('uses the shortcut from settings', async () => {
    const { record } = await started({}, { quickEntryShortcut: 'Alt+Q' });
    assert.ok(record.shortcuts.get('Alt+Q'));
    assert.equal(record.shortcuts.has(SHORTCUT), false);
  });

  it('reports a shortcut another app holds, in words, to the main window', async () => {
    const { record, running } = await started({ shortcutTaken: true });
    const reply = await invoke(
      record,
      'shell:quick-entry:shortcut',
      running.mainWindow().webContents,
      'app://lighttrack/index.html',
    );
    assert.equal(reply.ok, true);
    assert.equal(reply.value.registered, false);
    assert.equal(reply.value.accelerator, SHORTCUT);
    assert.match(reply.value.message, /could not be registered: another application already uses it/);
  });

  it('reports an invalid shortcut from settings instead of crashing the main process', async () => {
    const { record, running } = await started({}, { quickEntryShortcut: 'Ctrl+!!' });
    const reply = await invoke(
      record,
      'shell:quick-entry:shortcut',
      running.mainWindow().webContents,
      'app://lighttrack/index.html',
    );
    assert.equal(reply.value.registered, false);
    assert.match(reply.value.message, /not a valid shortcut/);
  });

  it('moves the shortcut when Settings change it, keeping the old one when the new one cannot be had', async () => {
    const { record, running } = await started();
    const main = running.mainWindow().webContents;
    const moved = await invoke(record, 'shell:quick-entry:set-shortcut', main, 'app://lighttrack/index.html', 'Alt+Q');
    assert.deepEqual(moved.value, { accelerator: 'Alt+Q', registered: true, message: null });
    assert.deepEqual([...record.shortcuts.keys()], ['Alt+Q']);
    const bad = await invoke(record, 'shell:quick-entry:set-shortcut', main, 'app://lighttrack/index.html', 'Ctrl+!!');
    assert.equal(bad.value.registered, false);
    assert.match(bad.value.message, /not a valid shortcut.*Alt\+Q still works/);
    assert.deepEqual([...record.shortcuts.keys()], ['Alt+Q']);
    const status = await invoke(record, 'shell:quick-entry:shortcut', main, 'app://lighttrack/index.html');
    assert.equal(status.value.accelerator, 'Alt+Q');
    const wrongType = await invoke(record, 'shell:quick-entry:set-shortcut', main, 'app://lighttrack/index.html', 42);
    assert.equal(wrongType.error.code, 'VALIDATION');
    const foreign = await invoke(record, 'shell:quick-entry:set-shortcut', main, 'https://evil.example/', 'Alt+W');
    assert.equal(foreign.error.code, 'FORBIDDEN');
    assert.deepEqual([...record.shortcuts.keys()], ['Alt+Q']);
  });

  it('says the shortcut works when it registered', async () => {
    const { record, running } = await started();
    const reply = await invoke(
      record,
      'shell:quick-entry:shortcut',
      running.mainWindow().webContents,
      'app://lighttrack/index.html',
    );
    assert.deepEqual(reply.value, { accelerator: SHORTCUT, registered: true, message: null });
  });
});
