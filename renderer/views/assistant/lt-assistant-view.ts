import '@lit-labs/virtualizer';

import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import type { Proposal } from '../../../shared/assistant.ts';
import type { Conversation, StoredMessage } from '../../../shared/conversations.ts';
import type { Shell } from '../../../shared/shell-contract.ts';
import { announceAction, announceError } from '../../components/actions.ts';
import { controlStyles, fieldStyles } from '../../components/styles.ts';
import { dataClientContext, settingsContext, shellContext } from '../../context.ts';
import { WatchController } from '../../controllers/watch.ts';
import { aiClientFor } from '../../services/ai-client.ts';
import { AiKeyStore } from '../../services/ai-keys.ts';
import type { DataClient } from '../../services/data-client.ts';
import type { SettingsService } from '../../services/settings.ts';
import { instructionsForm, presetsOf } from './assistant-instructions.ts';
import { AssistantModel } from './assistant-model.ts';
import { assistantStyles } from './assistant-styles.ts';
import { ConversationExport } from './conversation-export.ts';

import './lt-ai-endpoints.ts';
import './lt-ai-usage.ts';
import './lt-assistant-message.ts';

const SUGGESTIONS = [
  'How much did I work on each project last week?',
  'Draft my standup from yesterday and today.',
  'Which days last month had gaps of more than an hour?',
];

/**
 * The Assistant: conversations (a virtualized list with search, pin, rename, delete with Undo) beside the open one,
 * where a question is answered by the AI worker as it streams, its tool calls shown, its proposed changes applied
 * only on a click. Enter asks, Shift+Enter adds a line, Esc or Stop cancels the answer.
 */
@customElement('lt-assistant-view')
export class LtAssistantView extends LitElement {
  static override styles = [controlStyles, fieldStyles, assistantStyles];

  @consume({ context: dataClientContext }) @property({ attribute: false }) client!: DataClient;
  @consume({ context: settingsContext }) @property({ attribute: false }) settings!: SettingsService;
  @consume({ context: shellContext }) @property({ attribute: false }) shell!: Shell;

