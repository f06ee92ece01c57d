import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

import { toAppError } from '../../../shared/errors.ts';
import { announceAction } from '../../components/actions.ts';
import { controlStyles, dialogStyles, fieldStyles } from '../../components/styles.ts';
import type { DataClient } from '../../services/data-client.ts';
import { exportClientFor, type ImportSummary, type Progress } from '../../services/export-client.ts';
import { importChoices, type Choice } from './import-choices.ts';
import { progressStyles } from './progress-styles.ts';
import { restoreAdds, restorePreview } from './restore-preview.ts';
import { hoursText, leftText } from './words.ts';

const FORMAT_NAMES: Record<ImportSummary['format'], string> = {
  'toggl-csv': 'Toggl Track CSV',
  'clockify-csv': 'Clockify CSV',
  'timewarrior-json': 'Timewarrior export',
  'watson-json': 'Watson frames',
  'kimai-csv': 'Kimai CSV',
  'super-productivity-json': 'Super Productivity backup',
  'lighttrack-json': 'LightTrack JSON',
};

type Phase = 'pick' | 'reading' | 'preview' | 'writing';

/**
 * "Import…": a file from another tracker, read and parsed in the export worker, shown as a dry run in words and
 * figures; only Confirm writes, as one undoable action (a backup is made first).
 */
