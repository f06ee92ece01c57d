import { html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import type { TimelineBlock } from '../../../shared/reports.ts';
import { ChartElement } from './chart-element.ts';
import { chartStyles } from './reports-styles.ts';

const BAND = 40;
const HOUR = 3_600_000;
const KIND_WORDS = { work: 'worked', pause: 'paused', gap: 'untracked' } as const;

/**
 * One day as a band from its first session to its last: sessions in their project's colour, pauses hatched, the
 * untracked gaps between them dashed. Arrow keys walk the blocks; the line below reads the one focused.
 */
@customElement('lt-report-timeline')
export class LtReportTimeline extends ChartElement {
  static override styles = chartStyles;
  @property({ attribute: false }) blocks: TimelineBlock[] = [];
  @state() private cursor: number | null = null;
  @state() private tableOpen = false;

  #shown: TimelineBlock[] | null = null;

  override willUpdate(): void {
    if (this.blocks === this.#shown) return;
    this.#shown = this.blocks;
    this.cursor = null;
    this.readout = '';
  }

  override render() {
    const blocks = this.blocks;
    if (!blocks.length) return nothing;
    const w = Math.max(240, this.width || 600);
    const t0 = Math.floor(blocks[0]!.start / HOUR) * HOUR;
    const t1 = Math.max(t0 + HOUR, Math.ceil(blocks.at(-1)!.end / HOUR) * HOUR);
    const x = (t: number) => ((t - t0) / (t1 - t0)) * (w - 2) + 1;
    const hours = (t1 - t0) / HOUR;
    const every = Math.max(1, Math.ceil(hours / Math.max(1, Math.floor(w / 56))));
    const gapMs = blocks.filter((b) => b.kind === 'gap').reduce((s, b) => s + b.end - b.start, 0);
    const c = this.cursor === null ? null : blocks[this.cursor];
    return html`<figure class="chart wide">
      <figcaption>The day: ${this.format.time(blocks[0]!.start)}–${this.format.time(blocks.at(-1)!.end)}, ${this.d(gapMs)} untracked</figcaption>
      <svg width=${w} height=${BAND + 20} viewBox="0 0 ${w} ${BAND + 20}" tabindex="0" role="group"
        aria-label="Timeline of the day: sessions, pauses and untracked gaps. Arrow keys move between them."
        @keydown=${this.#key} @focus=${() => this.cursor === null && this.#set(0)}>
        <defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" class="pause-bg"></rect><line x1="0" y1="0" x2="0" y2="6" class="hatch"></line></pattern></defs>
        ${blocks.map(
          (
            b,
            i,
          ) => svg`<rect class=${`block ${b.kind}`} x=${x(b.start)} y="2" width=${Math.max(1, x(b.end) - x(b.start))} height=${BAND}
          fill=${b.kind === 'work' ? (b.color ?? '#98a2b3') : b.kind === 'pause' ? 'url(#hatch)' : 'none'} @pointerenter=${() => this.#set(i)}></rect>`,
        )}
        ${Array.from({ length: Math.floor(hours / every) + 1 }, (_, j) => {
          const t = t0 + j * every * HOUR;
          return svg`<text class="axis" x=${Math.min(w - 30, x(t))} y=${BAND + 16}>${this.format.time(t)}</text>`;
        })}
        ${c ? svg`<rect class="cursor" x=${x(c.start)} y="1" width=${Math.max(2, x(c.end) - x(c.start))} height=${BAND + 2}></rect>` : nothing}
      </svg>
      <p class="readout" aria-live="polite">${this.readout}</p>
      <ul class="legend" aria-label="Legend">
        <li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" rx="2" class="work-key"></rect></svg>session (project colour)</li>
        <li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill="url(#hatch)"></rect></svg>pause</li>
        <li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect x="0.5" y="0.5" width="9" height="9" class="block gap"></rect></svg>untracked</li>
      </ul>
      <details @toggle=${(e: Event) => (this.tableOpen = (e.target as HTMLDetailsElement).open)}><summary>The day as a table</summary>
        ${this.tableOpen ? this.#table(blocks) : nothing}
      </details>
    </figure>`;
  }

  /** drawn on demand: a row per block nobody sees until the table is opened */
  #table(blocks: TimelineBlock[]) {
    return html`<table><thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">What</th><th scope="col">Time</th></tr></thead>
      <tbody>${blocks.map(
        (b) => html`<tr><td>${this.format.time(b.start)}</td><td>${this.format.time(b.end)}</td>
        <td class="name" title=${b.label}>${b.kind === 'work' ? b.label || '(no name)' : KIND_WORDS[b.kind]}</td><td>${this.d(b.end - b.start)}</td></tr>`,
      )}</tbody></table>`;
  }

  #set(i: number): void {
    const b = this.blocks[i];
    if (!b) return;
    this.cursor = i;
    const what = b.kind === 'work' ? `${b.label || '(no name)'}` : KIND_WORDS[b.kind];
    this.readout = `${this.format.time(b.start)}–${this.format.time(b.end)}: ${what}, ${this.d(b.end - b.start)}`;
  }

  #key = (e: KeyboardEvent) => {
    const n = this.blocks.length;
    const i = this.cursor ?? 0;
    const next = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: n - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    this.#set(Math.max(0, Math.min(n - 1, next)));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-report-timeline': LtReportTimeline;
  }
}
