import * as Comlink from 'comlink';

import { AppError } from '../../shared/errors.ts';

interface Connection<Api> {
  worker: Worker;
  remote: Comlink.Remote<Api>;
  ready: Promise<void>;
  died: Promise<never>;
}

/** What every helper worker serves first: a Web Lock held for its life, so the window learns of a crash. */
interface WithLifeline {
  holdLifeline(lockName: string): Promise<void>;
}

/**
 * One window's bridge to a helper worker (export, AI), in the style of DataClient: started on the first job, jobs
 * run one at a time in a queue, a job can be cancelled (its AbortSignal crosses to the worker), a crashed worker is
 * replaced on the next job (the job in flight rejects with UNAVAILABLE), and an idle worker is stopped.
 */
export class WorkerBridge<Api extends WithLifeline> {
  #connection: Connection<Api> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #busy = 0;
  #idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** "export" → worker name lighttrack-export, lifeline lock lighttrack-export-life-… */
    private readonly kind: string,
    private readonly workerUrl: URL | string,
    private readonly idleMs: number,
  ) {}

  get running(): boolean {
    return this.#connection !== null;
  }

  /** The worker now, if one runs (calls that need no queue, e.g. dropping a preview). */
  get remote(): Comlink.Remote<Api> | null {
    return this.#connection?.remote ?? null;
  }

  run<T>(job: (remote: Comlink.Remote<Api>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    clearTimeout(this.#idle);
    this.#busy++;
    const run = this.#queue.then(async () => {
      if (signal?.aborted) throw new AppError('CONFLICT', 'Cancelled before it started', { cancelled: true });
      const connection = this.#current();
      await connection.ready;
      return Promise.race([job(connection.remote), connection.died]);
    });
    this.#queue = run.catch(() => undefined);
    return run.finally(() => {
      if (--this.#busy === 0) this.#idle = setTimeout(() => this.dispose(), this.idleMs);
    });
  }

  dispose(): void {
    clearTimeout(this.#idle);
    this.#connection?.worker.terminate();
    this.#connection = null;
  }

  #current(): Connection<Api> {
    this.#connection ??= this.#spawn();
    return this.#connection;
  }

  #spawn(): Connection<Api> {
    const worker = new Worker(this.workerUrl, { type: 'module', name: `lighttrack-${this.kind}` });
    const remote = Comlink.wrap<Api>(worker);
    let markDead: (e: AppError) => void = () => undefined;
    const died = new Promise<never>((_r, reject) => (markDead = reject));
    died.catch(() => undefined);
    const lifeline = `lighttrack-${this.kind}-life-${crypto.randomUUID()}`;
    const failed = new Promise<never>((_r, reject) =>
      worker.addEventListener(
        'error',
        (e) => {
          e.preventDefault();
          reject(
            new AppError('UNAVAILABLE', `The ${this.kind} worker failed to start: ${e.message || 'script error'}`),
          );
        },
        { once: true },
      ),
    );
    failed.catch(() => undefined);
    const connection: Connection<Api> = {
      worker,
      remote,
      died,
      ready: Promise.race([(remote as unknown as WithLifeline).holdLifeline(lifeline), failed]).then(() => {
        void navigator.locks.request(lifeline, () => {
          markDead(new AppError('UNAVAILABLE', `The ${this.kind} worker stopped; try again`));
          if (this.#connection === connection) this.#connection = null; // the next job starts a new one
        });
      }),
    };
    connection.ready.catch(() => {
      if (this.#connection === connection) this.#connection = null;
      worker.terminate();
    });
    return connection;
  }
}
