import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { activeMs, formatClock, formatHours } from '../../shared/duration.ts';
import type { TimerModel } from '../state/timer-model.ts';
import { clockTime, plural } from './format.ts';
import { ModelElement } from './model-element.ts';

/** Today's sessions, newest first, with live duration for the running one and today's total. */
@customElement('lt-session-list')
export class LtSessionList extends ModelElement {
  static override styles = css`
    :host { display: block; }
    header { display: flex; justify-content: space-between; align-items: baseline; margin: 1.25rem 0 0.5rem; }
    h2 { font-size: 1rem; margin: 0; }
    .total { font-variant-numeric: tabular-nums; font-weight: 600; }
    ul { list-style: none; margin: 0; padding: 0; border-top: 1px solid var(--lt-border, #eaecf0); }
    li { display: grid; grid-template-columns: 0.75rem minmax(0, 1fr) auto auto 2rem; gap: 0.75rem; align-items: center;
      padding: 0.55rem 0.25rem; border-bottom: 1px solid var(--lt-border, #eaecf0); }
    /* project colours are an SVG fill attribute: the CSP forbids inline style attributes (style-src 'self') */
    .dot { width: 0.6rem; height: 0.6rem; color: var(--lt-muted, #98a2b3); }
    .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .project { color: var(--lt-muted, #667085); font-size: 0.85rem; margin-left: 0.5rem; }
    .when { color: var(--lt-muted, #667085); font-variant-numeric: tabular-nums; font-size: 0.9rem; }
    .duration { font-variant-numeric: tabular-nums; min-width: 7ch; text-align: right; }
    li.running .duration { color: var(--lt-accent, #4f7cff); font-weight: 600; }
    button { border: 0; background: transparent; color: var(--lt-muted, #667085); cursor: pointer; font-size: 1.1rem;
      border-radius: 6px; }
    button:hover, button:focus-visible { background: var(--lt-hover, #f2f4f7); color: inherit; }
    .empty { color: var(--lt-muted, #667085); padding: 1rem 0.25rem; }
    /* narrow windows: start–end goes under the name, which keeps the width */
    @media (max-width: 40rem) {
      li { grid-template-columns: 0.75rem minmax(0, 1fr) auto 2rem; grid-template-areas: 'dot name duration delete' '. when duration delete';
        row-gap: 0.05rem; }
      .dot { grid-area: dot; } .name { grid-area: name; } .when { grid-area: when; font-size: 0.82rem; }
      .duration { grid-area: duration; } li button { grid-area: delete; }
    }
    .empty button, .notice button { font: inherit; font-size: 0.9rem; padding: 0.2rem 0.6rem; margin-left: 0.5rem;
      border: 1px solid var(--lt-border, #d0d5dd); color: inherit; }
    .notice { display: flex; align-items: center; gap: 0.5rem; margin: 0 0 0.5rem; padding: 0.45rem 0.7rem;
      border-radius: 8px; font-size: 0.9rem; background: var(--lt-warn-bg, #fffaeb); color: var(--lt-warn, #b54708); }
    .notice svg { width: 1rem; height: 1rem; flex: none; }
    .notice span { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .notice a { color: inherit; font-weight: 600; }
    .notice a:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 2px; border-radius: 2px; }
  `;

  protected watched(m: TimerModel) {
    return [m.$today, m.$now, m.$projects, m.$todayTotalMs, m.$loaded, m.$damaged, m.$truncated, m.$loadFailed];
  }

  /** Rows that could not be read are hidden, never silently: say how many, and where to see why. */
  #notices() {
    const damaged = this.model.$damaged.get();
    const truncated = this.model.$truncated.get();
    return html`
      ${damaged > 0
        ? html`<p class="notice damaged" role="status">${WARNING_ICON}
            <span>${plural(damaged, 'damaged session')} hidden · <a href="#diagnostics">details</a></span></p>`
        : ''}
      ${truncated
        ? html`<p class="notice truncated" role="status"><span>Only the first ${this.model.$today.get().length.toLocaleString()}
            sessions of today are shown.</span></p>`
        : ''}
    `;
  }

  override render() {
    const now = this.model.$now.get();
    const sessions = [...this.model.$today.get()].reverse();
    return html`
      <header>
        <h2>Today</h2>
        <span class="total" aria-label="Today's total">${formatHours(this.model.$todayTotalMs.get())}</span>
      </header>
      ${this.#notices()}
      ${sessions.length === 0
        ? html`<p class="empty">${this.model.$loaded.get()
            ? this.model.$damaged.get() > 0 ? 'Nothing else tracked today.' : 'Nothing tracked yet today.'
            : this.model.$loadFailed.get()
              ? html`Today’s sessions could not be loaded.<button type="button" class="retry"
                  @click=${() => void this.model.reload()}>Try again</button>`
              : 'Loading…'}</p>`
        : html`<ul>
            ${repeat(
              sessions,
              (a) => a.id,
              (a) => {
                const project = this.model.projectById(a.projectId);
                const ms = activeMs(a, now);
                return html`<li class=${a.endTime === null ? 'running' : ''} data-id=${a.id}>
                  <svg class="dot" viewBox="0 0 10 10" aria-hidden="true">
                    <circle cx="5" cy="5" r="5" fill=${project?.color ?? 'currentColor'}></circle>
                  </svg>
                  <span class="name">${a.name || '(no description)'}${project
                    ? html`<span class="project">${project.name}</span>` : ''}</span>
                  <span class="when">${clockTime(a.startTime)}–${a.endTime === null ? 'now' : clockTime(a.endTime)}</span>
                  <span class="duration">${formatClock(ms)}</span>
                  <button type="button" title="Delete" aria-label=${`Delete ${a.name || 'session'}`}
                    @click=${() => this.model.remove(a.id)}>×</button>
                </li>`;
              },
            )}
          </ul>`}
    `;
  }
}

const WARNING_ICON = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor"
  d="M12 2 1 21h22L12 2Zm0 4.3L19.5 19h-15L12 6.3ZM11 10v5h2v-5h-2Zm0 6v2h2v-2h-2Z"/></svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'lt-session-list': LtSessionList;
  }
}
