import { html, LitElement } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';

import type { Overlap, OverlapChoice } from '../../../shared/session-edits.ts';
import { overlapLine, trimOthersLabel } from '../../components/overlap-words.ts';
import { controlStyles } from '../../components/styles.ts';
import { FormatController } from '../../controllers/format.ts';
import { dialogStyles } from './week-dialog-styles.ts';

/** Asks what to do when a change would make sessions overlap: keep both, trim the others, or trim this one. */
@customElement('lt-week-overlap')
export class LtWeekOverlap extends LitElement {
  static override styles = [controlStyles, dialogStyles];

  @state() overlaps: Overlap[] = [];
  @query('dialog') dialog!: HTMLDialogElement;
  #resolve: ((choice: OverlapChoice | null) => void) | null = null;
  readonly #format = new FormatController(this);

  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Resolves with the choice, or null when the user cancels (Esc, Cancel). */
  async ask(overlaps: Overlap[]): Promise<OverlapChoice | null> {
    this.#resolve?.(null);
    this.overlaps = overlaps;
    await this.updateComplete;
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('button[data-choice="keep"]')?.focus();
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  #answer(choice: OverlapChoice | null): void {
    const resolve = this.#resolve;
    this.#resolve = null;
    if (this.dialog.open) this.dialog.close();
    resolve?.(choice);
  }

  override render() {
    const others = new Set(this.overlaps.map((o) => o.otherId)).size;
    return html`<dialog aria-labelledby="overlap-title" @close=${() => this.#answer(null)}>
      <h2 id="overlap-title">This overlaps ${others === 1 ? 'another session' : `${others} other sessions`}</h2>
      <ul>
        ${this.overlaps.map((o) => html`<li>${overlapLine(o, (ms) => this.#format.time(ms))}</li>`)}
      </ul>
      <div class="actions">
        <button type="button" class="btn" data-choice="keep" @click=${() => this.#answer('keep')}>Keep both</button>
        <button type="button" class="btn" data-choice="trim-others" @click=${() => this.#answer('trim-others')}>
          ${trimOthersLabel(this.overlaps)}</button>
        <button type="button" class="btn primary" data-choice="trim-this" @click=${() => this.#answer('trim-this')}>
          Trim this one</button>
        <button type="button" class="btn" data-choice="cancel" @click=${() => this.#answer(null)}>Cancel</button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-week-overlap': LtWeekOverlap;
  }
}
