import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import { toAppError } from '../../../shared/errors.ts';
import { controlStyles, fieldStyles } from '../../components/styles.ts';
import type { DataClient } from '../../services/data-client.ts';
import type { SettingsService } from '../../services/settings.ts';
import { summarize, type UsageLine, type UsageSummary } from './usage.ts';

const money = (n: number | null) => (n === null ? '—' : `$${n < 0.01 && n > 0 ? n.toFixed(4) : n.toFixed(2)}`);
const tokens = (n: number) => n.toLocaleString();

/** This month's tokens and cost: totals, by model, by assistant and by day, the price table, and the budget. */
@customElement('lt-ai-usage')
export class LtAiUsage extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    css`
      :host { display: block; }
      table { border-collapse: collapse; inline-size: 100%; font-size: var(--lt-text-sm, 0.87rem); margin: 0.25rem 0 0.75rem; }
      th, td { text-align: start; padding: 0.2rem 0.4rem; border-bottom: 1px solid var(--lt-track, #eaecf0); }
      td.n, th.n { text-align: end; font-variant-numeric: tabular-nums; }
      h4 { margin: 0.5rem 0 0; font-size: var(--lt-text-sm, 0.87rem); }
      .warn { color: var(--lt-warn, #b54708); }
      .over { color: var(--lt-danger-text, #b42318); }
      .wrap { overflow-x: auto; }
      form { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: end; font-size: var(--lt-text-sm, 0.87rem); }
      form label { display: grid; gap: 0.15rem; }
      form input { inline-size: 8rem; }
    `,
  ];

  @property({ attribute: false }) client!: DataClient;
  @property({ attribute: false }) settings!: SettingsService;
  @state() private summary: UsageSummary | null = null;
  @state() private error: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    const now = new Date();
    const from = new Date(now.getFullYear(), now.getMonth(), 1).getTime();
    const to = new Date(now.getFullYear(), now.getMonth() + 1, 1).getTime();
    try {
      const rows = await this.client.data.assistantUsage({ from, to });
      const s = this.settings.$settings.get();
      this.summary = summarize(rows, s.aiPrices, s.aiMonthlyBudget);
    } catch (error) {
      this.error = toAppError(error).message;
    }
  }

  override render() {
    const s = this.summary;
    if (this.error) return html`<p class="field-error" role="alert">${this.error}</p>`;
    if (!s) return html`<p class="muted">Reading usage…</p>`;
    const t = s.total;
    return html`
      <p>This month: <strong>${tokens(t.promptTokens + t.completionTokens)}</strong> tokens
        (${tokens(t.promptTokens)} in, ${tokens(t.completionTokens)} out) over ${t.answers} answers,
        ${t.cost === null ? 'cost unknown' : html`≈ <strong>${money(t.cost)}</strong>`}${t.estimated ? ' · some counts estimated (the server sent none)' : ''}.</p>
      ${
        s.budget
          ? html`<p class=${s.budget.over ? 'over' : s.budget.warn ? 'warn' : 'muted'} role=${s.budget.warn ? 'alert' : nothing}>
            Budget ${money(s.budget.limit)}: ${Math.round(s.budget.share * 100)}% used${s.budget.over ? ' — exceeded' : s.budget.warn ? ' — nearly reached' : ''}.</p>`
          : nothing
      }
      ${s.unpriced.length ? html`<p class="muted">No price for ${s.unpriced.join(', ')}: add it below to count its cost.</p>` : nothing}
      <div class="wrap">
        ${this.#table('By model', s.byModel)} ${this.#table('By assistant', s.byAssistant)}
        ${this.#table('By day', s.byDay.slice(0, 31))}
      </div>
      <h4>Prices per million tokens</h4>
      <ul>${this.settings.$settings.get().aiPrices.map((p) => html`<li>${p.model}: $${p.inputPerMillion} in, $${p.outputPerMillion} out</li>`)}</ul>
      <form @submit=${this.#price} aria-label="Set a price">
        <label>Model<input name="model" required maxlength="200" /></label>
        <label>$ in / M<input name="in" type="number" min="0" step="0.01" required /></label>
        <label>$ out / M<input name="out" type="number" min="0" step="0.01" required /></label>
        <button class="btn small" type="submit">Set price</button>
      </form>
      <form @submit=${this.#budget} aria-label="Monthly budget">
        <label>Monthly budget ($, empty for none)<input name="budget" type="number" min="0" step="1"
          .value=${String(this.settings.$settings.get().aiMonthlyBudget ?? '')} /></label>
        <button class="btn small" type="submit">Save budget</button>
      </form>
    `;
  }

  #table(title: string, lines: UsageLine[]) {
    if (lines.length === 0) return nothing;
    return html`<h4>${title}</h4>
      <table>
        <thead><tr><th scope="col"></th><th scope="col" class="n">In</th><th scope="col" class="n">Out</th><th scope="col" class="n">Cost</th></tr></thead>
        <tbody>${lines.map(
          (
            l,
          ) => html`<tr><th scope="row">${l.key}${l.estimated ? ' *' : ''}</th><td class="n">${tokens(l.promptTokens)}</td>
            <td class="n">${tokens(l.completionTokens)}</td><td class="n">${money(l.cost)}</td></tr>`,
        )}</tbody>
      </table>`;
  }

  async #price(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const model = String(f.get('model') ?? '').trim();
    const entry = { model, inputPerMillion: Number(f.get('in')), outputPerMillion: Number(f.get('out')) };
    const rest = this.settings.$settings.get().aiPrices.filter((p) => p.model.toLowerCase() !== model.toLowerCase());
    const out = await this.settings.update({ aiPrices: [...rest, entry] });
    this.error = out.ok ? null : out.message;
    await this.load();
  }

  async #budget(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const raw = String(new FormData(e.target as HTMLFormElement).get('budget') ?? '').trim();
    const out = await this.settings.update({ aiMonthlyBudget: raw === '' ? null : Number(raw) });
    this.error = out.ok ? null : out.message;
    await this.load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-ai-usage': LtAiUsage;
  }
}
