import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';

import type { BackupInfo, BackupKind } from '../../shared/database.ts';
import { dateTime, fileSize, plural } from './format.ts';
import { controlStyles } from './styles.ts';

const KIND_LABELS: Record<BackupKind, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  manual: 'Made by you',
  'pre-migration': 'Before an update',
  'pre-restore': 'Before a restore',
  'pre-bulk': 'Before a bulk change',
};

/**
 * Backups, newest first, each with a Restore button that asks to confirm first. Fires `restore-backup` (detail: the
 * backup's name) when the user confirms; the owner does the restoring.
 */
@customElement('lt-backup-list')
export class LtBackupList extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; }
      ul { list-style: none; margin: 0; padding: 0; border-top: 1px solid var(--lt-border, #eaecf0); }
      li { padding: 0.6rem 0.1rem; border-bottom: 1px solid var(--lt-border, #eaecf0); }
      .row { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.25rem 0.75rem; align-items: center; }
      .when { font-weight: 600; overflow-wrap: anywhere; }
      .what { display: flex; flex-wrap: wrap; gap: 0.1rem 0.5rem; align-items: baseline; min-width: 0; }
      .facts { grid-column: 1; font-size: 0.88rem; }
      .row .btn { grid-column: 2; grid-row: 1 / span 2; }
      .badge { font-size: 0.75rem; font-weight: 600; padding: 0.05rem 0.45rem; border-radius: 999px; flex: none;
        background: var(--lt-accent, #4f7cff); color: #fff; }
      .empty { margin: 0; padding: 0.5rem 0; }
    `,
  ];

  /** null while loading */
  @property({ attribute: false }) backups: BackupInfo[] | null = null;
  /** an action is under way: the buttons wait */
  @property({ type: Boolean }) busy = false;
  @property() emptyText = 'No backups yet.';
  @state() private confirming: string | null = null;

  override render() {
    const backups = this.backups;
    if (backups === null) return html`<p class="empty muted">Looking for backups…</p>`;
    if (backups.length === 0) return html`<p class="empty muted">${this.emptyText}</p>`;
    return html`<ul aria-label="Backups">
      ${repeat(
        backups,
        (b) => b.name,
        (b, i) => this.#item(b, i === 0),
      )}
    </ul>`;
  }

  #item(backup: BackupInfo, latest: boolean) {
    const when = dateTime(backup.createdAt);
    const sessions = backup.sessions === null ? 'sessions not counted yet' : plural(backup.sessions, 'session');
    return html`<li data-name=${backup.name}>
      <div class="row">
        <div class="what">
          <span class="when">${when}</span>
          ${latest ? html`<span class="badge">Latest</span>` : nothing}
        </div>
        <span class="facts muted">${KIND_LABELS[backup.kind] ?? backup.kind} · ${sessions} · ${fileSize(backup.sizeBytes)}</span>
        <button class="btn restore" type="button" ?disabled=${this.busy} aria-expanded=${this.confirming === backup.name}
          aria-label=${`Restore the backup from ${when}`} @click=${() => this.#ask(backup.name)}>Restore…</button>
      </div>
      ${
        this.confirming === backup.name
          ? html`<div class="confirm" role="group" aria-label="Confirm restore" @keydown=${this.#onKeydown}>
            <p>Replace your current data with the backup from ${when}? What you have now is kept aside first, never
              deleted.</p>
            <div class="actions">
              <button class="btn primary confirm-restore" type="button" ?disabled=${this.busy}
                @click=${() => this.#confirm(backup.name)}>Restore this backup</button>
              <button class="btn cancel" type="button" @click=${this.#cancel}>Cancel</button>
            </div>
          </div>`
          : nothing
      }
    </li>`;
  }

  async #ask(name: string): Promise<void> {
    this.confirming = this.confirming === name ? null : name;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.confirm-restore')?.focus();
  }

  #confirm(name: string): void {
    this.confirming = null;
    this.dispatchEvent(new CustomEvent('restore-backup', { detail: name, bubbles: true, composed: true }));
  }

  readonly #cancel = async (): Promise<void> => {
    const name = this.confirming;
    this.confirming = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`li[data-name="${CSS.escape(name ?? '')}"] .restore`)?.focus();
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    void this.#cancel();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-backup-list': LtBackupList;
  }
}
