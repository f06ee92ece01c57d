import { provide } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { activeMs, formatClock } from '../../shared/duration.ts';
import type { Shell } from '../../shared/shell-contract.ts';
import { databaseContext, dataClientContext, diagnosticsContext, shellContext, timerModelContext } from '../context.ts';
import { HashRouteController } from '../controllers/hash-route.ts';
import { WatchController } from '../controllers/watch.ts';
import type { DataClient } from '../services/data-client.ts';
import type { DatabaseService } from '../services/database.ts';
import type { DiagnosticsService } from '../services/diagnostics.ts';
import type { AppServices } from '../services/services.ts';
import type { TimerModel } from '../state/timer-model.ts';
import '../views/diagnostics/lt-diagnostics-view.ts';
import '../views/recovery/lt-recovery-view.ts';
import '../views/reports/lt-reports-view.ts';
import './lt-session-list.ts';
import './lt-timer-bar.ts';

const ROUTES = ['timer', 'diagnostics', 'reports'] as const;

/**
 * The main window's root. It is handed its services and provides them to every component below through
 * @lit/context. A small header switches between the timer and Data & diagnostics (#diagnostics); when the database
 * needs recovery, the recovery screen takes the timer's place.
 */
@customElement('lt-app')
export class LtApp extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 56rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
    @media (max-width: 30rem) { :host { padding: 0.75rem 0.9rem 3rem; } }
    .top { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem;
      margin: 0 0 1rem; }
    h1 { font-size: 1.1rem; margin: 0; }
    nav ul { display: flex; gap: 0.25rem; list-style: none; margin: 0; padding: 0; }
    nav a { display: block; padding: 0.35rem 0.7rem; border-radius: 8px; color: inherit; text-decoration: none;
      font-size: 0.93rem; white-space: nowrap; }
    nav a:hover { background: var(--lt-hover, #f2f4f7); }
    nav a[aria-current='page'] { background: var(--lt-selected, #e8eeff); color: var(--lt-selected-text, #2f4fbf);
      font-weight: 600; }
    nav a:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 1px; }
    .toast { position: fixed; left: 50%; bottom: 1.25rem; transform: translateX(-50%); display: flex; gap: 0.75rem;
      align-items: center; padding: 0.6rem 0.9rem; border-radius: 10px; background: #1d2939; color: #fff;
      box-shadow: 0 6px 24px rgb(0 0 0 / 0.2); max-width: calc(100% - 2rem); box-sizing: border-box; }
    .toast span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
    .toast.error { background: #b42318; }
    .toast button { font: inherit; color: inherit; background: rgb(255 255 255 / 0.15); border: 0; border-radius: 6px;
      padding: 0.25rem 0.6rem; cursor: pointer; flex: none; }
    .reloading { position: fixed; inset: 0 0 auto; padding: 0.7rem 1rem; text-align: center; font-weight: 600;
      background: var(--lt-accent, #4f7cff); color: #fff; z-index: 1; }
  `;

  @provide({ context: shellContext }) shell!: Shell;
  @provide({ context: dataClientContext }) client!: DataClient;
  @provide({ context: timerModelContext }) timer!: TimerModel;
  @provide({ context: databaseContext }) database!: DatabaseService;
  @provide({ context: diagnosticsContext }) diagnostics!: DiagnosticsService;

  readonly #route = new HashRouteController(this, ROUTES);
  #services: AppServices | null = null;
  #disconnect: Array<() => void> = [];

  constructor() {
    super();
    new WatchController(this, () => {
      const { timer, database, lifecycle } = this.services;
      return [timer.$error, timer.$lastDeleted, database.$mode, lifecycle.$reloadReason];
    });
  }

  /** Must be set before the element is connected. */
  set services(services: AppServices) {
    this.#services = services;
    this.shell = services.shell;
    this.client = services.client;
    this.timer = services.timer;
    this.database = services.database;
    this.diagnostics = services.diagnostics;
  }
  get services(): AppServices {
    if (!this.#services) throw new Error('lt-app needs its services before it is connected');
    return this.#services;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const { timer, database } = this.services;
    this.#disconnect = [
      database.connect(),
      timer.connect(),
      ...[timer.$running, timer.$now].map((s) => s.listen(() => this.#updateTitle())),
    ];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.#disconnect) stop();
    this.#disconnect = [];
  }

  /** The running timer in the window title, so the taskbar and window switcher show it. */
  #updateTitle(): void {
    const running = this.timer.$running.get();
    document.title = running
      ? `${formatClock(activeMs(running, this.timer.$now.get()))} · ${running.name || '(no description)'} — LightTrack`
      : 'LightTrack';
  }

  override render() {
    const route = this.#route.route;
    const reloading = this.services.lifecycle.$reloadReason.get();
    return html`
      ${reloading ? html`<div class="reloading" role="status">${reloading} Reloading…</div>` : nothing}
      <header class="top">
        <h1>LightTrack</h1>
        <nav aria-label="Main">
          <ul>
            <li><a href="#timer" aria-current=${route === 'timer' ? 'page' : nothing}>Timer</a></li>
            <li><a href="#reports" aria-current=${route === 'reports' ? 'page' : nothing}>Reports</a></li>
            <li><a href="#diagnostics" aria-current=${route === 'diagnostics' ? 'page' : nothing}>Data &amp; diagnostics</a></li>
          </ul>
        </nav>
      </header>
      <main>
        ${route === 'reports' ? html`<lt-reports-view></lt-reports-view>` : route === 'diagnostics'
          ? html`<lt-diagnostics-view></lt-diagnostics-view>`
          : this.database.$mode.get() === 'recovery'
            ? html`<lt-recovery-view></lt-recovery-view>`
            : html`<lt-timer-bar></lt-timer-bar><lt-session-list></lt-session-list>`}
      </main>
      ${this.#toast()}
    `;
  }

  #toast() {
    const error = this.timer.$error.get();
    const deleted = this.timer.$lastDeleted.get();
    if (error) {
      return html`<div class="toast error" role="alert">
        <span title=${error.message}>${error.message}</span>
        <button type="button" @click=${() => this.timer.dismissError()}>Dismiss</button>
      </div>`;
    }
    if (deleted) {
      return html`<div class="toast" role="status">
        <span>Deleted “${deleted.name || 'session'}”</span>
        <button type="button" @click=${() => this.timer.undoRemove()}>Undo</button>
      </div>`;
    }
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-app': LtApp;
  }
}
