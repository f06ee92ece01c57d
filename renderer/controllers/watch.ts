import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Re-renders its host when any of the named stores changes, subscribed only while the host is connected.
 * `stores` is read on each connect, so a host may name stores of a model it creates or receives later.
 */
export class WatchController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #stores: () => ReadonlyArray<ReadableAtom<unknown> | null | undefined>;
  #unsubscribe: Array<() => void> = [];

  constructor(host: ReactiveControllerHost, stores: () => ReadonlyArray<ReadableAtom<unknown> | null | undefined>) {
    this.#host = host;
    this.#stores = stores;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.#stores()
      .filter((s): s is ReadableAtom<unknown> => Boolean(s))
      .map((store) => store.listen(() => this.#host.requestUpdate()));
  }

  hostDisconnected(): void {
    for (const stop of this.#unsubscribe) stop();
    this.#unsubscribe = [];
  }
}
