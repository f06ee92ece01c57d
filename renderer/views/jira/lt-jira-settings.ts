import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import type { JiraSettings } from '../../../shared/jira.ts';
import { ROUNDING_MINUTES, ROUNDING_MODES } from '../../../shared/settings.ts';
import type { Shell } from '../../../shared/shell-contract.ts';
import { controlStyles, fieldStyles } from '../../components/styles.ts';
import { dataClientContext, settingsContext, shellContext } from '../../context.ts';
import { WatchController } from '../../controllers/watch.ts';
import { allowedConnectOrigins } from '../../services/ai-keys.ts';
import type { DataClient } from '../../services/data-client.ts';
import type { JiraTest } from '../../services/jira/jira-client.ts';
import { jiraServiceFor, type JiraService } from '../../services/jira/jira-service.ts';
import type { SettingsService } from '../../services/settings.ts';
import { LABELS } from '../settings/settings-fields.ts';

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * Settings → Jira: Cloud (site, e-mail, API token) or Data Center (site, personal access token), how sessions are
 * booked (when they stop, or after the review) and rounded, and "Test connection" showing the account and projects.
 * The token is sealed by the shell's secrets and kept apart from the settings; the form only says whether one is saved.
 */
@customElement('lt-jira-settings')
export class LtJiraSettings extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    css`
      :host { display: block; }
      form { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 0.6rem 0.75rem; align-items: end; }
      label { display: grid; gap: 0.2rem; font-size: var(--lt-text-sm, 0.87rem); min-width: 0; }
      fieldset { border: 0; padding: 0; margin: 0; grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; }
      legend { font-size: var(--lt-text-sm, 0.87rem); padding: 0; margin-bottom: 0.25rem; }
      fieldset label { display: inline-flex; align-items: center; gap: 0.35rem; font-size: inherit; }
      .row { grid-column: 1 / -1; }
      .warn { color: var(--lt-warn, #b54708); font-size: var(--lt-text-sm, 0.87rem); overflow-wrap: anywhere; margin: 0.25rem 0 0; }
      .ok { color: var(--lt-ok, #067647); font-size: var(--lt-text-sm, 0.87rem); overflow-wrap: anywhere; margin: 0.25rem 0 0; }
      ul.projects { margin: 0.25rem 0 0; padding-left: 1.1rem; font-size: var(--lt-text-sm, 0.87rem); }
      form.defaults { margin-top: 1rem; }
      form.defaults p { margin: 0; }
    `,
  ];

  @consume({ context: settingsContext }) @property({ attribute: false }) settings!: SettingsService;
  @consume({ context: dataClientContext }) @property({ attribute: false }) client!: DataClient;
  @consume({ context: shellContext }) @property({ attribute: false }) shell!: Shell;

  @state() private kind: JiraSettings['kind'] | null = null;
  @state() private hasToken = false;
  @state() private test: { ok: boolean; text: string; result?: JiraTest } | null = null;
  @state() private error: string | null = null;
  @state() private saved = false;
  @state() private allowed: string[] | null = null;
  @state() private projects: { id: string; name: string }[] = [];

  constructor() {
    super();
    new WatchController(
      this,
      () => [this.settings?.$settings],
      () => [this.client.watch(['projects'], () => this.#loadProjects())],
    );
  }

  get #service(): JiraService {
    return jiraServiceFor({ shell: this.shell, client: this.client, settings: this.settings });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#service.hasToken().then((t) => (this.hasToken = t));
    void allowedConnectOrigins().then((o) => (this.allowed = o));
    void this.#loadProjects();
  }

  async #loadProjects(): Promise<void> {
    const list = await this.client.data.listProjects().catch(() => []);
    this.projects = list.filter((p) => !p.archivedAt).map((p) => ({ id: p.id, name: p.name }));
  }

  override render() {
    const jira = this.settings.$settings.get().jira;
    const kind = this.kind ?? jira.kind;
    const origin = originOf(jira.siteUrl);
    const blocked = jira.kind !== 'off' && this.allowed !== null && origin !== null && !this.allowed.includes(origin);
    return html`
      <form @submit=${this.#save} aria-label="Jira connection" @input=${() => (this.saved = false)}>
        <fieldset>
          <legend>Jira</legend>
          ${(
            [
              ['off', 'Not connected'],
              ['cloud', 'Jira Cloud'],
              ['datacenter', 'Jira Data Center / Server'],
            ] as const
          ).map(
            ([value, label]) =>
              html`<label><input type="radio" name="kind" value=${value} .checked=${kind === value}
                @change=${() => (this.kind = value)} />${label}</label>`,
          )}
        </fieldset>
        ${
          kind === 'off'
            ? nothing
            : html`
              <label>Site URL<input name="siteUrl" type="url" required .value=${jira.siteUrl}
                placeholder=${kind === 'cloud' ? 'https://your-team.atlassian.net' : 'https://jira.example.com'} /></label>
              ${
                kind === 'cloud'
                  ? html`<label>E-mail<input name="email" type="email" required autocomplete="username" .value=${jira.email} /></label>`
                  : nothing
              }
              <label>${kind === 'cloud' ? 'API token' : 'Personal access token'}
                <input name="token" type="password" autocomplete="off" ?required=${!this.hasToken}
                  placeholder=${this.hasToken ? 'saved (sealed); type to replace' : ''} /></label>
              <label>Book sessions
                <select name="booking">
                  <option value="on-stop" ?selected=${jira.booking === 'on-stop'}>when each one stops</option>
                  <option value="review" ?selected=${jira.booking === 'review'}>after I review them</option>
                </select></label>
              <label>Rounding of booked time
                <select name="rounding">
                  ${ROUNDING_MODES.flatMap((mode) =>
                    (mode === 'none' ? [15] : ROUNDING_MINUTES).map(
                      (m) => html`<option value="${mode}:${m}"
                        ?selected=${jira.rounding.mode === mode && (mode === 'none' || jira.rounding.minutes === m)}>
                        ${mode === 'none' ? LABELS.rounding.none : `${LABELS.rounding[mode]} to ${m} min`}</option>`,
                    ),
                  )}
                </select></label>`
        }
        <div class="row actions">
          <button class="btn primary" type="submit">Save</button>
          ${kind === 'off' ? nothing : html`<button class="btn" type="button" @click=${this.#test}>Test connection</button>`}
          ${this.saved ? html`<span class="ok" role="status">Saved.</span>` : nothing}
        </div>
      </form>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      ${
        blocked
          ? html`<p class="warn" role="note">This window may not connect to ${origin}. In the web shell, start it with
            <code>--jira-origin=${origin}</code>; Jira itself must then allow this app's origin (a Data Center admin can;
            Jira Cloud cannot: use the desktop app for it).</p>`
          : nothing
      }
      ${this.test ? this.#testResult(this.test) : nothing}
      ${jira.kind !== 'off' ? this.#defaults(jira) : nothing}
      ${
        jira.kind !== 'off'
          ? html`<p class="hint">Bookings and their states are in the <a href="#jira">Jira panel</a>. Sessions started
            before ${new Date(jira.since).toLocaleDateString()} are never booked.</p>`
          : nothing
      }
    `;
  }

  /** Projects' default issues: a session of the project with no key of its own books there. */
  #defaults(jira: JiraSettings) {
    const name = (id: string) => this.projects.find((p) => p.id === id)?.name ?? 'a deleted project';
    const entries = Object.entries(jira.projectIssues);
    const free = this.projects.filter((p) => !(p.id in jira.projectIssues));
    return html`<form class="defaults" aria-label="Projects' default issues" @submit=${this.#addDefault}>
      <p class="row hint">A session with no issue key of its own books to its project's default issue.</p>
      ${
        entries.length
          ? html`<ul class="row projects" aria-label="Default issues">
              ${entries.map(
                ([id, key]) => html`<li>${name(id)} → <strong>${key}</strong>
                  <button class="btn small ghost" type="button" aria-label="Remove the default issue of ${name(id)}"
                    @click=${() => this.#setDefault(id, null)}>Remove</button></li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        free.length
          ? html`<label>Project<select name="project">${free.map((p) => html`<option value=${p.id}>${p.name}</option>`)}</select></label>
            <label>Default issue<input name="issue" required pattern="[A-Z][A-Z0-9_]{1,19}-[1-9][0-9]{0,9}" placeholder="ABC-123" /></label>
            <div class="actions"><button class="btn" type="submit">Add</button></div>`
          : nothing
      }
    </form>`;
  }

  async #addDefault(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    await this.#setDefault(
      String(data.get('project') ?? ''),
      String(data.get('issue') ?? '')
        .trim()
        .toUpperCase(),
    );
  }

  async #setDefault(projectId: string, key: string | null): Promise<void> {
    const jira = this.settings.$settings.get().jira;
    const projectIssues = { ...jira.projectIssues };
    if (key) projectIssues[projectId] = key;
    else delete projectIssues[projectId];
    const out = await this.settings.update({ jira: { ...jira, projectIssues } });
    this.error = out.ok ? null : out.message;
  }

  #testResult(t: { ok: boolean; text: string; result?: JiraTest }) {
    const r = t.result;
    return html`<div role="status" aria-live="polite">
      <p class=${t.ok ? 'ok' : 'warn'}>${t.text}</p>
      ${
        r?.ok
          ? html`<ul class="projects" aria-label="Projects">
              ${r.projects.slice(0, 20).map((p) => html`<li><strong>${p.key}</strong> ${p.name}</li>`)}
              ${r.projects.length > 20 ? html`<li>and ${r.projects.length - 20} more</li>` : nothing}
            </ul>`
          : nothing
      }
    </div>`;
  }

  /** The form's settings; the token apart (it never goes into the settings). */
  #read(): { jira: JiraSettings; token: string | null } {
    const current = this.settings.$settings.get().jira;
    const form = this.renderRoot.querySelector<HTMLFormElement>('form[aria-label="Jira connection"]')!;
    const data = new FormData(form);
    const kind = (this.kind ?? current.kind) as JiraSettings['kind'];
    const [mode, minutes] = String(
      data.get('rounding') ?? `${current.rounding.mode}:${current.rounding.minutes}`,
    ).split(':');
    const jira: JiraSettings = {
      ...current,
      kind,
      siteUrl: kind === 'off' ? current.siteUrl : String(data.get('siteUrl') ?? '').trim(),
      email: kind === 'cloud' ? String(data.get('email') ?? '').trim() : current.email,
      booking: data.get('booking') === 'review' ? 'review' : kind === 'off' ? current.booking : 'on-stop',
      rounding: {
        mode: (ROUNDING_MODES as readonly string[]).includes(mode ?? '')
          ? (mode as JiraSettings['rounding']['mode'])
          : 'none',
        minutes: (ROUNDING_MINUTES as readonly number[]).includes(Number(minutes))
          ? (Number(minutes) as JiraSettings['rounding']['minutes'])
          : 15,
      },
      // what was tracked before the day of the first connection is never booked
      since: current.since || (kind !== 'off' ? new Date().setHours(0, 0, 0, 0) : 0),
    };
    const token = String(data.get('token') ?? '');
    return { jira, token: token || null };
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { jira, token } = this.#read();
    if (jira.kind !== 'off') {
      if (!/^https?:\/\//.test(jira.siteUrl))
        return void (this.error = 'Give the site URL, e.g. https://your-team.atlassian.net.');
      if (!token && !this.hasToken) return void (this.error = 'Give the token.');
    }
    try {
      if (token) await this.#service.saveToken(token);
      if (jira.kind === 'off') await this.#service.saveToken(null);
    } catch (error) {
      this.error = `The token could not be sealed: ${(error as Error).message}`;
      return;
    }
    const first = this.settings.$settings.get().jira.since === 0 && jira.since !== 0;
    const out = await this.settings.update({ jira });
    if (!out.ok) {
      this.error = out.message;
      return;
    }
    // today's sessions from before the connection were not enqueued (the outbox fills only while connected)
    if (first) await this.client.data.jiraEnqueueRange({ from: jira.since, to: Date.now() + 1 }).catch(() => 0);
    this.error = null;
    this.saved = true;
    // Electron widens its policy for the new site: read it again so the warning below says what now holds
    await this.shell.allowJiraSite(jira.kind === 'off' ? null : jira.siteUrl).catch(() => null);
    void allowedConnectOrigins().then((o) => (this.allowed = o));
    this.hasToken = jira.kind !== 'off' && (this.hasToken || Boolean(token));
    this.kind = null;
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name="token"]');
    if (input) input.value = '';
  }

  async #test(): Promise<void> {
    const { jira, token } = this.#read();
    this.test = { ok: true, text: 'Testing…' };
    const result = await this.#service.test(jira, token);
    this.test = result.ok
      ? {
          ok: true,
          result,
          text: `Connected as ${result.account.name}${result.account.email ? ` (${result.account.email})` : ''}. ${
            result.projects.length
          } project${result.projects.length === 1 ? '' : 's'}:`,
        }
      : { ok: false, text: result.error.message, result };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-jira-settings': LtJiraSettings;
  }
}
