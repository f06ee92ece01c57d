import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { databaseContext } from '../../context.ts';
import { WatchController } from '../../controllers/watch.ts';

import '../../components/lt-backup-list.ts';
import '../../components/lt-file-picker.ts';

import { controlStyles, sectionStyles } from '../../components/styles.ts';
import type { DatabaseService } from '../../services/database.ts';
import { recoveryCopy } from './recovery-copy.ts';
import { RecoveryModel } from './recovery-model.ts';

/**
 * Shown instead of the timer when the database cannot be used: what happened in plain words, and the ways out —
 * restore a backup or a file, download the file as it is, or start fresh (the old file is kept aside, never deleted).
 */
@customElement('lt-recovery-view')
export class LtRecoveryView extends LitElement {
  static override styles = [
    controlStyles,
    sectionStyles,
    css`
      :host { display: block; }
      .intro { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0.25rem 0.9rem; margin: 0.5rem 0 1.25rem; }
      .intro svg { width: 2.2rem; height: 2.2rem; grid-row: 1 / span 2; color: var(--lt-warn, #b54708); }
      h2.title { font-size: 1.25rem; margin: 0.15rem 0 0; overflow-wrap: anywhere; }
      .intro p { margin: 0; max-width: 44rem; }
      section.card > p { margin: 0 0 0.75rem; }
      .more { margin-top: 0.9rem; }
      .fresh-confirm { margin-top: 0.75rem; }
      details { margin-top: 1rem; }
    `,
  ];

  @consume({ context: databaseContext })
  @property({ attribute: false })
  database!: DatabaseService;

  #model: RecoveryModel | null = null;

  constructor() {
    super();
    // Runs on connect, after the context consumer has set `database` (it was added first).
    new WatchController(
      this,
      () => {
        const m = this.model;
        return [
          this.database.$problem,
          m.backups.$list,
          m.backups.$listError,
          m.backups.$busy,
          m.backups.$outcome,
          m.$confirmFresh,
          m.$freshBusy,
          m.$freshError,
        ];
      },
      () => {
        void this.model.load();
        return [this.database.watchRestarts(() => this.model.load())];
      },
    );
  }

  /** The view's model (created on first connect). */
  get model(): RecoveryModel {
    this.#model ??= new RecoveryModel(this.database);
    return this.#model;
  }

  override render() {
    const problem = this.database.$problem.get();
    if (!problem) return html`<p class="muted">Your data file is fine.</p>`;
    const copy = recoveryCopy(problem);
    const { backups } = this.model;
    const busy = backups.$busy.get() !== null || this.model.$freshBusy.get();
    const outcome = backups.$outcome.get();
    return html`
      <div class="intro">
        <svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor"
          d="M12 2 1 21h22L12 2Zm0 4.3L19.5 19h-15L12 6.3ZM11 10v5h2v-5h-2Zm0 6v2h2v-2h-2Z"/></svg>
        <h2 class="title" tabindex="-1">${copy.title}</h2>
        <p>${copy.body}</p>
      </div>
      ${backups.$busy.get() ? html`<p class="outcome" role="status">${backups.$busy.get()}</p>` : nothing}
      ${
        outcome
          ? html`<p class=${outcome.ok ? 'outcome' : 'outcome error'} role=${outcome.ok ? 'status' : 'alert'}>
          ${outcome.text}</p>`
          : nothing
      }
      ${
        copy.canRestore
          ? html`<section class="card" aria-labelledby="restore-title">
            <h2 id="restore-title">Restore from a backup</h2>
            ${backups.$listError.get() ? html`<p class="outcome error">${backups.$listError.get()}</p>` : nothing}
            <lt-backup-list .backups=${backups.$list.get()} ?busy=${busy}
              emptyText="No backups were found. You can restore a LightTrack file you saved, or start fresh."
              @restore-backup=${(e: CustomEvent<string>) => void backups.restoreBackup(e.detail)}></lt-backup-list>
          </section>`
          : nothing
      }
      <div class="actions more">
        ${
          copy.canRestore
            ? html`<lt-file-picker ?busy=${busy}
              @file-picked=${(e: CustomEvent<File>) => void backups.restoreFromFile(e.detail)}></lt-file-picker>`
            : nothing
        }
        ${
          copy.download
            ? html`<button class="btn download" type="button" ?disabled=${busy} @click=${() => void backups.download()}>
              ${copy.download}</button>`
            : nothing
        }
        ${
          copy.canStartFresh
            ? html`<button class="btn fresh" type="button" ?disabled=${busy} aria-expanded=${this.model.$confirmFresh.get()}
              @click=${() => this.#askFresh(!this.model.$confirmFresh.get())}>Start fresh…</button>`
            : nothing
        }
      </div>
      ${this.model.$confirmFresh.get() ? this.#freshConfirm(problem.kind === 'lost') : nothing}
      ${
        problem.technical || problem.message
          ? html`<details>
            <summary>Technical details</summary>
            <pre>${[problem.message, problem.technical].filter(Boolean).join('\n\n')}</pre>
          </details>`
          : nothing
      }
    `;
  }

  #freshConfirm(lost: boolean) {
    const error = this.model.$freshError.get();
    return html`<div class="confirm fresh-confirm" role="group" aria-label="Confirm start fresh"
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#askFresh(false)}>
      <p>${
        lost
          ? 'Start with an empty database? Your sessions come back only if you restore a backup or a saved file later.'
          : 'Start with an empty database? The current file is kept aside in LightTrack’s storage — never deleted — so it can still be rescued.'
      }</p>
      ${error ? html`<p class="outcome error" role="alert">${error}</p>` : nothing}
      <div class="actions">
        <button class="btn danger confirm-fresh" type="button" ?disabled=${this.model.$freshBusy.get()}
          @click=${() => void this.model.startFresh()}>${this.model.$freshBusy.get() ? 'Starting…' : 'Start fresh'}</button>
        <button class="btn cancel" type="button" @click=${() => this.#askFresh(false)}>Cancel</button>
      </div>
    </div>`;
  }

  async #askFresh(ask: boolean): Promise<void> {
    this.model.askStartFresh(ask);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(ask ? '.confirm-fresh' : '.fresh')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-recovery-view': LtRecoveryView;
  }
}