@customElement('lt-import-dialog')
export class LtImportDialog extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    dialogStyles,
    progressStyles,
    css`
    dialog { inline-size: min(40rem, calc(100vw - 1.5rem)); }
    .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(6.5rem, 1fr)); gap: 0.5rem; margin: 0 0 0.9rem; padding: 0; list-style: none; }
    .figures li { border: 1px solid var(--lt-border, #eaecf0); border-radius: 10px; padding: 0.5rem 0.65rem; }
    .figures strong { display: block; font-size: 1.15rem; font-variant-numeric: tabular-nums; }
    .figures span { font-size: var(--lt-text-sm, 0.87rem); color: var(--lt-muted, #5d6b82); }
    h3 { font-size: var(--lt-text-md, 0.95rem); margin: 0.9rem 0 0.35rem; }
    table { inline-size: 100%; border-collapse: collapse; font-size: var(--lt-text-sm, 0.87rem); }
    td, th { padding: 0.3rem 0.35rem; border-bottom: 1px solid var(--lt-track, #eaecf0); text-align: start; overflow-wrap: anywhere; }
    td.num, th.num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .new { font-size: 0.75rem; padding: 0.05rem 0.4rem; border-radius: 999px; background: var(--lt-selected, #e8eeff); color: var(--lt-selected-text, #2f4fbf); white-space: nowrap; }
    .scroll { max-block-size: 14rem; overflow: auto; }
    ul.problems { margin: 0; padding-inline-start: 1.1rem; font-size: var(--lt-text-sm, 0.87rem); }
    .lead { margin: 0 0 0.75rem; overflow-wrap: anywhere; }
    .body > .hint { margin-top: 0.75rem; }
    input[type='file'] { max-inline-size: 100%; }
    label.field { display: grid; gap: 0.3rem; font-size: var(--lt-text-sm, 0.87rem); }
    .choices { display: grid; gap: 0.6rem; margin: 0 0 0.9rem; }
    label.check { display: flex; gap: 0.45rem; align-items: center; font-size: var(--lt-text-sm, 0.87rem); }
  `,
  ];

  @property({ attribute: false }) client: DataClient | null = null;
  @state() private phase: Phase = 'pick';
  @state() private summary: ImportSummary | null = null;
  @state() private progress: Progress | null = null;
  @state() private error: string | null = null;
  /** a LightTrack JSON restore: also take the file's settings (on by default into an empty database) */
  @state() private restoreSettings = false;
  /** the file being previewed, kept so a changed choice re-runs its preview */
  #file: File | null = null;
  #choice: Choice = {};
  /** a choice's preview is being read: confirming now would write the one it replaces */
  @state() private rerunning = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  #abort: AbortController | null = null;

  show(): void {
    void this.updateComplete.then(() => {
      [this.phase, this.summary, this.error, this.progress] = ['pick', null, null, null];
      if (!this.dialog.open) this.dialog.showModal();
    });
  }

  #close(): void {
    if (this.phase === 'writing' || this.phase === 'reading') return;
    if (this.summary && this.client) exportClientFor(this.client).discardImport(this.summary.previewId);
    this.dialog.close();
  }

  override render() {
    return html`<dialog aria-labelledby="import-h" @cancel=${(e: Event) => {
      e.preventDefault();
      this.#close();
    }}>
      <div class="body">
        <h2 id="import-h">${this.summary ? `Import ${this.summary.fileName}` : 'Import from another tracker'}</h2>
        ${this.phase === 'pick' || this.phase === 'reading' ? this.#pick() : this.phase === 'preview' ? this.#preview(this.summary!) : this.#writing()}
        ${this.error ? html`<p class="outcome error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          ${
            this.phase === 'writing'
              ? html`<button class="btn" type="button" @click=${() => this.#abort?.abort()}>Cancel import</button>`
              : html`<button class="btn" type="button" ?disabled=${this.phase === 'reading'} @click=${() => this.#close()}>Cancel</button>`
          }
          ${
            this.phase === 'preview' && !this.rerunning && restoreAdds(this.summary!, this.restoreSettings)
              ? html`<button class="btn primary" type="button" @click=${() => void this.#confirm()}>${this.summary!.restore ? 'Restore' : 'Import'} ${this.summary!.toAdd.toLocaleString()} session${this.summary!.toAdd === 1 ? '' : 's'}</button>`
              : nothing
          }
        </div>
      </div></dialog>`;
  }

  #pick() {
    return html`<p class="lead">Toggl Track or Clockify CSV, Timewarrior or Watson JSON, Kimai CSV, a Super Productivity backup or LightTrack JSON.
      Nothing is written until you have seen what the file holds and confirmed.</p>
      <label class="field">File <input type="file" name="file" accept=".csv,.json,.txt,text/csv,application/json" ?disabled=${this.phase === 'reading'}
        @change=${(e: Event) => void this.#read((e.target as HTMLInputElement).files?.[0] ?? null)}></label>
      ${this.phase === 'reading' ? html`<p class="hint" role="status">Reading the file…</p>` : nothing}`;
  }

  #preview(s: ImportSummary) {
    const when = (ms: number | null) =>
      ms === null
        ? ''
        : new Date(ms).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
    const newProjects = s.projects.filter((p) => !p.exists).length;
    const newTags = s.tags.filter((t) => !t.exists).length;
    return html`
      <p class="lead" role="status">${FORMAT_NAMES[s.format]} · ${s.found.toLocaleString()} session${s.found === 1 ? '' : 's'} found${s.first !== null ? `, ${when(s.first)} to ${when(s.last)}` : ''}.
        ${s.toAdd === 0 && s.found > 0 ? html`<strong>All ${s.alreadyImported.toLocaleString()} were already imported: nothing to add.</strong>` : nothing}</p>
      ${importChoices(s, this.rerunning, (choice) => void this.#rerun(choice))}
      <ul class="figures">
        <li><strong>${s.toAdd.toLocaleString()}</strong><span>to add</span></li>
        <li><strong>${hoursText(s.totalMs)}</strong><span>worked time</span></li>
        <li><strong>${s.alreadyImported.toLocaleString()}</strong><span>already imported</span></li>
        <li><strong>${s.overlaps.toLocaleString()}</strong><span>overlap existing</span></li>
        <li><strong>${s.problemCount.toLocaleString()}</strong><span>rows not readable</span></li>
      </ul>
      ${
        s.projects.length
          ? html`<h3>Projects (${newProjects} new)</h3><div class="scroll"><table>
        <thead><tr><th>Project</th><th class="num">Sessions</th><th class="num">Time</th></tr></thead>
        <tbody>${s.projects.map(
          (p) => html`<tr><td>${p.path.length ? p.path.join(' › ') : html`<span class="muted">No project</span>`}
          ${p.exists ? nothing : html` <span class="new">new</span>`}</td><td class="num">${p.sessions.toLocaleString()}</td><td class="num">${hoursText(p.ms)}</td></tr>`,
        )}</tbody>
      </table></div>`
          : nothing
      }
      ${restorePreview(s, this.restoreSettings, (on) => (this.restoreSettings = on))}
      ${s.tags.length ? html`<h3>Tags (${newTags} new)</h3><p class="hint">${s.tags.map((t) => (t.exists ? t.name : `${t.name} (new)`)).join(', ')}</p>` : nothing}
      ${
        s.overlaps
          ? html`<h3>Overlaps</h3><p class="hint">${s.overlaps.toLocaleString()} imported session${s.overlaps === 1 ? ' shares' : 's share'} time with sessions you have;
        both are kept, nothing of yours is changed${s.overlapExamples.length ? ` (e.g. “${s.overlapExamples[0]!.name}” with “${s.overlapExamples[0]!.existing}”)` : ''}.</p>`
          : nothing
      }
      ${
        s.problemCount
          ? html`<h3>Rows that cannot be read (${s.problemCount.toLocaleString()})</h3><div class="scroll"><ul class="problems">
        ${s.problems.map((p) => html`<li>${p.line === null ? '' : `Line ${p.line}: `}${p.message}</li>`)}
        ${s.problemCount > s.problems.length ? html`<li>… and ${(s.problemCount - s.problems.length).toLocaleString()} more</li>` : nothing}</ul></div>`
          : nothing
      }
      ${s.toAdd > 0 ? html`<p class="hint">A backup is made first. The import is one action: Undo removes exactly what it added, with the projects and tags it created.</p>` : nothing}`;
  }

  #writing() {
    const p = this.progress;
    return html`<div class="progress" role="status" aria-live="polite">
      <progress max="1" .value=${p && p.total ? p.done / p.total : 0} aria-label="Import progress"></progress>
      <p>${p ? `${p.done.toLocaleString()} of ${p.total.toLocaleString()} sessions · ${leftText(p.leftMs)}` : 'Making a backup first…'}</p></div>
      <p class="hint">Cancel takes back everything this import wrote.</p>`;
  }

  async #rerun(choice: Choice): Promise<void> {
    if (!this.#file || !this.client) return;
    this.#choice = { ...this.#choice, ...choice };
    [this.error, this.rerunning] = [null, true];
    try {
      // the previous preview's rows are dropped by the worker when the new one is held
      this.summary = await exportClientFor(this.client).previewImport(this.#file, this.#choice);
    } catch (error) {
      this.error = toAppError(error).message;
    } finally {
      this.rerunning = false;
    }
  }

  async #read(file: File | null): Promise<void> {
    if (!file || !this.client) return;
    [this.phase, this.error] = ['reading', null];
    [this.#file, this.#choice] = [file, {}];
    try {
      this.summary = await exportClientFor(this.client).previewImport(file);
      this.restoreSettings = this.summary.restore?.emptyDatabase ?? false;
      this.phase = 'preview';
      if (this.summary.found === 0 && !this.summary.restore) {
        this.error = this.summary.problems[0]?.message ?? 'The file holds no sessions LightTrack can read.';
      }
    } catch (error) {
      [this.phase, this.error] = ['pick', toAppError(error).message];
    }
  }

  async #confirm(): Promise<void> {
    const s = this.summary;
    if (!s || !this.client) return;
    this.#abort = new AbortController();
    [this.phase, this.progress, this.error] = ['writing', null, null];
    try {
      const outcome = await exportClientFor(this.client).confirmImport(
        s.previewId,
        (p) => (this.progress = p),
        this.#abort.signal,
        { restoreSettings: this.restoreSettings },
      );
      this.summary = null;
      this.phase = 'pick';
      this.dialog.close();
      if (outcome.action) announceAction(this, outcome.action);
      else
        this.dispatchEvent(
          new CustomEvent('lt-notice', {
            detail: { text: 'Nothing imported: every session was already there.' },
            bubbles: true,
            composed: true,
          }),
        );
    } catch (error) {
      const e = toAppError(error);
      this.summary = null;
      this.phase = 'pick';
      this.error = (e.details as { cancelled?: boolean } | undefined)?.cancelled
        ? 'Import cancelled: nothing was added.'
        : `The import failed and nothing was added: ${e.message}`;
    } finally {
      this.#abort = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-import-dialog': LtImportDialog;
  }
}
