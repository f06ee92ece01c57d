import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import { toAppError } from '../../../shared/errors.ts';
import type { ExportHistoryEntry } from '../../../shared/export-contract.ts';
import { FORMAT_FILES } from '../../../shared/export-formats.ts';
import { controlStyles } from '../../components/styles.ts';
import type { DataClient } from '../../services/data-client.ts';
import { bytesText } from './words.ts';

const STATUS: Record<ExportHistoryEntry['status'], string> = { ok: 'Done', failed: 'Failed', cancelled: 'Cancelled' };

/** The last exports: when, what, how much, where, and how it ended; "Run again" repeats one over today's data. */
@customElement('lt-export-history')
export class LtExportHistory extends LitElement {
  static override styles = [
    controlStyles,
    css`
    :host { display: block; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.15rem 0.75rem; align-items: center;
      padding: 0.5rem 0.35rem; border-bottom: 1px solid var(--lt-track, #eaecf0); }
    .main { overflow-wrap: anywhere; }
    .meta { font-size: var(--lt-text-sm, 0.87rem); color: var(--lt-muted, #5d6b82); overflow-wrap: anywhere; }
    .status { font-size: 0.75rem; padding: 0.05rem 0.45rem; border-radius: 999px; margin-inline-start: 0.35rem; white-space: nowrap;
      background: var(--lt-ok-bg, #ecfdf3); color: var(--lt-ok, #067647); }
    .status.failed { background: var(--lt-danger-bg, #fef3f2); color: var(--lt-danger-text, #b42318); }
    .status.cancelled { background: var(--lt-surface, #f2f4f7); color: var(--lt-muted, #5d6b82); }
    li .btn { grid-row: 1 / span 2; grid-column: 2; }
  `,
  ];

  @property({ attribute: false }) client: DataClient | null = null;
  @state() private entries: ExportHistoryEntry[] | null = null;
  @state() private error: string | null = null;
  readonly #reload = () => void this.load();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('lt-exported', this.#reload);
  }

  // (the client may arrive after connecting: the element is made before its module has loaded)
  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('client') && this.client) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('lt-exported', this.#reload);
  }

  async load(): Promise<void> {
    if (!this.client) return;
    try {
      this.entries = await this.client.data.listExportHistory({ limit: 50 });
      this.error = null;
    } catch (error) {
      this.error = `The export history could not be read: ${toAppError(error).message}`;
    }
  }

  override render() {
    if (this.error) return html`<p class="outcome error">${this.error}</p>`;
    if (!this.entries) return html`<p class="muted">Loading…</p>`;
    if (this.entries.length === 0)
      return html`<p class="muted">No exports yet. “Export…” above writes this report to a file.</p>`;
    return html`<ul>${this.entries.map(
      (e) => html`<li>
      <span class="main">${FORMAT_FILES[e.format]?.label ?? e.format} · ${e.selection.title}
        <span class="status ${e.status}">${STATUS[e.status]}</span></span>
      <span class="meta">${new Date(e.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} ·
        ${
          e.status === 'ok'
            ? `${e.rows.toLocaleString()} session${e.rows === 1 ? '' : 's'} · ${bytesText(e.bytes)} · ${e.destination}`
            : `stopped after ${e.rows.toLocaleString()} session${e.rows === 1 ? '' : 's'}, no file kept · ${e.destination}`
        }${e.error ? ` · ${e.error}` : ''}</span>
      <button class="btn small" type="button" title="The same selection over the data as it is now"
        @click=${() => this.dispatchEvent(new CustomEvent('lt-export-again', { detail: e, bubbles: true, composed: true }))}>Run again</button>
    </li>`,
    )}</ul>${nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-export-history': LtExportHistory;
  }
}
