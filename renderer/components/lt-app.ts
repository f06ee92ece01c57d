import { provide } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';

import { activeMs, formatClock } from '../../shared/duration.ts';
import { toAppError, type AppErrorData } from '../../shared/errors.ts';
import type { ActionRef } from '../../shared/session-edits.ts';
import type { Shell } from '../../shared/shell-contract.ts';
import {
  awayContext,
  databaseContext,
  dataClientContext,
  dayModelContext,
  diagnosticsContext,
  settingsContext,
  shellContext,
  timerModelContext,
  undoContext,
} from '../context.ts';
import { HashRouteController } from '../controllers/hash-route.ts';
import { ShortcutController } from '../controllers/shortcuts.ts';
import { WatchController } from '../controllers/watch.ts';
import { startAfterPaint } from '../services/after-paint.ts';
import type { AwayService } from '../services/away/away-service.ts';
import type { DataClient } from '../services/data-client.ts';
import type { DatabaseService } from '../services/database.ts';
import type { DiagnosticsService } from '../services/diagnostics.ts';
import type { AppServices } from '../services/services.ts';
import type { SettingsService } from '../services/settings.ts';
import type { UndoService } from '../services/undo.ts';
import type { TimerModel } from '../state/timer-model.ts';
import type { DayModel } from '../views/day/day-model.ts';

import '../views/day/lt-day-view.ts';
import '../views/recovery/lt-recovery-view.ts';

import type { LtShortcutHelp } from './lt-shortcut-help.ts';

import './lt-shortcut-help.ts';

import { $pendingCommand, type AppCommand } from '../state/commands.ts';
import { placeToast, toast, toastStyles, type ToastMessage } from './toast.ts';

/** "timer" is the old name of the Day view's route; links to it keep working. */
const ROUTES = ['day', 'week', 'projects', 'reports', 'assistant', 'jira', 'settings', 'diagnostics', 'timer'] as const;
type Route = (typeof ROUTES)[number];
const NAV: Array<{ route: Route; label: string }> = [
  { route: 'day', label: 'Day' },
  { route: 'week', label: 'Week' },
  { route: 'projects', label: 'Projects' },
  { route: 'reports', label: 'Reports' },
  { route: 'assistant', label: 'Assistant' },
  { route: 'jira', label: 'Jira' },
  { route: 'settings', label: 'Settings' },
  { route: 'diagnostics', label: 'Data & diagnostics' },
];
const TOAST_MS = 6000;

/**
 * The main window's root. It is handed its services and provides them to every view through @lit/context, switches
 * views by the location hash, shows the recovery screen when the database needs it, and owns the toast: views report
 * undoable actions (`lt-action`, an ActionRef) and errors (`lt-error`) as events, and undo/redo keys act here.
 */
@customElement('lt-app')
export class LtApp extends LitElement {
  static override styles = [
    toastStyles,
    css`
    :host { display: block; max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
    @media (max-width: 30rem) { :host { padding: 0.75rem 0.75rem 4rem; } }
    .top { display: grid; grid-template-columns: auto minmax(0, 1fr) auto; grid-template-areas: 'title nav help';
      align-items: center; gap: 0.5rem 1rem; margin: 0 0 1rem; }
    .top h1 { grid-area: title; } .top nav { grid-area: nav; justify-self: center; } .top .help { grid-area: help; }
    /* narrow windows: the nav gets a row of its own under the title */
    @media (max-width: 52rem) { .top { grid-template-areas: 'title help' 'nav nav'; grid-template-columns: 1fr auto; }
      .top nav { justify-self: start; } }
    h1 { font-size: 1.1rem; margin: 0; }
    @media print { :host { max-width: none; padding: 0; } .top nav, .top .help { display: none; } }
    nav ul { display: flex; flex-wrap: wrap; gap: 0.2rem; list-style: none; margin: 0; padding: 0; }
    nav a { display: block; padding: 0.35rem 0.65rem; border-radius: 8px; color: inherit; text-decoration: none;
      font-size: 0.93rem; white-space: nowrap; }
    nav a:hover { background: var(--lt-hover, #f2f4f7); }
    nav a[aria-current='page'] { background: var(--lt-selected, #e8eeff); color: var(--lt-selected-text, #2f4fbf); font-weight: 600; }
    a:focus-visible, button:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 1px; }
    .help { font: inherit; font-size: 0.9rem; border: 1px solid var(--lt-border, #d0d5dd); background: transparent; color: inherit;
      border-radius: 8px; padding: 0.3rem 0.6rem; cursor: pointer; }
    .away-later { margin: -0.5rem 0 0.75rem; }
    .placeholder { padding: 2rem 0; color: var(--lt-muted, #667085); }
    .reloading { position: fixed; inset: 0 0 auto; padding: 0.7rem 1rem; text-align: center; font-weight: 600;
      background: var(--lt-accent, #4f7cff); color: #fff; z-index: 3; }
  `,
  ];

