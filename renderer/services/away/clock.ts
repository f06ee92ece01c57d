/**
 * The clocks presence logic reads, injectable so tests drive them: the wall clock (Date.now, what sessions store) and
 * a monotonic one (performance.now, which a change of the system time does not move), and timers.
 */
export interface AwayClock {
  wall(): number;
  mono(): number;
  every(ms: number, fn: () => void): () => void;
  after(ms: number, fn: () => void): () => void;
}

export const systemClock: AwayClock = {
  wall: () => Date.now(),
  mono: () => performance.now(),
  every: (ms, fn) => {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
  after: (ms, fn) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

/** A clock for tests: time moves only when told; timers fire as it passes them. */
export class FakeClock implements AwayClock {
  #wall: number;
  #mono = 0;
  #seq = 0;
  readonly #timers = new Map<number, { due: number; every: number | null; fn: () => void }>();

  constructor(wall: number) {
    this.#wall = wall;
  }

  wall = () => this.#wall;
  mono = () => this.#mono;

  every(ms: number, fn: () => void) {
    const id = ++this.#seq;
    this.#timers.set(id, { due: this.#mono + ms, every: ms, fn });
    return () => void this.#timers.delete(id);
  }

  after(ms: number, fn: () => void) {
    const id = ++this.#seq;
    this.#timers.set(id, { due: this.#mono + ms, every: null, fn });
    return () => void this.#timers.delete(id);
  }

  /** Real time passes: both clocks move, timers due meanwhile fire in order. */
  advance(ms: number): void {
    const end = this.#mono + ms;
    for (;;) {
      const next = [...this.#timers.entries()].sort((a, b) => a[1].due - b[1].due)[0];
      if (!next || next[1].due > end) break;
      const [id, t] = next;
      this.#wall += t.due - this.#mono;
      this.#mono = t.due;
      if (t.every === null) this.#timers.delete(id);
      else t.due += t.every;
      t.fn();
    }
    this.#wall += end - this.#mono;
    this.#mono = end;
  }

  /** The system time is changed (or the machine slept on an OS whose monotonic clock stops): only the wall moves. */
  jump(ms: number): void {
    this.#wall += ms;
  }

  /** The machine slept with every timer frozen, on an OS whose monotonic clock keeps counting. */
  freeze(ms: number): void {
    this.#wall += ms;
    this.#mono += ms;
    for (const t of this.#timers.values()) if (t.due < this.#mono) t.due = this.#mono;
  }
}
