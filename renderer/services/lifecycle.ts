import { atom } from 'nanostores';
import * as v from 'valibot';

import { LIFECYCLE_CHANNEL, LifecycleMessageSchema } from '../../shared/lifecycle.ts';

export interface LifecycleOptions {
  /** what reloading means: the page reloads in the app; tests count instead */
  reload?: () => void;
  /** how long the reason is shown before the reload */
  delayMs?: number;
}

/**
 * Every window reloads when the data worker says so on the lifecycle channel (a restore swapped the database file
 * under all of them). Messages that do not match the schema are ignored.
 */
export class Lifecycle {
  /** the reason of the reload under way, shown by the window meanwhile; null when none */
  readonly $reloadReason = atom<string | null>(null);
  readonly #reload: () => void;
  readonly #delayMs: number;

  constructor(options: LifecycleOptions = {}) {
    this.#reload = options.reload ?? (() => location.reload());
    this.#delayMs = options.delayMs ?? 700;
  }

  /** Starts listening; returns a function that stops. */
  listen(): () => void {
    const channel = new BroadcastChannel(LIFECYCLE_CHANNEL);
    let timer: ReturnType<typeof setTimeout> | null = null;
    channel.onmessage = (event: MessageEvent) => {
      const parsed = v.safeParse(LifecycleMessageSchema, event.data);
      if (!parsed.success || timer !== null) return;
      this.$reloadReason.set(parsed.output.reason || 'LightTrack’s data was replaced.');
      timer = setTimeout(() => this.#reload(), this.#delayMs);
    };
    return () => {
      channel.close();
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
  }
}
