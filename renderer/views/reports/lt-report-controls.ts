import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import type { Project } from '../../../shared/project.ts';
import { PRESET_LABELS, PRESETS, type DayRange, type Preset } from '../../../shared/report-range.ts';
import { GROUP_KEYS, type GroupKey } from '../../../shared/reports.ts';
import type { Tag } from '../../../shared/tag.ts';
import { controlStyles, fieldStyles } from '../../components/styles.ts';
import { rangeLabel } from './format.ts';
import type { ReportQuery, ReportsModel } from './reports-model.ts';

export const GROUP_LABELS: Record<GroupKey, string> = {
  project: 'Project',
  client: 'Client',
  tag: 'Tag',
  day: 'Day',
  week: 'Week',
  month: 'Month',
  name: 'Name',
};

/**
 * What the report covers: a range preset, previous/next, custom days, grouping with one sub-grouping, and the
 * filters (projects, clients, tags, billable, text), with the active ones listed and a way back after drilling in.
 */
@customElement('lt-report-controls')
export class LtReportControls extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    css`
    :host { display: block; }
    .bar { display: flex; flex-wrap: wrap; gap: var(--lt-space-2, 0.5rem) var(--lt-space-3, 0.75rem); align-items: end; }
    .field { display: grid; gap: 0.15rem; min-width: 0; font-size: var(--lt-text-sm, 0.87rem); }
    .field > label { color: var(--lt-muted, #5d6b82); }
    .step { display: flex; gap: 0.3rem; align-items: center; min-width: 0; }
    .range { font-weight: 600; font-variant-numeric: tabular-nums; padding: 0 0.2rem; overflow-wrap: anywhere; }
    input[type='search'] { inline-size: 14rem; }
    .filters { margin-top: var(--lt-space-2, 0.5rem); }
    .filters summary { font-weight: 600; font-size: var(--lt-text-md, 0.93rem); }
    .choices { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr)); gap: var(--lt-space-3, 0.75rem); margin-top: var(--lt-space-2, 0.5rem); }
    fieldset { border: 1px solid var(--lt-border, #d0d5dd); border-radius: var(--lt-radius, 8px); min-width: 0; margin: 0; padding: 0.4rem 0.6rem; max-block-size: 12rem; overflow: auto; }
    legend { font-weight: 600; font-size: var(--lt-text-sm, 0.87rem); }
    fieldset label { display: flex; gap: 0.4rem; align-items: center; padding: 0.1rem 0; min-width: 0; }
    .active { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin-top: var(--lt-space-2, 0.5rem); font-size: var(--lt-text-sm, 0.87rem); }
    .chip { max-inline-size: 16rem; }
    @media print { :host { display: none; } }
  `,
  ];

  @property({ attribute: false }) model!: ReportsModel;
  @property({ attribute: false }) query!: ReportQuery;
  @property({ attribute: false }) projects: Project[] = [];
  @property({ attribute: false }) tags: Tag[] = [];
  @property({ attribute: false }) inputError: string | null = null;
  @property({ type: Boolean }) canGoBack = false;
  /** the days the report covers when they differ from the query's (all time starts at the first session) */
  @property({ attribute: false }) shown: DayRange | null = null;
  @state() private choicesOpen = false;

  override render() {
    const m = this.model;
    const q = this.query;
    return html`<div class="bar" role="toolbar" aria-label="Report range and grouping">
        <div class="field"><label for="range">Range</label><select id="range" @change=${(e: Event) => void m.preset((e.target as HTMLSelectElement).value as Preset)}>
          ${PRESETS.map((p) => html`<option value=${p} ?selected=${p === q.preset}>${PRESET_LABELS[p]}</option>`)}</select></div>
        ${
          q.preset === 'custom'
            ? html`
          <div class="field"><label for="from">From</label><input id="from" type="date" .value=${q.from} @change=${(e: Event) => this.#day('from', e)} /></div>
          <div class="field"><label for="to">To</label><input id="to" type="date" .value=${q.to} @change=${(e: Event) => this.#day('to', e)} /></div>`
            : nothing
        }
        <div class="step">
          <button class="btn small" type="button" aria-label="Previous period" title="Previous period" @click=${() => void m.step(-1)}>‹</button>
          <span class="range" aria-live="polite">${rangeLabel(this.shown ?? q)}</span>
          <button class="btn small" type="button" aria-label="Next period" title="Next period" @click=${() => void m.step(1)}>›</button>
        </div>
        <div class="field"><label for="group">Group by</label><select id="group" @change=${(e: Event) => void m.set({ groupBy: (e.target as HTMLSelectElement).value as GroupKey })}>
          ${GROUP_KEYS.map((g) => html`<option value=${g} ?selected=${g === q.groupBy}>${GROUP_LABELS[g]}</option>`)}</select></div>
        <div class="field"><label for="sub">then by</label><select id="sub" @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          void m.set({ subGroupBy: v ? (v as GroupKey) : null });
        }}>
          <option value="" ?selected=${!q.subGroupBy}>nothing</option>
          ${GROUP_KEYS.map((g) => html`<option value=${g} ?selected=${g === q.subGroupBy}>${GROUP_LABELS[g]}</option>`)}</select></div>
        <div class="field"><label for="billable">Billable</label><select id="billable" @change=${this.#billable}>
          <option value="" ?selected=${q.filters.billable == null}>all</option>
          <option value="yes" ?selected=${q.filters.billable === true}>billable</option>
          <option value="no" ?selected=${q.filters.billable === false}>not billable</option></select></div>
        <div class="field"><label for="text">Text</label><input id="text" type="search" placeholder="words in name or notes" .value=${q.filters.text ?? ''}
          aria-invalid=${this.inputError ? 'true' : 'false'} aria-describedby="input-error"
          @change=${(e: Event) => void m.filterText((e.target as HTMLInputElement).value)} /></div>
        <button class="btn small" type="button" @click=${() => window.print()}>Print</button>
      </div>
      <p id="input-error" class="field-error" role=${this.inputError ? 'alert' : nothing}>${this.inputError ?? ''}</p>
      ${this.#choices(q)}
      ${this.#active(q)}`;
  }

  #choices(q: ReportQuery) {
    const clients = [...new Set(this.projects.map((p) => p.client).filter((c): c is string => !!c))].sort();
    const count =
      (q.filters.projectIds?.length ?? 0) + (q.filters.clients?.length ?? 0) + (q.filters.tagIds?.length ?? 0);
    const box = (list: 'projectIds' | 'clients' | 'tagIds', value: string, label: string) => html`<label title=${label}>
      <input type="checkbox" .checked=${(q.filters[list] as string[] | undefined)?.includes(value) ?? false}
        @change=${(e: Event) => void this.model.toggleFilter(list, value, (e.target as HTMLInputElement).checked)} /><span class="ellipsis">${label}</span></label>`;
    // the choices (a checkbox per project, client and tag) are drawn once the user opens them
    return html`<details class="filters" @toggle=${(e: Event) => (this.choicesOpen = (e.target as HTMLDetailsElement).open)}><summary>Projects, clients and tags${count ? ` (${count} chosen)` : ''}</summary>
      ${
        this.choicesOpen
          ? html`<div class="choices">
        <fieldset><legend>Projects</legend>${this.projects.length ? this.projects.map((p) => box('projectIds', p.id, p.name)) : html`<span class="muted">No projects yet.</span>`}</fieldset>
        <fieldset><legend>Clients</legend>${clients.length ? clients.map((c) => box('clients', c, c)) : html`<span class="muted">No clients yet.</span>`}</fieldset>
        <fieldset><legend>Tags</legend>${this.tags.length ? this.tags.map((t) => box('tagIds', t.id, t.name)) : html`<span class="muted">No tags yet.</span>`}</fieldset>
      </div>`
          : nothing
      }</details>`;
  }

  #active(q: ReportQuery) {
    const f = q.filters;
    const words: string[] = [];
    for (const id of f.projectIds ?? [])
      words.push(this.projects.find((p) => p.id === id)?.name ?? 'a removed project');
    for (const c of f.clients ?? []) words.push(`client ${c}`);
    for (const id of f.tagIds ?? []) words.push(`#${this.tags.find((t) => t.id === id)?.name ?? 'removed tag'}`);
    if (f.billable != null) words.push(f.billable ? 'billable' : 'not billable');
    if (f.text) words.push(`“${f.text}”`);
    if (!words.length && !this.canGoBack) return nothing;
    return html`<div class="active">
      ${this.canGoBack ? html`<button class="btn small" type="button" @click=${() => void this.model.back()}>← Back</button>` : nothing}
      ${
        words.length
          ? html`<span>Showing only:</span>${words.map((w) => html`<span class="chip ellipsis" title=${w}>${w}</span>`)}
        <button class="btn small ghost" type="button" @click=${() => void this.model.clearFilters()}>Clear filters</button>`
          : nothing
      }
    </div>`;
  }

  #day(end: 'from' | 'to', e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    if (!value) return;
    void this.model.set({ [end]: value, preset: 'custom' });
  }

  #billable = (e: Event) => {
    const v = (e.target as HTMLSelectElement).value;
    const filters = { ...this.query.filters };
    if (v) filters.billable = v === 'yes';
    else delete filters.billable;
    void this.model.set({ filters });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-report-controls': LtReportControls;
  }
}
