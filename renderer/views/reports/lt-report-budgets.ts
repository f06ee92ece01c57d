import { html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import type { BudgetBurn } from '../../../shared/reports.ts';
import { ChartElement } from './chart-element.ts';
import { axisLabel, dateLabel } from './format.ts';
import { chartStyles } from './reports-styles.ts';

const H = 110;
const LEFT = 4;
const PROJECTION = 0.18;

/**
 * Budget burn-down per project: time spent piling up against the budget (the dashed line), by month for a whole-
 * project budget and by day for a monthly one, with the day it runs out at the last 30 days' pace. Arrow keys walk
 * the points of the focused chart; the sentence under each is its text alternative.
 */
@customElement('lt-report-budgets')
export class LtReportBudgets extends ChartElement {
  static override styles = chartStyles;
  @property({ attribute: false }) budgets: BudgetBurn[] = [];
  /** [budget, point] */
  @state() private cursor: [number, number] | null = null;
  /** the budgets whose table is open: tables are drawn on demand */
  @state() private openTables = new Set<string>();

  override render() {
    if (!this.budgets.length) return nothing;
    return html`<figure class="chart wide">
      <figcaption>Budgets</figcaption>
      <div class="budgets">${this.budgets.map((b, i) => this.#budget(b, i))}</div>
    </figure>`;
  }

  #sentence(b: BudgetBurn): string {
    const period = b.period === 'month' ? 'this month' : 'in total';
    const head = `${this.d(b.spentMs)} of ${this.d(b.budgetMs)} spent ${period}`;
    if (b.over) return `${head}: over budget by ${this.d(b.spentMs - b.budgetMs)}.`;
    if (b.runOutDay) return `${head}; at the pace of the last 30 days it runs out on ${dateLabel(b.runOutDay)}.`;
    return `${head}; at the pace of the last 30 days it will not run out.`;
  }

  #budget(b: BudgetBurn, index: number) {
    // one column per 16rem (+1rem gap) the figure has, as the .budgets grid lays them out
    const inner = Math.max(200, (this.width || 600) - 26);
    const cols = Math.max(1, Math.min(this.budgets.length, Math.floor((inner + 16) / (256 + 16))));
    const w = Math.floor((inner - (cols - 1) * 16) / cols);
    const n = Math.max(1, b.points.length);
    const plotW = (w - LEFT) * (b.runOutDay ? 1 - PROJECTION : 1);
    const max = Math.max(b.budgetMs, b.spentMs, ...b.points.map((p) => p.spentMs), 1) * 1.05;
    const y = (ms: number) => 6 + (H - 6) * (1 - ms / max);
    const x = (i: number) => LEFT + (n === 1 ? plotW : (i / (n - 1)) * plotW);
    const line = b.points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)} ${y(p.spentMs).toFixed(1)}`).join('');
    const last = b.points.at(-1);
    const c = this.cursor?.[0] === index ? this.cursor[1] : null;
    const unit = b.period === 'month' ? 'day' : 'month';
    return html`<div class="budget ${b.over ? 'over' : ''}">
      <div class="budget-head"><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" rx="2" fill=${b.color}></rect></svg>
        <span class="name" title=${b.label}>${b.label}</span></div>
      <svg width=${w} height=${H + 18} viewBox="0 0 ${w} ${H + 18}" tabindex="0" role="group"
        aria-label="Budget of ${b.label}: ${this.#sentence(b)} Arrow keys move between ${unit}s."
        @keydown=${(e: KeyboardEvent) => this.#key(e, index)} @focus=${() => c === null && this.#set(index, n - 1)}>
        <line class="budget-line" x1=${LEFT} x2=${w} y1=${y(b.budgetMs)} y2=${y(b.budgetMs)}></line>
        <text class="axis" x=${w - 2} y=${y(b.budgetMs) - 4} text-anchor="end">budget ${this.d(b.budgetMs)}</text>
        ${line ? svg`<path class="spent" d=${line} stroke=${b.color}></path>` : nothing}
        ${
          b.runOutDay && last
            ? svg`<line class="projection" x1=${x(n - 1)} y1=${y(last.spentMs)} x2=${w - 2} y2=${y(b.budgetMs)} stroke=${b.color}></line>
          <text class="axis" x=${w - 2} y=${H + 14} text-anchor="end">runs out ${dateLabel(b.runOutDay)}</text>`
            : nothing
        }
        ${b.points.map((p, i) => svg`<circle cx=${x(i)} cy=${y(p.spentMs)} r=${c === i ? 4.5 : 2.5} fill=${b.color} @pointerenter=${() => this.#set(index, i)}></circle>`)}
        ${b.points.length ? svg`<text class="axis" x=${LEFT} y=${H + 14}>${axisLabel(b.points[0]!.key, unit)}</text>` : nothing}
      </svg>
      <p class="readout" aria-live="polite">${c !== null ? this.readout : ''}</p>
      <p class="sentence ${b.over ? 'bad' : ''}">${this.#sentence(b)}</p>
      <details @toggle=${(e: Event) => this.#toggle(b.projectId, (e.target as HTMLDetailsElement).open)}><summary>Spent per ${unit} as a table</summary>
        ${
          this.openTables.has(b.projectId)
            ? html`<table><thead><tr><th scope="col">${unit}</th><th scope="col">Spent so far</th></tr></thead>
          <tbody>${b.points.map((p) => html`<tr><th scope="row">${axisLabel(p.key, unit)}</th><td>${this.d(p.spentMs)}</td></tr>`)}</tbody></table>`
            : nothing
        }
      </details>
    </div>`;
  }

  #toggle(projectId: string, open: boolean): void {
    const next = new Set(this.openTables);
    if (open) next.add(projectId);
    else next.delete(projectId);
    this.openTables = next;
  }

  #set(index: number, i: number): void {
    const b = this.budgets[index];
    const p = b?.points[i];
    if (!b || !p) return;
    this.cursor = [index, i];
    this.readout = `${axisLabel(p.key, b.period === 'month' ? 'day' : 'month')}: ${this.d(p.spentMs)} of ${this.d(b.budgetMs)} spent`;
  }

  #key(e: KeyboardEvent, index: number): void {
    const n = this.budgets[index]?.points.length ?? 0;
    const i = this.cursor?.[0] === index ? this.cursor[1] : n - 1;
    const next = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: n - 1 }[e.key];
    if (next === undefined || !n) return;
    e.preventDefault();
    this.#set(index, Math.max(0, Math.min(n - 1, next)));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-report-budgets': LtReportBudgets;
  }
}
