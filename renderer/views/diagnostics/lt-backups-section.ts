import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import '../../components/lt-backup-list.ts';
import '../../components/lt-file-picker.ts';

import { controlStyles, sectionStyles } from '../../components/styles.ts';
import { WatchController } from '../../controllers/watch.ts';
import type { DiagnosticsModel, RetentionField } from './diagnostics-model.ts';

/** Backups: make one now, export the file, restore (a backup or a file), and how many backups are kept. */
@customElement('lt-backups-section')
export class LtBackupsSection extends LitElement {
  static override styles = [
    controlStyles,
    sectionStyles,
    css`
      :host { display: block; }
      .actions.top { margin-bottom: 0.9rem; }
      form { margin-top: 1.25rem; }
      fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
      legend { font-weight: 600; padding: 0; margin-bottom: 0.5rem; }
      .fields { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: flex-start; }
      label { display: grid; gap: 0.25rem; font-size: 0.9rem; }
      input { font: inherit; width: 6rem; padding: 0.4rem 0.55rem; border: 1px solid var(--lt-border, #d0d5dd);
        border-radius: 8px; background: var(--lt-field, #fff); color: inherit; }
      input[aria-invalid='true'] { border-color: var(--lt-danger, #d92d20); }
      .field-error { color: var(--lt-danger-text, #b42318); font-size: 0.85rem; max-width: 14rem; }
      .save { margin-top: 1.55rem; } /* level with the inputs, under their labels */
      .hint { font-size: 0.85rem; margin: 0.5rem 0 0; }
      .saved { color: var(--lt-ok, #067647); font-size: 0.9rem; }
    `,
  ];

  @property({ attribute: false }) model!: DiagnosticsModel;

  constructor() {
    super();
    new WatchController(this, () => {
      const { backups: b, $retention, $retentionErrors, $retentionSaved } = this.model;
      return [b.$list, b.$listError, b.$busy, b.$outcome, $retention, $retentionErrors, $retentionSaved];
    });
  }

  override render() {
    const { backups } = this.model;
    const busyText = backups.$busy.get();
    const busy = busyText !== null;
    const outcome = backups.$outcome.get();
    return html`<section class="card" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <div class="actions top">
        <button class="btn primary backup-now" type="button" ?disabled=${busy}
          @click=${() => void backups.backupNow()}>Back up now</button>
        <button class="btn export" type="button" ?disabled=${busy}
          @click=${() => void backups.download()}>Export database file</button>
        <lt-file-picker ?busy=${busy}
          @file-picked=${(e: CustomEvent<File>) => void backups.restoreFromFile(e.detail)}></lt-file-picker>
      </div>
      ${busyText ? html`<p class="outcome" role="status">${busyText}</p>` : nothing}
      ${
        outcome
          ? html`<p class=${outcome.ok ? 'outcome' : 'outcome error'} role=${outcome.ok ? 'status' : 'alert'}>
          ${outcome.text}</p>`
          : nothing
      }
      ${backups.$listError.get() ? html`<p class="outcome error">${backups.$listError.get()}</p>` : nothing}
      <lt-backup-list .backups=${backups.$list.get()} ?busy=${busy}
        emptyText="No backups yet. LightTrack makes one every day you use it; “Back up now” makes one at once."
        @restore-backup=${(e: CustomEvent<string>) => void backups.restoreBackup(e.detail)}></lt-backup-list>
      ${this.#retentionForm()}
    </section>`;
  }

  #retentionForm() {
    const retention = this.model.$retention.get();
    const errors = this.model.$retentionErrors.get();
    const field = (name: RetentionField, label: string, min: number, max: number) => html`<label>
      ${label}
      <input name=${name} type="number" inputmode="numeric" min=${min} max=${max} step="1" required
        .value=${retention ? String(retention[name]) : ''} aria-invalid=${errors[name] ? 'true' : 'false'}
        aria-describedby=${errors[name] ? `${name}-error` : 'retention-hint'} @input=${this.#edited} />
      ${errors[name] ? html`<span class="field-error" id=${`${name}-error`} role="alert">${errors[name]}</span>` : nothing}
    </label>`;
    return html`<form novalidate @submit=${this.#save}>
      <fieldset ?disabled=${retention === null && !errors.form}>
        <legend>Keep</legend>
        <div class="fields">
          ${field('daily', 'Daily backups', 1, 365)}
          ${field('weekly', 'Weekly backups', 0, 520)}
          <button class="btn save" type="submit">Save</button>
          ${this.model.$retentionSaved.get() ? html`<span class="saved save-note" role="status">Saved.</span>` : nothing}
        </div>
        ${errors.form ? html`<p class="field-error form-error" role="alert">${errors.form}</p>` : nothing}
        <p class="hint muted" id="retention-hint">How many daily and weekly backups LightTrack keeps; older ones are
          removed when a new one is made.</p>
      </fieldset>
    </form>`;
  }

  readonly #edited = (): void => this.model.$retentionSaved.set(false);

  readonly #save = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: RetentionField) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? '';
    void this.model.saveRetention({ daily: value('daily'), weekly: value('weekly') });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-backups-section': LtBackupsSection;
  }
}
