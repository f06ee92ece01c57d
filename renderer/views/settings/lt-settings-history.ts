import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

import { toAppError } from '../../../shared/errors.ts';
import type { SettingsChange } from '../../../shared/settings.ts';
import { logTime } from '../../components/format.ts';
import { controlStyles, sectionStyles } from '../../components/styles.ts';
import { WatchController } from '../../controllers/watch.ts';
import { describeValue, fieldLabel } from './settings-fields.ts';
import type { SettingsModel } from './settings-model.ts';
import { settingsStyles } from './settings-styles.ts';

/** The settings history ("what changed from → to", each with Undo) and export / import of a settings file. */
@customElement('lt-settings-history')
export class LtSettingsHistory extends LitElement {
  static override styles = [
    controlStyles,
    sectionStyles,
    settingsStyles,
    css`.file-actions { margin-top: var(--lt-space-2); }`,
  ];

  @property({ attribute: false }) model!: SettingsModel;
  @state() private busy = false;
  @state() private undoError: string | null = null;
  @query('input[type="file"]') private fileInput!: HTMLInputElement;

  constructor() {
    super();
    new WatchController(this, () => [
      this.model.$history,
      this.model.$historyError,
      this.model.$fileOutcome,
      this.model.$projects,
    ]);
  }

  override render() {
    const outcome = this.model.$fileOutcome.get();
    return html`
      <section class="card" aria-labelledby="file-title">
        <h2 id="file-title">Settings file</h2>
        <p class="muted">Save your settings to a file, or bring them in from one (for another computer, say). A file is
          checked first: a bad one changes nothing.</p>
        <div class="actions file-actions">
          <button class="btn export" type="button" ?disabled=${this.busy} @click=${this.#export}>Export settings…</button>
          <button class="btn import" type="button" ?disabled=${this.busy} @click=${() => this.fileInput.click()}>Import settings…</button>
          <input type="file" hidden accept=".json,application/json" aria-label="Settings file to import" @change=${this.#picked} />
        </div>
        ${outcome ? html`<p class="outcome ${outcome.ok ? '' : 'error'}" role=${outcome.ok ? 'status' : 'alert'}>${outcome.text}</p>` : nothing}
      </section>
      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        ${this.#history()}
      </section>
    `;
  }

  #history() {
    const history = this.model.$history.get();
    const error = this.model.$historyError.get();
    if (error) return html`<p class="outcome error" role="alert">${error}</p>`;
    if (!history) return html`<p class="muted">Loading…</p>`;
    if (history.length === 0)
      return html`<p class="muted">No changes yet. Your last 50 changes will be listed here, each with Undo.</p>`;
    const name = (id: string) => this.model.$projects.get().find((p) => p.id === id)?.name;
    return html`
      ${this.undoError ? html`<p class="outcome error" role="alert">${this.undoError}</p>` : nothing}
      <ol class="history" aria-label="Recent settings changes">
        ${history.map((change) => {
          const label = fieldLabel(change.key);
          const from = describeValue(change.key, change.from, name);
          const to = describeValue(change.key, change.to, name);
          return html`<li data-id=${change.id}>
            <div>
              <div class="what"><strong>${label}</strong>: ${from}<span class="arrow" aria-hidden="true">→</span><span class="sr-only">changed to</span>${to}</div>
              <div class="when">${logTime(change.at)}</div>
            </div>
            <button class="btn small undo" type="button" ?disabled=${this.busy} aria-label="Undo: ${label} back to ${from}"
              @click=${() => void this.#undo(change)}>Undo</button>
          </li>`;
        })}
      </ol>`;
  }

  async #undo(change: SettingsChange): Promise<void> {
    this.busy = true;
    try {
      await this.model.undo(change);
      this.undoError = null;
    } catch (error) {
      this.undoError = `Could not undo: ${toAppError(error).message}`;
    } finally {
      this.busy = false;
    }
  }

  readonly #export = async (): Promise<void> => {
    this.busy = true;
    try {
      await this.model.exportFile();
    } finally {
      this.busy = false;
    }
  };

  readonly #picked = async (): Promise<void> => {
    const file = this.fileInput.files?.[0];
    this.fileInput.value = '';
    if (file) await this.importFile(file);
  };

  /** Imports a file as the picker would (tests, drag and drop later). */
  async importFile(file: File): Promise<void> {
    this.busy = true;
    try {
      await this.model.importFile(file);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-settings-history': LtSettingsHistory;
  }
}
