import { css, html } from 'lit';
import { customElement, query } from 'lit/decorators.js';

import type { OverlapChoice } from '../../../shared/session-edits.ts';
import { overlapLine, trimOthersLabel } from '../../components/overlap-words.ts';
import { FormatController } from '../../controllers/format.ts';
import { DayElement } from './day-element.ts';
import type { DayModel } from './day-model.ts';

/**
 * The Day view's questions, in a modal dialog: how to fix an overlap the worker refused, or whether to stop the
 * running timer. Esc or Cancel answers "no" and nothing changes.
 */
@customElement('lt-day-prompt')
export class LtDayPrompt extends DayElement {
  static override styles = css`
    dialog { border: 1px solid var(--lt-border, #d0d5dd); border-radius: 12px; padding: 1rem 1.1rem; max-width: min(34rem, calc(100vw - 2rem));
      box-sizing: border-box; background: Canvas; color: CanvasText; }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
    h2 { font-size: 1.05rem; margin: 0 0 0.5rem; }
    ul { margin: 0 0 0.8rem; padding-left: 1.1rem; }
    li, p { overflow-wrap: anywhere; }
    .choices { display: flex; flex-wrap: wrap; gap: 0.45rem; }
    button { font: inherit; padding: 0.4rem 0.8rem; border-radius: 8px; border: 1px solid var(--lt-border, #d0d5dd);
      background: var(--lt-field, #fff); color: inherit; cursor: pointer; }
    button.primary { background: var(--lt-accent, #3a64e8); color: #fff; border-color: transparent; }
    button:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 2px; }
  `;

  @query('dialog') private dialog?: HTMLDialogElement;
  readonly #format = new FormatController(this);

  protected watched(d: DayModel) {
    return [d.$prompt];
  }

  override updated(): void {
    const open = this.day.$prompt.get() !== null;
    if (open && this.dialog && !this.dialog.open) {
      this.dialog.showModal();
      this.dialog.querySelector<HTMLButtonElement>('button.primary')?.focus();
    }
  }

  #answer(value: OverlapChoice | boolean | null): void {
    const prompt = this.day.$prompt.get();
    this.dialog?.close();
    if (prompt?.kind === 'overlap') prompt.answer(typeof value === 'string' ? value : null);
    else if (prompt?.kind === 'confirm') prompt.answer(value === true);
  }

  override render() {
    const prompt = this.day.$prompt.get();
    if (!prompt) return html``;
    return html`<dialog aria-labelledby="prompt-title" @cancel=${(e: Event) => {
      e.preventDefault();
      this.#answer(null);
    }}>
      ${
        prompt.kind === 'overlap'
          ? html`<h2 id="prompt-title">This would overlap other time</h2>
            <ul>${prompt.overlaps.map((o) => html`<li>${overlapLine(o, (ms) => this.#format.time(ms))}</li>`)}</ul>
            <div class="choices">
              <button class="primary trim-others" @click=${() => this.#answer('trim-others')}>${trimOthersLabel(prompt.overlaps)}</button>
              <button class="trim-this" @click=${() => this.#answer('trim-this')}>Trim this one</button>
              <button class="keep" @click=${() => this.#answer('keep')}>Keep both</button>
              <button class="cancel" @click=${() => this.#answer(null)}>Cancel</button>
            </div>`
          : html`<h2 id="prompt-title">Are you sure?</h2>
            <p>${prompt.text}</p>
            <div class="choices">
              <button class="primary yes" @click=${() => this.#answer(true)}>${prompt.confirm}</button>
              <button class="cancel" @click=${() => this.#answer(false)}>Cancel</button>
            </div>`
      }
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-day-prompt': LtDayPrompt;
  }
}
