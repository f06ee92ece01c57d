import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';

import { toAppError } from '../../../shared/errors.ts';
import { PRODUCTIVITY, PROJECT_PALETTE, type Project, type ProjectPatch } from '../../../shared/project.ts';
import { announceAction, announceError } from '../../components/actions.ts';
import { controlStyles, dialogStyles, fieldStyles } from '../../components/styles.ts';
import { pickable } from './project-tree.ts';
import type { ProjectsModel } from './projects-model.ts';

type Field = keyof ProjectPatch;

/**
 * The project dialog: create (name, parent, colour, client) or edit every detail — rename, recolour, move under
 * another parent, client, rate, billable default, budget, estimate, productivity — with archive, merge and delete.
 */
@customElement('lt-project-editor')
export class LtProjectEditor extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    dialogStyles,
    css`
    .grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: var(--lt-space-3) var(--lt-space-4); }
    .full { grid-column: 1 / -1; }
    .f { display: grid; gap: 0.2rem; min-width: 0; align-content: start; }
    .f > span.l { font-size: var(--lt-text-sm); font-weight: 600; }
    .pair { display: flex; gap: var(--lt-space-2); min-width: 0; }
    .pair > * { flex: 1; min-width: 0; }
    .check { display: flex; gap: var(--lt-space-2); align-items: center; }
    .more { justify-content: flex-start; border-top: 1px solid var(--lt-border); padding-top: var(--lt-space-3); }
    @media (max-width: 30rem) { .grid { grid-template-columns: minmax(0, 1fr); } }
  `,
  ];

  @property({ attribute: false }) model!: ProjectsModel;
  @state() private mode: 'create' | 'edit' = 'create';
  @state() private project: Project | null = null;
  @state() private parentId: string | null = null;
  @state() private error: string | null = null;
  @state() private fieldError: { field: string; message: string } | null = null;
  @state() private busy = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  /** a new form per opening, so its fields start from the project's values */
  #opened = 0;

  async openCreate(parentId: string | null = null): Promise<void> {
    this.mode = 'create';
    this.project = null;
    this.parentId = parentId;
    await this.#open();
  }

  async openEdit(project: Project): Promise<void> {
    this.mode = 'edit';
    this.project = project;
    this.parentId = project.parentId;
    await this.#open();
  }

  close(): void {
    this.dialog?.close();
  }

  async #open(): Promise<void> {
    this.error = null;
    this.fieldError = null;
    this.#opened++;
    this.requestUpdate();
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('input[name="name"]')?.select();
  }

  override render() {
    const p = this.project;
    const editing = this.mode === 'edit' && p;
    const projects = this.model?.$projects.get() ?? [];
    const parents = pickable(projects, p?.id);
    const color = p?.color ?? PROJECT_PALETTE[projects.length % PROJECT_PALETTE.length];
    return html`<dialog aria-labelledby="editor-title" @close=${() => (this.busy = false)}>
      ${keyed(
        this.#opened,
        html`<form novalidate @submit=${this.#submit}>
        <h2 id="editor-title" class="ellipsis" title=${p?.name ?? ''}>${editing ? `Edit “${p.name}”` : this.parentId ? 'New sub-project' : 'New project'}</h2>
        ${this.error ? html`<p class="outcome error" role="alert">${this.error}</p>` : nothing}
        <div class="grid">
          ${this.#field('name', 'Name', html`<input name="name" required maxlength="200" autocomplete="off" .value=${p?.name ?? ''} />`, 'full')}
          ${this.#field(
            'parentId',
            'Under',
            html`<select name="parentId">
            <option value="" ?selected=${!this.parentId}>No parent (top level)</option>
            ${parents.map((o) => html`<option value=${o.id} ?selected=${o.id === this.parentId}>${o.path}</option>`)}
          </select>`,
          )}
          ${this.#field('color', 'Colour', html`<input type="color" name="color" .value=${color} />`)}
          ${this.#field('client', 'Client', html`<input name="client" autocomplete="off" .value=${p?.client ?? ''} />`, editing ? '' : 'full')}
          ${editing ? this.#details(p) : nothing}
        </div>
        <div class="actions">
          <button class="btn" type="button" @click=${() => this.close()}>Cancel</button>
          <button class="btn primary save" type="submit" ?disabled=${this.busy}>${editing ? 'Save' : 'Create project'}</button>
        </div>
        ${
          editing
            ? html`<div class="actions more">
          <button class="btn archive" type="button" ?disabled=${this.busy} @click=${() => void this.#archive(p)}>${p.archivedAt ? 'Unarchive' : 'Archive'}</button>
          <button class="btn merge" type="button" @click=${() => this.#hand('project-merge', p)}>Merge into…</button>
          <button class="btn danger delete" type="button" @click=${() => this.#hand('project-delete', p)}>Delete…</button>
        </div>`
            : nothing
        }
      </form>`,
      )}
    </dialog>`;
  }

  #details(p: Project) {
    const hours = (m: number | null) => (m === null ? '' : String(Math.round((m / 60) * 100) / 100));
    return html`
      ${this.#field(
        'hourlyRate',
        'Hourly rate',
        html`<div class="pair">
        <input type="number" name="hourlyRate" min="0" step="0.01" inputmode="decimal" aria-label="Hourly rate" .value=${p.hourlyRate === null ? '' : String(p.hourlyRate)} />
        <input name="currency" maxlength="3" placeholder="EUR" autocomplete="off" aria-label="Currency" .value=${p.currency ?? ''} />
      </div>`,
      )}
      ${this.#field(
        'productivity',
        'Productivity',
        html`<select name="productivity">
        ${PRODUCTIVITY.map((k) => html`<option value=${k} ?selected=${p.productivity === k}>${k[0]!.toUpperCase() + k.slice(1)}</option>`)}
      </select>`,
      )}
      ${this.#field(
        'budgetMinutes',
        'Budget (hours)',
        html`<div class="pair">
        <input type="number" name="budget" min="0" step="0.25" inputmode="decimal" aria-label="Budget in hours" .value=${hours(p.budgetMinutes)} />
        <select name="budgetPeriod" aria-label="Budget period">
          <option value="total" ?selected=${p.budgetPeriod !== 'month'}>in total</option>
          <option value="month" ?selected=${p.budgetPeriod === 'month'}>per month</option>
        </select></div>`,
      )}
      ${this.#field('estimateMinutes', 'Estimate (hours)', html`<input type="number" name="estimate" min="0" step="0.25" inputmode="decimal" .value=${hours(p.estimateMinutes)} />`)}
      <label class="check full"><input type="checkbox" name="billableDefault" .checked=${p.billableDefault} /> New sessions are billable</label>
    `;
  }

  #field(field: Field, label: string, control: unknown, cls = '') {
    const error =
      this.fieldError?.field === field || (field === 'hourlyRate' && this.fieldError?.field === 'currency')
        ? this.fieldError!.message
        : null;
    return html`<label class="f ${cls}" data-field=${field}><span class="l">${label}</span>${control}
      ${error ? html`<span class="field-error" role="alert">${error}</span>` : nothing}</label>`;
  }

  readonly #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const num = (k: string) => (text(k) === '' ? null : Number(text(k)));
    const minutes = (k: string) => {
      const n = num(k);
      return n === null ? null : Math.round(n * 60);
    };
    this.busy = true;
    try {
      if (this.mode === 'create') {
        await this.model.createProject({
          name: text('name'),
          color: text('color'),
          parentId: text('parentId') || null,
          client: text('client') || null,
        });
      } else {
        const p = this.project!;
        const next: ProjectPatch = {
          name: text('name'),
          color: text('color'),
          parentId: text('parentId') || null,
          client: text('client') || null,
          hourlyRate: num('hourlyRate'),
          currency: text('currency').toUpperCase() || null,
          billableDefault: data.get('billableDefault') === 'on',
          productivity: text('productivity') as Project['productivity'],
          budgetMinutes: minutes('budget'),
          budgetPeriod: minutes('budget') === null ? null : (text('budgetPeriod') as 'total' | 'month'),
          estimateMinutes: minutes('estimate'),
        };
        const patch = Object.fromEntries(Object.entries(next).filter(([k, v]) => v !== p[k as Field])) as ProjectPatch;
        if (Object.keys(patch).length > 0) announceAction(this, await this.model.updateProject(p.id, patch));
      }
      this.close();
    } catch (error) {
      this.#show(error);
    } finally {
      this.busy = false;
    }
  };

  async #archive(p: Project): Promise<void> {
    this.busy = true;
    try {
      announceAction(this, await this.model.archiveProject(p.id, p.archivedAt === null));
      this.close();
    } catch (error) {
      this.#show(error);
      announceError(this, error);
    } finally {
      this.busy = false;
    }
  }

  /** A refusal beside its field when the worker names one, else at the top of the dialog. */
  #show(error: unknown): void {
    const e = toAppError(error);
    const issue = (e.details as { issues?: Array<{ path?: string; message?: string }> } | undefined)?.issues?.[0];
    const field = issue?.path?.split('.').pop();
    if (e.code === 'VALIDATION' && field && issue?.message) {
      this.fieldError = { field, message: issue.message };
      this.error = null;
    } else {
      this.fieldError =
        e.code === 'CONFLICT' && /named|exists/i.test(e.message) ? { field: 'name', message: e.message } : null;
      this.error = this.fieldError ? null : e.message;
    }
  }

  #hand(type: 'project-merge' | 'project-delete', project: Project): void {
    this.close();
    this.dispatchEvent(new CustomEvent(type, { detail: project, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-project-editor': LtProjectEditor;
  }
}
