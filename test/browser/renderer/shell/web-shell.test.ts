import { expect } from 'chai';

import { WebPresence } from '../../../../renderer/shell/web-presence.ts';
import { WebSecretStore } from '../../../../renderer/shell/web-secrets.ts';
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

describe('web shell: presence (input events and clock jumps)', () => {
  it('reports idle after the threshold without input, and active on the next input', () => {
    let now = 1_000_000;
    const target = new EventTarget();
    const presence = new WebPresence({ idleThresholdMs: 60_000, tickMs: 1000, target, now: () => now });
    const events: PresenceEvent[] = [];
    const stop = presence.subscribe((e) => events.push(e));
    for (let i = 0; i < 30; i++) {
      now += 1000;
      presence.tick();
    }
    target.dispatchEvent(new Event('keydown'));
    for (let i = 0; i < 59; i++) {
      now += 1000;
      presence.tick();
    }
    expect(events).to.deep.equal([]);
    now += 1000;
    presence.tick();
    expect(events).to.deep.equal([{ kind: 'idle', at: 1_030_000 }]);
    now += 5000;
    target.dispatchEvent(new Event('pointermove'));
    expect(events[1]).to.deep.equal({ kind: 'active', at: now });
    stop();
  });

  it('reports suspend and resume when the clock jumps between ticks', () => {
    let now = 5_000_000;
    const presence = new WebPresence({
      idleThresholdMs: 10 * 3_600_000,
      tickMs: 1000,
      target: new EventTarget(),
      now: () => now,
    });
    const events: PresenceEvent[] = [];
    const stop = presence.subscribe((e) => events.push(e));
    now += 1000;
    presence.tick();
    now += 2 * 3_600_000; // the laptop slept for two hours
    presence.tick();
    expect(events).to.deep.equal([
      { kind: 'suspend', at: 5_001_000 },
      { kind: 'resume', at: now },
    ]);
    stop();
  });
});
