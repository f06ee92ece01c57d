import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { plural } from '../../components/format.ts';
import { controlStyles, sectionStyles } from '../../components/styles.ts';
import { databaseContext, diagnosticsContext } from '../../context.ts';
import { ShortcutController } from '../../controllers/shortcuts.ts';
import { WatchController } from '../../controllers/watch.ts';
import type { DatabaseService } from '../../services/database.ts';
import type { DiagnosticsService } from '../../services/diagnostics.ts';
import { DiagnosticsModel } from './diagnostics-model.ts';

import '../../components/lt-secrets-status.ts';
import './lt-backups-section.ts';

import { runCommand } from '../../state/commands.ts';

import './lt-error-log.ts';

/** Data & diagnostics: the database file's health, its backups, the error log, and where secrets are kept. */
@customElement('lt-diagnostics-view')
export class LtDiagnosticsView extends LitElement {
  static override styles = [
    controlStyles,
    sectionStyles,
    css`
      :host { display: block; }
      h2.view-title { font-size: 1.25rem; margin: 0.25rem 0 1rem; }
      .recovery-note { margin: 0 0 1rem; }
      dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.35rem 1.25rem; margin: 0 0 0.9rem; }
      dt { color: var(--lt-muted, #667085); }
      dd { margin: 0; overflow-wrap: anywhere; }
      .problems { margin: 0.5rem 0 0; padding-left: 1.2rem; overflow-wrap: anywhere; }
      @media (max-width: 30rem) {
        dl { grid-template-columns: minmax(0, 1fr); gap: 0 0; }
        dd { margin-bottom: 0.5rem; }
      }
    `,
  ];

  @consume({ context: databaseContext })
  @property({ attribute: false })
  database!: DatabaseService;

  @consume({ context: diagnosticsContext })
  @property({ attribute: false })
  diagnostics!: DiagnosticsService;

  #model: DiagnosticsModel | null = null;
  readonly #keys = new ShortcutController(this, () => [
    {
      keys: ['b'],
      group: 'Data & diagnostics',
      label: 'Back up now',
      run: () =>
        this.renderRoot
          .querySelector('lt-backups-section')
          ?.shadowRoot?.querySelector<HTMLButtonElement>('button.backup-now')
          ?.click(),
    },
    {
      keys: ['c'],
      group: 'Data & diagnostics',
      label: 'Check the file for damage',
      when: () => this.database.$info.get() !== null,
      run: () => void this.model.checkFile(),
    },
  ]);

  constructor() {
    super();
    // Runs on connect, after the context consumers have set the services (they were added first).
    new WatchController(
      this,
      () => [
        this.database.$info,
        this.database.$mode,
        this.model.$integrity,
        this.model.$checking,
        this.model.$checkError,
      ],
      () => [this.model.connect()],
    );
  }

  get model(): DiagnosticsModel {
    this.#model ??= new DiagnosticsModel(this.database, this.diagnostics);
    return this.#model;
  }

  override render() {
    // the time-away section's element loads with the view's first render (it is not part of the window's first paint)
    void import('../away/lt-presence-sources.ts');
    return html`
      <h2 class="view-title">Data &amp; diagnostics</h2>
      ${
        this.database.$mode.get() === 'recovery'
          ? html`<p class="outcome error recovery-note" role="alert">LightTrack cannot use its data file right now.
            The <a href="#timer">Timer</a> page shows how to recover it.</p>`
          : nothing
      }
      ${this.#databaseSection()}
      <lt-backups-section .model=${this.model}></lt-backups-section>
      <section class="card" aria-labelledby="import-title">
        <h2 id="import-title">Import from another tracker</h2>
        <p class="muted">Toggl Track, Clockify, Timewarrior, Watson, Kimai, Super Productivity or LightTrack JSON: you see what the
          file holds before anything is written, and the import is one step you can undo. Exports are in Reports.</p>
        <button class="btn" type="button" ?disabled=${this.database.$mode.get() === 'recovery'} @click=${() => runCommand(this, 'import')}>Import…</button>
      </section>
      <lt-error-log .model=${this.model}></lt-error-log>
      <section class="card" aria-labelledby="secrets-title">
        <h2 id="secrets-title">Secrets</h2>
        <lt-secrets-status></lt-secrets-status>
      </section>
      <section class="card" aria-labelledby="presence-title">
        <h2 id="presence-title">Time away</h2>
        <p class="muted">What LightTrack can notice here to ask about time away while a timer runs.</p>
        <lt-presence-sources></lt-presence-sources>
      </section>
    `;
  }

  #databaseSection() {
    const info = this.database.$info.get();
    const startError = this.database.$startError.get();
    const integrity = this.model.$integrity.get();
    const checking = this.model.$checking.get();
    const checkError = this.model.$checkError.get();
    return html`<section class="card" aria-labelledby="db-title">
      <h2 id="db-title">Database</h2>
      ${
        info
          ? html`<dl>
            <dt>Status</dt>
            <dd class="status">${info.status === 'ready' ? 'Working normally' : 'Needs recovery'}</dd>
            <dt>Data format</dt>
            <dd class="schema">Version ${info.schemaVersion}</dd>
            <dt>SQLite</dt>
            <dd class="sqlite">${info.sqliteVersion || 'unknown'}</dd>
            <dt>Storage</dt>
            <dd>${info.vfs || 'unknown'}, in this browser profile’s private file system</dd>
            <dt>This window</dt>
            <dd class="role">${
              info.role === 'owner'
                ? 'Has the file open (owner)'
                : 'Reaches the file through the window that has it open (proxy)'
            }</dd>
          </dl>`
          : html`<p class="muted">${startError ? `The database did not open: ${startError.message}` : 'Opening the database…'}</p>`
      }
      <div class="actions">
        <button class="btn check" type="button" ?disabled=${checking || !info} @click=${() => void this.model.checkFile()}>
          ${checking ? 'Checking…' : 'Check the whole file'}</button>
      </div>
      ${checkError ? html`<p class="outcome error" role="alert">The check did not run: ${checkError}</p>` : nothing}
      ${
        integrity && !checking
          ? integrity.ok
            ? html`<p class="outcome check-result" role="status">No problems found (checked in ${seconds(integrity.ms)}).</p>`
            : html`<div class="outcome error check-result" role="alert">
              The file has problems (${plural(integrity.problems.length, 'line')} from SQLite):
              <ul class="problems">${integrity.problems.slice(0, 20).map((p) => html`<li>${p}</li>`)}</ul>
            </div>`
          : nothing
      }
    </section>`;
  }
}

function seconds(ms: number): string {
  if (!Number.isFinite(ms)) return 'a moment';
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-diagnostics-view': LtDiagnosticsView;
  }
}
