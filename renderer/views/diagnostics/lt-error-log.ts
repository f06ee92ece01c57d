import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';

import type { ErrorLogEntry } from '../../../shared/error-log.ts';
import { logTime, plural } from '../../components/format.ts';
import { controlStyles, sectionStyles } from '../../components/styles.ts';
import { WatchController } from '../../controllers/watch.ts';
import type { DiagnosticsModel } from './diagnostics-model.ts';

/** The error log: newest first, each entry expandable to its full message and details; copy or clear it all. */
@customElement('lt-error-log')
export class LtErrorLog extends LitElement {
  static override styles = [
    controlStyles,
    sectionStyles,
    css`
      :host { display: block; }
      ol { list-style: none; margin: 0.75rem 0 0; padding: 0; border-top: 1px solid var(--lt-border, #eaecf0); }
      li { border-bottom: 1px solid var(--lt-border, #eaecf0); }
      summary { display: grid; grid-template-columns: 0.75rem auto auto minmax(0, 1fr); gap: 0.1rem 0.6rem;
        align-items: baseline; padding: 0.5rem 0.25rem; list-style: none; border-radius: 6px; }
      summary::-webkit-details-marker { display: none; }
      summary:hover { background: var(--lt-hover, #f2f4f7); }
      /* the disclosure triangle, drawn here because a grid summary has no marker */
      summary::before { content: '▸'; color: var(--lt-muted, #667085); transition: transform 0.1s; }
      details[open] > summary::before { transform: rotate(90deg); }
      .time { font-variant-numeric: tabular-nums; font-size: 0.85rem; }
      .code { font-size: 0.75rem; font-weight: 700; letter-spacing: 0.02em; padding: 0.05rem 0.4rem; border-radius: 6px;
        background: var(--lt-danger-bg, #fef3f2); color: var(--lt-danger-text, #b42318); }
      .source { font-size: 0.85rem; }
      .message { grid-column: 2 / -1; }
      .full { padding: 0 0.25rem 0.75rem 1.6rem; }
      .full p { margin: 0; overflow-wrap: anywhere; }
      .counts { margin: 0; font-size: 0.9rem; }
    `,
  ];

  @property({ attribute: false }) model!: DiagnosticsModel;
  @state() private confirmClear = false;

  constructor() {
    super();
    new WatchController(this, () => [this.model.$errors, this.model.$errorsOutcome]);
  }

  override render() {
    const page = this.model.$errors.get();
    const outcome = this.model.$errorsOutcome.get();
    const entries = page?.entries ?? [];
    return html`<section class="card" aria-labelledby="errors-title">
      <header>
        <h2 id="errors-title">Error log</h2>
        <div class="actions">
          <button class="btn refresh" type="button" @click=${() => void this.model.loadErrors()}>Refresh</button>
          <button class="btn copy" type="button" ?disabled=${entries.length === 0}
            @click=${() => void this.model.copyErrors('text')}>Copy all</button>
          <button class="btn copy-json" type="button" ?disabled=${entries.length === 0}
            @click=${() => void this.model.copyErrors('json')}>Copy as JSON</button>
          <button class="btn clear" type="button" ?disabled=${entries.length === 0} aria-expanded=${this.confirmClear}
            @click=${() => this.#askClear(!this.confirmClear)}>Clear…</button>
        </div>
      </header>
      ${
        this.confirmClear
          ? html`<div class="confirm" role="group" aria-label="Confirm clearing the log"
            @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#askClear(false)}>
            <p>Remove all ${page ? plural(page.total, 'entry', 'entries') : 'entries'} from the error log?</p>
            <div class="actions">
              <button class="btn danger confirm-clear" type="button" @click=${this.#clear}>Clear the log</button>
              <button class="btn cancel" type="button" @click=${() => this.#askClear(false)}>Cancel</button>
            </div>
          </div>`
          : nothing
      }
      ${
        outcome
          ? html`<p class=${outcome.ok ? 'outcome' : 'outcome error'} role=${outcome.ok ? 'status' : 'alert'}>
          ${outcome.text}</p>`
          : nothing
      }
      ${
        page === null
          ? html`<p class="muted">Reading the log…</p>`
          : html`<p class="counts muted">${this.#counts(page.total, entries.length, page.unsaved)}</p>
            ${
              entries.length > 0
                ? html`<ol aria-label="Errors, newest first">${repeat(
                    entries,
                    (e) => e.id,
                    (e) => this.#entry(e),
                  )}</ol>`
                : nothing
            }`
      }
    </section>`;
  }

  #counts(total: number, shown: number, unsaved: number): string {
    if (total === 0 && unsaved === 0) return 'No errors recorded. That is good news.';
    const parts = [
      total > shown
        ? `The newest ${shown} of ${plural(total, 'entry', 'entries')}.`
        : `${plural(total, 'entry', 'entries')}.`,
    ];
    if (unsaved > 0)
      parts.push(`${plural(unsaved, 'entry', 'entries')} could not be saved to the file and will be lost on restart.`);
    return parts.join(' ');
  }

  #entry(e: ErrorLogEntry) {
    return html`<li data-id=${e.id}>
      <details>
        <summary>
          <span class="time muted">${logTime(e.time)}</span>
          <span class="code">${e.code}</span>
          <span class="source muted ellipsis">${e.source}</span>
          <span class="message ellipsis">${e.message}</span>
        </summary>
        <div class="full">
          ${e.message.length > 60 ? html`<p>${e.message}</p>` : nothing}
          ${e.correlationId ? html`<p class="muted">Reference: ${e.correlationId}</p>` : nothing}
          ${e.details !== null ? html`<pre>${pretty(e.details)}</pre>` : html`<p class="muted">No further details.</p>`}
        </div>
      </details>
    </li>`;
  }

  async #askClear(ask: boolean): Promise<void> {
    this.confirmClear = ask;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(ask ? '.confirm-clear' : '.clear')?.focus();
  }

  readonly #clear = async (): Promise<void> => {
    this.confirmClear = false;
    await this.model.clearErrors();
    this.renderRoot.querySelector<HTMLButtonElement>('.refresh')?.focus();
  };
}

/** Details are JSON text; shown indented when they parse. */
function pretty(details: string): string {
  try {
    return JSON.stringify(JSON.parse(details), null, 2);
  } catch {
    return details;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-error-log': LtErrorLog;
  }
}
