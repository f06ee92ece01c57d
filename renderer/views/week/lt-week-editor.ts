import { html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';

import type { Project } from '../../../shared/project.ts';
import { controlStyles } from '../../components/styles.ts';
import { dialogStyles } from './week-dialog-styles.ts';

export interface EditorDraft {
  /** null for a new session */
  id: string | null;
  name: string;
  projectId: string | null;
  billable: boolean;
  startTime: number;
  /** null while running */
  endTime: number | null;
}

export type EditorOutcome = { kind: 'save'; draft: EditorDraft } | { kind: 'delete' } | null;

/** "2026-03-02T09:05" for an <input type="datetime-local">, in local time. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a datetime-local value names (local time); NaN when empty or malformed. */
export function fromLocalInput(value: string): number {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value) ? new Date(value).getTime() : NaN;
}

/** A modal form for one session: name, project, start, end, billable. Resolves with what the user chose. */
@customElement('lt-week-editor')
export class LtWeekEditor extends LitElement {
  static override styles = [controlStyles, dialogStyles];

  @state() draft: EditorDraft | null = null;
  @state() projects: Project[] = [];
  @state() problem = '';
  @query('dialog') dialog!: HTMLDialogElement;
  #resolve: ((outcome: EditorOutcome) => void) | null = null;

  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  async open(draft: EditorDraft, projects: Project[]): Promise<EditorOutcome> {
    this.#resolve?.(null);
    this.draft = draft;
    this.projects = projects.filter((p) => p.archivedAt === null || p.id === draft.projectId);
    this.problem = '';
    await this.updateComplete;
    const form = this.renderRoot.querySelector('form')!;
    form.reset(); // fields show this draft, not what was typed last time
    await this.updateComplete;
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  #finish(outcome: EditorOutcome): void {
    const resolve = this.#resolve;
    this.#resolve = null;
    if (this.dialog.open) this.dialog.close();
    resolve?.(outcome);
  }

  #save(event: SubmitEvent): void {
    event.preventDefault();
    const draft = this.draft;
    if (!draft) return;
    const form = new FormData(event.target as HTMLFormElement);
    const startTime = fromLocalInput(String(form.get('start') ?? ''));
    const endTime = draft.endTime === null ? null : fromLocalInput(String(form.get('end') ?? ''));
    if (!Number.isFinite(startTime) || (endTime !== null && !Number.isFinite(endTime))) {
      this.problem = 'Give a start and an end date and time.';
      return;
    }
    if (endTime !== null && endTime <= startTime) {
      this.problem = 'The end must be after the start.';
      return;
    }
    const project = String(form.get('project') ?? '');
    this.#finish({
      kind: 'save',
      draft: {
        ...draft,
        name: String(form.get('name') ?? ''),
        projectId: project || null,
        billable: form.get('billable') === 'on',
        startTime,
        endTime,
      },
    });
  }

  override render() {
    const d = this.draft;
    return html`<dialog aria-labelledby="editor-title" @close=${() => this.#finish(null)}>
      ${
        d
          ? html`<form @submit=${this.#save} novalidate>
            <h2 id="editor-title">${d.id ? 'Edit session' : 'New session'}</h2>
            <label>Name <input name="name" .defaultValue=${d.name} maxlength="500" autocomplete="off"
              placeholder="What did you work on?"></label>
            <label>Project
              <select name="project">
                <option value="" ?selected=${d.projectId === null}>No project</option>
                ${this.projects.map((p) => html`<option value=${p.id} ?selected=${p.id === d.projectId}>${p.name}</option>`)}
              </select>
            </label>
            <div class="times">
              <label>Start <input type="datetime-local" name="start" step="60" .defaultValue=${toLocalInput(d.startTime)}></label>
              ${
                d.endTime === null
                  ? html`<label>End <input name="end" value="running" disabled></label>`
                  : html`<label>End <input type="datetime-local" name="end" step="60" .defaultValue=${toLocalInput(d.endTime)}></label>`
              }
            </div>
            <label class="check"><input type="checkbox" name="billable" .defaultChecked=${d.billable}> Billable</label>
            <p class="problem" role="alert">${this.problem}</p>
            <div class="actions">
              ${
                d.id
                  ? html`<button type="button" class="btn danger" @click=${() => this.#finish({ kind: 'delete' })}>Delete</button>
                    <span class="spacer"></span>`
                  : nothing
              }
              <button type="button" class="btn" @click=${() => this.#finish(null)}>Cancel</button>
              <button type="submit" class="btn primary">${d.id ? 'Save' : 'Add'}</button>
            </div>
          </form>`
          : nothing
      }
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-week-editor': LtWeekEditor;
  }
}
