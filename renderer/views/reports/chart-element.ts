import { LitElement } from 'lit';
import { state } from 'lit/decorators.js';

import type { DayRange } from '../../../shared/report-range.ts';
import { FormatController } from '../../controllers/format.ts';

export interface DrillDetail {
  /** top-level project id; '' no project, '*' the rest together */
  projectId: string;
  /** a bar's days, when the drill is into one bucket */
  range?: DayRange;
}

/**
 * What the report's charts share: their drawn width (SVG drawn at the real pixel width, so text is never stretched),
 * durations formatted per settings, the line under a chart that says what the pointer or keyboard is on (the tooltip
 * for keyboard and screen-reader users too), and the 'drill' event.
 */
export class ChartElement extends LitElement {
  /** the width each kind of chart last had: a new report view's charts draw at it at once, not a frame later */
  static readonly #lastWidth = new Map<string, number>();
  protected readonly format = new FormatController(this);
  @state() protected width = 0;
  /** what the focused or hovered mark shows, read out politely */
  @state() protected readout = '';
  #resize = new ResizeObserver((entries) => {
    const w = Math.round(entries[0]?.contentRect.width ?? 0);
    if (w > 0) ChartElement.#lastWidth.set(this.localName, w);
    if (w > 0 && Math.abs(w - this.width) >= 2) this.width = w;
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // drawn in the same pass as the rest of the report when the width is known from before (the observer corrects it
    // if the window changed)
    this.width ||= ChartElement.#lastWidth.get(this.localName) ?? 0;
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  /** Nothing is drawn before the width is known (the observer answers before the first paint): one drawing, not two. */
  protected override shouldUpdate(changed: Map<PropertyKey, unknown>): boolean {
    return this.width > 0 && super.shouldUpdate(changed);
  }

  protected d(ms: number): string {
    return this.format.duration(ms);
  }

  protected drill(detail: DrillDetail): void {
    this.dispatchEvent(new CustomEvent<DrillDetail>('drill', { detail, bubbles: true, composed: true }));
  }
}

/** A real project's key: not '' (no project) nor '*' (the other projects together), so it can be drilled into. */
export function isProject(key: string): boolean {
  return key !== '' && key !== '*';
}

/** Moves a cursor over a grid of `cols` × `rows` with the arrow keys, Home and End; null when the key is not one of them. */
export function moveCursor(key: string, col: number, row: number, cols: number, rows: number): [number, number] | null {
  switch (key) {
    case 'ArrowLeft':
      return [Math.max(0, col - 1), row];
    case 'ArrowRight':
      return [Math.min(cols - 1, col + 1), row];
    case 'ArrowUp':
      return [col, Math.max(0, row - 1)];
    case 'ArrowDown':
      return [col, Math.min(rows - 1, row + 1)];
    case 'Home':
      return [0, row];
    case 'End':
      return [cols - 1, row];
    default:
      return null;
  }
}
