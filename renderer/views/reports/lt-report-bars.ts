import { html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import type { ReportSeries, SeriesStack } from '../../../shared/reports.ts';
import { cssVars } from '../../components/css-vars.ts';
import { ChartElement, isProject, moveCursor } from './chart-element.ts';
import { axisLabel, bucketLabel, bucketRange, hourTicks } from './format.ts';
import { chartStyles } from './reports-styles.ts';

const H = 220;
const LEFT = 44;
const BOTTOM = 22;

/**
 * Worked time per day, week or month, stacked by project. One <path> per project whatever the number of bars (366
 * days × 20 projects stays 20 nodes); the pointer and the arrow keys pick a bar and a project, the line below says
 * its numbers, Enter or a click drills into that project on those days.
 */
@customElement('lt-report-bars')
export class LtReportBars extends ChartElement {
  static override styles = chartStyles;
  @property({ attribute: false }) series: ReportSeries | null = null;
  /** [bucket, stack] under the pointer or keyboard; null when none */
  @state() private cursor: [number, number] | null = null;
  @state() private tableOpen = false;
  #totals: number[] = [];
  #totalsOf: ReportSeries | null = null;

  // keyed on the series itself: updates skipped before the width is known do not pass on what changed
  override willUpdate(): void {
    const s = this.series;
    if (s === this.#totalsOf) return;
    this.#totalsOf = s;
    this.#totals = s ? s.buckets.map((_, i) => s.stacks.reduce((sum, st) => sum + (st.values[i] ?? 0), 0)) : [];
    this.cursor = null;
    this.readout = '';
  }

  override render() {
    const s = this.series;
    if (!s) return nothing;
    const w = Math.max(200, this.width || 600);
    const plotW = w - LEFT - 4;
    const n = Math.max(1, s.buckets.length);
    // buckets share the whole width; a few (a day, a week) stay bars, not walls, centred in their slots
    const slot = plotW / n;
    const bw = Math.min(slot, 72);
    const x0 = (i: number) => LEFT + i * slot + (slot - bw) / 2;
    const max = Math.max(1, ...this.#totals);
    const y = (ms: number) => H - (ms / max) * H;
    const gap = bw > 4 ? Math.min(bw * 0.2, 8) : 0;
    const base = new Float64Array(n);
    const paths = s.stacks.map((st) => {
      let d = '';
      for (let i = 0; i < n; i++) {
        const v = st.values[i] ?? 0;
        if (v <= 0) continue;
        const top = y(base[i]! + v);
        const h = y(base[i]!) - top;
        base[i] = base[i]! + v;
        d += `M${(x0(i) + gap / 2).toFixed(1)} ${top.toFixed(1)}h${Math.max(0.6, bw - gap).toFixed(1)}v${h.toFixed(1)}h${-Math.max(0.6, bw - gap).toFixed(1)}z`;
      }
      return svg`<path d=${d} fill=${st.color}></path>`;
    });
    const every = Math.max(1, Math.ceil(72 / slot));
    const c = this.cursor;
    const cursorBox = c ? this.#segment(c, x0(c[0]), bw, gap, y) : null;
    const label = `Worked time per ${s.unit}, stacked by project: ${s.buckets.length} ${s.unit}s. Arrow keys move between ${s.unit}s and projects, Enter drills in.`;
    return html`<figure class="chart wide">
      <figcaption>Worked time per ${s.unit}, by project</figcaption>
      <div class="plot">
        <svg width=${w} height=${H + BOTTOM} viewBox="0 0 ${w} ${H + BOTTOM}" tabindex="0" role="group" aria-label=${label}
          @keydown=${this.#key} @pointermove=${this.#pointer} @pointerleave=${() => this.#set(null, false)} @click=${this.#click}
          @focus=${() => !this.cursor && this.#set([this.#lastNonEmpty(), 0], true)}>
          ${hourTicks(max).map(
            (t) => svg`<line class="grid" x1=${LEFT} x2=${w} y1=${y(t)} y2=${y(t)}></line>
            <text class="axis" x=${LEFT - 6} y=${y(t) + 4} text-anchor="end">${this.d(t)}</text>`,
          )}
          <line class="baseline" x1=${LEFT} x2=${w} y1=${H} y2=${H}></line>
          ${paths}
          ${labelled(n, every).map((i) => svg`<text class="axis" x=${LEFT + i * slot + slot / 2} y=${H + 15} text-anchor="middle">${axisLabel(s.buckets[i]!, s.unit)}</text>`)}
          ${cursorBox ? svg`<rect class="cursor" x=${cursorBox.x} y=${cursorBox.y} width=${cursorBox.w} height=${Math.max(1, cursorBox.h)}></rect>` : nothing}
        </svg>
        ${cursorBox && this.readout ? html`<div class="tip" aria-hidden="true" style=${cssVars({ '--x': `${Math.min(w - 160, Math.max(0, cursorBox.x - 60))}px`, '--y': `${Math.max(0, cursorBox.y - 44)}px` })}>${this.readout}</div>` : nothing}
      </div>
      <p class="readout" aria-live="polite">${this.readout}</p>
      <ul class="legend" aria-label="Legend">${s.stacks.map((st) => this.#legendEntry(st))}</ul>
      <details @toggle=${(e: Event) => (this.tableOpen = (e.target as HTMLDetailsElement).open)}><summary>Worked time per ${s.unit} as a table</summary>
        ${this.tableOpen ? this.#table(s) : nothing}
      </details>
    </figure>`;
  }

  /** A legend entry: a real project's drills into it over the whole range, as its slice in the share chart does. */
  #legendEntry(st: SeriesStack) {
    const text = html`<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" rx="2" fill=${st.color}></rect></svg><span class="name">${st.label}</span>`;
    return html`<li>${
      isProject(st.key)
        ? html`<button class="key" type="button" data-key=${st.key} title="${st.label} — show only this project" @click=${() => this.drill({ projectId: st.key })}>${text}</button>`
        : html`<span class="key" title=${st.label}>${text}</span>`
    }</li>`;
  }

  #table(s: ReportSeries) {
    return html`<div class="scroll" tabindex="0" role="region" aria-label="Worked time per ${s.unit}, table"><table><thead><tr><th scope="col">${s.unit}</th><th scope="col">Total</th>${s.stacks.map((st) => html`<th scope="col" class="name" title=${st.label}>${st.label}</th>`)}</tr></thead>
      <tbody>${s.buckets.map((b, i) => html`<tr><th scope="row">${bucketLabel(b, s.unit)}</th><td>${this.d(this.#totals[i]!)}</td>${s.stacks.map((st) => html`<td>${st.values[i] ? this.d(st.values[i]!) : ''}</td>`)}</tr>`)}</tbody></table></div>`;
  }

  #segment([i, k]: [number, number], x: number, bw: number, gap: number, y: (ms: number) => number) {
    const s = this.series!;
    let below = 0;
    for (let j = 0; j < k; j++) below += s.stacks[j]!.values[i] ?? 0;
    const v = s.stacks[k]?.values[i] ?? 0;
    const top = y(below + v);
    return { x: x + gap / 2, y: top, w: Math.max(0.6, bw - gap), h: y(below) - top };
  }

  #lastNonEmpty(): number {
    for (let i = this.#totals.length - 1; i >= 0; i--) if (this.#totals[i]! > 0) return i;
    return 0;
  }

  #set(cursor: [number, number] | null, announce: boolean): void {
    this.cursor = cursor;
    const s = this.series;
    if (!cursor || !s) {
      if (!announce) this.readout = '';
      return;
    }
    const [i, k] = cursor;
    const st = s.stacks[k];
    const b = s.buckets[i]!;
    this.readout = `${bucketLabel(b, s.unit)}: ${st ? `${st.label} ${this.d(st.values[i] ?? 0)}, ` : ''}total ${this.d(this.#totals[i] ?? 0)}`;
  }

  #key = (e: KeyboardEvent) => {
    const s = this.series;
    if (!s || !s.buckets.length) return;
    const [i, k] = this.cursor ?? [this.#lastNonEmpty(), 0];
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#drillAt(i, k);
      return;
    }
    let next = moveCursor(e.key, i, k, s.buckets.length, Math.max(1, s.stacks.length));
    if (!next) return;
    e.preventDefault();
    // up and down skip the projects with nothing in this bar
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const step = e.key === 'ArrowDown' ? 1 : -1;
      let j = k + step;
      while (j >= 0 && j < s.stacks.length && !(s.stacks[j]!.values[i]! > 0)) j += step;
      next = j >= 0 && j < s.stacks.length ? [i, j] : [i, k];
    }
    this.#set(next, true);
  };

  #hit(e: MouseEvent): [number, number] | null {
    const s = this.series;
    if (!s) return null;
    const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
    const w = Math.max(200, this.width || 600);
    const slot = (w - LEFT - 4) / Math.max(1, s.buckets.length);
    const i = Math.floor((e.clientX - box.left - LEFT) / slot);
    if (i < 0 || i >= s.buckets.length) return null;
    const max = Math.max(1, ...this.#totals);
    const ms = ((H - (e.clientY - box.top)) / H) * max;
    let sum = 0;
    for (let k = 0; k < s.stacks.length; k++) {
      sum += s.stacks[k]!.values[i] ?? 0;
      if (ms <= sum && (s.stacks[k]!.values[i] ?? 0) > 0) return [i, k];
    }
    return null;
  }

  #pointer = (e: PointerEvent) => {
    const hit = this.#hit(e);
    if (hit?.[0] !== this.cursor?.[0] || hit?.[1] !== this.cursor?.[1]) this.#set(hit, false);
  };

  #click = (e: MouseEvent) => {
    const hit = this.#hit(e);
    if (hit) this.#drillAt(hit[0], hit[1]);
  };

  #drillAt(i: number, k: number): void {
    const s = this.series!;
    const st = s.stacks[k];
    if (!st || !s.buckets[i]) return;
    this.drill({ projectId: st.key, range: bucketRange(s.buckets[i], s.unit) });
  }
}

/** The buckets that get an axis label: every `every`th (only those become template parts, not one per bucket). */
function labelled(n: number, every: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i += every) out.push(i);
  return out;
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-report-bars': LtReportBars;
  }
}
