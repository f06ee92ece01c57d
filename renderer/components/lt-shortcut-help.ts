import { css, html, LitElement } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';

import { keyLabel, listShortcuts } from '../controllers/shortcuts.ts';

/** The `?` dialog: every shortcut the window answers right now, read from the same registry the keys go through. */
@customElement('lt-shortcut-help')
export class LtShortcutHelp extends LitElement {
  static override styles = css`
    dialog { border: 1px solid var(--lt-border, #d0d5dd); border-radius: 12px; padding: 1rem 1.2rem; width: min(36rem, calc(100vw - 2rem));
      max-height: calc(100vh - 3rem); box-sizing: border-box; background: Canvas; color: CanvasText; }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
    header { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
    h2 { font-size: 1.1rem; margin: 0; }
    h3 { font-size: 0.9rem; margin: 1rem 0 0.3rem; color: var(--lt-muted, #667085); }
    dl { display: grid; grid-template-columns: minmax(0, 11rem) minmax(0, 1fr); gap: 0.3rem 1rem; margin: 0; }
    dt { overflow-wrap: anywhere; }
    dd { margin: 0; overflow-wrap: anywhere; }
    kbd { font: inherit; font-size: 0.85rem; padding: 0.05rem 0.35rem; border-radius: 4px; border: 1px solid var(--lt-border, #d0d5dd);
      background: var(--lt-surface, #f9fafb); }
    button { font: inherit; padding: 0.3rem 0.7rem; border-radius: 8px; border: 1px solid var(--lt-border, #d0d5dd);
      background: var(--lt-field, #fff); color: inherit; cursor: pointer; }
    button:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 2px; }
    p { color: var(--lt-muted, #667085); font-size: 0.88rem; margin: 0.8rem 0 0; }
  `;

  @query('dialog') private dialog!: HTMLDialogElement;
  @state() private groups: ReturnType<typeof listShortcuts> = [];

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  async show(): Promise<void> {
    this.groups = listShortcuts();
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.dialog.querySelector('button')?.focus();
  }

  close(): void {
    this.dialog?.close();
  }

  override render() {
    return html`<dialog aria-labelledby="shortcuts-title">
      <header><h2 id="shortcuts-title">Keyboard shortcuts</h2><button type="button" @click=${() => this.close()}>Close</button></header>
      ${this.groups.map(
        (g) => html`<h3>${g.group}</h3><dl>
        ${g.items.map((i) => html`<dt>${i.keys.map((k, n) => html`${n ? ' or ' : ''}<kbd>${keyLabel(k)}</kbd>`)}</dt><dd>${i.label}</dd>`)}
      </dl>`,
      )}
      <p>Single-letter keys never act while you type in a field; press Esc to leave the field first.</p>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-shortcut-help': LtShortcutHelp;
  }
}
