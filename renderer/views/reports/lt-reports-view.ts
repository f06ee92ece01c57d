import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import type { GroupKey, Report, ReportGroup, ReportRow } from '../../../shared/reports.ts';

import '../../components/lt-goal-progress.ts';

import { controlStyles } from '../../components/styles.ts';
import { dataClientContext } from '../../context.ts';
import { FormatController } from '../../controllers/format.ts';
import { WatchController } from '../../controllers/watch.ts';
import type { DataClient } from '../../services/data-client.ts';
import type { DrillDetail } from './chart-element.ts';
import { bucketRange, dateLabel, money, rangeLabel } from './format.ts';

import './lt-report-charts.ts';

import { GROUP_LABELS } from './lt-report-controls.ts';

import './lt-report-controls.ts';
import './lt-report-table.ts';
import './lt-report-totals.ts';

import type { ExportHistoryEntry } from '../../../shared/export-contract.ts';
import { ShortcutController } from '../../controllers/shortcuts.ts';
import { $pendingCommand, runCommand } from '../../state/commands.ts';
import { ReportsModel, type RowSort } from './reports-model.ts';

const ROWS_SHOWN = 120;

/** Reports: range, grouping and filters; totals raw and rounded; charts; insights; goals; the detailed table. */
@customElement('lt-reports-view')
export class LtReportsView extends LitElement {
  static override styles = [
    controlStyles,
    css`
    :host { display: block; min-width: 0; color: var(--lt-text, inherit); }
    lt-report-totals, lt-report-charts { margin-top: var(--lt-space-3, 0.75rem); }
    /* empty charts measured while the first report is made (see ChartElement): no room taken */
    lt-report-charts.measure { margin: 0; row-gap: 0; }
    h2 { font-size: var(--lt-text-lg, 1.1rem); margin: var(--lt-space-5, 1.5rem) 0 var(--lt-space-2, 0.5rem); }
    .insights { margin: 0; padding-inline-start: 1.2rem; display: grid; gap: 0.2rem; }
    .groups { list-style: none; padding: 0; margin: 0; }
    .groups li { display: grid; grid-template-columns: minmax(0, 1fr) auto auto; gap: 0.25rem var(--lt-space-3, 0.75rem); align-items: center;
      padding: 0.3rem 0.35rem; border-bottom: 1px solid var(--lt-track, #eaecf0); }
    .groups li.sub { padding-inline-start: 1.6rem; font-size: var(--lt-text-sm, 0.87rem); }
    .groups button { font: inherit; color: var(--lt-link, #3559d8); background: none; border: 0; padding: 0; cursor: pointer; text-align: start; }
    .groups .name { display: flex; gap: 0.4rem; align-items: center; min-width: 0; }
    .dot { inline-size: 0.6rem; block-size: 0.6rem; flex: none; }
    .num { font-variant-numeric: tabular-nums; text-align: end; white-space: nowrap; }
    /* below the fold: laid out and painted when scrolled to */
    section.below { content-visibility: auto; contain-intrinsic-size: auto 40rem; }
    .print-only { display: none; font-weight: 600; margin: 0 0 var(--lt-space-2, 0.5rem); }
    .notes { font-size: var(--lt-text-sm, 0.87rem); color: var(--lt-muted, #5d6b82); margin: var(--lt-space-3, 0.75rem) 0 0; }
    .empty { margin: var(--lt-space-4, 1rem) 0; padding: var(--lt-space-5, 1.5rem); border: 1px dashed var(--lt-border, #d0d5dd);
      border-radius: var(--lt-radius-lg, 12px); text-align: center; }
    .empty p { margin: 0 0 var(--lt-space-3, 0.75rem); }
    .empty .actions { justify-content: center; }
    .export-bar { justify-content: flex-end; margin-top: var(--lt-space-2, 0.5rem); }
    details.exports { margin-top: var(--lt-space-5, 1.5rem); }
    details.exports > summary { font-weight: 600; padding: 0.3rem 0; }
    @media (max-width: 30rem) { .groups li { grid-template-columns: minmax(0, 1fr) auto; } .groups .share { grid-column: 1 / -1; text-align: start; } }
    @media print {
      :host { color: #000; }
      .table-part, .goals, .loading, .export-bar, details.exports { display: none; }
      .print-only { display: block; }
      h2 { break-after: avoid; }
      .groups li { break-inside: avoid; }
    }
  `,
  ];

