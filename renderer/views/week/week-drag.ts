import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { SNAP_MINUTES } from './week-layout.ts';

/**
 * Pointer drags on the week grid: on empty time to create a session, on a block to move it, on a block's edge to
 * resize it. Times snap to 5 minutes. The host maps pointer positions to instants and hears about the preview and
 * the drop; the controller only follows the pointer (window listeners, so synthesized events in tests work too).
 */

export type DragKind = 'create' | 'move' | 'start' | 'end';

export interface DragTimes {
  startTime: number;
  endTime: number;
}

export interface DragGrab {
  kind: DragKind;
  /** the session dragged (null when creating) */
  id: string | null;
  /** the session's times when the drag began (create: unused) */
  startTime: number;
  endTime: number;
}

export interface DragHost extends ReactiveControllerHost {
  /** the instant under a pointer position (clamped into the grid), or null when outside every day column */
  instantAt(clientX: number, clientY: number, dayOf?: number): { at: number; day: number } | null;
  dragPreview(grab: DragGrab, times: DragTimes): void;
  dragDrop(grab: DragGrab, times: DragTimes): void;
  dragCancel(grab: DragGrab): void;
  /** a press without movement */
  dragClick(grab: DragGrab, at: number, day: number): void;
}

const SNAP_MS = SNAP_MINUTES * 60_000;
/** pixels the pointer must travel before a press becomes a drag */
const THRESHOLD_PX = 4;

/** Rounds to 5 minutes of wall-clock time (every time zone in use is offset by a multiple of 15 minutes). */
export function snapMs(ms: number): number {
  return Math.round(ms / SNAP_MS) * SNAP_MS;
}

interface Active {
  grab: DragGrab;
  pointerId: number;
  x: number;
  y: number;
  /** the instant and day column first pressed */
  anchor: number;
  day: number;
  dragging: boolean;
  times: DragTimes | null;
}

export class WeekDragController implements ReactiveController {
  readonly #host: DragHost;
  #active: Active | null = null;

  constructor(host: DragHost) {
    this.#host = host;
    host.addController(this);
  }

  get active(): boolean {
    return this.#active?.dragging ?? false;
  }

  /** The drag in progress (kind and times), for drawing a new session's outline. */
  get current(): { grab: DragGrab; times: DragTimes; day: number } | null {
    const a = this.#active;
    return a?.dragging && a.times ? { grab: a.grab, times: a.times, day: a.day } : null;
  }

  hostDisconnected(): void {
    this.#stop();
  }

  /** Called by the host on pointerdown over the grid, with what was pressed. */
  begin(event: PointerEvent, grab: DragGrab): void {
    if (event.button !== 0 || this.#active) return;
    const point = this.#host.instantAt(event.clientX, event.clientY);
    if (!point) return;
    event.preventDefault(); // no text selection while dragging
    this.#active = {
      grab,
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      anchor: point.at,
      day: point.day,
      dragging: false,
      times: null,
    };
    try {
      (event.target as Element).setPointerCapture?.(event.pointerId);
    } catch {
      // synthesized events have no active pointer to capture; the window listeners follow them anyway
    }
    window.addEventListener('pointermove', this.#move);
    window.addEventListener('pointerup', this.#up);
    window.addEventListener('pointercancel', this.#cancel);
    window.addEventListener('keydown', this.#key, true);
  }

  readonly #move = (event: PointerEvent): void => {
    const a = this.#active;
    if (!a || event.pointerId !== a.pointerId) return;
    if (!a.dragging && Math.hypot(event.clientX - a.x, event.clientY - a.y) < THRESHOLD_PX) return;
    a.dragging = true;
    // a new session stays in the day it was started in; a moved block follows the pointer across days
    const point = this.#host.instantAt(event.clientX, event.clientY, a.grab.kind === 'move' ? undefined : a.day);
    if (!point) return;
    const times = this.#timesFor(a, point.at);
    if (a.grab.kind === 'move') a.day = point.day;
    if (a.times && a.times.startTime === times.startTime && a.times.endTime === times.endTime) return;
    a.times = times;
    this.#host.dragPreview(a.grab, times);
    this.#host.requestUpdate();
  };

  readonly #up = (event: PointerEvent): void => {
    const a = this.#active;
    if (!a || event.pointerId !== a.pointerId) return;
    this.#stop();
    if (a.dragging && a.times) this.#host.dragDrop(a.grab, a.times);
    else if (!a.dragging) this.#host.dragClick(a.grab, a.anchor, a.day);
    this.#host.requestUpdate();
  };

  readonly #cancel = (): void => {
    const a = this.#active;
    this.#stop();
    if (a?.dragging) this.#host.dragCancel(a.grab);
    this.#host.requestUpdate();
  };

  readonly #key = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.#active) return;
    event.preventDefault();
    event.stopPropagation();
    this.#cancel();
  };

  #timesFor(a: Active, at: number): DragTimes {
    const { kind, startTime, endTime } = a.grab;
    switch (kind) {
      case 'create': {
        const from = snapMs(Math.min(a.anchor, at));
        const to = snapMs(Math.max(a.anchor, at));
        return { startTime: from, endTime: Math.max(to, from + SNAP_MS) };
      }
      case 'move': {
        const start = snapMs(startTime + (at - a.anchor));
        return { startTime: start, endTime: start + (endTime - startTime) };
      }
      case 'start':
        return { startTime: Math.min(snapMs(at), endTime - SNAP_MS), endTime };
      case 'end':
        return { startTime, endTime: Math.max(snapMs(at), startTime + SNAP_MS) };
    }
  }

  #stop(): void {
    this.#active = null;
    window.removeEventListener('pointermove', this.#move);
    window.removeEventListener('pointerup', this.#up);
    window.removeEventListener('pointercancel', this.#cancel);
    window.removeEventListener('keydown', this.#key, true);
  }
}
