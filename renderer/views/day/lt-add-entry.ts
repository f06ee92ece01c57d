import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';

import { DayElement } from './day-element.ts';
import type { DayModel } from './day-model.ts';
import { durationText, parseDurationText, parseTimeText, timeText } from './time-text.ts';

/** A row to add time by hand on the day shown: name, project, start, and an end or a duration. Enter adds. */
@customElement('lt-add-entry')
export class LtAddEntry extends DayElement {
  static override styles = css`
    :host { display: block; margin: 0.75rem 0 0; }
    form { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1.2fr) 5.5rem 5.5rem 5.5rem auto; gap: 0.4rem;
      align-items: end; }
    label { display: flex; flex-direction: column; gap: 0.1rem; font-size: 0.78rem; color: var(--lt-muted, #667085); min-width: 0; }
    input { font: inherit; font-size: 0.93rem; padding: 0.35rem 0.5rem; border: 1px solid var(--lt-border, #d0d5dd);
      border-radius: 6px; background: var(--lt-field, #fff); color: CanvasText; min-width: 0; }
    button { font: inherit; font-size: 0.93rem; padding: 0.38rem 0.8rem; border-radius: 6px; border: 1px solid var(--lt-border, #d0d5dd);
      background: var(--lt-field, #fff); color: inherit; cursor: pointer; white-space: nowrap; }
    input:focus-visible, button:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 1px; }
    .problem { margin: 0.3rem 0 0; color: var(--lt-danger-text, #b42318); font-size: 0.88rem; }
    @media (max-width: 40rem) {
      form { grid-template-columns: repeat(3, minmax(0, 1fr)); }
      label.name, label.project { grid-column: 1 / -1; }
    }
  `;

  @state() private problem = '';

  protected watched(d: DayModel) {
    return [d.$day, d.$sessions, d.timer.$projects];
  }

  /** Suggests the hour after the day's last finished session, or 9:00 on a day without any. */
  #suggestedStart(): number {
    const finished = this.day.$sessions.get().filter((s) => s.endTime !== null);
    const last = finished.length ? Math.max(...finished.map((s) => s.endTime!)) : NaN;
    const { from, to } = this.day.$range.get();
    return Number.isFinite(last) && last < to ? last : from + 9 * 3_600_000;
  }

  /** the user typed a start: a later suggestion (the day's sessions changed) must not overwrite it */
  #startTyped = false;

  override updated(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name="start"]');
    if (input && !this.#startTyped) input.value = timeText(this.#suggestedStart(), this.day.$day.get());
  }

  override render() {
    return html`<form aria-label="Add a manual entry" @submit=${this.#add}>
        <label class="name">Add an entry<input name="name" placeholder="What did you do?" maxlength="500" autocomplete="off" /></label>
        <label class="project">Project<input name="project" list="add-projects" maxlength="120" autocomplete="off" /></label>
        <datalist id="add-projects">${this.day.timer.$projects.get().map((p) => html`<option value=${p.name}></option>`)}</datalist>
        <label>Start<input name="start" autocomplete="off" @input=${() => {
          this.#startTyped = true;
          this.#followTimes();
        }} /></label>
        <label>End<input name="end" placeholder="hh:mm" title="An end time, or leave it empty and give a duration"
          autocomplete="off" @input=${() => this.#followTimes()} /></label>
        <label>Duration<input name="duration" value=${durationText(30 * 60_000)} autocomplete="off" @input=${() => this.#followDuration()} /></label>
        <button type="submit">Add</button>
      </form>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : ''}`;
  }

  #field(name: string): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  }

  /** Start and end typed: the duration shows what they make (an end before the start is on the next day). */
  #followTimes(): void {
    const start = parseTimeText(this.#field('start').value, this.day.$day.get());
    const endText = this.#field('end').value;
    if (start === null || !endText.trim()) return;
    const end = parseTimeText(endText, start);
    if (end === null) return;
    this.#field('duration').value = durationText(
      end > start ? end - start : parseTimeText(endText, start + 86_400_000)! - start,
    );
  }

  /** A duration typed while an end is given: the end moves with it, so the row never says two things. */
  #followDuration(): void {
    const start = parseTimeText(this.#field('start').value, this.day.$day.get());
    const ms = parseDurationText(this.#field('duration').value);
    if (start === null || ms === null || !this.#field('end').value.trim()) return;
    this.#field('end').value = timeText(start + ms, this.day.$day.get());
  }

  async #add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (n: string) => (form.elements.namedItem(n) as HTMLInputElement).value.trim();
    const startTime = parseTimeText(value('start'), this.day.$day.get());
    if (startTime === null) return void (this.problem = `Start “${value('start')}” is not a time (try 9:30).`);
    let endTime: number | undefined;
    let durationMs: number | undefined;
    if (value('end')) {
      const end = parseTimeText(value('end'), startTime);
      if (end === null) return void (this.problem = `End “${value('end')}” is not a time.`);
      endTime = end > startTime ? end : parseTimeText(value('end'), startTime + 86_400_000)!;
    } else {
      const ms = parseDurationText(value('duration'));
      if (ms === null)
        return void (this.problem = `Duration “${value('duration')}” is not a duration (try 1:30 or 45m).`);
      durationMs = ms;
    }
    this.problem = '';
    let projectId: string | null;
    try {
      projectId = await this.day.timer.projectIdFor(value('project'));
    } catch (error) {
      return this.fail(error);
    }
    const result = await this.report(
      this.day.add({
        name: value('name'),
        projectId,
        startTime,
        ...(endTime !== undefined ? { endTime } : { durationMs }),
      }),
    );
    if (result) {
      form.reset();
      this.#startTyped = false;
      (form.elements.namedItem('name') as HTMLInputElement).focus();
      this.requestUpdate();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-add-entry': LtAddEntry;
  }
}
