import { DEFAULT_IDLE_THRESHOLD_S, type PresenceEvent, type PresenceSource } from '../../shared/shell-contract.ts';
import { systemClock, type AwayClock } from '../services/away/clock.ts';

const INPUT_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export interface PresenceOptions {
  idleThresholdMs?: number;
  /** how often the clocks are checked */
  tickMs?: number;
  /** a tick this much later than due (on the monotonic clock) means every timer was frozen: the machine slept */
  suspendAfterMs?: number;
  /** where input events are heard (the window) */
  target?: EventTarget;
  /** where visibility changes are heard (the document; its visibilityState is read) */
  visibility?: EventTarget & { visibilityState?: string };
  clock?: AwayClock;
}

/**
 * Web stand-in for Electron's powerMonitor: idle from the absence of input in the page (a return to the tab, its
 * focus or any input ends it), suspend/resume from timer ticks that came far too late on the monotonic clock (the
 * machine slept with timers frozen). Wall-clock jumps are the clock check's (renderer/services/away/), in both shells.
 * Runs only while someone listens.
 */
export class WebPresence {
  readonly #listeners = new Set<(event: PresenceEvent) => void>();
  #idleThresholdMs: number;
  readonly #tickMs: number;
  readonly #suspendAfterMs: number;
  readonly #target: EventTarget;
  readonly #visibility: (EventTarget & { visibilityState?: string }) | null;
  readonly #clock: AwayClock;
  #lastInput = 0;
  #lastTickMono = 0;
  #lastTickWall = 0;
  #idle = false;
  #stopTicks: (() => void) | null = null;
  readonly #onInput = () => {
    this.#lastInput = this.#clock.wall();
    if (this.#idle) {
      this.#idle = false;
      this.#emit({ kind: 'active', at: this.#lastInput });
    }
  };
  readonly #onVisibility = () => {
    if (this.#visibility?.visibilityState !== 'visible') return;
    this.tick(); // a sleep is noticed at once, not at the next (throttled) tick
    this.#onInput();
  };

  constructor(options: PresenceOptions = {}) {
    this.#idleThresholdMs = options.idleThresholdMs ?? DEFAULT_IDLE_THRESHOLD_S * 1000;
    this.#tickMs = options.tickMs ?? 5000;
    // background tabs get one timer a minute; three minutes late is more than throttling
    this.#suspendAfterMs = options.suspendAfterMs ?? Math.max(6 * this.#tickMs, 180_000);
    this.#target = options.target ?? globalThis;
    this.#visibility = options.visibility ?? (globalThis.document as Document | undefined) ?? null;
    this.#clock = options.clock ?? systemClock;
  }

  setIdleThreshold(ms: number): void {
    if (Number.isFinite(ms) && ms > 0) this.#idleThresholdMs = ms;
  }

  subscribe(listener: (event: PresenceEvent) => void): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#start();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#stop();
    };
  }

  /** One check; the interval calls it, and tests may too. */
  tick(): void {
    const mono = this.#clock.mono();
    const wall = this.#clock.wall();
    if (mono - this.#lastTickMono > this.#suspendAfterMs) {
      this.#emit({ kind: 'suspend', at: this.#lastTickWall });
      this.#emit({ kind: 'resume', at: wall });
    }
    this.#lastTickMono = mono;
    this.#lastTickWall = wall;
    if (!this.#idle && wall - this.#lastInput >= this.#idleThresholdMs) {
      this.#idle = true;
      this.#emit({ kind: 'idle', at: this.#lastInput });
    }
  }

  #start(): void {
    this.#lastInput = this.#lastTickWall = this.#clock.wall();
    this.#lastTickMono = this.#clock.mono();
    for (const type of INPUT_EVENTS)
      this.#target.addEventListener(type, this.#onInput, { passive: true, capture: true });
    this.#target.addEventListener('focus', this.#onInput);
    this.#visibility?.addEventListener('visibilitychange', this.#onVisibility);
    this.#stopTicks = this.#clock.every(this.#tickMs, () => this.tick());
  }

  #stop(): void {
    for (const type of INPUT_EVENTS) this.#target.removeEventListener(type, this.#onInput, { capture: true });
    this.#target.removeEventListener('focus', this.#onInput);
    this.#visibility?.removeEventListener('visibilitychange', this.#onVisibility);
    this.#stopTicks?.();
    this.#stopTicks = null;
    this.#idle = false;
  }

  #emit(event: PresenceEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
