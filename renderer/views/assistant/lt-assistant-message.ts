import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import type { Proposal, SessionSketch, ToolRecord } from '../../../shared/assistant.ts';
import type { StoredMessage } from '../../../shared/conversations.ts';
import { controlStyles } from '../../components/styles.ts';
import { FormatController } from '../../controllers/format.ts';
import type { LiveAnswer } from './assistant-model.ts';
import { messageStyles } from './assistant-styles.ts';

type Shown = Proposal & { status?: 'applied' | 'discarded' };

const day = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/** "Tue, 24 Nov, 09:00 – 11:00" in the user's zone and clock (12/24 h), the end's day only when it differs. */
function span(s: SessionSketch, time: (ms: number) => string): string {
  const at = (ms: number) => `${day.format(ms)}, ${time(ms)}`;
  if (s.endTime === null) return `${at(s.startTime)} – running`;
  const sameDay = new Date(s.startTime).toDateString() === new Date(s.endTime).toDateString();
  return `${at(s.startTime)} – ${sameDay ? time(s.endTime) : at(s.endTime)}`;
}

/** One side of a change: name · project · time, the parts that differ from `other` marked. */
function sketch(s: SessionSketch, other: SessionSketch | undefined, time: (ms: number) => string) {
  const part = (text: string, changed: boolean) => (changed ? html`<span class="changed">${text}</span>` : text);
  return html`${part(s.name || 'untitled', !!other && other.name !== s.name)} ·
    ${part(s.project ?? 'no project', !!other && other.project !== s.project)} ·
    ${part(span(s, time), !!other && (other.startTime !== s.startTime || other.endTime !== s.endTime))}`;
}

/**
 * A question or an answer. An answer shows its text as plain text (never HTML: it is the model's), each tool call it
 * made with the arguments and what the tool answered (collapsed), its proposals as before → after with Apply and
 * Discard, a failure's sentence, and the model, tokens and time it took.
 */
@customElement('lt-assistant-message')
export class LtAssistantMessage extends LitElement {
  static override styles = [controlStyles, messageStyles];

  readonly #format = new FormatController(this);
  readonly #time = (ms: number) => this.#format.time(ms);
  @property({ attribute: false }) message: StoredMessage | null = null;
  @property({ attribute: false }) live: LiveAnswer | null = null;

  override render() {
    if (this.live) return this.#answer(this.live.text, this.#liveTools(), this.live.proposals, true);
    const m = this.message;
    if (!m) return nothing;
    if (m.role === 'user') return html`<p class="q" aria-label="You asked">${m.content}</p>`;
    return html`${this.#answer(m.content, m.tools, m.proposals, false)}
      ${m.error ? html`<p class="failure" role="note">${m.error.message}</p>` : nothing}
      ${m.finish === 'cancelled' ? html`<p class="meta">Stopped.</p>` : nothing}
      <p class="meta">${[
        m.endpoint && m.model ? `${m.endpoint} · ${m.model}` : null,
        m.promptTokens !== null && (m.promptTokens > 0 || (m.completionTokens ?? 0) > 0)
          ? `${m.promptTokens} + ${m.completionTokens ?? 0} tokens${m.usageEstimated ? ' (estimated)' : ''}`
          : null,
        m.totalMs !== null ? `${(m.totalMs / 1000).toFixed(1)} s` : null,
      ]
        .filter(Boolean)
        .join(' · ')}</p>`;
  }

  #liveTools(): ToolRecord[] {
    return (this.live?.tools ?? []).map(
      (t) =>
        t.record ?? { id: t.id, name: t.name, arguments: t.arguments, result: '', ok: true, truncated: false, ms: -1 },
    );
  }

  #answer(text: string, tools: ToolRecord[], proposals: Shown[], streaming: boolean) {
    return html`<div class="a" aria-busy=${streaming ? 'true' : 'false'}>
      ${tools.map(
        (t) => html`<details class="tool ${t.ok ? '' : 'failed'}">
          <summary>${t.ms < 0 ? 'Running' : !t.ok ? 'Failed' : t.name.startsWith('propose_') ? 'Proposed' : 'Read'}: ${t.name}${t.ms >= 0 ? ` (${t.ms} ms)` : '…'}${
            t.truncated ? ' · cut short' : ''
          }</summary>
          <pre aria-label="Arguments">${t.arguments || '{}'}</pre>
          ${t.result ? html`<pre aria-label="Result">${t.result}</pre>` : nothing}
        </details>`,
      )}
      ${proposals.map((p) => this.#proposal(p, streaming))}
      ${text || streaming ? html`<p class="text ${streaming ? 'cursor' : ''}">${text}</p>` : nothing}
      ${this.live?.notice ? html`<p class="meta" role="status">${this.live.notice}</p>` : nothing}
    </div>`;
  }

  #proposal(p: Shown, streaming: boolean) {
    return html`<section class="proposal" aria-label="Proposed change">
      <h3>Proposed: ${p.summary}</h3>
      <dl>
        ${p.before.map((b) => html`<dt>Before</dt><dd class=${p.after.length === 0 ? 'gone' : ''}>${sketch(b, undefined, this.#time)}</dd>`)}
        ${p.after.map((a, i) => html`<dt>${p.before.length ? 'After' : 'New'}</dt><dd>${sketch(a, p.before[i] ?? p.before[0], this.#time)}</dd>`)}
        ${p.after.length === 0 ? html`<dt>After</dt><dd>deleted</dd>` : nothing}
      </dl>
      ${
        p.status
          ? html`<p class="status muted">${p.status === 'applied' ? 'Applied (undo with Ctrl+Z or the toast).' : 'Discarded.'}</p>`
          : streaming || !this.message
            ? html`<p class="status muted">Apply or discard it when the answer is done.</p>`
            : html`<div class="actions">
                <button class="btn primary small" type="button" @click=${() => this.#emit('lt-apply', p)}>Apply</button>
                <button class="btn small" type="button" @click=${() => this.#emit('lt-discard', p)}>Discard</button>
              </div>`
      }
    </section>`;
  }

  #emit(type: string, proposal: Proposal): void {
    this.dispatchEvent(
      new CustomEvent(type, { detail: { message: this.message, proposal }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-assistant-message': LtAssistantMessage;
  }
}
