import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { cssVars } from './css-vars.ts';

/**
 * A tag as a small chip: its colour as a dot, its name cut with an ellipsis (the full name in the tooltip). For
 * every place sessions are shown: <lt-tag-chip name="deep work" color="#22a06b"></lt-tag-chip>.
 */
@customElement('lt-tag-chip')
export class LtTagChip extends LitElement {
  static override styles = css`
    :host { display: inline-flex; max-width: 100%; min-width: 0; vertical-align: middle; }
    span.chip { display: inline-flex; align-items: center; gap: 0.3rem; max-width: 100%; box-sizing: border-box;
      padding: 0.05rem 0.5rem; border-radius: 999px; font-size: var(--lt-text-xs, 0.78rem); line-height: 1.5;
      border: 1px solid var(--lt-border, #d8dce3); background: var(--lt-surface, #f9fafb); color: var(--lt-text, inherit); }
    .dot { flex: none; inline-size: 0.55rem; block-size: 0.55rem; border-radius: 50%; background: var(--chip, var(--lt-muted, #5d6b82)); }
    .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
  `;

  @property() name = '';
  @property() color: string | null = null;

  override render() {
    // colours go through the CSSOM (styleMap): the CSP refuses inline style attributes
    const color = this.color && /^#[0-9a-f]{6}$/i.test(this.color) ? this.color : null;
    return html`<span class="chip" title=${this.name}><span class="dot" aria-hidden="true"
      style=${cssVars(color ? { '--chip': color } : {})}></span><span class="name">${this.name}</span></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-tag-chip': LtTagChip;
  }
}