  @consume({ context: dataClientContext, subscribe: false })
  @property({ attribute: false })
  client?: DataClient;

  model: ReportsModel | null = null;
  /** every group row shown, after the user asked (reset by each new report) */
  @state() private allGroups = false;
  #shownReport: Report | null = null;
  /**
   * What the groups list and the sessions table (below the fold) show: a new report's are drawn in an idle callback
   * after the rest is painted, so the part the user looks at first is not held up by a few hundred rows (until then
   * they keep the report before, and a first report leaves them empty).
   */
  #below: { report: Report | null; rows: ReportRow[]; total: number } = { report: null, rows: [], total: 0 };
  #belowDue = false;
  readonly #format = new FormatController(this);
  readonly #keys = new ShortcutController(this, () => [
    {
      keys: ['[', ']'],
      group: 'Reports',
      label: 'Previous or next period',
      when: () => this.model !== null,
      run: (e) => void this.model!.step(e.key === '[' ? -1 : 1),
    },
    { keys: ['r'], group: 'Reports', label: 'Choose the range', run: () => this.#focusControl('#range') },
    { keys: ['g'], group: 'Reports', label: 'Choose the grouping', run: () => this.#focusControl('#group') },
    {
      keys: ['/'],
      group: 'Reports',
      label: 'Filter by words in names and notes',
      run: () => this.#focusControl('#text'),
    },
  ]);

