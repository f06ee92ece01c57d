import { provide } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { activeMs, formatClock } from '../../shared/duration.ts';
import type { Shell } from '../../shared/shell-contract.ts';
import { dataClientContext, shellContext, timerModelContext } from '../context.ts';
import type { DataClient } from '../services/data-client.ts';
import type { AppServices } from '../services/services.ts';
import type { TimerModel } from '../state/timer-model.ts';
import './lt-session-list.ts';
import './lt-timer-bar.ts';

/**
 * The main window's root. It is handed its services (shell, data client, timer model) and provides them to every
 * component below through @lit/context.
 */
@customElement('lt-app')
export class LtApp extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 56rem; margin: 0 auto; padding: 1.25rem 1.5rem 3rem; }
    h1 { font-size: 1.1rem; margin: 0 0 1rem; }
    .toast { position: fixed; left: 50%; bottom: 1.25rem; transform: translateX(-50%); display: flex; gap: 0.75rem;
      align-items: center; padding: 0.6rem 0.9rem; border-radius: 10px; background: #1d2939; color: #fff;
      box-shadow: 0 6px 24px rgb(0 0 0 / 0.2); max-width: calc(100% - 2rem); }
    .toast.error { background: #b42318; }
    .toast button { font: inherit; color: inherit; background: rgb(255 255 255 / 0.15); border: 0; border-radius: 6px;
      padding: 0.25rem 0.6rem; cursor: pointer; }
  `;

  @provide({ context: shellContext }) shell!: Shell;
  @provide({ context: dataClientContext }) client!: DataClient;
  @provide({ context: timerModelContext }) timer!: TimerModel;

  #services: AppServices | null = null;
  #disconnectModel: (() => void) | null = null;
  #unsubscribe: Array<() => void> = [];

  /** Must be set before the element is connected. */
  set services(services: AppServices) {
    this.#services = services;
    this.shell = services.shell;
    this.client = services.client;
    this.timer = services.timer;
  }
  get services(): AppServices {
    if (!this.#services) throw new Error('lt-app needs its services before it is connected');
    return this.#services;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const { timer } = this.services;
    this.#disconnectModel = timer.connect();
    this.#unsubscribe = [
      ...[timer.$error, timer.$lastDeleted].map((s) => s.listen(() => this.requestUpdate())),
      ...[timer.$running, timer.$now].map((s) => s.listen(() => this.#updateTitle())),
    ];
  }

  /** The running timer in the window title, so the taskbar and window switcher show it. */
  #updateTitle(): void {
    const running = this.timer.$running.get();
    document.title = running
      ? `${formatClock(activeMs(running, this.timer.$now.get()))} · ${running.name || '(no description)'} — LightTrack`
      : 'LightTrack';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#disconnectModel?.();
    for (const stop of this.#unsubscribe) stop();
    this.#unsubscribe = [];
  }

  override render() {
    const error = this.timer.$error.get();
    const deleted = this.timer.$lastDeleted.get();
    return html`
      <h1>LightTrack</h1>
      <lt-timer-bar></lt-timer-bar>
      <lt-session-list></lt-session-list>
      ${error
        ? html`<div class="toast error" role="alert">
            <span>${error.message}</span>
            <button type="button" @click=${() => this.timer.dismissError()}>Dismiss</button>
          </div>`
        : deleted
          ? html`<div class="toast" role="status">
              <span>Deleted “${deleted.name || 'session'}”</span>
              <button type="button" @click=${() => this.timer.undoRemove()}>Undo</button>
            </div>`
          : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-app': LtApp;
  }
}
