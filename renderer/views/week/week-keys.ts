import type { ReactiveController } from 'lit';

import type { LtWeekGrid } from './lt-week-grid.ts';
import { snapMs } from './week-drag.ts';
import { atMinute, DAY_MINUTES, endOf, minuteOfDay, SNAP_MINUTES } from './week-layout.ts';
import type { PendingTimes } from './week-model.ts';

/**
 * The week grid by keyboard. One tab stop for empty time (a half-hour cursor: arrows move it, Enter or N adds a
 * session there), then one per session. On a session: ↑/↓ move it 5 minutes, ←/→ a day, Shift+↑/↓ change its end,
 * Alt+↑/↓ its start, Enter edits, Delete removes, Esc takes back a move not yet saved (or returns to empty time).
 * A burst of key presses is saved as one change once the keys rest, so one Undo takes it all back.
 */

const STEP_MS = SNAP_MINUTES * 60_000;
/** how long the keys must rest before a keyboard move is saved */
export const KEY_SETTLE_MS = 700;

function shiftDays(ms: number, days: number): number {
  const d = new Date(ms);
  d.setDate(d.getDate() + days);
  return d.getTime();
}

export class WeekKeysController implements ReactiveController {
  readonly #host: LtWeekGrid;
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(host: LtWeekGrid) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const id of [...this.#timers.keys()]) this.flush(id);
  }

  /** Saves a keyboard move now (Enter, leaving the block, or the keys resting). */
  flush(id: string): void {
    const timer = this.#timers.get(id);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.#timers.delete(id);
    const times = this.#host.model.$pending.get()[id];
    if (times) this.#host.emit('week-change', { id, times });
  }

  readonly onBlockKey = (event: KeyboardEvent, id: string): void => {
    if (event.ctrlKey || event.metaKey) return; // Ctrl/Cmd+Z and friends belong to the window
    const host = this.#host;
    const s = host.model.sessionById(id);
    if (!s) return;
    const end = endOf(s, host.model.$now.get());
    const running = s.endTime === null;
    let times: PendingTimes | null = null;
    switch (event.key) {
      case 'ArrowUp':
      case 'ArrowDown': {
        const step = event.key === 'ArrowUp' ? -STEP_MS : STEP_MS;
        if (event.shiftKey && !running) {
          times = { startTime: s.startTime, endTime: Math.max(snapMs(end + step), s.startTime + STEP_MS) };
        } else if (event.altKey || running) {
          // a running session's end follows the clock, so plain arrows move its start
          times = { startTime: Math.min(snapMs(s.startTime + step), end - STEP_MS), endTime: s.endTime };
        } else {
          const start = snapMs(s.startTime + step);
          times = { startTime: start, endTime: start + (end - s.startTime) };
        }
        break;
      }
      case 'ArrowLeft':
      case 'ArrowRight': {
        if (running) {
          host.announce('A running session stays on today; Alt with up or down moves its start');
          break;
        }
        const start = shiftDays(s.startTime, event.key === 'ArrowLeft' ? -1 : 1);
        times = { startTime: start, endTime: start + (end - s.startTime) };
        break;
      }
      case 'Enter':
        this.flush(id);
        host.emit('week-open', { id });
        break;
      case 'Delete':
      case 'Backspace':
        this.#drop(id);
        host.emit('week-delete', { id });
        break;
      case 'Escape':
        if (this.#timers.has(id)) {
          this.#drop(id);
          host.model.revert(id);
          host.announce('Move taken back');
        } else {
          const day = host.days.findIndex((d) => s.startTime >= d.from && s.startTime < d.to);
          host.focusSlot(Math.max(0, day), day >= 0 ? minuteOfDay(s.startTime, host.days[day]!) : 0);
        }
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (!times) return;
    host.model.preview(id, times);
    host.focusBlock(id);
    host.announce(host.rangeLabel(times.startTime, times.endTime));
    const previous = this.#timers.get(id);
    if (previous !== undefined) clearTimeout(previous);
    this.#timers.set(
      id,
      setTimeout(() => this.flush(id), KEY_SETTLE_MS),
    );
  };

  /** Leaving a block saves its move, unless focus only hopped to the same session's redrawn block. */
  onBlockBlur(id: string): void {
    setTimeout(() => {
      const active = (this.#host.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
      if (active?.dataset['id'] === id) return;
      if (this.#host.focusedId === id) this.#host.focusedId = null;
      this.flush(id);
    }, 50);
  }

  readonly onSlotKey = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const host = this.#host;
    let { day, minute } = host.cursor;
    switch (event.key) {
      case 'ArrowUp':
        minute -= 30;
        break;
      case 'ArrowDown':
        minute += 30;
        break;
      case 'ArrowLeft':
        day -= 1;
        break;
      case 'ArrowRight':
        day += 1;
        break;
      case 'PageUp':
        minute -= 4 * 60;
        break;
      case 'PageDown':
        minute += 4 * 60;
        break;
      case 'Home':
        minute = host.hours.start;
        break;
      case 'End':
        minute = host.hours.end - 30;
        break;
      case 'Enter':
      case 'n':
      case 'N': {
        event.preventDefault();
        const startTime = atMinute(host.days[day]!.from, minute);
        host.emit('week-create', { startTime, endTime: startTime + 30 * 60_000 });
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    day = Math.max(0, Math.min(host.days.length - 1, day));
    minute = Math.max(0, Math.min(DAY_MINUTES - 30, minute));
    host.focusSlot(day, minute);
    const start = atMinute(host.days[day]!.from, minute);
    host.announce(host.rangeLabel(start, start + 30 * 60_000));
  };

  #drop(id: string): void {
    const timer = this.#timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    this.#timers.delete(id);
  }
}
