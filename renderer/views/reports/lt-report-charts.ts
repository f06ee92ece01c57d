import { html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Report } from '../../../shared/reports.ts';
import { hm, WEEKDAYS } from './format.ts';
import { chartStyles } from './reports-styles.ts';

/**
 * The report's charts as SVG drawn by Lit: stacked bars per day/week/month, share per project, the hour × weekday
 * heatmap. Every mark is focusable with a <title> tooltip; Enter or a click drills in (event 'drill', detail project
 * id). Each chart has a legend and a text alternative (a table in a <details>).
 */
@customElement('lt-report-charts')
export class LtReportCharts extends LitElement {
  static override styles = chartStyles;
  @property({ attribute: false }) report: Report | null = null;

  #drill(key: string) {
    this.dispatchEvent(new CustomEvent('drill', { detail: key, bubbles: true, composed: true }));
  }

  #key(e: KeyboardEvent, key: string) {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#drill(key);
    }
  }

  override render() {
    const r = this.report;
    if (!r) return nothing;
    return html`${this.#bars(r)}${this.#share(r)}${this.#heatmap(r)}`;
  }

  #bars(r: Report) {
    const { buckets, stacks, unit } = r.series;
    const totals = buckets.map((_, i) => stacks.reduce((s, st) => s + (st.values[i] ?? 0), 0));
    const max = Math.max(1, ...totals);
    const w = 1000;
    const h = 220;
    const bw = w / Math.max(1, buckets.length);
    return html`<figure class="chart">
      <figcaption>Worked time per ${unit}, by project</figcaption>
      <svg viewBox="0 0 ${w} ${h + 4}" role="group" aria-label="Worked time per ${unit}, stacked by project" preserveAspectRatio="none">
        ${buckets.map((b, i) => {
          let y = h;
          return stacks.map((st) => {
            const v = st.values[i] ?? 0;
            if (v <= 0) return nothing;
            const bh = (v / max) * h;
            y -= bh;
            return svg`<rect class="mark" x=${i * bw + bw * 0.1} y=${y} width=${Math.max(1, bw * 0.8)} height=${bh} fill=${st.color}
              tabindex="0" role="button" aria-label="${b}: ${st.label} ${hm(v)}" @click=${() => this.#drill(st.key)}
              @keydown=${(e: KeyboardEvent) => this.#key(e, st.key)}><title>${b} · ${st.label}: ${hm(v)}</title></rect>`;
          });
        })}
      </svg>
      <ul class="legend">${stacks.map((s) => html`<li><span class="swatch" data-color=${s.color}><svg viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill=${s.color}></rect></svg></span><span class="name" title=${s.label}>${s.label}</span></li>`)}</ul>
      <details><summary>Data as a table</summary>
        <table><thead><tr><th>${unit}</th><th>Total</th></tr></thead>
        <tbody>${buckets.map((b, i) => html`<tr><td>${b}</td><td>${hm(totals[i]!)}</td></tr>`)}</tbody></table>
      </details>
    </figure>`;
  }

  #share(r: Report) {
    const list = r.share.slice(0, 12);
    return html`<figure class="chart">
      <figcaption>Share per project</figcaption>
      <ul class="share" role="list">
        ${list.map((s) => html`<li>
          <button class="row" @click=${() => this.#drill(s.key)} title="${s.label}: ${hm(s.ms)} (${Math.round(s.share * 100)}%)">
            <span class="name">${s.label}</span>
            <svg class="meter" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect width="100" height="8" class="track"></rect><rect width=${Math.max(0.5, s.share * 100)} height="8" fill=${s.color}></rect></svg>
            <span class="num">${hm(s.ms)} · ${Math.round(s.share * 100)}%</span>
          </button></li>`)}
      </ul>
    </figure>`;
  }

  #heatmap(r: Report) {
    const { cells, max } = r.heatmap;
    const cw = 28;
    const ch = 18;
    return html`<figure class="chart">
      <figcaption>When you work: hour × weekday</figcaption>
      <svg viewBox="0 0 ${40 + 24 * cw} ${20 + 7 * ch}" role="group" aria-label="Worked time by weekday and hour">
        ${[0, 6, 12, 18].map((hr) => svg`<text x=${40 + hr * cw} y="12" class="axis">${String(hr).padStart(2, '0')}</text>`)}
        ${cells.map((row, d) => svg`<text x="0" y=${20 + d * ch + 13} class="axis">${WEEKDAYS[d]}</text>
          ${row.map((ms, hr) => svg`<rect class="cell" x=${40 + hr * cw} y=${20 + d * ch} width=${cw - 2} height=${ch - 2}
            fill="var(--lt-accent, #4f7cff)" fill-opacity=${ms > 0 ? 0.12 + 0.88 * (ms / Math.max(1, max)) : 0.04}
            tabindex=${ms > 0 ? '0' : '-1'} aria-label="${WEEKDAYS[d]} ${hr}:00 ${hm(ms)}"><title>${WEEKDAYS[d]} ${String(hr).padStart(2, '0')}:00 — ${hm(ms)}</title></rect>`)}`)}
      </svg>
      <details><summary>Data as a table</summary>
        <table><thead><tr><th>Day</th>${Array.from({ length: 24 }, (_, i) => html`<th>${i}</th>`)}</tr></thead>
        <tbody>${cells.map((row, d) => html`<tr><th>${WEEKDAYS[d]}</th>${row.map((ms) => html`<td>${ms ? hm(ms) : ''}</td>`)}</tr>`)}</tbody></table>
      </details>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-report-charts': LtReportCharts;
  }
}
