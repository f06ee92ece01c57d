import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps a model connected (its change subscriptions, tickers) exactly while the host element is: `connect` runs on
 * connect and what it returns runs on disconnect.
 */
export class ConnectController implements ReactiveController {
  #stop: (() => void) | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly connect: () => () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#stop = this.connect();
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = null;
  }
}
