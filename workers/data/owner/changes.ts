import { CHANGES_CHANNEL, type Change } from '../../../shared/changes.ts';

/** Announces committed writes to every window (and every other worker) of this origin. */
export class ChangeAnnouncer {
  readonly origin = crypto.randomUUID();
  #channel: BroadcastChannel | null = new BroadcastChannel(CHANGES_CHANNEL);

  announce(change: Omit<Change, 'origin'>): void {
    this.#channel?.postMessage({ ...change, origin: this.origin } satisfies Change);
  }

  close(): void {
    this.#channel?.close();
    this.#channel = null;
  }
}
