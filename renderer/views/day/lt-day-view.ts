import { css, html, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';

import { ShortcutController } from '../../controllers/shortcuts.ts';
import { DayElement } from './day-element.ts';
import type { DayModel } from './day-model.ts';
import { dayKey } from './time-text.ts';

import '../../components/lt-goal-progress.ts';
import './lt-add-entry.ts';
import './lt-bulk-bar.ts';
import './lt-day-prompt.ts';
import './lt-session-list.ts';
import './lt-timer-bar.ts';

/** The Day view: the timer, any day's sessions (previous / next / pick a date / today), adding and bulk changes. */
@customElement('lt-day-view')
export class LtDayView extends DayElement {
  static override styles = css`
    :host { display: block; }
    nav { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; margin: 1.25rem 0 0; }
    input { min-width: 0; }
    button, input { font: inherit; font-size: 0.9rem; padding: 0.3rem 0.65rem; border-radius: 8px;
      border: 1px solid var(--lt-border, #d0d5dd); background: var(--lt-field, #fff); color: CanvasText; }
    button { cursor: pointer; white-space: nowrap; }
    button:disabled { opacity: 0.55; cursor: default; }
    button:focus-visible, input:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 1px; }
  `;

  @query('input[type="date"]') private picker!: HTMLInputElement;

  constructor() {
    super();
    new ShortcutController(this, () => [
      { keys: ['['], group: 'Days', label: 'Previous day', run: () => this.day.moveDays(-1) },
      { keys: [']'], group: 'Days', label: 'Next day', run: () => this.day.moveDays(1) },
      { keys: ['t'], group: 'Days', label: 'Back to today', run: () => this.day.goToday() },
      { keys: ['d'], group: 'Days', label: 'Pick a date', run: () => this.picker.focus() },
    ]);
  }

  protected watched(d: DayModel) {
    return [d.$day, d.$isToday];
  }

  override render() {
    const d = this.day;
    return html`
      <lt-timer-bar></lt-timer-bar>
      <nav aria-label="Day">
        <button type="button" class="prev" title="Previous day ([)" aria-label="Previous day" @click=${() => d.moveDays(-1)}>←</button>
        <input type="date" aria-label="Pick a date" .value=${dayKey(d.$day.get())} required
          @change=${(e: Event) => {
            const v = (e.target as HTMLInputElement).valueAsNumber;
            if (Number.isFinite(v)) d.setDay(localFromUtcDate(v));
          }} />
        <button type="button" class="next" title="Next day (])" aria-label="Next day" @click=${() => d.moveDays(1)}>→</button>
        <button type="button" class="today" title="Back to today (T)" ?disabled=${d.$isToday.get()} @click=${() => d.goToday()}>Today</button>
      </nav>
      ${d.$isToday.get() ? html`<lt-goal-progress period="day" quiet></lt-goal-progress>` : nothing}
      <lt-session-list></lt-session-list>
      <lt-add-entry></lt-add-entry>
      <lt-bulk-bar></lt-bulk-bar>
      <lt-day-prompt></lt-day-prompt>
    `;
  }
}

/** A date input's value is midnight UTC of the date picked; the same calendar date in local time. */
function localFromUtcDate(utc: number): number {
  const d = new Date(utc);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()).getTime();
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-day-view': LtDayView;
  }
}
