import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * The one way an element stays live (after Home Assistant's subscribe mixin): while the host is connected it
 * re-renders when any of the named stores changes, and holds the subscriptions `subscribe` makes (models' connect(),
 * DataClient.watch(), listeners); on disconnect everything is stopped.
 * `stores` is read on each connect and before each update, so a host may name stores of a model it creates or
 * receives later (a new model swapped in is watched from its first render). `subscribe` runs on each connect; call
 * resubscribe() when what it subscribes to was replaced (a new model).
 */
export class WatchController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #stores: () => ReadonlyArray<ReadableAtom<unknown> | null | undefined>;
  readonly #subscribe: () => ReadonlyArray<(() => void) | null | undefined>;
  #unsubscribe: Array<() => void> = [];
  #watching: ReadableAtom<unknown>[] = [];
  #subscriptions: Array<() => void> = [];
  #connected = false;

  constructor(
    host: ReactiveControllerHost,
    stores: () => ReadonlyArray<ReadableAtom<unknown> | null | undefined>,
    subscribe: () => ReadonlyArray<(() => void) | null | undefined> = () => [],
  ) {
    this.#host = host;
    this.#stores = stores;
    this.#subscribe = subscribe;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#listen(this.#current());
    this.#hold();
  }

  hostUpdate(): void {
    if (!this.#connected) return;
    const stores = this.#current();
    if (stores.length !== this.#watching.length || stores.some((s, i) => s !== this.#watching[i])) this.#listen(stores);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#listen([]);
    this.#release();
  }

  /** Stops the subscriptions and makes them again (when connected), e.g. after the host swapped in a new model. */
  resubscribe(): void {
    this.#release();
    if (this.#connected) this.#hold();
    this.#host.requestUpdate();
  }

  #current(): ReadableAtom<unknown>[] {
    return this.#stores().filter((s): s is ReadableAtom<unknown> => Boolean(s));
  }

  #listen(stores: ReadableAtom<unknown>[]): void {
    for (const stop of this.#unsubscribe) stop();
    this.#watching = stores;
    this.#unsubscribe = stores.map((store) => store.listen(() => this.#host.requestUpdate()));
  }

  #hold(): void {
    this.#subscriptions = this.#subscribe().filter((s): s is () => void => typeof s === 'function');
  }

  #release(): void {
    for (const stop of this.#subscriptions.splice(0)) stop();
  }
}
