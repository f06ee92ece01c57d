import { base64ToBytes, bytesToBase64 } from '../../shared/base64.ts';
import { AppError } from '../../shared/errors.ts';
import {
  CipherTextSchema,
  PlainTextSchema,
  type SecretProtection,
  type SecretStore,
} from '../../shared/shell-contract.ts';
import { parse } from '../../shared/validate.ts';

const DB_NAME = 'lighttrack-shell';
const STORE = 'keys';
const KEY_ID = 'secrets-v1';
const IV_BYTES = 12;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function openKeyDb(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

/**
 * Web stand-in for Electron's safeStorage: an AES-GCM key that is generated once, kept in IndexedDB as a
 * non-extractable CryptoKey (script can use it but never read its bytes), and used to seal secrets. Like safeStorage
 * it only encrypts and decrypts; callers store the ciphertext. It is honest about what that is worth: the key sits in
 * the browser profile on disk, not in an OS keychain, so whoever can read the profile can use it. isAvailable() is
 * therefore false (no OS-protected storage here), although encrypt() works.
 */
export class WebSecretStore implements SecretStore {
  #key: Promise<CryptoKey> | null = null;

  async isAvailable(): Promise<boolean> {
    return (await this.protection()).protected;
  }

  async protection(): Promise<SecretProtection> {
    if (typeof crypto?.subtle === 'undefined' || typeof indexedDB === 'undefined') {
      return {
        protected: false,
        backend: 'none',
        reason: 'Secrets cannot be saved: this browser offers no WebCrypto or IndexedDB here.',
      };
    }
    return {
      protected: false,
      backend: 'browser-profile',
      reason: 'Secrets are encrypted with a key kept in this browser profile, not in an OS keychain.',
    };
  }

  async encrypt(plainText: string): Promise<string> {
    const text = parse(PlainTextSchema, plainText, 'secret');
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      await this.#getKey(),
      new TextEncoder().encode(text),
    );
    const out = new Uint8Array(IV_BYTES + sealed.byteLength);
    out.set(iv);
    out.set(new Uint8Array(sealed), IV_BYTES);
    return bytesToBase64(out);
  }

  async decrypt(cipherText: string): Promise<string> {
    const bytes = base64ToBytes(parse(CipherTextSchema, cipherText, 'ciphertext'));
    if (bytes.length <= IV_BYTES) throw new AppError('VALIDATION', 'Invalid ciphertext: too short');
    try {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES) },
        await this.#getKey(),
        bytes.subarray(IV_BYTES),
      );
      return new TextDecoder().decode(plain);
    } catch {
      throw new AppError('VALIDATION', 'Invalid ciphertext: it was not sealed by this app or has been altered');
    }
  }

  #getKey(): Promise<CryptoKey> {
    this.#key ??= (async () => {
      const db = await openKeyDb();
      try {
        const existing = await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID));
        if (existing instanceof CryptoKey) return existing;
        const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
        // add() (not put) so that two windows racing here keep the first key and the loser re-reads it.
        try {
          await request(db.transaction(STORE, 'readwrite').objectStore(STORE).add(key, KEY_ID));
          return key;
        } catch {
          const winner = await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID));
          if (winner instanceof CryptoKey) return winner;
          throw new AppError('UNAVAILABLE', 'Could not store the encryption key');
        }
      } finally {
        db.close();
      }
    })().catch((error: unknown) => {
      this.#key = null;
      throw error;
    });
    return this.#key;
  }
}
