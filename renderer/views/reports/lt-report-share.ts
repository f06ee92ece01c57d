import { html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import type { Report } from '../../../shared/reports.ts';
import { ChartElement, isProject } from './chart-element.ts';
import { chartStyles } from './reports-styles.ts';

type Share = Report['share'][number];
const SHOWN = 12;

/**
 * Each top-level project's part of the worked time, biggest first: a ring and, beside it, the rows that are its legend,
 * its text and its controls (a project's row drills into it). Past twelve projects the rest are one slice.
 */
@customElement('lt-report-share')
export class LtReportShare extends ChartElement {
  static override styles = chartStyles;
  @property({ attribute: false }) share: Share[] = [];

  override render() {
    const list = this.#shown();
    if (!list.length) return nothing;
    let angle = -Math.PI / 2;
    const arcs = list.map((s) => {
      const a0 = angle;
      angle += Math.max(0.0001, s.share) * 2 * Math.PI;
      // a slice drills like its row (the rows are the keyboard's way in; the ring is hidden from screen readers)
      return svg`<path class=${isProject(s.key) ? 'slice' : ''} d=${arc(a0, Math.min(angle, a0 + 2 * Math.PI - 0.0001))} fill=${s.color}
        @click=${isProject(s.key) ? () => this.drill({ projectId: s.key }) : null}><title>${s.label}: ${this.#pct(s)}</title></path>`;
    });
    return html`<figure class="chart">
      <figcaption>Share per project</figcaption>
      <div class="share-wrap">
        <svg class="ring" viewBox="-50 -50 100 100" aria-hidden="true">${arcs}</svg>
        <ul class="share" aria-label="Share per project">
          ${list.map((s) => {
            const text = html`<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" rx="2" fill=${s.color}></rect></svg>
              <span class="name">${s.label}</span><span class="num">${this.d(s.ms)} · ${this.#pct(s)}</span>`;
            const title = `${s.label}: ${this.d(s.ms)} (${this.#pct(s)})`;
            return html`<li>${
              isProject(s.key)
                ? html`<button class="row" type="button" title="${title} — show only this project" data-key=${s.key} @click=${() => this.drill({ projectId: s.key })}>${text}</button>`
                : html`<div class="row" title=${title}>${text}</div>`
            }</li>`;
          })}
        </ul>
      </div>
    </figure>`;
  }

  #shown(): Share[] {
    if (this.share.length <= SHOWN) return this.share;
    const rest = this.share.slice(SHOWN - 1);
    const ms = rest.reduce((s, x) => s + x.ms, 0);
    const share = rest.reduce((s, x) => s + x.share, 0);
    return [
      ...this.share.slice(0, SHOWN - 1),
      { key: '*', label: `${rest.length} more projects`, color: '#98a2b3', ms, share },
    ];
  }

  #pct(s: Share): string {
    const p = s.share * 100;
    return p > 0 && p < 1 ? '<1%' : `${Math.round(p)}%`;
  }
}

/** A ring slice from angle a0 to a1 (radians, clockwise from the x axis). */
function arc(a0: number, a1: number): string {
  const [R, r] = [48, 30];
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const p = (rad: number, a: number) => `${(rad * Math.cos(a)).toFixed(2)} ${(rad * Math.sin(a)).toFixed(2)}`;
  return `M${p(R, a0)}A${R} ${R} 0 ${large} 1 ${p(R, a1)}L${p(r, a1)}A${r} ${r} 0 ${large} 0 ${p(r, a0)}z`;
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-report-share': LtReportShare;
  }
}