  @state() private panel = false;
  @state() private usage = false;
  @state() private editing = false;
  @state() private renaming = false;
  #model: AssistantModel | null = null;
  readonly #exports = new ConversationExport(
    this,
    () => this.client,
    () => this.model.$total.get(),
  );
  #keys: AiKeyStore | null = null;

  constructor() {
    super();
    new WatchController(
      this,
      () => {
        const m = this.model;
        return [
          m.$conversations,
          m.$messages,
          m.$live,
          m.$error,
          m.$currentId,
          m.$preset,
          m.$budget,
          this.settings.$settings,
          this.settings.$loaded,
        ];
      },
      () => [this.model.connect()],
    );
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.model.busy) {
        e.stopPropagation();
        this.model.stop();
      }
    });
    this.addEventListener('lt-apply', (e) => void this.#apply(e as CustomEvent));
    this.addEventListener('lt-discard', (e) => void this.#discard(e as CustomEvent));
  }

  get keys(): AiKeyStore {
    this.#keys ??= new AiKeyStore(this.shell.secrets);
    return this.#keys;
  }

  get model(): AssistantModel {
    this.#model ??= new AssistantModel(this.client, aiClientFor(this.client), this.keys, this.settings);
    return this.#model;
  }

  // with no endpoint the panel opens, and stays open once the first is added (for its "Test connection")
  override willUpdate(): void {
    if (this.settings.$loaded.get() && this.settings.$settings.get().aiEndpoints.length === 0) this.panel = true;
  }

  override render() {
    const m = this.model;
    const conversations = m.$conversations.get();
    const current = conversations.find((c) => c.id === m.$currentId.get()) ?? null;
    const live = m.$live.get();
    const endpoints = this.settings.$settings.get().aiEndpoints;
    const endpoint = m.$endpoint.get();
    return html`
      <h2 class="view-title sr-only">Assistant</h2>
      <div class="layout">
        <aside aria-label="Conversations">
          <button class="btn primary" type="button" @click=${() => void m.open(null)}>New conversation</button>
          <input type="search" placeholder="Search conversations" aria-label="Search conversations" .value=${m.$search.get()}
            @input=${(e: Event) => {
              m.$search.set((e.target as HTMLInputElement).value);
              m.$conversations.set([]);
              void m.loadList();
            }} />
          <div class="list" role="list" aria-label="Conversation list">
            <lit-virtualizer .items=${conversations} .renderItem=${(c: Conversation) => this.#row(c, current?.id ?? null)}
              @visibilityChanged=${(e: Event & { last: number }) => {
                if (e.last >= conversations.length - 30) void m.loadMore();
              }}></lit-virtualizer>
          </div>
          <p class="muted" role="status">${m.$total.get().toLocaleString()} conversation${m.$total.get() === 1 ? '' : 's'}</p>
          ${this.#exports.render(null)}
        </aside>
        <section class="chat" aria-label="Conversation">
          <header>
            ${
              this.renaming && current
                ? html`<input aria-label="Conversation title" .value=${current.title} maxlength="200"
                  @keydown=${(e: KeyboardEvent) => {
                    if (e.key === 'Enter') void this.#rename(current, (e.target as HTMLInputElement).value);
                    if (e.key === 'Escape') (e.stopPropagation(), (this.renaming = false));
                  }}
                  @blur=${(e: Event) => void this.#rename(current, (e.target as HTMLInputElement).value)} />`
                : html`<h2>${current ? current.title || 'Untitled' : 'New conversation'}</h2>`
            }
            <div class="actions">
              ${
                current
                  ? html`<button class="btn small" type="button" @click=${() => (this.renaming = true)}>Rename</button>
                    <button class="btn small" type="button" @click=${() => void m.pin(current.id, !current.pinned)}>${current.pinned ? 'Unpin' : 'Pin'}</button>
                    <button class="btn small" type="button" ?disabled=${this.#exports.busy}
                      @click=${() => void this.#exports.run(current.id, 'markdown')}>Export</button>
                    <button class="btn small ghost" type="button" @click=${() => void this.#remove(current)}>Delete</button>`
                  : nothing
              }
            </div>
            <div class="actions toolbar" role="group" aria-label="Assistant settings">
              ${
                endpoints.length > 1
                  ? html`<label class="muted">Endpoint
                    <select @change=${(e: Event) => void this.settings.update({ aiEndpointId: (e.target as HTMLSelectElement).value })}>
                      ${endpoints.map((x) => html`<option value=${x.id} ?selected=${x.id === endpoint?.id}>${x.name} · ${x.model}</option>`)}
                    </select></label>`
                  : endpoint
                    ? html`<span class="muted">${endpoint.name} · ${endpoint.model}</span>`
                    : nothing
              }
              <label class="muted">Assistant
                <select @change=${(e: Event) => void this.settings.update({ aiAssistantId: (e.target as HTMLSelectElement).value })}>
                  ${presetsOf(this.settings).map(
                    (a) => html`<option value=${a.id} ?selected=${a.id === m.$preset.get().id}>${a.name}</option>`,
                  )}
                </select></label>
              <button class="btn small" type="button" aria-expanded=${this.editing ? 'true' : 'false'}
                @click=${() => (this.editing = !this.editing)}>Instructions</button>
              <button class="btn small" type="button" aria-expanded=${this.usage ? 'true' : 'false'}
                @click=${() => (this.usage = !this.usage)}>Usage</button>
              <button class="btn small" type="button" aria-expanded=${this.panel ? 'true' : 'false'}
                @click=${() => (this.panel = !this.panel)}>Endpoints</button>
            </div>
          </header>
          ${
            this.panel
              ? html`<div class="panel"><h3>Endpoints</h3>
                <lt-ai-endpoints .settings=${this.settings} .ai=${aiClientFor(this.client)} .keys=${this.keys}></lt-ai-endpoints></div>`
              : nothing
          }
          ${this.editing ? instructionsForm(this, this.settings, m.$preset.get(), () => (this.editing = false)) : nothing}
          ${
            this.usage
              ? html`<div class="panel"><h3>Usage</h3><lt-ai-usage .client=${this.client} .settings=${this.settings}></lt-ai-usage></div>`
              : nothing
          }
          <div class="messages">
            ${m.$messages.get().map((msg) => html`<lt-assistant-message .message=${msg}></lt-assistant-message>`)}
            ${live ? html`<lt-assistant-message .live=${live}></lt-assistant-message>` : nothing}
            ${!live && m.$messages.get().length === 0 ? this.#empty() : nothing}
          </div>
          <p class="sr-only" role="status">${live ? 'Answering…' : ''}</p>
          ${m.$error.get() ? html`<p class="outcome error" role="alert">${m.$error.get()}</p>` : nothing}
          ${m.$budget.get() ? html`<p class="notice warn" role="alert">${m.$budget.get()}</p>` : nothing}
          <form class="ask" @submit=${this.#submit}>
            <textarea name="q" rows="2" aria-label="Ask the assistant" placeholder="Ask about your time…"
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
                  e.preventDefault();
                  (e.target as HTMLTextAreaElement).form?.requestSubmit();
                }
              }}></textarea>
            ${
              live
                ? html`<button class="btn danger" type="button" @click=${() => m.stop()}>Stop</button>`
                : html`<button class="btn primary" type="submit" ?disabled=${!endpoint}>Ask</button>`
            }
          </form>
        </section>
      </div>
    `;
  }

  #row(c: Conversation, currentId: string | null) {
    return html`<div class="conv" role="listitem" aria-current=${c.id === currentId ? 'true' : 'false'}>
      <button class="open" type="button" title=${c.title} @click=${() => void this.model.open(c.id)}>
        ${c.pinned ? html`<span class="pin" aria-label="Pinned">★ </span>` : nothing}${c.title || 'Untitled'}</button>
      <span class="muted" title="${c.messages} messages" aria-label="${c.messages} messages">${c.messages}</span>
    </div>`;
  }

  #empty() {
    return html`<div class="empty">
      <p>Ask about your own tracked time. The assistant reads it with tools you can inspect, and proposes changes you
        apply or discard.</p>
      <ul>${SUGGESTIONS.map((s) => html`<li><button type="button" @click=${() => this.#fill(s)}>${s}</button></li>`)}</ul>
    </div>`;
  }

  #fill(text: string): void {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name="q"]');
    if (area) {
      area.value = text;
      area.focus();
    }
  }

  #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name="q"]')!;
    const text = area.value;
    if (!text.trim() || this.model.busy) return;
    area.value = '';
    void this.model.ask(text);
  };

  async #apply(e: CustomEvent<{ message: StoredMessage; proposal: Proposal }>): Promise<void> {
    try {
      announceAction(this, await this.model.apply(e.detail.message, e.detail.proposal));
    } catch (error) {
      announceError(this, error);
    }
  }

  async #discard(e: CustomEvent<{ message: StoredMessage; proposal: Proposal }>): Promise<void> {
    await this.model.discard(e.detail.message, e.detail.proposal).catch((error) => announceError(this, error));
  }

  async #remove(c: Conversation): Promise<void> {
    try {
      announceAction(this, await this.model.remove(c.id));
    } catch (error) {
      announceError(this, error);
    }
  }

  async #rename(c: Conversation, title: string): Promise<void> {
    if (!this.renaming) return;
    this.renaming = false;
    if (title.trim() && title !== c.title) await this.model.rename(c.id, title).catch((e) => announceError(this, e));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-assistant-view': LtAssistantView;
  }
}
