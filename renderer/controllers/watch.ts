import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Re-renders its host when any of the named stores changes, subscribed only while the host is connected.
 * `stores` is read on each connect and before each update, so a host may name stores of a model it creates or
 * receives later (a new model swapped in is watched from its first render).
 */
export class WatchController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #stores: () => ReadonlyArray<ReadableAtom<unknown> | null | undefined>;
  #unsubscribe: Array<() => void> = [];
  #watching: ReadableAtom<unknown>[] = [];
  #connected = false;

  constructor(host: ReactiveControllerHost, stores: () => ReadonlyArray<ReadableAtom<unknown> | null | undefined>) {
    this.#host = host;
    this.#stores = stores;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe(this.#current());
  }

  hostUpdate(): void {
    if (!this.#connected) return;
    const stores = this.#current();
    if (stores.length !== this.#watching.length || stores.some((s, i) => s !== this.#watching[i])) this.#subscribe(stores);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#subscribe([]);
  }

  #current(): ReadableAtom<unknown>[] {
    return this.#stores().filter((s): s is ReadableAtom<unknown> => Boolean(s));
  }

  #subscribe(stores: ReadableAtom<unknown>[]): void {
    for (const stop of this.#unsubscribe) stop();
    this.#watching = stores;
    this.#unsubscribe = stores.map((store) => store.listen(() => this.#host.requestUpdate()));
  }
}
