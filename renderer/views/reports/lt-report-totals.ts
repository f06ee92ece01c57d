import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import type { Report } from '../../../shared/reports.ts';
import { plural } from '../../components/format.ts';
import { controlStyles } from '../../components/styles.ts';
import { FormatController } from '../../controllers/format.ts';
import { money, rangeLabel, signedPct } from './format.ts';

const ROUNDING_WORDS = { up: 'up', down: 'down', nearest: 'to the nearest' } as const;

/**
 * The report's totals: worked and billable time raw and rounded side by side, amounts per currency, the change
 * against the previous period (with a two-bar comparison) and the productivity score.
 */
@customElement('lt-report-totals')
export class LtReportTotals extends LitElement {
  static override styles = [
    controlStyles,
    css`
    :host { display: grid; gap: var(--lt-space-2, 0.5rem); grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr)); }
    .tile { border: 1px solid var(--lt-border, #d0d5dd); border-radius: var(--lt-radius-lg, 12px); padding: 0.55rem 0.8rem; min-width: 0; }
    .tile h3 { font-size: var(--lt-text-sm, 0.87rem); font-weight: 500; color: var(--lt-muted, #5d6b82); margin: 0; overflow-wrap: anywhere; }
    .tile b { display: block; font-size: var(--lt-text-xl, 1.25rem); font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
    .pair { display: flex; flex-wrap: wrap; gap: 0 0.8rem; align-items: baseline; }
    .pair small, .tile p { font-size: var(--lt-text-sm, 0.87rem); color: var(--lt-muted, #5d6b82); margin: 0; font-variant-numeric: tabular-nums; }
    .up { color: var(--lt-ok, #067647); }
    .down { color: var(--lt-danger-text, #b42318); }
    .compare { inline-size: 100%; block-size: 1.6rem; margin-top: 0.25rem; }
    .compare .now { fill: var(--lt-accent, #3a64e8); }
    .compare .before { fill: var(--lt-muted, #5d6b82); opacity: 0.5; }
    @media print { .tile { border-color: #999; break-inside: avoid; } }
  `,
  ];

  @property({ attribute: false }) report!: Report;
  readonly #format = new FormatController(this);

  override render() {
    const r = this.report;
    const t = r.totals;
    const d = (ms: number) => this.#format.duration(ms);
    const rounds = r.rounding.mode !== 'none';
    const roundWords = rounds
      ? `rounded ${ROUNDING_WORDS[r.rounding.mode as keyof typeof ROUNDING_WORDS]} ${r.rounding.minutes} min`
      : 'no rounding set';
    const change = r.previous.changePct;
    const max = Math.max(1, t.ms, r.previous.ms);
    return html`
      <div class="tile worked"><h3>Worked</h3>
        <div class="pair"><b title="raw">${d(t.ms)}</b><small>${rounds ? html`${d(t.roundedMs)} ${roundWords}` : roundWords}</small></div>
        <p>${plural(t.sessions, 'session')}</p></div>
      <div class="tile billable"><h3>Billable</h3>
        <div class="pair"><b>${d(t.billableMs)}</b>${rounds ? html`<small>${d(t.billableRoundedMs)} rounded</small>` : nothing}</div>
        <p>${t.ms ? `${Math.round((t.billableMs / t.ms) * 100)}% of worked` : '—'}</p></div>
      <div class="tile amount"><h3>Amount${t.amounts.length > 1 ? 's' : ''}</h3>
        ${t.amounts.length ? t.amounts.map((a) => html`<b>${money(a)}</b>`) : html`<b>—</b>`}
        <p>${t.amounts.length ? 'billable rounded time × rate' : 'no billable time with a rate'}</p></div>
      <div class="tile change"><h3>Against ${rangeLabel(r.previous)}</h3>
        <b class=${change === null ? '' : change >= 0 ? 'up' : 'down'}>${change === null ? '—' : signedPct(change)}</b>
        <svg class="compare" viewBox="0 0 100 20" preserveAspectRatio="none" role="img"
          aria-label="This period ${d(t.ms)}, the period before ${d(r.previous.ms)}">
          <rect class="now" y="1" height="8" width=${Math.max(0.5, (t.ms / max) * 100)}><title>This period: ${d(t.ms)}</title></rect>
          <rect class="before" y="11" height="8" width=${Math.max(0.5, (r.previous.ms / max) * 100)}><title>The period before: ${d(r.previous.ms)}</title></rect>
        </svg>
        <p>${d(r.previous.ms)} before${change === null ? ' (nothing to compare with)' : ''}</p></div>
      <div class="tile productive"><h3>Productive</h3>
        ${
          !r.productivity.classesSet
            ? html`<b>—</b><p>no project or tag is marked productive yet: <a href="#/projects">set it in Projects</a></p>`
            : html`<b>${r.productivity.score === null ? '—' : `${Math.round(r.productivity.score * 100)}%`}</b>
            <p>${r.productivity.score === null ? 'nothing worked' : `${d(r.productivity.productiveMs)} of ${d(t.ms)}`}</p>`
        }</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-report-totals': LtReportTotals;
  }
}
