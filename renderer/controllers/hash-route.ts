import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The view named by the location hash ("#diagnostics"), one of `routes`; the first route when the hash names none.
 * The host re-renders when it changes (links, Back/Forward).
 */
export class HashRouteController<R extends string> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #routes: readonly R[];

  constructor(host: ReactiveControllerHost, routes: readonly R[]) {
    this.#host = host;
    this.#routes = routes;
    host.addController(this);
  }

  get route(): R {
    const name = location.hash.replace(/^#\/?/, '');
    return this.#routes.find((r) => r === name) ?? this.#routes[0]!;
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#changed);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#changed);
  }

  readonly #changed = (): void => this.#host.requestUpdate();
}
