import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import type { Endpoint } from '../../../shared/assistant.ts';
import { controlStyles, fieldStyles } from '../../components/styles.ts';
import { newRequestId, type AiClient } from '../../services/ai-client.ts';
import { allowedConnectOrigins, type AiKeyStore } from '../../services/ai-keys.ts';
import type { SettingsService } from '../../services/settings.ts';

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * The assistant's endpoints: name, base URL and model of each OpenAI-compatible server, an optional key (sealed by the
 * shell's secrets, kept out of the settings), "Test connection" listing the server's models, and a plain warning when
 * this window's security policy does not allow the endpoint's origin, with how to allow it.
 */
@customElement('lt-ai-endpoints')
export class LtAiEndpoints extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    css`
      :host { display: block; }
      ul { list-style: none; margin: 0 0 0.75rem; padding: 0; }
      li { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.25rem 0.75rem; padding: 0.5rem 0;
        border-bottom: 1px solid var(--lt-track, #eaecf0); }
      li .actions { grid-column: 2; grid-row: 1 / span 2; }
      .meta { font-size: var(--lt-text-sm, 0.87rem); color: var(--lt-muted, #5d6b82); overflow-wrap: anywhere; }
      form { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.5rem; align-items: end; }
      form label { display: grid; gap: 0.2rem; font-size: var(--lt-text-sm, 0.87rem); }
      .warn { color: var(--lt-warn, #b54708); font-size: var(--lt-text-sm, 0.87rem); overflow-wrap: anywhere; margin: 0.25rem 0 0; }
      .ok { color: var(--lt-ok, #067647); font-size: var(--lt-text-sm, 0.87rem); overflow-wrap: anywhere; margin: 0.25rem 0 0; }
    `,
  ];

  @property({ attribute: false }) settings!: SettingsService;
  @property({ attribute: false }) ai!: AiClient;
  @property({ attribute: false }) keys!: AiKeyStore;
  @state() private allowed: string[] | null = null;
  @state() private tests: Record<string, { ok: boolean; text: string; models?: string[] }> = {};
  @state() private error: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void allowedConnectOrigins().then((o) => (this.allowed = o));
  }

  get #list(): Endpoint[] {
    return this.settings.$settings.get().aiEndpoints;
  }

  override render() {
    const current = this.settings.$settings.get().aiEndpointId ?? this.#list[0]?.id;
    return html`
      ${this.#list.length === 0 ? html`<p class="muted">No endpoint yet. Add OpenAI or a local server (Ollama, LM Studio, llama.cpp, vLLM).</p>` : nothing}
      <ul aria-label="Endpoints">
        ${this.#list.map((e) => {
          const origin = originOf(e.baseURL);
          const blocked = this.allowed !== null && origin !== null && !this.allowed.includes(origin);
          const test = this.tests[e.id];
          return html`<li data-endpoint=${e.id}>
            <div>
              <strong>${e.name}</strong>${e.id === current ? html` <span class="meta">(in use)</span>` : nothing}
              <div class="meta">${e.baseURL} · ${e.model} · ${e.hasKey ? 'key kept sealed' : 'no key'}</div>
              ${
                blocked
                  ? html`<p class="warn" role="note">This window may not connect to ${origin}. In the web shell, start it with
                    <code>--ai-origin=${origin}</code>; a local server must also allow this app's origin (Ollama:
                    OLLAMA_ORIGINS, LM Studio: the CORS switch).</p>`
                  : nothing
              }
              ${test ? html`<p class=${test.ok ? 'ok' : 'warn'} role="status">${test.text}</p>` : nothing}
            </div>
            <div class="actions">
              ${e.id !== current ? html`<button class="btn small" type="button" @click=${() => this.#use(e.id)}>Use</button>` : nothing}
              <button class="btn small" type="button" @click=${() => this.#test(e)}>Test connection</button>
              <button class="btn small ghost" type="button" aria-label="Remove ${e.name}" @click=${() => this.#remove(e)}>Remove</button>
            </div>
          </li>`;
        })}
      </ul>
      <form @submit=${this.#add} aria-label="Add an endpoint">
        <label>Name<input name="name" required maxlength="80" placeholder="Ollama on this computer" /></label>
        <label>Base URL<input name="baseURL" required type="url" placeholder="http://localhost:11434/v1" /></label>
        <label>Model<input name="model" required maxlength="200" placeholder="llama3.1" /></label>
        <label>API key (optional)<input name="key" type="password" autocomplete="off" /></label>
        <button class="btn primary" type="submit">Add endpoint</button>
      </form>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
    `;
  }

  async #add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const key = String(data.get('key') ?? '');
    const endpoint: Endpoint = {
      id: `ep-${crypto.randomUUID().slice(0, 8)}`,
      name: String(data.get('name') ?? '').trim(),
      baseURL: String(data.get('baseURL') ?? '').trim(),
      model: String(data.get('model') ?? '').trim(),
      hasKey: key.length > 0,
    };
    try {
      if (key) await this.keys.set(endpoint.id, key);
    } catch (error) {
      this.error = `The key could not be sealed: ${(error as Error).message}`;
      return;
    }
    const out = await this.settings.update({ aiEndpoints: [...this.#list, endpoint] });
    if (!out.ok) {
      this.error = out.message;
      await this.keys.set(endpoint.id, null);
      return;
    }
    this.error = null;
    form.reset();
    this.#changed();
  }

  async #remove(e: Endpoint): Promise<void> {
    const out = await this.settings.update({
      aiEndpoints: this.#list.filter((x) => x.id !== e.id),
      ...(this.settings.$settings.get().aiEndpointId === e.id ? { aiEndpointId: null } : {}),
    });
    if (out.ok) await this.keys.set(e.id, null);
    this.#changed();
  }

  async #use(id: string): Promise<void> {
    await this.settings.update({ aiEndpointId: id });
    this.#changed();
  }

  async #test(e: Endpoint): Promise<void> {
    this.tests = { ...this.tests, [e.id]: { ok: true, text: 'Testing…' } };
    const apiKey = e.hasKey ? await this.keys.get(e.id).catch(() => null) : null;
    const out = await this.ai.listModels({ requestId: newRequestId(), baseURL: e.baseURL, apiKey });
    const text =
      'models' in out
        ? `Connected. Models: ${out.models.slice(0, 12).join(', ') || 'none listed'}${out.models.length > 12 ? '…' : ''}${
            out.models.includes(e.model) ? '' : ` (“${e.model}” is not among them)`
          }`
        : out.error.message;
    this.tests = { ...this.tests, [e.id]: { ok: 'models' in out, text } };
  }

  #changed(): void {
    this.requestUpdate();
    // a worker started under the old policy keeps it: the next question starts one under the new
    this.ai.dispose();
    this.dispatchEvent(new CustomEvent('lt-endpoints-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-ai-endpoints': LtAiEndpoints;
  }
}
