import * as Comlink from 'comlink';
import * as v from 'valibot';

import { OWNER_METHODS, type OwnerApi } from '../../../shared/data-contract.ts';
import { AppError } from '../../../shared/errors.ts';

/**
 * One owner per database file. Every window (main, quick entry, later the export and AI workers) has its own data
 * worker, but only the worker holding the Web Lock `lighttrack-owner:<file>` opens the file; the others forward
 * their calls to it over a BroadcastChannel pair. Why one owner rather than a connection per worker:
 *  - The VFS can then keep the file with locking_mode=EXCLUSIVE, which is what lets SQLite use WAL without shared
 *    memory: a committed timer start costs ~5-7 ms instead of ~15 ms (npm run bench prints the matrix).
 *  - Nothing races at start-up: several OPFSCoopSyncVFS connections opening and migrating one fresh file at once
 *    failed about one round in three; now exactly one worker opens and migrates, the others wait for its answer.
 *  - Backup, restore and "start fresh" replace the file under a single connection that they can close.
 * When the owner's window closes, its worker ends, the lock passes to a waiting worker and the proxies re-elect:
 * calls in flight at that moment fail with UNAVAILABLE (they may or may not have been committed); later calls work.
 */

export const ownerLockName = (file: string) => `lighttrack-owner:${file}`;
const helloChannelName = (file: string) => `lighttrack-owner-hello:${file}`;
const rpcChannelName = (file: string, clientId: string) => `lighttrack-rpc:${file}:${clientId}`;

const HelloSchema = v.variant('type', [
  v.object({ type: v.literal('hello'), clientId: v.pipe(v.string(), v.uuid()) }),
  v.object({ type: v.literal('welcome'), clientId: v.pipe(v.string(), v.uuid()), lifeLock: v.string() }),
]);

/** Takes a Web Lock now if it is free; resolves with its release function, or null when someone holds it. */
export function tryLock(name: string): Promise<(() => void) | null> {
  return new Promise((resolve, reject) => {
    navigator.locks
      .request(name, { ifAvailable: true }, (lock) => {
        if (!lock) return resolve(null);
        return new Promise<void>((release) => resolve(release));
      })
      .catch(reject);
  });
}

/** Serves the owner's API to proxies: answers hellos (once `ready` settles) and exposes the API per client. */
export class OwnerHost {
  readonly #hello: BroadcastChannel;
  readonly #clients = new Map<string, BroadcastChannel>();
  readonly #lifeLock = `lighttrack-owner-life:${crypto.randomUUID()}`;
  #releaseLife: (() => void) | null = null;

  constructor(
    private readonly file: string,
    private readonly api: OwnerApi,
    ready: Promise<unknown>,
  ) {
    this.#hello = new BroadcastChannel(helloChannelName(file));
    const lifeHeld = tryLock(this.#lifeLock).then((release) => (this.#releaseLife = release));
    this.#hello.onmessage = (event: MessageEvent) => {
      const msg = v.safeParse(HelloSchema, event.data);
      if (!msg.success || msg.output.type !== 'hello') return;
      const { clientId } = msg.output;
      void Promise.all([ready, lifeHeld]).then(
        () => {
          if (!this.#clients.has(clientId)) {
            const channel = new BroadcastChannel(rpcChannelName(this.file, clientId));
            Comlink.expose(this.api, channel);
            this.#clients.set(clientId, channel);
          }
          this.#hello.postMessage({ type: 'welcome', clientId, lifeLock: this.#lifeLock });
        },
        () => undefined, // the open failed: no welcome; the proxy will try to own the file itself
      );
    };
  }

  stop(): void {
    this.#hello.close();
    for (const channel of this.#clients.values()) channel.close();
    this.#clients.clear();
    this.#releaseLife?.();
  }
}

/** A worker that does not own the file: forwards every call to the owner and notices when the owner is gone. */
export class OwnerProxy {
  readonly api: OwnerApi;
  readonly #channel: BroadcastChannel;
  readonly #inflight = new Set<(error: AppError) => void>();
  #gone = false;

  private constructor(channel: BroadcastChannel, lifeLock: string, onGone: () => void) {
    this.#channel = channel;
    const remote = Comlink.wrap<OwnerApi>(channel);
    const api = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const method of OWNER_METHODS) {
      api[method] = (...args: unknown[]) =>
        this.#forward(() => (remote[method] as (...a: unknown[]) => Promise<unknown>)(...args));
    }
    this.api = api as unknown as OwnerApi;
    // Granted only when the owner's worker has ended.
    void navigator.locks.request(lifeLock, () => {
      if (this.#gone) return;
      this.#gone = true;
      const error = new AppError('UNAVAILABLE', 'The window that held the database closed during this call; try again');
      for (const reject of this.#inflight) reject(error);
      this.#inflight.clear();
      this.#channel.close();
      onGone();
    });
  }

  /** Says hello to the owner; null when no welcome came within `timeoutMs`. */
  static connect(file: string, timeoutMs: number, onGone: () => void): Promise<OwnerProxy | null> {
    const clientId = crypto.randomUUID();
    const hello = new BroadcastChannel(helloChannelName(file));
    return new Promise((resolve) => {
      const say = () => hello.postMessage({ type: 'hello', clientId });
      const retry = setInterval(say, 100);
      const timeout = setTimeout(() => finish(null), timeoutMs);
      const finish = (proxy: OwnerProxy | null) => {
        clearInterval(retry);
        clearTimeout(timeout);
        hello.close();
        resolve(proxy);
      };
      hello.onmessage = (event: MessageEvent) => {
        const msg = v.safeParse(HelloSchema, event.data);
        if (!msg.success || msg.output.type !== 'welcome' || msg.output.clientId !== clientId) return;
        finish(new OwnerProxy(new BroadcastChannel(rpcChannelName(file, clientId)), msg.output.lifeLock, onGone));
      };
      say();
    });
  }

  dispose(): void {
    this.#gone = true;
    this.#channel.close();
  }

  #forward(call: () => Promise<unknown>): Promise<unknown> {
    if (this.#gone) return Promise.reject(new AppError('UNAVAILABLE', 'The database owner is gone; reconnecting'));
    return new Promise((resolve, reject) => {
      this.#inflight.add(reject);
      call()
        .then(resolve, reject)
        .finally(() => this.#inflight.delete(reject));
    });
  }
}
