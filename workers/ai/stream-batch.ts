import type { AssistantEvent } from '../../shared/assistant.ts';

/** One batch per frame's worth of time: the window then does one small render per frame, however fast tokens come. */
export const BATCH_MS = 16;

/**
 * Gathers the events of an answer and hands them to `send` in batches: the first text at once (first-token latency),
 * then at most one batch per BATCH_MS, adjacent text deltas joined into one.
 */
export class EventBatch {
  #pending: AssistantEvent[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #sentText = false;

  /** `send` gets the batch and when it left (timeOrigin + now: comparable across threads, for latency) */
  constructor(private readonly send: (events: AssistantEvent[], sentAt: number) => void) {}

  push(event: AssistantEvent): void {
    const last = this.#pending.at(-1);
    if (event.kind === 'text' && last?.kind === 'text') last.text += event.text;
    else this.#pending.push(event.kind === 'text' ? { ...event } : event);
    if (event.kind === 'text' && !this.#sentText) {
      this.#sentText = true;
      this.flush();
      return;
    }
    this.#timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  flush(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#pending.length === 0) return;
    const events = this.#pending;
    this.#pending = [];
    this.send(events, performance.timeOrigin + performance.now());
  }
}
