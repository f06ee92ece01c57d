import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import type { SecretProtection, Shell } from '../../shared/shell-contract.ts';
import { shellContext } from '../context.ts';

/**
 * One plain sentence on how secrets (API keys) are protected in this shell: by an OS keychain, by a key in the
 * browser profile, or not at all, and why. The shell words it; this shows it, marked when not protected.
 */
@customElement('lt-secrets-status')
export class LtSecretsStatus extends LitElement {
  static override styles = css`
    :host { display: block; }
    p { margin: 0; }
    .unprotected { color: var(--lt-warn, #b54708); }
  `;

  @consume({ context: shellContext, subscribe: true })
  @property({ attribute: false })
  shell?: Shell;

  @state() private protection: SecretProtection | null = null;
  @state() private failed = false;
  #asked: Shell | undefined;

  override willUpdate(): void {
    // ask once per shell: on first connection and if a provider hands over another shell
    if (this.shell && this.shell !== this.#asked) {
      const shell = (this.#asked = this.shell);
      this.failed = false;
      shell.secrets.protection().then(
        (protection) => {
          if (this.#asked === shell) this.protection = protection;
        },
        () => {
          if (this.#asked === shell) this.failed = true;
        },
      );
    }
  }

  override render() {
    if (this.failed)
      return html`<p class="unprotected" role="status">Could not find out how secrets are protected here.</p>`;
    if (!this.protection) return html`<p role="status">Checking how secrets are protected…</p>`;
    const { protected: isProtected, backend, reason } = this.protection;
    return html`<p class=${isProtected ? 'protected' : 'unprotected'} role="status" data-backend=${backend}>${reason}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-secrets-status': LtSecretsStatus;
  }
}