  /** Focuses one of the report's controls (they live in <lt-report-controls>). */
  #focusControl(selector: string): void {
    this.renderRoot.querySelector('lt-report-controls')?.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }

  constructor() {
    super();
    // Runs on connect, after the context consumer has set the client (it was added first).
    new WatchController(
      this,
      () => {
        const m = this.model;
        return m
          ? [
              m.$query,
              m.$report,
              m.$rows,
              m.$rowTotal,
              m.$error,
              m.$inputError,
              m.$sort,
              m.$projects,
              m.$tags,
              m.$history,
              m.$loading,
            ]
          : [];
      },
      () => {
        if (!this.model && this.client) this.model = new ReportsModel(this.client, this.#format.settings.weekStart);
        // "Export this report" from the palette, which may have brought the window here first
        const pending = $pendingCommand.subscribe((command) => {
          if (command !== 'export-report') return;
          $pendingCommand.set(null);
          void this.openExport();
        });
        return [this.model?.connect(), pending];
      },
    );
  }

  @state() private historyOpen = false;

  /** The export dialog (loaded on first use) for the report shown, or for a history entry's selection. */
  async openExport(again?: ExportHistoryEntry): Promise<void> {
    const m = this.model;
    if (!m || !this.client) return;
    const { DEFAULT_EXPORT_OPTIONS } = await import('../exports/lt-export-dialog.ts');
    let dialog = this.renderRoot.querySelector('lt-export-dialog');
    if (!dialog) {
      dialog = document.createElement('lt-export-dialog');
      this.renderRoot.append(dialog);
    }
    const q = m.$query.get();
    const r = m.$report.get();
    const filtered = Object.keys(q.filters).length > 0;
    dialog.client = this.client;
    if (again) {
      dialog.selection = again.selection;
      dialog.format = again.format;
      // the options it was written with (delimiter, BOM, durations), over the defaults an older entry may lack
      dialog.options = { ...DEFAULT_EXPORT_OPTIONS, ...again.options };
      dialog.summary = `Again: ${again.selection.title}, ${again.selection.from} to ${again.selection.to}, over the data as it is now.`;
    } else {
      dialog.options = { ...DEFAULT_EXPORT_OPTIONS };
      // the range as the report answered it ("all time" resolves to the first and last tracked days)
      const range = r && q.preset === 'all' ? { from: r.from, to: r.to } : { from: q.from, to: q.to };
      const title = q.preset === 'all' ? `All time, ${rangeLabel(range)}` : rangeLabel(q);
      dialog.selection = { ...range, groupBy: q.groupBy, subGroupBy: q.subGroupBy, filters: q.filters, title };
      dialog.summary =
        `${title} · by ${GROUP_LABELS[q.groupBy].toLowerCase()}${q.subGroupBy ? ` and ${GROUP_LABELS[q.subGroupBy].toLowerCase()}` : ''}` +
        `${filtered ? ' · filtered as shown' : ''}${r ? ` · ${r.totals.sessions.toLocaleString()} session${r.totals.sessions === 1 ? '' : 's'}` : ''}`;
    }
    dialog.show();
  }

  /** Past exports, loaded when opened. */
  #history() {
    return html`<details class="exports" @toggle=${(e: Event) => {
      this.historyOpen = (e.target as HTMLDetailsElement).open;
      if (this.historyOpen) void import('../exports/lt-export-history.ts');
    }}><summary>Export history</summary>
      ${this.historyOpen ? html`<lt-export-history .client=${this.client} @lt-export-again=${(e: CustomEvent<ExportHistoryEntry>) => void this.openExport(e.detail)}></lt-export-history>` : nothing}
    </details>`;
  }

  override render() {
    const m = this.model;
    if (!m) return html`<p>Reports need the data worker.</p>`;
    m.weekStart = this.#format.settings.weekStart;
    const r = m.$report.get();
    if (r !== this.#shownReport) {
      [this.#shownReport, this.allGroups] = [r, false];
      this.#drawBelowLater();
    }
    if (!this.#belowDue) this.#below = { report: r, rows: m.$rows.get(), total: m.$rowTotal.get() };
    const error = m.$error.get();
    return html`
      <lt-report-controls .model=${m} .query=${m.$query.get()} .projects=${m.$projects.get()} .tags=${m.$tags.get()}
        .inputError=${m.$inputError.get()} ?canGoBack=${m.$history.get().length > 0}
        .shown=${r && m.$query.get().preset === 'all' ? { from: r.from, to: r.to } : null}></lt-report-controls>
      <div class="actions export-bar">
        <button class="btn small" type="button" @click=${() => runCommand(this, 'import')}>Import…</button>
        <button class="btn small" type="button" @click=${() => void this.openExport()}>Export…</button></div>
      ${error ? html`<p class="outcome error" role="alert">${error}</p>` : nothing}
      <div class="report" aria-busy=${m.$loading.get() ? 'true' : 'false'}>
        ${
          r
            ? r.totals.sessions === 0
              ? this.#empty(r)
              : this.#body(r)
            : html`<p class="muted loading">Making the report…</p>
          <lt-report-charts class="measure" aria-hidden="true"></lt-report-charts>`
        }</div>
      ${this.#history()}`;
  }

  #empty(r: Report) {
    const m = this.model!;
    const q = m.$query.get();
    const filtered = Object.keys(q.filters).length > 0;
    return html`<div class="empty" role="status">
      <p><strong>Nothing tracked ${q.from === q.to ? `on ${dateLabel(q.from)}` : `from ${dateLabel(q.from)} to ${dateLabel(q.to)}`}${filtered ? ' that matches the filters' : ''}.</strong></p>
      <p class="muted">Sessions you track or add in the Day and Week views show up here.${r.previous.ms ? ` The period before has ${this.#format.duration(r.previous.ms)}.` : ''}</p>
      <div class="actions">
        <button class="btn small" type="button" @click=${() => void m.step(-1)}>Show the period before</button>
        ${m.$query.get().preset !== 'all' ? html`<button class="btn small" type="button" @click=${() => void m.preset('all')}>Show all time</button>` : nothing}
        ${filtered ? html`<button class="btn small" type="button" @click=${() => void m.clearFilters()}>Clear filters</button>` : nothing}
      </div></div>`;
  }

  #body(r: Report) {
    const m = this.model!;
    const sort = m.$sort.get();
    const by = byWords(r);
    const q = m.$query.get();
    const below = this.#below;
    return html`
      <p class="print-only">Report, ${rangeLabel(q)} · ${by.toLowerCase()}${Object.keys(q.filters).length ? ' · filtered' : ''}</p>
      <lt-report-totals .report=${r}></lt-report-totals>
      <lt-report-charts .report=${r} .weekStart=${m.weekStart} @drill=${(e: CustomEvent<DrillDetail>) => void m.drill(e.detail.projectId, e.detail.range)}></lt-report-charts>
      <section aria-labelledby="insights-h"><h2 id="insights-h">Insights</h2>
        <ul class="insights">${r.productivity.insights.map((i) => html`<li data-kind=${i.kind}>${i.text}</li>`)}</ul></section>
      <section class="below" aria-labelledby="groups-h"><h2 id="groups-h">${below.report ? byWords(below.report) : by}</h2>
        ${below.report ? this.#groups(below.report) : nothing}</section>
      <section class="goals" aria-labelledby="goals-h"><h2 id="goals-h">Goals, this period</h2><lt-goal-progress></lt-goal-progress></section>
      <p class="notes">${r.notes.join(' ')}</p>
      <section class="table-part below" aria-labelledby="table-h"><h2 id="table-h">Sessions (${m.$rowTotal.get().toLocaleString()})</h2>
        ${
          below.report
            ? html`<lt-report-table .rows=${below.rows} .total=${below.total} .sort=${sort.sort} ?descending=${sort.descending}
          @sort=${(e: CustomEvent<RowSort>) => void m.sortBy(e.detail)} @more=${(e: CustomEvent<number>) => void m.loadRows(e.detail)}></lt-report-table>`
            : nothing
        }</section>`;
  }

  #drawBelowLater(): void {
    if (this.#belowDue) return;
    this.#belowDue = true;
    const draw = () => {
      const start = performance.now();
      this.#belowDue = false;
      this.requestUpdate();
      // a User Timing entry, so the bench and DevTools see this second part of a report's rendering
      void this.updateComplete.then(() => performance.measure('lt-reports: below the fold', { start }));
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(draw, { timeout: 200 });
    else setTimeout(draw, 50);
  }

  /** Up to ROWS_SHOWN rows (groups and sub-groups) unless the user asks for all: hundreds of rows cost a long layout. */
  #groups(r: Report) {
    const rows: [ReportGroup, boolean][] = [];
    let count = 0;
    for (const g of r.groups) {
      count += 1 + g.children.length;
      if (this.allGroups || rows.length < ROWS_SHOWN) {
        rows.push([g, false]);
        for (const c of g.children) if (this.allGroups || rows.length < ROWS_SHOWN) rows.push([c, true]);
      }
    }
    return html`<ul class="groups">${rows.map(([g, sub]) => this.#group(g, r, sub))}</ul>
      ${
        rows.length < count
          ? html`<p class="muted">${rows.length} of ${count} rows shown.
        <button class="btn small" type="button" @click=${() => (this.allGroups = true)}>Show all ${count} rows</button></p>`
          : nothing
      }`;
  }

  /** What clicking a top-level group does: a filter for a project, client or tag; its days for a day, week or month. */
  #drillOf(by: GroupKey, key: string): { words: string; run: () => void } | null {
    const m = this.model!;
    switch (by) {
      case 'project':
        return { words: 'show only this project', run: () => void m.drill(key) };
      case 'client':
        return { words: 'show only this client', run: () => void m.drillInto('clients', key) };
      case 'tag':
        return { words: 'show only this tag', run: () => void m.drillInto('tagIds', key) };
      case 'day':
      case 'week':
      case 'month':
        return { words: `show this ${by}`, run: () => void m.drillDays(bucketRange(key, by)) };
      default:
        return null;
    }
  }

  #group(g: ReportGroup, r: Report, sub: boolean): unknown {
    const d = (ms: number) => this.#format.duration(ms);
    const drill = sub || !g.key || g.key === '*' ? null : this.#drillOf(r.groupBy, g.key);
    const label = html`${g.color ? html`<svg class="dot" viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="5" fill=${g.color}></circle></svg>` : nothing}<span class="ellipsis">${g.label || '(none)'}</span>`;
    return html`<li class=${sub ? 'sub' : ''}>
      ${
        drill
          ? html`<button class="name" type="button" title="${g.label} — ${drill.words}" @click=${drill.run}>${label}</button>`
          : html`<span class="name" title=${g.label}>${label}</span>`
      }
      <span class="num">${d(g.ms)}${g.roundedMs !== g.ms ? html` <small class="muted" title="rounded">(${d(g.roundedMs)})</small>` : nothing}</span>
      <span class="num share">${Math.round(g.share * 100)}%${g.amounts.length ? ` · ${g.amounts.map(money).join(' · ')}` : ''}</span></li>`;
  }
}

function byWords(r: Report): string {
  return `By ${GROUP_LABELS[r.groupBy].toLowerCase()}${r.subGroupBy ? ` and ${GROUP_LABELS[r.subGroupBy].toLowerCase()}` : ''}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-reports-view': LtReportsView;
  }
}
