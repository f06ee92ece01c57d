import * as v from 'valibot';

import { CipherTextSchema, type SecretStore } from '../../shared/shell-contract.ts';

const DB_NAME = 'lighttrack-ai-keys';
const STORE = 'sealed';
/** The Jira token's own database (a separate one: clearing the assistant's keys never takes the Jira token along). */
export const JIRA_TOKEN_DB = 'lighttrack-jira-token';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function open(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return request(req);
}

/**
 * The assistant's API keys, sealed by the shell's secrets (safeStorage in Electron, a non-extractable browser key on
 * the web) and kept as ciphertext in this origin's IndexedDB, per endpoint id. So a key is never in the database file,
 * its backups, an export, the settings or the error log: those only ever say whether an endpoint has a key.
 */
export class AiKeyStore {
  constructor(
    private readonly secrets: SecretStore,
    /** the Jira token is kept the same way, in JIRA_TOKEN_DB */
    private readonly dbName: string = DB_NAME,
  ) {}

  async get(endpointId: string): Promise<string | null> {
    const db = await open(this.dbName);
    try {
      const sealed: unknown = await request(db.transaction(STORE).objectStore(STORE).get(endpointId));
      if (!v.is(CipherTextSchema, sealed)) return null;
      return await this.secrets.decrypt(sealed);
    } finally {
      db.close();
    }
  }

  /** Seals and keeps the key (null or empty removes it). */
  async set(endpointId: string, key: string | null): Promise<void> {
    const sealed = key ? await this.secrets.encrypt(key) : null;
    const db = await open(this.dbName);
    try {
      const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
      if (sealed === null) await request(store.delete(endpointId));
      else await request(store.put(sealed, endpointId));
    } finally {
      db.close();
    }
  }
}

/**
 * The origins this page may connect to, read from its own Content-Security-Policy header: the web shell's server is
 * started with the assistant's endpoints (Electron's main adds them when Settings change), and the view says so
 * when an endpoint's origin is not among them.
 */
export async function allowedConnectOrigins(): Promise<string[] | null> {
  try {
    const res = await fetch(location.href, { method: 'HEAD', cache: 'no-store' });
    const csp = res.headers.get('content-security-policy');
    if (!csp) return null;
    const directive = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('connect-src '));
    return directive
      ? directive
          .split(/\s+/)
          .slice(1)
          .filter((s) => s !== "'self'")
      : [];
  } catch {
    return null;
  }
}
