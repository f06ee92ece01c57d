import { css, html, LitElement } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

import type { DataClient } from '../../services/data-client.ts';

import './lt-quick-entry.ts';

import { runCommand, type AppCommand } from '../../state/commands.ts';
import type { LtQuickEntry } from './lt-quick-entry.ts';

/**
 * The quick entry as a command palette in the main window: Ctrl/Cmd+K opens it as a modal dialog. It is rendered
 * (hidden) as soon as it is mounted, so opening only shows the dialog and focuses the line.
 */
const COMMANDS: [AppCommand, string][] = [
  ['export-report', 'Export this report…'],
  ['import', 'Import from a file…'],
  ['ask-assistant', 'Ask the assistant…'],
];

@customElement('lt-command-palette')
export class LtCommandPalette extends LitElement {
  static override styles = css`
    dialog { width: min(40rem, calc(100vw - 1.5rem)); max-width: none; margin: 12vh auto auto; padding: 0.9rem;
      border: 1px solid var(--lt-border, #d0d5dd); border-radius: 14px; background: Canvas;
      color: CanvasText; box-shadow: 0 24px 64px rgb(16 24 40 / 0.28); box-sizing: border-box; }
    dialog::backdrop { background: rgb(16 24 40 / 0.35); }
    h2 { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); margin: 0; }
    .commands { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0.7rem 0 0; padding: 0.6rem 0 0;
      border-top: 1px solid var(--lt-border, #d0d5dd); list-style: none; font-size: 0.87rem; }
    .commands span { color: var(--lt-muted, #667085); margin-inline-end: 0.2rem; }
    .commands button { font: inherit; color: inherit; background: transparent; border: 1px solid var(--lt-border, #d0d5dd);
      border-radius: 8px; padding: 0.3rem 0.65rem; cursor: pointer; }
    .commands button:hover { background: var(--lt-hover, #f2f4f7); }
    .commands button:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 1px; }
  `;

  @property({ attribute: false }) client: DataClient | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('lt-quick-entry') private entry!: LtQuickEntry;

  #onKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
      e.preventDefault();
      if (this.open) this.close();
      else this.show();
    }
  };

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.#onKey);
  }

  show(): void {
    if (!this.dialog || this.dialog.open) return;
    this.entry.reset();
    this.dialog.showModal();
    this.entry.focus();
  }

  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  override render() {
    return html`<dialog aria-labelledby="palette-title"
        @lt-quick-entry-dismiss=${() => this.close()}
        @lt-quick-entry-done=${() => this.close()}
        @click=${(e: MouseEvent) => e.target === this.dialog && this.close()}>
      <h2 id="palette-title">Quick entry</h2>
      <lt-quick-entry .client=${this.client}></lt-quick-entry>
      <div class="commands" role="group" aria-label="Commands"><span>Commands</span>
        ${COMMANDS.map(([command, label]) => html`<button type="button" @click=${() => this.#run(command)}>${label}</button>`)}</div>
    </dialog>`;
  }

  #run(command: AppCommand): void {
    this.close();
    runCommand(this, command);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-command-palette': LtCommandPalette;
  }
}
