import { DEFAULT_IDLE_THRESHOLD_S, type PresenceEvent } from '../../shared/shell-contract.ts';

const INPUT_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export interface PresenceOptions {
  idleThresholdMs?: number;
  /** how often the clock is checked; a tick arriving much later than this means the machine slept */
  tickMs?: number;
  target?: EventTarget;
  now?: () => number;
}

/**
 * Web stand-in for Electron's powerMonitor: idle from the absence of input events, suspend/resume from wall-clock
 * jumps between timer ticks (timers do not run while the machine sleeps). Runs only while someone listens.
 */
export class WebPresence {
  readonly #listeners = new Set<(event: PresenceEvent) => void>();
  readonly #idleThresholdMs: number;
  readonly #tickMs: number;
  readonly #target: EventTarget;
  readonly #now: () => number;
  #lastInput = 0;
  #lastTick = 0;
  #idle = false;
  #timer: ReturnType<typeof setInterval> | null = null;
  readonly #onInput = () => {
    this.#lastInput = this.#now();
    if (this.#idle) {
      this.#idle = false;
      this.#emit({ kind: 'active', at: this.#lastInput });
    }
  };

  constructor(options: PresenceOptions = {}) {
    this.#idleThresholdMs = options.idleThresholdMs ?? DEFAULT_IDLE_THRESHOLD_S * 1000;
    this.#tickMs = options.tickMs ?? 5000;
    this.#target = options.target ?? globalThis;
    this.#now = options.now ?? Date.now;
  }

  subscribe(listener: (event: PresenceEvent) => void): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#start();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#stop();
    };
  }

  /** One clock check; the interval calls it, and tests may too. */
  tick(): void {
    const now = this.#now();
    if (now - this.#lastTick > this.#tickMs * 6) {
      this.#emit({ kind: 'suspend', at: this.#lastTick });
      this.#emit({ kind: 'resume', at: now });
    }
    this.#lastTick = now;
    if (!this.#idle && now - this.#lastInput >= this.#idleThresholdMs) {
      this.#idle = true;
      this.#emit({ kind: 'idle', at: this.#lastInput });
    }
  }

  #start(): void {
    this.#lastInput = this.#lastTick = this.#now();
    for (const type of INPUT_EVENTS)
      this.#target.addEventListener(type, this.#onInput, { passive: true, capture: true });
    this.#timer = setInterval(() => this.tick(), this.#tickMs);
  }

  #stop(): void {
    for (const type of INPUT_EVENTS) this.#target.removeEventListener(type, this.#onInput, { capture: true });
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#idle = false;
  }

  #emit(event: PresenceEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
