import { expect } from 'chai';

import { FakeClock } from '../../../../renderer/services/away/clock.ts';
import { WebPresence } from '../../../../renderer/shell/web-presence.ts';
import { WebSecretStore } from '../../../../renderer/shell/web-secrets.ts';
import { createWebShell } from '../../../../renderer/shell/web-shell.ts';
import type { PresenceEvent } from '../../../../shared/shell-contract.ts';
import { rejection } from '../../harness/worker-harness.ts';

describe('web shell: secrets (WebCrypto, non-extractable key)', () => {
  it('says honestly that its key is not in an OS keychain', async () => {
    const store = new WebSecretStore();
    expect(await store.protection()).to.deep.equal({
      protected: false,
      backend: 'browser-profile',
      reason: 'Secrets are encrypted with a key kept in this browser profile, not in an OS keychain.',
    });
    expect(await store.isAvailable()).to.equal(false);
  });

  it('caps secrets at 64 KiB of UTF-8 and opens whatever it sealed', async () => {
    const store = new WebSecretStore();
    expect((await rejection(store.encrypt('€'.repeat(600_000)))).code).to.equal('VALIDATION');
    expect((await rejection(store.encrypt('😀'.repeat(16_384) + 'a'))).code).to.equal('VALIDATION');
    for (const text of ['€'.repeat(21_845), '😀'.repeat(16_384)]) {
      expect(await store.decrypt(await store.encrypt(text))).to.equal(text);
    }
  });

  it('round-trips a secret and never stores plain text', async () => {
    const store = new WebSecretStore();
    const sealed = await store.encrypt('sk-live-123');
    expect(sealed).to.not.contain('sk-live-123');
    expect(await store.decrypt(sealed)).to.equal('sk-live-123');
    expect(await store.encrypt('sk-live-123')).to.not.equal(sealed); // fresh IV every time
    // a second store (another window) uses the same persisted key
    expect(await new WebSecretStore().decrypt(sealed)).to.equal('sk-live-123');
  });

  it('keeps its key non-extractable', async () => {
    await new WebSecretStore().encrypt('x');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lighttrack-shell');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const key = await new Promise<CryptoKey>((resolve) => {
      const req = db.transaction('keys').objectStore('keys').get('secrets-v1');
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    expect(key.extractable).to.equal(false);
    const err = await rejection(crypto.subtle.exportKey('raw', key));
    expect(err).to.be.instanceOf(DOMException);
  });

  it('rejects tampered or malformed ciphertext with a VALIDATION error', async () => {
    const store = new WebSecretStore();
    const sealed = await store.encrypt('secret');
    const bytes = atob(sealed);
    const tampered = btoa(bytes.slice(0, -1) + String.fromCharCode(bytes.charCodeAt(bytes.length - 1) ^ 1));
    expect((await rejection(store.decrypt(tampered))).code).to.equal('VALIDATION');
    expect((await rejection(store.decrypt('not base64!'))).code).to.equal('VALIDATION');
    expect((await rejection(store.decrypt(42 as unknown as string))).code).to.equal('VALIDATION');
  });
});

describe('web shell: presence (input, visibility, frozen timers) on a fake clock', () => {
  const setup = (idleThresholdMs = 60_000) => {
    const clock = new FakeClock(1_000_000);
    const target = new EventTarget();
    const visibility = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    const presence = new WebPresence({ idleThresholdMs, tickMs: 1000, target, visibility, clock });
    const events: PresenceEvent[] = [];
    const stop = presence.subscribe((e) => events.push(e));
    return { clock, target, visibility, presence, events, stop };
  };

  it('reports idle after the threshold without input, and active on the next input', () => {
    const { clock, target, events, stop } = setup();
    clock.advance(30_000);
    target.dispatchEvent(new Event('keydown'));
    clock.advance(59_000);
    expect(events).to.deep.equal([]);
    clock.advance(1000);
    expect(events).to.deep.equal([{ kind: 'idle', at: 1_030_000 }]);
    clock.advance(5000);
    target.dispatchEvent(new Event('pointermove'));
    expect(events[1]).to.deep.equal({ kind: 'active', at: clock.wall() });
    stop();
  });

  it('a return to the tab (visible again, or focus) ends idle; the threshold follows Settings', () => {
    const { clock, target, visibility, presence, events, stop } = setup();
    presence.setIdleThreshold(10_000);
    clock.advance(10_000);
    expect(events.map((e) => e.kind)).to.deep.equal(['idle']);
    visibility.visibilityState = 'hidden';
    visibility.dispatchEvent(new Event('visibilitychange'));
    expect(events).to.have.length(1);
    visibility.visibilityState = 'visible';
    visibility.dispatchEvent(new Event('visibilitychange'));
    expect(events.map((e) => e.kind)).to.deep.equal(['idle', 'active']);
    clock.advance(10_000);
    target.dispatchEvent(new Event('focus'));
    expect(events.map((e) => e.kind)).to.deep.equal(['idle', 'active', 'idle', 'active']);
    stop();
  });

  it('reports suspend and resume when every timer was frozen (the machine slept)', () => {
    const { clock, events, stop } = setup(10 * 3_600_000);
    clock.advance(1000);
    clock.freeze(2 * 3_600_000); // the laptop slept for two hours
    clock.advance(1000);
    expect(events).to.deep.equal([
      { kind: 'suspend', at: 1_001_000 },
      { kind: 'resume', at: 1_001_000 + 2 * 3_600_000 }, // the overdue tick runs on waking
    ]);
    stop();
  });

  it('says in words what it cannot tell', async () => {
    const sources = await createWebShell().presenceSources();
    expect(sources.find((s) => s.kind === 'lock')).to.deep.include({ available: 'no' });
    expect(sources.find((s) => s.kind === 'idle')?.words).to.match(/this tab/);
  });
});
