import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import { toAppError } from '../../../shared/errors.ts';
import type { JiraBooking, JiraBookingList, JiraState } from '../../../shared/jira-bookings.ts';
import type { Shell } from '../../../shared/shell-contract.ts';
import { controlStyles, sectionStyles } from '../../components/styles.ts';
import { dataClientContext, settingsContext, shellContext } from '../../context.ts';
import { FormatController } from '../../controllers/format.ts';
import { WatchController } from '../../controllers/watch.ts';
import type { DataClient } from '../../services/data-client.ts';
import { jiraServiceFor, type JiraService } from '../../services/jira/jira-service.ts';
import type { SettingsService } from '../../services/settings.ts';

const STATE_WORDS: Record<JiraState, string> = {
  pending: 'Pending',
  sent: 'Booked',
  failed: 'Failed, will retry',
  attention: 'Needs attention',
  review: 'Waits for review',
  short: 'Under a minute',
  'ask-delete': 'Session deleted',
  skipped: 'Not booked',
};
type Choice = 'retry' | 'skip' | 'approve' | 'delete-worklog' | 'keep-worklog';
const ORDER: JiraState[] = ['attention', 'ask-delete', 'review', 'short', 'failed', 'pending', 'sent', 'skipped'];

/**
 * The Jira panel: what the outbox holds and what happened to each booking (pending, booked with its worklog id,
 * failed with the reason, needs attention), with retry and "don't book"; the review of bookings held for it; and
 * the question for sessions deleted after booking.
 */
@customElement('lt-jira-view')
export class LtJiraView extends LitElement {
  static override styles = [
    controlStyles,
    sectionStyles,
    css`
      :host { display: block; }
      .status { margin: 0 0 1rem; overflow-wrap: anywhere; }
      .status.bad { color: var(--lt-danger-text, #b42318); }
      .counts { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; margin: 0 0 1rem; padding: 0; list-style: none;
        font-size: var(--lt-text-sm, 0.87rem); }
      table { inline-size: 100%; border-collapse: collapse; font-size: var(--lt-text-sm, 0.87rem); }
      th, td { text-align: start; padding: 0.45rem 0.4rem; border-bottom: 1px solid var(--lt-track, #eaecf0); vertical-align: top; }
      th { font-weight: 600; color: var(--lt-muted, #667085); }
      td.name { overflow-wrap: anywhere; }
      td.error { color: var(--lt-danger-text, #b42318); overflow-wrap: anywhere; }
      td.note { color: var(--lt-muted, #5d6b82); overflow-wrap: anywhere; }
      .state { white-space: nowrap; }
      .state[data-state='sent'] { color: var(--lt-ok, #067647); }
      .state[data-state='attention'], .state[data-state='ask-delete'] { color: var(--lt-danger-text, #b42318); }
      .state[data-state='failed'], .state[data-state='short'], .state[data-state='review'] { color: var(--lt-warn, #b54708); }
      code { font-size: 0.85em; }
      @media (max-width: 640px) {
        thead { display: none; }
        tr { display: grid; grid-template-columns: 1fr auto; gap: 0.15rem 0.5rem; padding: 0.5rem 0;
          border-bottom: 1px solid var(--lt-track, #eaecf0); }
        td { border: 0; padding: 0; }
        td.name { grid-column: 1 / -1; font-weight: 600; }
        td.error, td.note, td.row-actions { grid-column: 1 / -1; }
      }
    `,
  ];

  @consume({ context: settingsContext }) @property({ attribute: false }) settings!: SettingsService;
  @consume({ context: dataClientContext }) @property({ attribute: false }) client!: DataClient;
  @consume({ context: shellContext }) @property({ attribute: false }) shell!: Shell;

  @state() private list: JiraBookingList | null = null;
  @state() private error: string | null = null;
  readonly #format = new FormatController(this);

  constructor() {
    super();
    new WatchController(
      this,
      () => [this.settings?.$settings, this.service?.$status],
      () => [this.client.watch(['jira_worklogs', 'activities'], () => this.#load()), this.#startSender()],
    );
  }

  get service(): JiraService | null {
    return this.client && this.shell && this.settings
      ? jiraServiceFor({ shell: this.shell, client: this.client, settings: this.settings })
      : null;
  }

  #startSender(): () => void {
    void this.#load();
    // the panel opened before the after-paint start (or in a test): the sender runs from now on (start is
    // idempotent; the window's after-paint owns stopping it)
    this.service!.start();
    return () => undefined;
  }

  async #load(): Promise<void> {
    try {
      this.list = await this.client.data.jiraBookings({ limit: 300 });
      this.error = null;
    } catch (error) {
      this.error = toAppError(error).message;
    }
  }

