import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';

import { activeMs, formatClock } from '../../../shared/duration.ts';
import { ModelElement } from '../../components/model-element.ts';
import { ShortcutController } from '../../controllers/shortcuts.ts';
import type { TimerModel } from '../../state/timer-model.ts';

/**
 * What are you working on? — name, project, Start/Stop and the live clock. A running timer is only ever replaced
 * when the user says so: Enter while one runs asks first.
 */
@customElement('lt-timer-bar')
export class LtTimerBar extends ModelElement {
  static override styles = css`
    :host { display: block; }
    form { display: grid; grid-template-columns: 1fr 12rem auto auto; gap: 0.5rem; align-items: center; }
    input { font: inherit; padding: 0.55rem 0.7rem; border: 1px solid var(--lt-border, #d0d5dd); border-radius: 8px;
      background: var(--lt-field, #fff); color: inherit; min-width: 0; }
    input:focus-visible, button:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 1px; }
    button { font: inherit; font-weight: 600; padding: 0.55rem 1rem; border-radius: 8px; border: 0; cursor: pointer; }
    .start { background: var(--lt-accent, #3a64e8); color: #fff; }
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
    .ask { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin-top: 0.5rem; padding: 0.5rem 0.7rem;
      border-radius: 8px; background: var(--lt-warn-bg, #fffaeb); }
    .ask span { flex: 1 1 12rem; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .ask .keep { background: transparent; border: 1px solid var(--lt-border, #d0d5dd); color: inherit; }
    .ellipsis { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    /* narrow windows: the description gets a row of its own, project · clock · Start below it */
    @media (max-width: 40rem) {
      form { grid-template-columns: minmax(0, 1fr) auto auto; }
      input[name='name'] { grid-column: 1 / -1; }
      .clock { font-size: 1.3rem; }
    }
  `;

  @query('input[name="name"]') private nameInput!: HTMLInputElement;
  @query('input[name="project"]') private projectInput!: HTMLInputElement;

  /** cached Jira issues offered for the name being typed (ABC → "ABC-123 Review the booking flow") */
  @state() private issues: { key: string; summary: string }[] = [];

  /** the start waiting for the user to say the running timer may stop */
  @state() private pendingStart: { name: string; project: string } | null = null;

  constructor() {
    super();
    new ShortcutController(this, () => [
      {
        keys: ['n', '/'],
        group: 'Timer',
        label: 'New entry: type what you are doing',
        run: () => this.nameInput.focus(),
      },
      {
        keys: ['s'],
        group: 'Timer',
        label: 'Stop the running timer',
        when: () => this.#running(),
        run: () => void this.model.stop(),
      },
      {
        keys: ['p'],
        group: 'Timer',
        label: 'Pause or resume the running timer',
        when: () => this.#running(),
        run: () => void this.model.togglePause(),
      },
    ]);
  }

  #running = () => this.model.$running.get() !== null;

  /** Focuses the name field, as the New-entry key does (a freshly opened window starts here). */
  focusName(): void {
    this.nameInput?.focus();
  }

  protected watched(m: TimerModel) {
    return [m.$running, m.$now, m.$projects, m.$busy];
  }

  async #onNameInput(): Promise<void> {
    const text = this.nameInput.value;
    const issues = await this.model.jiraIssues(text);
    if (this.nameInput.value === text) this.issues = issues;
  }

  override render() {
    const running = this.model.$running.get();
    const now = this.model.$now.get();
    const busy = this.model.$busy.get();
    const project = running ? this.model.projectById(running.projectId) : undefined;
    const runningName = running ? running.name || '(no description)' : '';
    return html`
      <form @submit=${this.#onSubmit} @keydown=${this.#onKeydown}>
        <input name="name" aria-label="What are you working on?" placeholder="What are you working on?"
          autocomplete="off" maxlength="500" list=${this.issues.length ? 'jira-issues' : nothing} @input=${this.#onNameInput} />
        <datalist id="jira-issues">${this.issues.map((i) => html`<option value=${`${i.key} ${i.summary}`}></option>`)}</datalist>
        <input name="project" aria-label="Project" placeholder="Project" list="projects" autocomplete="off" maxlength="120" />
        <datalist id="projects">${this.model.$projects.get().map((p) => html`<option value=${p.name}></option>`)}</datalist>
        <span class="clock" role="timer" aria-live="off">${running ? formatClock(activeMs(running, now)) : '0:00:00'}</span>
        <button class="start" type="submit" ?disabled=${busy}
          title=${running ? 'Stop the running timer and start this one' : 'Start a timer (Enter)'}>${running ? 'Start new' : 'Start'}</button>
      </form>
      ${
        this.pendingStart && running
          ? html`<div class="ask" role="alertdialog" aria-label="Replace the running timer?" @keydown=${this.#onAskKey}>
            <span title=${runningName}>“${runningName}” is running. Stop it and start ${this.pendingStart.name ? `“${this.pendingStart.name}”` : 'a new one'}?</span>
            <button class="start confirm-start" type="button" @click=${() => void this.#start(true)}>Stop &amp; start new</button>
            <button class="keep" type="button" @click=${this.#cancelAsk}>Keep it running</button>
          </div>`
          : ''
      }
      <div class="running" aria-live="polite">
        ${
          running
            ? html`<span class=${running.pauseStartedAt !== null ? 'paused' : ''}
                title=${`${runningName}${project ? ` · ${project.name}` : ''}`}>
                ${running.pauseStartedAt !== null ? 'Paused' : 'Running'}: <strong>${runningName}</strong>
                ${project ? html` · ${project.name}` : ''}
              </span>
              <button class="pause" type="button" ?disabled=${busy} @click=${() => this.model.togglePause()}>
                ${running.pauseStartedAt !== null ? 'Resume' : 'Pause'}
              </button>
              <button class="stop" type="button" ?disabled=${busy} @click=${() => this.model.stop()}>Stop</button>`
            : html`<span class="ellipsis">No timer running. Type what you are doing and press Enter. Press ? for all keys.</span>`
        }
      </div>
    `;
  }

  /** The Start button is the user saying so; Enter in a field asks first when a timer runs. */
  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.#start(event.submitter instanceof HTMLButtonElement && this.#clicked);
  }

  /** set by a pointer press on Start: implicit submission (Enter) also names the button as submitter */
  #clicked = false;

  async #start(confirmed: boolean): Promise<void> {
    const name = this.pendingStart?.name ?? this.nameInput.value;
    const project = this.pendingStart?.project ?? this.projectInput.value;
    this.#clicked = false;
    if (this.model.$running.get() && !confirmed) {
      this.pendingStart = { name, project };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('.confirm-start')?.focus();
      return;
    }
    this.pendingStart = null;
    await this.model.start(name, project);
    if (!this.model.$error.get()) {
      this.nameInput.value = '';
      this.projectInput.value = '';
    }
  }

  readonly #cancelAsk = (): void => {
    this.pendingStart = null;
    this.nameInput.focus();
  };

  readonly #onAskKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#cancelAsk();
    }
  };

  override firstUpdated(): void {
    // Pressing Start with the mouse or a key on the button itself is explicit; Enter in a field is not.
    const start = this.renderRoot.querySelector<HTMLButtonElement>('button.start')!;
    start.addEventListener('pointerdown', () => (this.#clicked = true));
    start.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') this.#clicked = true;
    });
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
