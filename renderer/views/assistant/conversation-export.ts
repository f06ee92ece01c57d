import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';

import { announceError } from '../../components/actions.ts';
import type { DataClient } from '../../services/data-client.ts';
import { exportClientFor } from '../../services/export-client.ts';

/**
 * Export of conversations (the open one, or all of them) through the export worker, with progress and Cancel: the
 * buttons, the progress line and the outcome, for the Assistant view.
 */
export class ConversationExport implements ReactiveController {
  #running: { done: number; total: number; controller: AbortController } | null = null;
  #outcome: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly client: () => DataClient,
    private readonly total: () => number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get busy(): boolean {
    return this.#running !== null;
  }

  render(id: string | null) {
    const running = this.#running;
    if (running)
      return html`<p class="muted" role="status">Exporting ${running.done.toLocaleString()} of
          ${running.total.toLocaleString()}…
          <button class="btn small" type="button" @click=${() => running.controller.abort()}>Cancel</button></p>`;
    return html`<div class="actions" role="group" aria-label=${id ? 'Export this conversation' : 'Export all conversations'}>
        <span class="muted">${id ? 'Export' : 'Export all'}</span>
        <button class="btn small" type="button" @click=${() => void this.run(id, 'markdown')}>Markdown</button>
        <button class="btn small" type="button" @click=${() => void this.run(id, 'json')}>JSON</button>
      </div>
      ${this.#outcome ? html`<p class="muted" role="status">${this.#outcome}</p>` : nothing}`;
  }

  async run(id: string | null, format: 'json' | 'markdown'): Promise<void> {
    const controller = new AbortController();
    this.#running = { done: 0, total: id ? 1 : this.total(), controller };
    this.#outcome = null;
    this.host.requestUpdate();
    const name = `${id ? 'conversation' : 'conversations'}.${format === 'json' ? 'json' : 'md'}`;
    try {
      const r = await exportClientFor(this.client()).exportConversations(
        { format, ids: id ? [id] : null },
        { kind: 'download', name },
        (p) => {
          if (this.#running) this.#running = { ...this.#running, done: p.done, total: p.total };
          this.host.requestUpdate();
        },
        controller.signal,
      );
      this.#outcome = `Exported ${r.conversations.toLocaleString()} to ${r.destination}.`;
    } catch (error) {
      if (controller.signal.aborted) this.#outcome = 'Export cancelled.';
      else announceError(this.host, error);
    } finally {
      this.#running = null;
      this.host.requestUpdate();
    }
  }
}
