import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

import { toAppError } from '../../../shared/errors.ts';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
  type ExportSelection,
} from '../../../shared/export-contract.ts';
import { FORMAT_FILES } from '../../../shared/export-formats.ts';
import { controlStyles, dialogStyles, fieldStyles } from '../../components/styles.ts';
import type { DataClient } from '../../services/data-client.ts';
import { exportClientFor, type ExportResult, type Progress } from '../../services/export-client.ts';
import { progressStyles } from './progress-styles.ts';
import { chooseTarget, type Destination } from './save-target.ts';
import { bytesText, leftText } from './words.ts';

type Phase = 'choose' | 'running' | 'done';

/** What a new export starts from (a history entry run again brings its own). */
export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { delimiter: ',', bom: false, durations: 'hm' };
/**
 * "Export…": the format and its options for exactly the report shown (range, grouping, filters; rounding from
 * settings), then a progress bar with the time left and Cancel, written by the export worker.
 */
@customElement('lt-export-dialog')
export class LtExportDialog extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    dialogStyles,
    progressStyles,
    css`
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem 1rem; margin: 0 0 0.75rem; }
    label.field { display: grid; gap: 0.25rem; font-size: var(--lt-text-sm, 0.87rem); min-width: 0; }
    fieldset { border: 0; padding: 0; margin: 0 0 0.75rem; min-width: 0; }
    legend { font-size: var(--lt-text-sm, 0.87rem); padding: 0; margin: 0 0 0.3rem; }
    label.check { display: flex; gap: 0.45rem; align-items: center; font-size: var(--lt-text-md, 0.93rem); margin: 0.2rem 0; }
    .outcome.note { background: var(--lt-surface, #f2f4f7); color: inherit; border: 1px solid var(--lt-border, #eaecf0); }
    .what { margin: 0 0 0.9rem; color: var(--lt-muted, #5d6b82); overflow-wrap: anywhere; }
  `,
  ];

  @property({ attribute: false }) client: DataClient | null = null;
  @property({ attribute: false }) selection: ExportSelection | null = null;
  /** words for the selection, e.g. "This month · by project · filtered" */
  @property() summary = '';
  @property() format: ExportFormat = 'csv';
  /** the format's options: the defaults, or a history entry's own when it is run again */
  @property({ attribute: false }) options: ExportOptions = { ...DEFAULT_EXPORT_OPTIONS };
  @state() private destination: Destination = 'file';
  @state() private phase: Phase = 'choose';
  @state() private progress: Progress | null = null;
  @state() private error: string | null = null;
  /** a cancelled export: said plainly, not as a failure */
  @state() private note: string | null = null;
  @state() private result: ExportResult | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;
  #abort: AbortController | null = null;

  show(): void {
    void this.updateComplete.then(() => {
      [this.phase, this.error, this.note, this.result, this.progress] = ['choose', null, null, null, null];
      if (!('showSaveFilePicker' in window)) this.destination = 'download';
      if (!this.dialog.open) this.dialog.showModal();
    });
  }

  close(): void {
    if (this.phase === 'running') return; // Cancel first: closing must not leave an export writing unseen
    this.dialog?.close();
  }

  override render() {
    const f = FORMAT_FILES[this.format];
    return html`<dialog aria-labelledby="export-h" @cancel=${(e: Event) => {
      if (this.phase === 'running') e.preventDefault();
    }}>
      <form method="dialog" @submit=${(e: Event) => {
        e.preventDefault();
        void this.#run();
      }}>
        <h2 id="export-h">Export this report</h2>
        <p class="what">${this.summary}</p>
        ${this.phase === 'choose' ? this.#choices(f.extension) : this.#running()}
        ${this.error ? html`<p class="outcome error" role="alert">${this.error}</p>` : nothing}
        ${this.note ? html`<p class="outcome note" role="status">${this.note}</p>` : nothing}
        <div class="actions">
          ${
            this.phase === 'running'
              ? html`<button class="btn" type="button" @click=${() => this.#abort?.abort()}>Cancel export</button>`
              : html`<button class="btn" type="button" @click=${() => this.close()}>${this.phase === 'done' ? 'Close' : 'Cancel'}</button>
              ${this.phase === 'choose' ? html`<button class="btn primary" type="submit">Export</button>` : nothing}`
          }
        </div>
      </form></dialog>`;
  }

  #choices(extension: string) {
    const csv = this.format.startsWith('csv');
    const set = (patch: Partial<ExportOptions>) => (this.options = { ...this.options, ...patch });
    return html`
      <div class="grid">
        <label class="field">Format
          <select name="format" @change=${(e: Event) => (this.format = (e.target as HTMLSelectElement).value as ExportFormat)}>
            ${EXPORT_FORMATS.map((id) => html`<option value=${id} ?selected=${id === this.format}>${FORMAT_FILES[id].label}</option>`)}
          </select></label>
        <label class="field">Durations
          <select name="durations" @change=${(e: Event) => set({ durations: (e.target as HTMLSelectElement).value as ExportOptions['durations'] })}>
            <option value="hm" ?selected=${this.options.durations === 'hm'}>h:mm (1:30)</option>
            <option value="decimal" ?selected=${this.options.durations === 'decimal'}>Decimal hours (1.50)</option>
          </select></label>
        ${
          csv
            ? html`<label class="field">Delimiter
          <select name="delimiter" @change=${(e: Event) => set({ delimiter: (e.target as HTMLSelectElement).value as ExportOptions['delimiter'] })}>
            <option value="," ?selected=${this.options.delimiter === ','}>Comma ( , )</option>
            <option value=";" ?selected=${this.options.delimiter === ';'}>Semicolon ( ; ) for Excel with decimal commas</option>
          </select></label>`
            : nothing
        }
      </div>
      ${
        csv
          ? html`<label class="check"><input type="checkbox" name="bom" .checked=${this.options.bom}
        @change=${(e: Event) => set({ bom: (e.target as HTMLInputElement).checked })}> Byte-order mark, so Excel reads accents and emoji</label>`
          : nothing
      }
      <fieldset><legend>Save to</legend>
        <label class="check"><input type="radio" name="destination" value="file" ?disabled=${!('showSaveFilePicker' in window)}
          .checked=${this.destination === 'file'} @change=${() => (this.destination = 'file')}> A file I choose (written straight to disk)</label>
        <label class="check"><input type="radio" name="destination" value="download" .checked=${this.destination === 'download'}
          @change=${() => (this.destination = 'download')}> My downloads folder (.${extension})</label>
      </fieldset>
      <p class="hint">A cancelled export leaves no file behind; a file it would have replaced stays as it was.</p>`;
  }

  #running() {
    const p = this.progress;
    if (this.phase === 'done' && this.result) {
      return html`<p class="outcome" role="status">Exported ${this.result.rows.toLocaleString()} session${this.result.rows === 1 ? '' : 's'} to
        ${this.result.destination} (${bytesText(this.result.bytes)}).</p>`;
    }
    const share = p && p.total > 0 ? p.done / p.total : 0;
    return html`<div class="progress" role="status" aria-live="polite">
      <progress max="1" .value=${share} aria-label="Export progress"></progress>
      <p>${p ? `${p.done.toLocaleString()} of ${p.total.toLocaleString()} sessions · ${bytesText(p.bytes)} · ${leftText(p.leftMs)}` : 'Starting…'}</p></div>`;
  }

  async #run(): Promise<void> {
    if (!this.client || !this.selection) return;
    [this.error, this.note] = [null, null];
    const f = FORMAT_FILES[this.format];
    const name = `${fileStem(this.selection)}.${f.extension}`;
    const target = await chooseTarget(this.destination, name, f);
    if (!target) return; // the user closed the picker: nothing happens
    this.#abort = new AbortController();
    [this.phase, this.progress] = ['running', null];
    try {
      this.result = await exportClientFor(this.client).exportReport(
        { format: this.format, selection: this.selection, options: this.options },
        target.target,
        (p) => (this.progress = p),
        this.#abort.signal,
      );
      this.phase = 'done';
      const r = this.result;
      this.dispatchEvent(
        new CustomEvent('lt-notice', {
          detail: {
            text: `Exported ${r.rows.toLocaleString()} session${r.rows === 1 ? '' : 's'} to ${r.destination}${target.fellBack ? ' in your downloads (choosing a file is not allowed here)' : ''}`,
          },
          bubbles: true,
          composed: true,
        }),
      );
      this.dispatchEvent(new CustomEvent('lt-exported', { bubbles: true, composed: true }));
      this.dialog.close();
    } catch (error) {
      const e = toAppError(error);
      const cancelled = (e.details as { cancelled?: boolean } | undefined)?.cancelled;
      this.phase = 'choose';
      if (cancelled) this.note = 'Export cancelled. No file was left behind.';
      else this.error = `The export failed: ${e.message}`;
      this.dispatchEvent(new CustomEvent('lt-exported', { bubbles: true, composed: true }));
    } finally {
      this.#abort = null;
    }
  }
}

/** "lighttrack-2026-11-01-to-2026-11-30" */
function fileStem(s: ExportSelection): string {
  return s.from === s.to ? `lighttrack-${s.from}` : `lighttrack-${s.from}-to-${s.to}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-export-dialog': LtExportDialog;
  }
}
