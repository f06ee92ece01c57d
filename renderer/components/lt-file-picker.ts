import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

import { controlStyles } from './styles.ts';

/**
 * "Restore from file…": a button that opens the file chooser, then asks to confirm. Fires `file-picked` (detail: the
 * File) once the user confirms.
 */
@customElement('lt-file-picker')
export class LtFilePicker extends LitElement {
  static override styles = [
    controlStyles,
    // The button sits in its owner's row of actions; the confirmation takes a line of its own below it.
    css`:host { display: contents; } .confirm { flex-basis: 100%; box-sizing: border-box; }`,
  ];

  @property() label = 'Restore from file…';
  @property({ type: Boolean }) busy = false;
  @state() private picked: File | null = null;
  @query('input') private input!: HTMLInputElement;

  override render() {
    return html`
      <button class="btn pick" type="button" ?disabled=${this.busy} @click=${() => this.input.click()}>${this.label}</button>
      <input type="file" hidden accept=".sqlite3,.sqlite,.db,application/vnd.sqlite3,application/x-sqlite3"
        aria-label="Database file to restore" @change=${this.#onChange} />
      ${
        this.picked
          ? html`<div class="confirm" role="group" aria-label="Confirm restore from file" @keydown=${this.#onKeydown}>
            <p>Replace your current data with “${this.picked.name}”? It is checked first, and what you have now is kept
              aside, never deleted.</p>
            <div class="actions">
              <button class="btn primary confirm-file" type="button" ?disabled=${this.busy} @click=${this.#confirm}>
                Restore from this file</button>
              <button class="btn cancel" type="button" @click=${this.#cancel}>Cancel</button>
            </div>
          </div>`
          : nothing
      }
    `;
  }

  /** Picks a file as the chooser would (tests, drag and drop later). */
  async pick(file: File): Promise<void> {
    this.picked = file;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.confirm-file')?.focus();
  }

  readonly #onChange = (): void => {
    const file = this.input.files?.[0];
    this.input.value = ''; // the same file can be picked again
    if (file) void this.pick(file);
  };

  readonly #confirm = (): void => {
    const file = this.picked;
    this.picked = null;
    if (file) this.dispatchEvent(new CustomEvent('file-picked', { detail: file, bubbles: true, composed: true }));
  };

  readonly #cancel = async (): Promise<void> => {
    this.picked = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.pick')?.focus();
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    void this.#cancel();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-file-picker': LtFilePicker;
  }
}
