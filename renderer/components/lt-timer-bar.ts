import { css, html } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { activeMs, formatClock } from '../../shared/duration.ts';
import type { TimerModel } from '../state/timer-model.ts';
import { ModelElement } from './model-element.ts';

/** What are you working on? — name, project, Start/Stop and the live clock. */
@customElement('lt-timer-bar')
export class LtTimerBar extends ModelElement {
  static override styles = css`
    :host { display: block; }
    form { display: grid; grid-template-columns: 1fr 12rem auto auto; gap: 0.5rem; align-items: center; }
    input { font: inherit; padding: 0.55rem 0.7rem; border: 1px solid var(--lt-border, #d0d5dd); border-radius: 8px;
      background: var(--lt-field, #fff); color: inherit; min-width: 0; }
    input:focus-visible, button:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 1px; }
    button { font: inherit; font-weight: 600; padding: 0.55rem 1rem; border-radius: 8px; border: 0; cursor: pointer; }
    .start { background: var(--lt-accent, #4f7cff); color: #fff; }
    .stop { background: var(--lt-danger, #e5484d); color: #fff; }
    .pause { background: transparent; border: 1px solid var(--lt-border, #d0d5dd); color: inherit; }
    button:disabled { opacity: 0.6; cursor: progress; }
    .clock { font-variant-numeric: tabular-nums; font-size: 1.6rem; font-weight: 600; min-width: 6.5ch; text-align: right; }
    .running { margin-top: 0.5rem; color: var(--lt-muted, #667085); font-size: 0.9rem; min-height: 2.2rem;
      display: flex; align-items: center; gap: 0.5rem; }
    /* a long description is cut after two lines (full text in the tooltip), never pushing the buttons away */
    .running > span { flex: 1; min-width: 0; overflow: hidden; overflow-wrap: anywhere; display: -webkit-box;
      -webkit-box-orient: vertical; -webkit-line-clamp: 2; }
    .running button { padding: 0.35rem 0.9rem; }
    .paused { color: var(--lt-warn, #b54708); }
    /* narrow windows: the description gets a row of its own, project · clock · Start below it */
    @media (max-width: 40rem) {
      form { grid-template-columns: minmax(0, 1fr) auto auto; }
      input[name='name'] { grid-column: 1 / -1; }
      .clock { font-size: 1.3rem; }
    }
  `;

  @query('input[name="name"]') private nameInput!: HTMLInputElement;
  @query('input[name="project"]') private projectInput!: HTMLInputElement;

  protected watched(m: TimerModel) {
    return [m.$running, m.$now, m.$projects, m.$busy];
  }

  override render() {
    const running = this.model.$running.get();
    const now = this.model.$now.get();
    const busy = this.model.$busy.get();
    const project = running ? this.model.projectById(running.projectId) : undefined;
    return html`
      <form @submit=${this.#onSubmit} @keydown=${this.#onKeydown}>
        <input name="name" aria-label="What are you working on?" placeholder="What are you working on?"
          autocomplete="off" maxlength="500" />
        <input name="project" aria-label="Project" placeholder="Project" list="projects" autocomplete="off" maxlength="120" />
        <datalist id="projects">${this.model.$projects.get().map((p) => html`<option value=${p.name}></option>`)}</datalist>
        <span class="clock" role="timer" aria-live="off">${running ? formatClock(activeMs(running, now)) : '0:00:00'}</span>
        <button class="start" type="submit" ?disabled=${busy}
          title=${running ? 'Stop the running timer and start this one' : 'Start a timer (Enter)'}>Start</button>
      </form>
      <div class="running" aria-live="polite">
        ${running
          ? html`<span class=${running.pauseStartedAt !== null ? 'paused' : ''}
                title=${`${running.name || '(no description)'}${project ? ` · ${project.name}` : ''}`}>
                ${running.pauseStartedAt !== null ? 'Paused' : 'Running'}: <strong>${running.name || '(no description)'}</strong>
                ${project ? html` · ${project.name}` : ''}
              </span>
              <button class="pause" type="button" ?disabled=${busy} @click=${() => this.model.togglePause()}>
                ${running.pauseStartedAt !== null ? 'Resume' : 'Pause'}
              </button>
              <button class="stop" type="button" ?disabled=${busy} @click=${() => this.model.stop()}>Stop</button>`
          : 'No timer running. Type what you are doing and press Enter. Keys: N new · S stop · P pause.'}
      </div>
    `;
  }

  override firstUpdated(): void {
    this.nameInput.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onShortcut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.#onShortcut);
  }

  /** Single-key shortcuts when no field has focus: N or / new entry, S stop, P pause/resume. */
  readonly #onShortcut = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const inField = event.composedPath().some((t) => t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement);
    if (inField) return;
    const running = this.model.$running.get();
    const key = event.key.toLowerCase();
    if (key === 'n' || key === '/') this.nameInput.focus();
    else if (key === 's' && running) void this.model.stop();
    else if (key === 'p' && running) void this.model.togglePause();
    else return;
    event.preventDefault();
  };

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.model.start(this.nameInput.value, this.projectInput.value);
    if (!this.model.$error.get()) {
      this.nameInput.value = '';
      this.projectInput.value = '';
    }
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') (event.target as HTMLElement).blur();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-timer-bar': LtTimerBar;
  }
}
