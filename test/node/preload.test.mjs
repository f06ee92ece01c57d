// The built preload (dist/preload/preload.cjs) against a fake renderer-side electron module.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { createFakePreloadElectron } from './fake-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const preloadPath = path.join(root, 'dist/preload/preload.cjs');

/** Loads a fresh copy of the preload bundle with `require('electron')` answered by the fake. */
function loadPreload() {
  const fake = createFakePreloadElectron();
  const electronId = require.resolve('electron');
  require.cache[electronId] = { id: electronId, filename: electronId, loaded: true, exports: fake.module };
  delete require.cache[preloadPath];
  require(preloadPath);
  return fake;
}

describe('preload bridge', () => {
  let fake;
  beforeEach(() => {
    fake = loadPreload();
  });

  it('exposes exactly one object, lighttrack.shell, with secrets and presence', () => {
    assert.deepEqual(Object.keys(fake.exposed), ['lighttrack']);
    assert.deepEqual(Object.keys(fake.exposed.lighttrack), ['shell']);
    const { shell } = fake.exposed.lighttrack;
    assert.deepEqual(Object.keys(shell.secrets).sort(), ['decrypt', 'encrypt', 'isAvailable', 'protection']);
    assert.equal(typeof shell.onPresence, 'function');
  });

  it('invokes the secrets channels and returns their values', async () => {
    fake.setReply((channel, text) => ({ ok: true, value: channel === 'shell:secrets:encrypt' ? `c2VhbGVk` : text }));
    const { shell } = fake.exposed.lighttrack;
    assert.equal(await shell.secrets.encrypt('hello'), 'c2VhbGVk');
    assert.deepEqual(fake.invocations[0], ['shell:secrets:encrypt', 'hello']);
  });

  it('asks main how secrets are protected and validates the answer', async () => {
    const answer = { protected: false, backend: 'basic_text', reason: 'Secrets cannot be saved: no OS keychain.' };
    fake.setReply(() => ({ ok: true, value: answer }));
    const { shell } = fake.exposed.lighttrack;
    assert.deepEqual(await shell.secrets.protection(), answer);
    assert.deepEqual(fake.invocations[0], ['shell:secrets:protection']);
    fake.setReply(() => ({ ok: true, value: { protected: 'yes' } }));
    await assert.rejects(shell.secrets.protection(), { code: 'VALIDATION' });
  });

  it('turns an error reply into an AppError with its code', async () => {
    fake.setReply(() => ({ ok: false, error: { name: 'AppError', code: 'FORBIDDEN', message: 'nope' } }));
    await assert.rejects(fake.exposed.lighttrack.shell.secrets.decrypt('abc='), { code: 'FORBIDDEN', message: 'nope' });
  });

  it('rejects a malformed reply from main with a VALIDATION error', async () => {
    fake.setReply(() => ({ ok: true, value: 42 }));
    await assert.rejects(fake.exposed.lighttrack.shell.secrets.encrypt('x'), { code: 'VALIDATION' });
    fake.setReply(() => 'garbage');
    await assert.rejects(fake.exposed.lighttrack.shell.secrets.isAvailable(), { code: 'VALIDATION' });
  });

  it('passes valid presence events to listeners, drops malformed ones, and unsubscribes', () => {
    const seen = [];
    const stop = fake.exposed.lighttrack.shell.onPresence((e) => seen.push(e));
    fake.emit('shell:presence', { kind: 'idle', at: 1000 });
    fake.emit('shell:presence', { kind: 'reboot', at: 1000 });
    fake.emit('shell:presence', { kind: 'active', at: 'soon' });
    stop();
    fake.emit('shell:presence', { kind: 'active', at: 2000 });
    assert.deepEqual(seen, [{ kind: 'idle', at: 1000 }]);
  });

  it('asks main which presence sources work (answer validated) and sends the idle threshold', async () => {
    const { shell } = fake.exposed.lighttrack;
    const answer = [{ kind: 'lock', available: 'no', words: 'Screen locks are not reported on Linux.' }];
    fake.setReply(() => ({ ok: true, value: answer }));
    assert.deepEqual(await shell.presenceSources(), answer);
    assert.deepEqual(fake.invocations[0], ['shell:presence:sources']);
    fake.setReply(() => ({ ok: true, value: [{ kind: 'telepathy', available: 'yes', words: '' }] }));
    await assert.rejects(shell.presenceSources(), { code: 'VALIDATION' });
    fake.setReply(() => ({ ok: true, value: null }));
    shell.setIdleThreshold(600);
    assert.deepEqual(fake.invocations.at(-1), ['shell:presence:idle-threshold', 600]);
  });

  it('sends the tray its state and passes on only well-formed tray commands', () => {
    const { shell } = fake.exposed.lighttrack;
    fake.setReply(() => ({ ok: true, value: null }));
    const state = { running: null, recent: [] };
    shell.setTrayState(state);
    assert.deepEqual(fake.invocations.at(-1), ['shell:tray:state', state]);
    const seen = [];
    const stop = shell.onTrayCommand((c) => seen.push(c));
    fake.emit('shell:tray:command', { kind: 'stop' });
    fake.emit('shell:tray:command', { kind: 'delete-everything' });
    fake.emit('shell:tray:command', { kind: 'continue', id: 'x' });
    fake.emit('shell:tray:command', { kind: 'continue', id: '0190c3f2-7c1a-7000-8000-000000000001' });
    stop();
    fake.emit('shell:tray:command', { kind: 'stop' });
    assert.deepEqual(seen, [{ kind: 'stop' }, { kind: 'continue', id: '0190c3f2-7c1a-7000-8000-000000000001' }]);
  });
});
