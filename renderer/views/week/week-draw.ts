import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { DAY_MINUTES, type Segment, type WorkingHours } from './week-layout.ts';

/**
 * Which days of a newly shown week have their blocks drawn. A heavy week holds 500 blocks, and a frame that lays out
 * and paints them all takes longer than 50 ms; so the days come a batch per frame, the days in view first, and each
 * batch's style, layout and paint happen in that frame before the next batch is made. Days already drawn stay drawn
 * when the week re-renders (a change, the minute tick).
 */

/** blocks per batch: one batch's script, style, layout and paint stay well under 50 ms on a slow machine */
const BATCH_BLOCKS = 140;
/** when frames do not come (a hidden window), the next batch comes anyway */
const FRAME_TIMEOUT_MS = 100;

export class WeekDrawController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #drawn = new Set<number>([0, 1, 2, 3, 4, 5, 6]);
  #queue: Array<{ day: number; blocks: number }> = [];
  #waiting: { frame: number; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** true while some of the week's days are still to be drawn */
  get drawing(): boolean {
    return this.#queue.length > 0;
  }

  isDrawn(day: number): boolean {
    return this.#drawn.has(day);
  }

  /** A new week: no day drawn until start() says in which order they come. */
  reset(): void {
    this.#cancel();
    this.#drawn.clear();
    this.#queue = [];
  }

  /**
   * Draws the days in `order` (each with its number of blocks): the first batch in the host's next update, each
   * further one after the frame that showed the one before.
   */
  start(order: ReadonlyArray<{ day: number; blocks: number }>): void {
    this.#cancel();
    this.#queue = order.filter((d) => !this.#drawn.has(d.day));
    this.#next();
  }

  hostConnected(): void {
    if (this.#queue.length && !this.#waiting) this.#afterFrame();
  }

  hostDisconnected(): void {
    this.#cancel();
  }

  hostUpdated(): void {
    if (this.#queue.length && !this.#waiting) this.#afterFrame();
  }

  #next(): void {
    let blocks = 0;
    while (this.#queue.length && (blocks === 0 || blocks + this.#queue[0]!.blocks <= BATCH_BLOCKS)) {
      const d = this.#queue.shift()!;
      this.#drawn.add(d.day);
      blocks += Math.max(1, d.blocks);
    }
    this.#host.requestUpdate();
  }

  /** The next batch in a task of its own after the coming frame (rAF runs before that frame's style and layout). */
  #afterFrame(): void {
    const go = () => {
      if (!this.#waiting) return;
      cancelAnimationFrame(this.#waiting.frame);
      clearTimeout(this.#waiting.timer);
      this.#waiting = null;
      this.#next();
    };
    const frame = requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        go();
      };
      channel.port2.postMessage(null);
    });
    this.#waiting = { frame, timer: setTimeout(go, FRAME_TIMEOUT_MS) };
  }

  #cancel(): void {
    if (!this.#waiting) return;
    cancelAnimationFrame(this.#waiting.frame);
    clearTimeout(this.#waiting.timer);
    this.#waiting = null;
  }
}

/** Opens a week at the working morning (or its earliest block) and, when narrow, at today (`today` -1: not this week). */
export function scrollToWork(root: ParentNode, layout: readonly Segment[][], hours: WorkingHours, today: number): void {
  const scroller = root.querySelector<HTMLElement>('.scroller');
  const col = root.querySelector<HTMLElement>('.col');
  if (!scroller || !col) return;
  // where sessions start, not the after-midnight tails of the evening before
  let earliest = hours.start;
  for (const day of layout) for (const s of day) if (s.isStart && s.top < earliest) earliest = s.top;
  scroller.scrollTop = (col.offsetHeight * Math.max(0, earliest - 30)) / DAY_MINUTES;
  if (today > 0) {
    const head = root.querySelectorAll<HTMLElement>('.dayhead')[today];
    const gutter = root.querySelector<HTMLElement>('.gutter')?.offsetWidth ?? 0;
    if (head && head.offsetLeft + head.offsetWidth > scroller.clientWidth)
      scroller.scrollLeft = head.offsetLeft - gutter;
  }
}

/** The days in view first (left to right), then the others nearest first, each with its number of blocks. */
export function daysByView(root: ParentNode, layout: readonly Segment[][]): Array<{ day: number; blocks: number }> {
  const scroller = root.querySelector<HTMLElement>('.scroller')?.getBoundingClientRect();
  const gutter = root.querySelector<HTMLElement>('.gutter')?.offsetWidth ?? 0;
  const cols = [...root.querySelectorAll<HTMLElement>('.col')].map((c) => c.getBoundingClientRect());
  const away = (r: DOMRect | undefined) =>
    !scroller || !r ? 0 : Math.max(0, scroller.left + gutter - r.right, r.left - scroller.right);
  return layout
    .map((pieces, day) => ({ day, blocks: pieces.length, away: away(cols[day]) }))
    .sort((a, b) => a.away - b.away || a.day - b.day);
}
