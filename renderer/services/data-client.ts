import * as Comlink from 'comlink';
import * as v from 'valibot';

import { CHANGES_CHANNEL, ChangeSchema, type Change } from '../../shared/changes.ts';
import { installErrorTransfer } from '../../shared/comlink-errors.ts';
import type { DataApi, OpenInfo } from '../../shared/data-contract.ts';
import { AppError } from '../../shared/errors.ts';
import { CoalescedRead } from '../state/coalesced.ts';

installErrorTransfer();

/** True for the UNAVAILABLE error a worker in recovery mode answers every data call with. */
export function isRecoveryError(error: unknown): boolean {
  const e = error as { code?: unknown; details?: { recovery?: unknown } } | null;
  return e?.code === 'UNAVAILABLE' && e.details?.recovery === true;
}

export interface DataClientOptions {
  /** URL of the data worker module (the built bundle in the app, the source in tests) */
  workerUrl: URL | string;
  /** OPFS database file; the app uses the default */
  dbName?: string;
}

type Api = Omit<DataApi, 'holdLifeline' | 'open' | 'close'>;

/** A table whose committed changes every window hears about (shared/changes.ts). */
export type ChangedTable = Change['table'];

interface Connection {
  worker: Worker;
  remote: Comlink.Remote<DataApi>;
  ready: Promise<OpenInfo>;
  /** rejects when this worker dies */
  died: Promise<never>;
}

/**
 * The window's handle on its data worker. It starts the worker, watches it through a Web Lock the worker holds
 * for its whole life, and when the worker dies (crash, terminate) starts a new one on the same database and fires
 * a "restart" event (readers subscribe through watch(), which covers it). Calls in flight at that moment reject with an UNAVAILABLE error; later calls go
 * to the new worker. A call refused because the database needs recovery fires a "recovery" event.
 */
export class DataClient extends EventTarget {
  readonly #options: DataClientOptions;
  #connection: Connection | null = null;
  #disposed = false;
  #restarts = 0;
  #changes: BroadcastChannel | null = null;
  readonly #listeners = new Set<(change: Change) => void>();

  /** Typed access to the worker's API; every call waits for the worker to be open. */
  readonly data: Api = new Proxy({} as Api, {
    get: (_target, method) => {
      // 'then' must stay undefined, or `await client.data` would treat the proxy as a promise.
      if (typeof method !== 'string' || method === 'then') return undefined;
      return (...args: unknown[]) => this.#invoke(method as keyof Api, args);
    },
  });

  constructor(options: DataClientOptions) {
    super();
    this.#options = options;
  }

  /** Starts the worker (once) and resolves when the database is open and migrated. */
  start(): Promise<OpenInfo> {
    return this.#current().ready;
  }

  /** The live worker, for diagnostics and tests. */
  get worker(): Worker | null {
    return this.#connection?.worker ?? null;
  }

  /** How many times the worker was replaced after dying. */
  get restarts(): number {
    return this.#restarts;
  }

  /**
   * The one way a reader stays live: `reload` runs after a committed change to any of `tables` from any window, and
   * after the worker was replaced (a crash: whatever was announced while it was down may have been missed). Runs
   * coalesce: triggers while a reload is under way cost one more run, not one each. `reload` reports its own
   * failures; the caller loads first itself. Returns the unsubscribe, after which no run starts (a queued one neither).
   */
  watch(tables: readonly ChangedTable[], reload: () => unknown): () => void {
    let live = true;
    const reads = new CoalescedRead(async () => void (live && (await reload())));
    const run = () => void (live && reads.run());
    const stopChanges =
      tables.length > 0 ? this.#onChange((change) => tables.includes(change.table) && run()) : () => undefined;
    this.addEventListener('restart', run);
    return () => {
      live = false;
      stopChanges();
      this.removeEventListener('restart', run);
    };
  }

  /**
   * Committed changes from every window's worker; malformed messages are ignored. One channel for all subscribers,
   * opened with the first: creating a BroadcastChannel took up to ~100 ms of the main thread in a trace of view
   * switches (each view paid it on every visit), and each message was parsed once per subscriber.
   */
  #onChange(listener: (change: Change) => void): () => void {
    if (!this.#changes) {
      const channel = new BroadcastChannel(CHANGES_CHANNEL);
      channel.onmessage = (event: MessageEvent) => {
        const parsed = v.safeParse(ChangeSchema, event.data);
        if (parsed.success) for (const l of [...this.#listeners]) l(parsed.output);
      };
      this.#changes = channel;
    }
    const entry = (change: Change) => listener(change);
    this.#listeners.add(entry);
    return () => void this.#listeners.delete(entry);
  }

  dispose(): void {
    this.#disposed = true;
    this.#changes?.close();
    this.#changes = null;
    this.#listeners.clear();
    this.#connection?.worker.terminate();
    this.#connection = null;
  }

  /** The live connection, spawning the worker on first use or after a failed start. */
  #current(): Connection {
    this.#connection ??= this.#spawn();
    return this.#connection;
  }

  async #invoke(method: keyof Api, args: unknown[]): Promise<unknown> {
    const connection = this.#current();
    await connection.ready;
    const call = (connection.remote[method] as unknown as (...a: unknown[]) => Promise<unknown>)(...args);
    try {
      return await Promise.race([call, connection.died]);
    } catch (error) {
      // The worker found the file unusable (perhaps because another window's integrity check did): say so once here,
      // so the window switches to its recovery screen whichever call noticed first.
      if (isRecoveryError(error)) this.dispatchEvent(new Event('recovery'));
      throw error;
    }
  }

  #spawn(): Connection {
    const worker = new Worker(this.#options.workerUrl, { type: 'module', name: 'lighttrack-data' });
    const remote = Comlink.wrap<DataApi>(worker);
    let markDead: (reason: AppError) => void = () => undefined;
    const died = new Promise<never>((_resolve, reject) => (markDead = reject));
    died.catch(() => undefined);
    const lifeline = `lighttrack-lifeline-${crypto.randomUUID()}`;

    const failedToLoad = new Promise<never>((_resolve, reject) => {
      worker.addEventListener(
        'error',
        (event) => {
          event.preventDefault();
          reject(new AppError('UNAVAILABLE', `The data worker failed to start: ${event.message || 'script error'}`));
        },
        { once: true },
      );
    });
    failedToLoad.catch(() => undefined);

    const connection: Connection = {
      worker,
      remote,
      died,
      ready: (async () => {
        await Promise.race([remote.holdLifeline(lifeline), failedToLoad]);
        // Granted only once the worker's hold ends, i.e. when the worker is gone.
        void navigator.locks.request(lifeline, () => {
          markDead(new AppError('UNAVAILABLE', 'The data worker stopped; a new one has been started'));
          if (this.#connection === connection && !this.#disposed) this.#replace();
        });
        return Promise.race([remote.open(this.#options.dbName ? { name: this.#options.dbName } : {}), died]);
      })(),
    };
    // A worker that could not start or open the database is dropped, so the next call tries a fresh one.
    connection.ready.catch(() => {
      if (this.#connection !== connection) return;
      this.#connection = null;
      worker.terminate();
    });
    return connection;
  }

  #replace(): void {
    this.#restarts++;
    this.#connection = this.#spawn(); // the dead worker's proxy is simply dropped: there is no one left to release
    this.#connection.ready.then(
      () => this.dispatchEvent(new Event('restart')),
      () => undefined,
    );
  }
}
