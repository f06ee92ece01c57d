import type { AwayClock } from './clock.ts';

/** The wall clock moved by this much more (or less) than real time between two checks. */
export interface ClockJump {
  /** forward: wall time that never passed (a changed clock; a sleep where the monotonic clock stops) */
  direction: 'forward' | 'back';
  /** forward: [from, to) is the wall time skipped; back: the clock read `from`, then `to` */
  from: number;
  to: number;
  /** wall minus monotonic time between the two checks */
  skewMs: number;
}

/**
 * Compares the wall clock (what sessions store) with the monotonic one every few seconds. A difference past
 * `jumpMs` is a jump: forward, the running timer gained time nobody worked; back, it lost some. Both shells use it.
 */
export class ClockCheck {
  readonly #clock: AwayClock;
  readonly #onJump: (jump: ClockJump) => void;
  readonly #tickMs: number;
  readonly #jumpMs: number;
  #wall = 0;
  #mono = 0;

  constructor(clock: AwayClock, onJump: (jump: ClockJump) => void, options: { tickMs?: number; jumpMs?: number } = {}) {
    this.#clock = clock;
    this.#onJump = onJump;
    this.#tickMs = options.tickMs ?? 5000;
    this.#jumpMs = options.jumpMs ?? 60_000;
  }

  start(): () => void {
    this.#wall = this.#clock.wall();
    this.#mono = this.#clock.mono();
    return this.#clock.every(this.#tickMs, () => this.tick());
  }

  tick(): void {
    const wall = this.#clock.wall();
    const mono = this.#clock.mono();
    const skew = wall - this.#wall - (mono - this.#mono);
    const before = this.#wall;
    this.#wall = wall;
    this.#mono = mono;
    if (skew > this.#jumpMs) this.#onJump({ direction: 'forward', from: wall - skew, to: wall, skewMs: skew });
    else if (skew < -this.#jumpMs) this.#onJump({ direction: 'back', from: before, to: wall, skewMs: skew });
  }
}
