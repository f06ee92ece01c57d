import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import type { ReportRow } from '../../../shared/reports.ts';
import { cssVars } from '../../components/css-vars.ts';
import { controlStyles } from '../../components/styles.ts';
import { FormatController } from '../../controllers/format.ts';
import type { RowSort } from './reports-model.ts';

const ROW = 36;
const OVERSCAN = 8;
const COLUMNS: { sort: RowSort | null; label: string; narrow: boolean }[] = [
  { sort: 'start', label: 'Start', narrow: true },
  { sort: 'name', label: 'Name', narrow: true },
  { sort: 'project', label: 'Project', narrow: false },
  { sort: 'duration', label: 'Worked', narrow: true },
  { sort: null, label: 'Rounded', narrow: false },
];
const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/**
 * The sessions behind the report, sortable by column, virtualized: rows have one fixed height, so only the ones in
 * view (and a few around) are in the DOM however many there are. Asks for the next page ('more', detail: offset)
 * as the end of the loaded rows comes into view; sorting fires 'sort' (detail: the column).
 */
@customElement('lt-report-table')
export class LtReportTable extends LitElement {
  static override styles = [
    controlStyles,
    css`
    :host { display: block; }
    .scroller { max-block-size: min(26rem, 70vh); overflow: auto; border: 1px solid var(--lt-border, #d0d5dd); border-radius: var(--lt-radius-lg, 12px); position: relative; }
    .row { display: grid; grid-template-columns: 9rem minmax(0, 2fr) minmax(0, 1fr) 4.5rem 4.5rem; gap: var(--lt-space-2, 0.5rem);
      align-items: center; block-size: ${ROW}px; padding: 0 var(--lt-space-3, 0.75rem); box-sizing: border-box; border-bottom: 1px solid var(--lt-track, #eaecf0); }
    .head { position: sticky; top: 0; z-index: 1; background: var(--lt-bg, #fff); font-weight: 600; }
    .head button { font: inherit; color: inherit; background: none; border: 0; padding: 0.2rem 0.1rem; cursor: pointer; text-align: start; max-width: 100%; }
    .body { position: relative; block-size: var(--total, 0px); }
    .window { position: absolute; inset-inline: 0; top: var(--top, 0px); }
    .num { font-variant-numeric: tabular-nums; text-align: end; white-space: nowrap; }
    .dot { display: inline-block; inline-size: 0.55rem; block-size: 0.55rem; border-radius: 50%; margin-inline-end: 0.3rem; }
    .empty { padding: var(--lt-space-3, 0.75rem); }
    @media (max-width: 40rem) { .row { grid-template-columns: 7.4rem minmax(0, 1fr) 3.8rem; } .wide-only { display: none; } }
  `,
  ];

  @property({ attribute: false }) rows: ReportRow[] = [];
  @property({ type: Number }) total = 0;
  @property() sort: RowSort = 'start';
  @property({ type: Boolean }) descending = false;
  @state() private first = 0;
  @state() private visible = 20;
  readonly #format = new FormatController(this);

  override render() {
    const start = Math.max(0, this.first - OVERSCAN);
    const end = Math.min(this.rows.length, this.first + this.visible + OVERSCAN);
    if (end >= this.rows.length - OVERSCAN && this.rows.length < this.total)
      queueMicrotask(() => this.#fire('more', this.rows.length));
    return html`<div class="scroller" role="table" aria-label="Sessions in the report, ${this.total} in all" aria-rowcount=${this.total + 1}
        tabindex="0" @scroll=${this.#scroll}>
      <div class="row head" role="row" aria-rowindex="1">
        ${COLUMNS.map(
          (c) =>
            html`<span role="columnheader" class=${c.narrow ? '' : 'wide-only'} aria-sort=${c.sort === this.sort ? (this.descending ? 'descending' : 'ascending') : 'none'}>${
              c.sort
                ? html`<button type="button" @click=${() => this.#fire('sort', c.sort)}>${c.label}${c.sort === this.sort ? (this.descending ? ' ▼' : ' ▲') : ''}</button>`
                : c.label
            }</span>`,
        )}
      </div>
      ${this.total === 0 ? html`<p class="muted empty">No sessions match.</p>` : nothing}
      <div class="body" role="rowgroup" style=${cssVars({ '--total': `${this.total * ROW}px` })}>
        <div class="window" style=${cssVars({ '--top': `${start * ROW}px` })}>
          ${this.rows.slice(start, end).map((r, i) => this.#row(r, start + i))}
        </div>
      </div>
    </div>`;
  }

  #row(r: ReportRow, index: number) {
    return html`<div class="row" role="row" aria-rowindex=${index + 2}>
      <span role="cell" class="ellipsis">${Number.isFinite(r.start) ? `${day.format(r.start)}, ${this.#format.time(r.start)}` : '—'}</span>
      <span role="cell" class="ellipsis" title=${r.name}>${r.name || '(no name)'}</span>
      <span role="cell" class="ellipsis wide-only" title=${r.project}>${r.color ? html`<svg class="dot" viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="5" fill=${r.color}></circle></svg>` : nothing}${r.project || '—'}</span>
      <span role="cell" class="num">${this.#format.duration(r.ms)}</span>
      <span role="cell" class="num wide-only">${this.#format.duration(r.roundedMs)}</span>
    </div>`;
  }

  #scroll = (e: Event) => {
    const el = e.target as HTMLElement;
    const first = Math.max(0, Math.floor((el.scrollTop - ROW) / ROW));
    const visible = Math.ceil(el.clientHeight / ROW) + 1;
    if (first !== this.first || visible !== this.visible) [this.first, this.visible] = [first, visible];
  };

  #fire(type: 'sort' | 'more', detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-report-table': LtReportTable;
  }
}