  override render() {
    const jira = this.settings.$settings.get().jira;
    const status = this.service?.$status.get();
    const list = this.list;
    const review = list?.rows.filter((r) => r.state === 'review') ?? [];
    const rest = (list?.rows ?? [])
      .filter((r) => r.state !== 'review')
      .sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state));
    return html`
      <h2 class="view-title">Jira</h2>
      ${
        jira.kind === 'off'
          ? html`<p class="status">Jira is not connected. Connect it in <a href="#settings">Settings → Jira</a>.</p>`
          : html`<p class="status ${status && ['stopped', 'error', 'no-token'].includes(status.state) ? 'bad' : ''}"
              role="status" aria-live="polite">${status?.message ?? ''}
              ${
                status?.state === 'stopped' || status?.state === 'error'
                  ? html` <button class="btn small" type="button" @click=${() => this.#retryAll()}>Retry</button>`
                  : nothing
              }</p>`
      }
      ${this.error ? html`<p class="outcome error" role="alert">${this.error}</p>` : nothing}
      ${
        list
          ? html`<ul class="counts" aria-label="Bookings by state">
              ${ORDER.filter((s) => list.counts[s]).map((s) => html`<li>${STATE_WORDS[s]}: <strong>${list.counts[s]}</strong></li>`)}
              ${list.queued ? html`<li>Changed, not looked at yet: <strong>${list.queued}</strong></li>` : nothing}
            </ul>`
          : nothing
      }
      ${
        review.length
          ? html`<section class="card" aria-labelledby="jira-review">
              <header><h2 id="jira-review">Review: ${review.length} to book</h2>
                <div class="actions">
                  <button class="btn primary" type="button" @click=${() => this.#choose('approve', review)}>
                    Book ${review.length === 1 ? 'it' : `all ${review.length}`}</button>
                </div></header>
              ${this.#table(review)}
            </section>`
          : nothing
      }
      <section class="card" aria-labelledby="jira-bookings">
        <header><h2 id="jira-bookings">Bookings</h2></header>
        ${
          !list
            ? html`<p class="muted">Loading…</p>`
            : rest.length === 0
              ? html`<p class="muted">${
                  review.length
                    ? 'Nothing else yet: the sessions above are booked once you confirm them.'
                    : html`Nothing booked yet. A session named with an issue key, like <code>ABC-123 review</code>, is
                      booked when it stops.`
                }</p>`
              : this.#table(rest)
        }
      </section>
    `;
  }

  #table(rows: JiraBooking[]) {
    return html`<table>
      <thead><tr><th scope="col">Session</th><th scope="col">Issue</th><th scope="col">When</th><th scope="col">Time</th>
        <th scope="col">State</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr data-session=${r.sessionId} data-state=${r.state}>
            <td class="name">${r.sessionName || html`<span class="muted">(no name)</span>`}</td>
            <td>${r.issueKey ?? '—'}</td>
            <td>${r.started !== null ? new Date(r.started).toLocaleDateString(undefined, { month: 'short', day: 'numeric' }) + ' ' + this.#format.time(r.started) : '—'}</td>
            <td>${r.seconds === null ? '—' : r.seconds < 60 ? `${r.seconds} s` : this.#format.duration(r.seconds * 1000)}</td>
            <td><span class="state" data-state=${r.state}>${STATE_WORDS[r.state]}</span>${
              r.worklogId && r.state === 'sent'
                ? html`<br /><span class="muted">worklog ${r.worklogId}</span>`
                : nothing
            }</td>
            <td class="row-actions"><div class="actions">${this.#actions(r)}</div></td>
          </tr>
          ${this.#why(r)}`,
        )}
      </tbody>
    </table>`;
  }

  /** The row's sentence: Jira's refusal, or the question the state asks. */
  #why(r: JiraBooking) {
    const text =
      r.state === 'short'
        ? 'Jira takes worklogs of a minute or more: this session is not booked unless rounding makes it longer.'
        : r.state === 'ask-delete'
          ? `The session was deleted (or lost its issue) after it was booked${r.worklogId ? ` as worklog ${r.worklogId}` : ''}: delete the worklog in Jira too?`
          : r.state === 'sent' || r.state === 'skipped'
            ? null
            : r.error;
    return text
      ? html`<tr class="error-row"><td class=${r.state === 'short' || r.state === 'ask-delete' ? 'note' : 'error'} colspan="6">${text}</td></tr>`
      : nothing;
  }

  #actions(r: JiraBooking) {
    const label = r.sessionName || 'this session';
    const btn = (text: string, choice: Choice) =>
      html`<button class="btn small" type="button" aria-label="${text}: ${label}" @click=${() => this.#choose(choice, [r])}>${text}</button>`;
    switch (r.state) {
      case 'failed':
      case 'attention':
        return [btn('Retry', 'retry'), btn("Don't book", 'skip')];
      case 'pending':
      case 'short':
        return btn("Don't book", 'skip');
      case 'review':
        return [btn('Book', 'approve'), btn("Don't book", 'skip')];
      case 'ask-delete':
        return [btn('Delete the worklog too', 'delete-worklog'), btn('Keep the worklog', 'keep-worklog')];
      case 'skipped':
        return btn('Book after all', 'retry');
      default:
        return nothing;
    }
  }

  async #choose(choice: Choice, rows: JiraBooking[]) {
    try {
      await this.client.data.jiraChoose({ choice, sessionIds: rows.map((r) => r.sessionId) });
      this.service?.kick(0);
    } catch (error) {
      this.error = toAppError(error).message;
    }
  }

  async #retryAll(): Promise<void> {
    const rows = (await this.client.data.jiraBookings({ states: ['attention', 'failed'], limit: 500 })).rows;
    await this.#choose('retry', rows);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-jira-view': LtJiraView;
  }
}
