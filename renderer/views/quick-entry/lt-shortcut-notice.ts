import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { controlStyles } from '../../components/styles.ts';

/** Says in the main window that the global quick-entry shortcut could not be registered, and how to get there. */
@customElement('lt-shortcut-notice')
export class LtShortcutNotice extends LitElement {
  static override styles = [
    controlStyles,
    css`
    :host { display: block; }
    .notice { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between;
      margin: 0.5rem; padding: 0.55rem 0.8rem; border-radius: 8px; background: var(--lt-warn-bg, #fffaeb);
      color: var(--lt-warn, #b54708); overflow-wrap: anywhere; }
    p { margin: 0; min-width: 0; }
  `,
  ];

  @property() message: string | null = null;

  override render() {
    if (!this.message) return nothing;
    return html`<div class="notice" role="status"><p>${this.message}</p>
      <button class="btn" @click=${() => (this.message = null)}>Dismiss</button></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-shortcut-notice': LtShortcutNotice;
  }
}
