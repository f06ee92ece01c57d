import { consume } from '@lit/context';
import '@lit-labs/virtualizer';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { GROUP_KEYS, type GroupKey, type Report, type ReportGroup, type ReportRow } from '../../../shared/reports.ts';
import { PRESET_LABELS, PRESETS, type Preset } from '../../../shared/report-range.ts';
import { dataClientContext } from '../../context.ts';
import type { DataClient } from '../../services/data-client.ts';
import { hm, money } from './format.ts';
import './lt-report-charts.ts';
import { ReportsModel } from './reports-model.ts';

const GROUP_LABELS: Record<GroupKey, string> = { project: 'Project', client: 'Client', tag: 'Tag', day: 'Day', week: 'Week', month: 'Month', name: 'Name' };

/** Reports: range, grouping and filters; totals raw and rounded; charts; insights; the detailed table. */
@customElement('lt-reports-view')
export class LtReportsView extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--lt-text, inherit); }
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-bottom: 0.75rem; }
    select, button, input { font: inherit; color: inherit; background: var(--lt-surface, transparent); border: 1px solid var(--lt-border, #d0d5dd);
      border-radius: 8px; padding: 0.3rem 0.55rem; min-height: 2rem; }
    button { cursor: pointer; }
    :is(select, button, input):focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 1px; }
    .range { font-weight: 600; font-variant-numeric: tabular-nums; }
    .totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr)); gap: 0.5rem; margin: 0.75rem 0; }
    .tile { border: 1px solid var(--lt-border, #d0d5dd); border-radius: 10px; padding: 0.5rem 0.75rem; min-width: 0; }
    .tile b { display: block; font-size: 1.3rem; font-variant-numeric: tabular-nums; }
    .tile small { color: var(--lt-muted, #667085); }
    .filters { display: flex; gap: 0.4rem; flex-wrap: wrap; align-items: center; font-size: 0.9rem; }
    .groups { list-style: none; padding: 0; margin: 0.75rem 0; }
    .groups li { display: grid; grid-template-columns: minmax(0, 1fr) auto auto; gap: 0.75rem; padding: 0.3rem 0; border-bottom: 1px solid var(--lt-border, #eaecf0); }
    .groups .sub { padding-left: 1.25rem; font-size: 0.9rem; }
    .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
    .num { font-variant-numeric: tabular-nums; text-align: right; white-space: nowrap; }
    .insights { margin: 1rem 0; padding-left: 1.2rem; }
    h2 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
    .table { border: 1px solid var(--lt-border, #d0d5dd); border-radius: 10px; }
    .thead, .trow { display: grid; grid-template-columns: 9.5rem minmax(0, 2fr) minmax(0, 1fr) 4.5rem 4.5rem; gap: 0.5rem; padding: 0.3rem 0.6rem; width: 100%; box-sizing: border-box; }
    .thead { font-weight: 600; border-bottom: 1px solid var(--lt-border, #d0d5dd); }
    .thead button { border: 0; padding: 0; min-height: 0; text-align: left; font-weight: 600; background: none; }
    lit-virtualizer { height: 22rem; }
    .error { color: var(--lt-danger, #b42318); }
    @media (max-width: 40rem) { .thead, .trow { grid-template-columns: 6rem minmax(0, 1fr) 4rem; } .hide-narrow { display: none; } }
    @media print {
      .bar, .filters button, .table, h2.table-title { display: none; }
      :host { color: #000; }
    }
  `;

  @consume({ context: dataClientContext, subscribe: false }) client?: DataClient;
  @state() private report: Report | null = null;
  @state() private rows: ReportRow[] = [];
  @state() private rowTotal = 0;
  @state() private error: string | null = null;
  @state() private preset: Preset = 'this-week';
  model: ReportsModel | null = null;
  #off: (() => void)[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.model && this.client) this.model = new ReportsModel(this.client);
    const m = this.model;
    if (!m) return;
    this.#off.push(m.$report.subscribe((r) => (this.report = r)), m.$rows.subscribe((r) => (this.rows = [...r])),
      m.$rowTotal.subscribe((n) => (this.rowTotal = n)), m.$error.subscribe((e) => (this.error = e)),
      m.$query.subscribe((q) => (this.preset = q.preset)));
    this.#off.push(this.client!.onChange(() => void m.load()));
    void m.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const off of this.#off.splice(0)) off();
  }

  override render() {
    const m = this.model;
    if (!m) return html`<p>Reports need the data worker.</p>`;
    const q = m.$query.get();
    const r = this.report;
    return html`
      <div class="bar" role="toolbar" aria-label="Report range and grouping">
        <label for="range">Range</label><select id="range" .value=${this.preset} @change=${(e: Event) => void m.preset((e.target as HTMLSelectElement).value as Preset)}>
          ${PRESETS.map((p) => html`<option value=${p} ?selected=${p === this.preset}>${PRESET_LABELS[p]}</option>`)}</select>
        <button aria-label="Previous period" @click=${() => void m.step(-1)}>‹</button>
        <span class="range">${r?.from ?? q.from} – ${q.to}</span>
        <button aria-label="Next period" @click=${() => void m.step(1)}>›</button>
        <label for="group">Group by</label><select id="group" @change=${(e: Event) => void m.set({ groupBy: (e.target as HTMLSelectElement).value as GroupKey })}>
          ${GROUP_KEYS.map((g) => html`<option value=${g} ?selected=${g === q.groupBy}>${GROUP_LABELS[g]}</option>`)}</select>
        <label for="sub">then</label><select id="sub" @change=${(e: Event) => { const v = (e.target as HTMLSelectElement).value; void m.set({ subGroupBy: v ? (v as GroupKey) : null }); }}>
          <option value="" ?selected=${!q.subGroupBy}>nothing</option>
          ${GROUP_KEYS.map((g) => html`<option value=${g} ?selected=${g === q.subGroupBy}>${GROUP_LABELS[g]}</option>`)}</select>
        <label for="billable">Billable</label><select id="billable" @change=${(e: Event) => { const v = (e.target as HTMLSelectElement).value; void m.set({ filters: { ...q.filters, billable: v === '' ? null : v === 'yes' } }); }}>
          <option value="">all</option><option value="yes">billable</option><option value="no">not billable</option></select>
        <input type="search" aria-label="Filter by text" placeholder="Filter text" .value=${q.filters.text ?? ''}
          @change=${(e: Event) => void m.set({ filters: { ...q.filters, text: (e.target as HTMLInputElement).value } })} />
        <button @click=${() => window.print()}>Print</button>
      </div>
      ${q.filters.projectIds?.length ? html`<div class="filters">Filtered to
        ${q.filters.projectIds.map((id) => r?.share.find((s) => s.key === id)?.label ?? r?.groups.find((g) => g.key === id)?.label ?? 'a project').join(', ')}
        <button @click=${() => void m.clearFilters()}>Clear filters</button></div>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${r ? this.#body(r) : html`<p aria-busy="true">Loading…</p>`}`;
  }

  #body(r: Report) {
    const t = r.totals;
    const change = r.previous.changePct;
    return html`
      <section class="totals" aria-label="Totals">
        <div class="tile"><small>Worked</small><b>${hm(t.ms)}</b><small>rounded ${hm(t.roundedMs)}</small></div>
        <div class="tile"><small>Billable</small><b>${hm(t.billableMs)}</b><small>rounded ${hm(t.billableRoundedMs)}</small></div>
        <div class="tile"><small>Amount</small><b>${t.amounts.length ? t.amounts.map(money).join(' · ') : '—'}</b><small>billable rounded × rate</small></div>
        <div class="tile"><small>Against ${r.previous.from} – ${r.previous.to}</small><b>${change === null ? '—' : `${change >= 0 ? '+' : ''}${change.toFixed(0)}%`}</b><small>${hm(r.previous.ms)} before</small></div>
        <div class="tile"><small>Productive</small><b>${r.productivity.score === null ? '—' : `${Math.round(r.productivity.score * 100)}%`}</b><small>${t.sessions} sessions</small></div>
      </section>
      <lt-report-charts .report=${r} @drill=${(e: CustomEvent<string>) => void this.model!.drillProject(e.detail)}></lt-report-charts>
      <h2>Insights</h2>
      <ul class="insights">${r.productivity.insights.map((i) => html`<li>${i.text}</li>`)}</ul>
      <h2>By ${GROUP_LABELS[r.groupBy].toLowerCase()}${r.subGroupBy ? ` and ${GROUP_LABELS[r.subGroupBy].toLowerCase()}` : ''}</h2>
      <ul class="groups">${r.groups.slice(0, 200).map((g) => this.#group(g, false))}</ul>
      ${r.budgets.length ? html`<h2>Budgets</h2><ul class="groups">${r.budgets.map((b) => html`<li><span class="name" title=${b.label}>${b.label}</span>
        <span class="num">${hm(b.spentMs)} of ${hm(b.budgetMs)}</span><span class="num">${b.over ? 'over budget' : b.runOutDay ? `runs out ${b.runOutDay}` : 'on track'}</span></li>`)}</ul>` : nothing}
      ${r.timeline ? html`<h2>The day</h2><ul class="groups">${r.timeline.map((b) => html`<li><span class="name">${b.kind === 'gap' ? 'Untracked' : b.label}</span>
        <span class="num">${new Date(b.start).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}–${new Date(b.end).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</span><span class="num">${hm(b.end - b.start)}</span></li>`)}</ul>` : nothing}
      <p><small>${r.notes.join(' ')} Computed in ${r.tookMs} ms.</small></p>
      <h2 class="table-title">Sessions (${this.rowTotal})</h2>
      <div class="table" role="table" aria-label="Sessions" aria-rowcount=${this.rowTotal}>
        <div class="thead" role="row">
          ${(['start', 'name', 'project', 'duration'] as const).map((s) => html`<span role="columnheader" class=${s === 'project' ? 'hide-narrow' : ''}><button @click=${() => void this.model!.sortBy(s)}>${s[0]!.toUpperCase() + s.slice(1)}</button></span>`)}
          <span role="columnheader" class="hide-narrow">Rounded</span>
        </div>
        <lit-virtualizer scroller .items=${this.rows} .renderItem=${(row: ReportRow, i: number) => {
          if (i === this.rows.length - 1 && this.rows.length < this.rowTotal) void this.model!.loadRows(this.rows.length);
          return html`<div class="trow" role="row"><span role="cell">${new Date(row.start).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' })}</span>
            <span role="cell" class="name" title=${row.name}>${row.name || '(no name)'}</span><span role="cell" class="name hide-narrow" title=${row.project}>${row.project || '—'}</span>
            <span role="cell" class="num">${hm(row.ms)}</span><span role="cell" class="num hide-narrow">${hm(row.roundedMs)}</span></div>`;
        }}></lit-virtualizer>
      </div>`;
  }

  #group(g: ReportGroup, sub: boolean): unknown {
    return html`<li class=${sub ? 'sub' : ''}><span class="name" title=${g.label}>${g.label}</span>
      <span class="num">${hm(g.ms)}${g.roundedMs !== g.ms ? html` <small>(${hm(g.roundedMs)})</small>` : nothing}</span>
      <span class="num">${Math.round(g.share * 100)}%${g.amounts.length ? ` · ${g.amounts.map(money).join(' · ')}` : ''}</span></li>
      ${g.children.slice(0, 50).map((c) => this.#group(c, true))}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-reports-view': LtReportsView;
  }
}