  @provide({ context: shellContext }) shell!: Shell;
  @provide({ context: dataClientContext }) client!: DataClient;
  @provide({ context: timerModelContext }) timer!: TimerModel;
  @provide({ context: databaseContext }) database!: DatabaseService;
  @provide({ context: diagnosticsContext }) diagnostics!: DiagnosticsService;
  @provide({ context: undoContext }) undo!: UndoService;
  @provide({ context: dayModelContext }) day!: DayModel;
  @provide({ context: settingsContext }) settings!: SettingsService;
  @provide({ context: awayContext }) away!: AwayService;

  readonly #route = new HashRouteController(this, ROUTES);
  @state() private message: ToastMessage | null = null;
  /** away time the user put off ("Later"): the review opens again for new gaps, or from the top bar */
  @state() private awayLater = new Set<string>();
  @query('lt-shortcut-help') private help!: LtShortcutHelp;
  #services: AppServices | null = null;
  #toastTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    new WatchController(
      this,
      () => {
        const { timer, database, lifecycle, away, settings } = this.services;
        return [timer.$error, database.$mode, lifecycle.$reloadReason, away.$pending, away.$away, settings.$settings];
      },
      () => {
        const { timer, database, day, undo, settings, away } = this.services;
        this.addEventListener('lt-action', this.#onAction as EventListener);
        this.addEventListener('lt-error', this.#onError as EventListener);
        this.addEventListener('lt-notice', this.#onNotice as EventListener);
        this.addEventListener('lt-command', this.#onCommand as EventListener);
        return [
          database.connect(),
          timer.connect(),
          day.connect(),
          undo.connect(),
          settings.connect(),
          away.connect(),
          away.$autoAction.listen(
            (action) => action && this.#onAction(new CustomEvent('lt-action', { detail: action })),
          ),
          away.$notice.listen((text) => text && this.#show({ text })),
          ...[timer.$running, timer.$now].map((s) => s.listen(() => this.#updateTitle())),
          () => this.removeEventListener('lt-action', this.#onAction as EventListener),
          () => this.removeEventListener('lt-error', this.#onError as EventListener),
          () => this.removeEventListener('lt-notice', this.#onNotice as EventListener),
          () => this.removeEventListener('lt-command', this.#onCommand as EventListener),
        ];
      },
    );
    new ShortcutController(this, () => [
      {
        keys: ['Mod+z'],
        group: 'Everywhere',
        label: 'Undo (in an empty field too)',
        run: () => void this.#undo(),
        inEmptyField: true,
      },
      {
        keys: ['Mod+Shift+z', 'Mod+y'],
        group: 'Everywhere',
        label: 'Redo',
        run: () => void this.#redo(),
        inEmptyField: true,
      },
      { keys: ['?'], group: 'Everywhere', label: 'Show these shortcuts', run: () => void this.help.show() },
      // the palette answers Ctrl/Cmd+K itself (even in a field); listed here so the help names it
      { keys: ['Mod+k'], group: 'Everywhere', label: 'Quick entry: type a whole entry in one line', run: () => false },
      { keys: ['1'], group: 'Everywhere', label: 'Go to Day', run: () => void (location.hash = '#day') },
      { keys: ['2'], group: 'Everywhere', label: 'Go to Week', run: () => void (location.hash = '#week') },
    ]);
  }

  /** Must be set before the element is connected. */
  set services(services: AppServices) {
    this.#services = services;
    this.shell = services.shell;
    this.client = services.client;
    this.timer = services.timer;
    this.database = services.database;
    this.diagnostics = services.diagnostics;
    this.undo = services.undo;
    this.day = services.day;
    this.settings = services.settings;
    this.away = services.away;
  }
  get services(): AppServices {
    if (!this.#services) throw new Error('lt-app needs its services before it is connected');
    return this.#services;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // the Ctrl/Cmd+K palette (quick entry) and the reminders come after the first paint
    requestAnimationFrame(() =>
      setTimeout(() => {
        void import('../views/quick-entry/lt-command-palette.ts');
        void this.#startReminders();
      }, 0),
    );
  }

  /** the reminders and the tray's sync, started after the first paint */
  #stopReminders: (() => void) | null = null;

  async #startReminders(): Promise<void> {
    const stop = await startAfterPaint(this.services, (r) =>
      this.#show({
        text: `${r.title} — ${r.body}`,
        wrap: true,
        button: {
          label: 'Open',
          run: () => {
            location.hash = r.route;
            this.#show(null);
          },
        },
      }),
    );
    if (this.isConnected && !this.#stopReminders) this.#stopReminders = stop;
    else stop();
  }

  /**
   * The toast never sits over the field the user is in. Focus moving inside one view never reaches this element
   * (shadow DOM stops such focus events at the view), so the place is checked a few times a second while it shows.
   */
  #toastPlacing: ReturnType<typeof setInterval> | undefined;

  protected override updated(): void {
    const el = this.renderRoot.querySelector<HTMLElement>('.toast');
    placeToast(el);
    clearInterval(this.#toastPlacing);
    if (el) this.#toastPlacing = setInterval(() => placeToast(el), 250);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopReminders?.();
    this.#stopReminders = null;
    clearTimeout(this.#toastTimer);
    clearInterval(this.#toastPlacing);
  }

  /** The running timer in the window title, so the taskbar and window switcher show it. */
  #updateTitle(): void {
    const running = this.timer.$running.get();
    document.title = running
      ? `${formatClock(activeMs(running, this.timer.$now.get()))} · ${running.name || '(no description)'} — LightTrack`
      : 'LightTrack';
  }

  #show(message: ToastMessage | null): void {
    this.message = message;
    this.#hold(false);
  }

  /** Holds the toast while it is hovered or focused; otherwise a non-error toast goes after a few seconds. */
  readonly #hold = (held: boolean): void => {
    clearTimeout(this.#toastTimer);
    if (!held && this.message && !this.message.error)
      this.#toastTimer = setTimeout(() => (this.message = null), TOAST_MS);
  };

  readonly #onAction = (event: CustomEvent<ActionRef>): void => {
    const action = event.detail;
    if (!action || typeof action.label !== 'string') return;
    this.#show({ text: action.label, button: { label: 'Undo', run: () => void this.#undo(action) } });
  };

  /** A plain message with no action to undo (e.g. "Exported 1,234 sessions to timesheet.csv"). */
  readonly #onNotice = (event: CustomEvent<{ text: string }>): void => {
    if (typeof event.detail?.text === 'string') this.#show({ text: event.detail.text });
  };

  readonly #onCommand = (event: CustomEvent<AppCommand>): void => void this.#command(event.detail);

  /** Export needs the report on screen: go to Reports, which takes the command; import opens over any view. */
  async #command(command: AppCommand): Promise<void> {
    if (command === 'export-report') {
      $pendingCommand.set('export-report');
      if (this.#route.route !== 'reports') location.hash = '#reports';
      return;
    }
    if (command === 'ask-assistant') {
      if (this.#route.route !== 'assistant') location.hash = '#assistant';
      // the view may still be loading: focus its question box once it is there
      await import('../views/assistant/lt-assistant-view.ts');
      await this.updateComplete;
      const view = this.renderRoot.querySelector('lt-assistant-view');
      await view?.updateComplete;
      view?.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      return;
    }
    if (command !== 'import') return;
    await import('../views/exports/lt-import-dialog.ts');
    let dialog = this.renderRoot.querySelector('lt-import-dialog');
    if (!dialog) {
      dialog = document.createElement('lt-import-dialog');
      this.renderRoot.append(dialog);
    }
    dialog.client = this.client;
    dialog.show();
  }

  readonly #onError = (event: CustomEvent<AppErrorData>): void => {
    const error = toAppError(event.detail);
    this.#show({ text: error.message, error: true, button: { label: 'Dismiss', run: () => this.#show(null) } });
  };

  /** Undoes the action named (a toast's) or else the newest one (Ctrl/Cmd+Z). */
  async #undo(action?: ActionRef): Promise<void> {
    try {
      const outcome = await this.undo.undo(action?.id);
      this.#show({ text: `Undone: ${outcome.action.label}`, button: { label: 'Redo', run: () => void this.#redo() } });
    } catch (error) {
      this.#failed('undo', error, action?.label);
    }
  }

  async #redo(): Promise<void> {
    try {
      const outcome = await this.undo.redo();
      this.#show({ text: `Redone: ${outcome.action.label}`, button: { label: 'Undo', run: () => void this.#undo() } });
    } catch (error) {
      this.#failed('redo', error);
    }
  }

  /** Undo's own refusals in words: nothing to undo, or a row changed since (CONFLICT). */
  #failed(what: 'undo' | 'redo', error: unknown, named?: string): void {
    const e = toAppError(error);
    if (e.code === 'NOT_FOUND')
      return this.#show({ text: named ? `“${named}” was already undone.` : `Nothing to ${what}.` });
    const label = named ?? (what === 'undo' ? this.undo.$state.get().undo : this.undo.$state.get().redo)?.label;
    const text =
      e.code === 'CONFLICT'
        ? `Cannot ${what}${label ? ` “${label}”` : ''}: it was changed since (${e.message}).`
        : `Cannot ${what}: ${e.message}`;
    this.#show({ text, error: true, button: { label: 'Dismiss', run: () => this.#show(null) } });
  }

  /**
   * A freshly opened window on the Day view: the name field takes focus, so typing starts an entry at once (and Esc
   * leaves it for the list keys). Nothing is taken from an element the user focused already.
   */
  async focusStartField(): Promise<void> {
    await this.updateComplete;
    const day = this.renderRoot.querySelector('lt-day-view');
    await day?.updateComplete;
    const bar = day?.renderRoot.querySelector('lt-timer-bar');
    await bar?.updateComplete;
    const active = document.activeElement;
    if (bar && (active === null || active === document.body)) bar.focusName();
  }

  override render() {
    const route = this.#route.route;
    const current = route === 'timer' ? 'day' : route;
    const reloading = this.services.lifecycle.$reloadReason.get();
    return html`
      ${reloading ? html`<div class="reloading" role="status">${reloading} Reloading…</div>` : nothing}
      <header class="top">
        <h1>LightTrack</h1>
        <nav aria-label="Main">
          <ul>${NAV.filter(
            // Jira is in the menu once connected
            (n) => n.route !== 'jira' || current === 'jira' || this.services.settings.get('jira').kind !== 'off',
          ).map(
            (n) => html`<li><a href=${`#${n.route}`}
            aria-current=${current === n.route ? 'page' : nothing}>${n.label}</a></li>`,
          )}</ul>
        </nav>
        <button class="help" type="button" title="Keyboard shortcuts (?)" @click=${() => void this.help.show()}>? Keys</button>
      </header>
      ${this.#awayButton()}
      <main>${this.#view(current)}</main>
      ${this.#awayReview()}
      ${this.#toast()}
      <lt-shortcut-help></lt-shortcut-help>
      <lt-command-palette .client=${this.client}></lt-command-palette>
    `;
  }

  #view(route: Route) {
    // views other than Day and recovery load on first visit, so the window's first paint carries only those two
    // (Data & diagnostics too: it is a chunk on disk like the others, read without the database)
    if (route === 'diagnostics') {
      void import('../views/diagnostics/lt-diagnostics-view.ts');
      return html`<lt-diagnostics-view></lt-diagnostics-view>`;
    }
    if (this.database.$mode.get() === 'recovery') return html`<lt-recovery-view></lt-recovery-view>`;
    if (route === 'week') {
      void import('../views/week/lt-week-view.ts');
      return html`<lt-week-view></lt-week-view>`;
    }
    if (route === 'projects') {
      void import('../views/projects/lt-projects-view.ts');
      return html`<lt-projects-view></lt-projects-view>`;
    }
    if (route === 'settings') {
      void import('../views/settings/lt-settings-view.ts');
      return html`<lt-settings-view></lt-settings-view>`;
    }
    if (route === 'reports') {
      void import('../views/reports/lt-reports-view.ts');
      return html`<lt-reports-view></lt-reports-view>`;
    }
    if (route === 'assistant') {
      void import('../views/assistant/lt-assistant-view.ts');
      return html`<lt-assistant-view></lt-assistant-view>`;
    }
    if (route === 'jira') {
      void import('../views/jira/lt-jira-view.ts');
      return html`<lt-jira-view></lt-jira-view>`;
    }
    return html`<lt-day-view></lt-day-view>`;
  }

  /** The review of away time, loaded on first need; it opens by itself once the user is back. */
  #awayReview() {
    const { away } = this.services;
    const pending = away.$pending.get();
    if (this.database.$mode.get() !== 'ready' || !pending.some((g) => !this.awayLater.has(g.id))) return nothing;
    void import('../views/away/lt-away-review.ts');
    return html`<lt-away-review .away=${away} .timer=${this.timer} .client=${this.client} .settings=${this.settings}
      @lt-away-later=${() => (this.awayLater = new Set(pending.map((g) => g.id)))}></lt-away-review>`;
  }

  #awayButton() {
    const pending = this.services.away.$pending.get();
    if (pending.length === 0 || pending.some((g) => !this.awayLater.has(g.id))) return nothing;
    return html`<p class="away-later"><button class="help" type="button" @click=${() => (this.awayLater = new Set())}>
      Review time away (${pending.length})</button></p>`;
  }

  #toast() {
    const error = this.timer.$error.get();
    if (error)
      return toast({
        text: error.message,
        error: true,
        button: { label: 'Dismiss', run: () => this.timer.dismissError() },
      });
    return toast(this.message, this.#hold);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-app': LtApp;
  }
}
