import * as Comlink from 'comlink';
import * as v from 'valibot';

import { installErrorTransfer } from '../../shared/comlink-errors.ts';
import {
  OWNER_METHODS,
  type DataApi,
  type OpenInfo,
  type OpenOptions,
  type OwnerApi,
} from '../../shared/data-contract.ts';
import { AppError } from '../../shared/errors.ts';
import { parse } from '../../shared/validate.ts';
import { holdLifelineLock } from '../lifeline.ts';
import { CHECK_WORKER_NAME, serveChecks, setCheckWorkerUrl } from './database/file-check.ts';
import { servePort } from './exports/serve-port.ts';
import { DEFAULT_DB_NAME } from './owner/core.ts';
import { createOwner } from './owner/owner.ts';
import { OwnerHost, ownerLockName, OwnerProxy, tryLock } from './owner/ownership.ts';

const OpenOptionsSchema = v.optional(
  v.object({
    name: v.optional(
      // 40: the VFS refuses paths over 64 characters, and "<name>-journal" must fit
      v.pipe(v.string(), v.regex(/^[\w.-]{1,40}$/, 'must be a plain file name (letters, digits, . _ -, at most 40)')),
    ),
  }),
  {},
);
const LockNameSchema = v.pipe(v.string(), v.regex(/^lighttrack-lifeline-[\w-]{1,64}$/, 'must be a lifeline lock name'));

/** How long a worker keeps trying to own or reach the owner of a file before it gives up. */
const CONNECT_DEADLINE_MS = 60_000;

interface Target {
  api: OwnerApi;
  info: OpenInfo;
  stop(): Promise<void>;
}

/**
 * The data worker: the owner of its database file, or a proxy to the worker that owns it (see owner/ownership.ts).
 * Which one it is can change when the owner's window closes; callers never need to know.
 */
class DataWorker {
  #file: string | null = null;
  #target: Promise<Target> | null = null;
  #failed = false;

  holdLifeline(lockName: string): Promise<void> {
    const name = parse(LockNameSchema, lockName, 'lifeline lock name');
    return holdLifelineLock(name, `Lifeline ${name} is already held`);
  }

  async open(options?: OpenOptions): Promise<OpenInfo> {
    const { name = DEFAULT_DB_NAME } = parse(OpenOptionsSchema, options, 'open options');
    if (this.#file !== null && this.#file !== name) {
      throw new AppError('CONFLICT', `This worker serves ${this.#file}; start another worker for ${name}`);
    }
    this.#file = name;
    if (!this.#target || this.#failed) this.#start(name);
    return (await this.#target!).info;
  }

  async close(): Promise<void> {
    const target = this.#target;
    this.#target = null;
    this.#file = null;
    if (target) await (await target.catch(() => null))?.stop();
  }

  /** Every other call: to the owner, wherever it is. A failed open stays failed for its file (no silent default). */
  async call(method: keyof OwnerApi, args: unknown[]): Promise<unknown> {
    if (!this.#target) throw new AppError('UNAVAILABLE', 'The database is not open; call open() first');
    const target = await this.#target;
    return (target.api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
  }

  #start(file: string): void {
    this.#failed = false;
    const target = this.#connect(file);
    this.#target = target;
    target.catch(() => {
      if (this.#target === target) this.#failed = true;
    });
  }

  async #connect(file: string): Promise<Target> {
    const deadline = performance.now() + CONNECT_DEADLINE_MS;
    while (performance.now() < deadline) {
      const release = await tryLock(ownerLockName(file));
      if (release) {
        const owner = createOwner();
        const ready = owner.lifecycle.openFile(file);
        const host = new OwnerHost(file, owner.api, ready);
        try {
          const info = await ready;
          return {
            api: owner.api,
            info,
            stop: async () => {
              host.stop();
              await owner.lifecycle.close();
              release();
            },
          };
        } catch (error) {
          host.stop();
          release(); // let another worker try
          throw error;
        }
      }
      const current: Promise<Target> | null = this.#target;
      const proxy = await OwnerProxy.connect(file, 1_000, () => {
        // the owner's worker ended: elect again (maybe this one), unless this worker moved on already
        if (this.#file === file && this.#target === current) this.#start(file);
      });
      if (!proxy) continue; // the owner is still opening, or just died: try again
      // status() is answered by the owner; this worker tells its own role
      const status = async () => ({ ...(await proxy.api.status()), role: 'proxy' as const });
      const api: OwnerApi = { ...proxy.api, status };
      return { api, info: await status(), stop: async () => proxy.dispose() };
    }
    throw new AppError('UNAVAILABLE', 'Another LightTrack window holds the database but does not answer');
  }
}

if (self.name === CHECK_WORKER_NAME) {
  // started by checkElsewhere() to check a closed copy off the owner's thread
  serveChecks();
} else {
  setCheckWorkerUrl(import.meta.url);
  const worker = new DataWorker();
  const exposed: Record<string, unknown> = {
    holdLifeline: (lockName: string) => worker.holdLifeline(lockName),
    open: (options?: OpenOptions) => worker.open(options),
    close: () => worker.close(),
  };
  for (const method of OWNER_METHODS) exposed[method] = (...args: unknown[]) => worker.call(method, args);
  // another worker of this window (the export worker) reaches the same API over a port the window hands over
  exposed['servePort'] = (port: unknown) =>
    servePort(port, Object.fromEntries(OWNER_METHODS.map((m) => [m, exposed[m]])));

  installErrorTransfer();
  Comlink.expose(exposed satisfies Record<keyof DataApi, unknown>);
}
