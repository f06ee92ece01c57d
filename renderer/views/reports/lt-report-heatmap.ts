import { html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import type { ReportHeatmap } from '../../../shared/reports.ts';
import { ChartElement, moveCursor } from './chart-element.ts';
import { WEEKDAYS } from './format.ts';
import { chartStyles } from './reports-styles.ts';

const LEFT = 40;
const TOP = 18;
const LEVELS = [0.15, 0.35, 0.55, 0.75, 1];

/**
 * Worked time by hour of the day and weekday (pauses left out by the worker), weeks starting on the user's first
 * day. Darker is more, in the legend's five shades; the arrow keys walk the cells and the line below reads the one
 * focused. One <path> per shade instead of 168 cells (fewer nodes to create, style and paint on every report).
 */
@customElement('lt-report-heatmap')
export class LtReportHeatmap extends ChartElement {
  static override styles = chartStyles;
  @property({ attribute: false }) heatmap: ReportHeatmap | null = null;
  @property({ type: Number }) weekStart = 1;
  /** [hour, row] */
  @state() private cursor: [number, number] | null = null;
  @state() private tableOpen = false;

  #day(row: number): number {
    return (row + this.weekStart) % 7;
  }

  override render() {
    const hm = this.heatmap;
    if (!hm) return nothing;
    const { w, cw, ch, h } = this.#geometry();
    const max = Math.max(1, hm.max);
    const tickEvery = cw < 18 ? 6 : 3;
    const c = this.cursor;
    // cells by shade: [empty, level 0..4]
    const shades: string[] = Array.from({ length: LEVELS.length + 1 }, () => '');
    for (let row = 0; row < 7; row++) {
      hm.cells[this.#day(row)]!.forEach((ms, hr) => {
        const shade = ms > 0 ? Math.min(LEVELS.length, Math.ceil((ms / max) * LEVELS.length)) : 0;
        shades[shade] += cell(LEFT + hr * cw + 1, TOP + row * ch + 1, Math.max(1, cw - 2), ch - 2);
      });
    }
    return html`<figure class="chart">
      <figcaption>When you work: hour × weekday</figcaption>
      <svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" tabindex="0" role="group"
        aria-label="Worked time by weekday and hour of the day. Arrow keys move between hours and days."
        @keydown=${this.#key} @focus=${() => !this.cursor && this.#set(this.#busiest())} @pointermove=${this.#pointer} @pointerleave=${() => this.#set(null)}>
        ${Array.from({ length: 24 / tickEvery }, (_, j) => svg`<text class="axis" x=${LEFT + j * tickEvery * cw} y="12">${String(j * tickEvery).padStart(2, '0')}</text>`)}
        ${Array.from({ length: 7 }, (_, row) => svg`<text class="axis" x="0" y=${TOP + row * ch + ch / 2 + 4}>${WEEKDAYS[this.#day(row)]}</text>`)}
        ${shades.map((d, i) => (d ? svg`<path class="cell" d=${d} fill=${i ? 'var(--lt-accent, #3a64e8)' : 'var(--lt-track, #eaecf0)'} fill-opacity=${i ? LEVELS[i - 1]! : 1}></path>` : nothing))}
        ${c ? svg`<rect class="cursor" x=${LEFT + c[0] * cw} y=${TOP + c[1] * ch} width=${cw} height=${ch}></rect>` : nothing}
      </svg>
      <p class="readout" aria-live="polite">${this.readout}</p>
      <div class="scale" aria-label="Legend">
        <span class="muted">less</span>
        <svg viewBox="0 0 ${LEVELS.length * 14} 10" aria-hidden="true" class="steps">${LEVELS.map((l, i) => svg`<rect x=${i * 14} width="12" height="10" rx="2" fill="var(--lt-accent, #3a64e8)" fill-opacity=${l}></rect>`)}</svg>
        <span class="muted">more (darkest ${this.d(hm.max)} in one hour)</span>
      </div>
      <details @toggle=${(e: Event) => (this.tableOpen = (e.target as HTMLDetailsElement).open)}><summary>Worked time by weekday and hour as a table</summary>
        ${this.tableOpen ? this.#table(hm) : nothing}
      </details>
    </figure>`;
  }

  /** drawn on demand: 168 cells of text nobody sees until the table is opened */
  #table(hm: ReportHeatmap) {
    return html`<div class="scroll" tabindex="0" role="region" aria-label="Worked time by weekday and hour, table"><table><thead><tr><th scope="col">Day</th>${Array.from({ length: 24 }, (_, i) => html`<th scope="col">${i}</th>`)}</tr></thead>
      <tbody>${Array.from({ length: 7 }, (_, row) => {
        const day = this.#day(row);
        return html`<tr><th scope="row">${WEEKDAYS[day]}</th>${hm.cells[day]!.map((ms) => html`<td>${ms ? this.d(ms) : ''}</td>`)}</tr>`;
      })}</tbody></table></div>`;
  }

  #geometry() {
    const w = Math.max(260, this.width || 600);
    const cw = (w - LEFT) / 24;
    const ch = Math.min(28, Math.max(16, cw * 0.8));
    return { w, cw, ch, h: TOP + 7 * ch };
  }

  #pointer = (e: PointerEvent) => {
    const { cw, ch } = this.#geometry();
    const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
    const hr = Math.floor((e.clientX - box.left - LEFT) / cw);
    const row = Math.floor((e.clientY - box.top - TOP) / ch);
    const inside = hr >= 0 && hr < 24 && row >= 0 && row < 7;
    if (!inside) return;
    if (this.cursor?.[0] !== hr || this.cursor?.[1] !== row) this.#set([hr, row]);
  };

  #busiest(): [number, number] {
    const hm = this.heatmap!;
    let best: [number, number] = [9, 0];
    let most = -1;
    for (let row = 0; row < 7; row++) {
      hm.cells[this.#day(row)]!.forEach((ms, hr) => {
        if (ms > most) [most, best] = [ms, [hr, row]];
      });
    }
    return best;
  }

  #set(cursor: [number, number] | null): void {
    this.cursor = cursor;
    if (!cursor || !this.heatmap) return;
    const [hr, row] = cursor;
    const day = this.#day(row);
    this.readout = `${WEEKDAYS[day]} ${String(hr).padStart(2, '0')}:00–${String(hr + 1).padStart(2, '0')}:00: ${this.d(this.heatmap.cells[day]![hr] ?? 0)}`;
  }

  #key = (e: KeyboardEvent) => {
    const [hr, row] = this.cursor ?? this.#busiest();
    const next = moveCursor(e.key, hr, row, 24, 7);
    if (!next) return;
    e.preventDefault();
    this.#set(next);
  };
}

/** A cell as a path: a rectangle with corners rounded by 2 (as the rects it replaces). */
function cell(x: number, y: number, w: number, h: number): string {
  const r = Math.min(2, w / 2, h / 2);
  const f = (n: number) => n.toFixed(1);
  return `M${f(x + r)} ${f(y)}h${f(w - 2 * r)}a${r} ${r} 0 0 1 ${r} ${r}v${f(h - 2 * r)}a${r} ${r} 0 0 1 ${-r} ${r}h${f(-(w - 2 * r))}a${r} ${r} 0 0 1 ${-r} ${-r}v${f(-(h - 2 * r))}a${r} ${r} 0 0 1 ${r} ${-r}z`;
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-report-heatmap': LtReportHeatmap;
  }
}
