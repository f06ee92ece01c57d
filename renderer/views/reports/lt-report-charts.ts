import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import type { Report } from '../../../shared/reports.ts';

import './lt-report-bars.ts';
import './lt-report-budgets.ts';
import './lt-report-heatmap.ts';
import './lt-report-share.ts';
import './lt-report-timeline.ts';

/**
 * The report's charts laid out: the bars (and a one-day report's timeline) full width, share and heatmap side by side
 * where there is room, budgets below. Each chart has its own tooltip line, legend, keys and text alternative.
 */
@customElement('lt-report-charts')
export class LtReportCharts extends LitElement {
  static override styles = css`
    :host { display: grid; gap: var(--lt-space-4, 1rem); grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); min-width: 0; }
    .wide { grid-column: 1 / -1; }
    @media print { :host { display: block; } :host > * { margin-bottom: 1rem; } }
  `;
  @property({ attribute: false }) report: Report | null = null;
  @property({ type: Number }) weekStart = 1;

  override render() {
    const r = this.report;
    // without a report (while the first one is made) the charts are there empty, so they know their width when it comes
    if (!r)
      return html`<lt-report-bars class="wide"></lt-report-bars><lt-report-share></lt-report-share><lt-report-heatmap></lt-report-heatmap>`;
    return html`
      ${r.timeline?.length ? html`<lt-report-timeline class="wide" .blocks=${r.timeline}></lt-report-timeline>` : nothing}
      <lt-report-bars class="wide" .series=${r.series}></lt-report-bars>
      <lt-report-share .share=${r.share}></lt-report-share>
      <lt-report-heatmap .heatmap=${r.heatmap} .weekStart=${this.weekStart}></lt-report-heatmap>
      ${r.budgets.length ? html`<lt-report-budgets class="wide" .budgets=${r.budgets}></lt-report-budgets>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-report-charts': LtReportCharts;
  }
}
