import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';

import { toAppError } from '../../../shared/errors.ts';
import type { Project } from '../../../shared/project.ts';
import { announceAction } from '../../components/actions.ts';
import { plural } from '../../components/format.ts';
import { controlStyles, dialogStyles, fieldStyles } from '../../components/styles.ts';
import { pickable } from './project-tree.ts';
import type { ProjectsModel } from './projects-model.ts';

/**
 * Deleting or merging a project. Delete asks only when the project has sessions: keep them without a project, or
 * move them to another project. Merge moves every session and sub-project into the chosen project.
 */
@customElement('lt-project-remove')
export class LtProjectRemove extends LitElement {
  static override styles = [controlStyles, fieldStyles, dialogStyles];

  @property({ attribute: false }) model!: ProjectsModel;
  @state() private mode: 'delete' | 'merge' = 'delete';
  @state() private project: Project | null = null;
  @state() private sessions = 0;
  @state() private choice: 'unassign' | 'move' = 'unassign';
  #opened = 0;
  @state() private error: string | null = null;
  @state() private busy = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  /** Deletes at once when the project has no sessions (undoable); otherwise asks what becomes of them. */
  async startDelete(project: Project): Promise<void> {
    try {
      announceAction(this, await this.model.deleteProject({ id: project.id }));
    } catch (error) {
      const e = toAppError(error);
      const count = (e.details as { sessions?: unknown } | undefined)?.sessions;
      if (e.code !== 'CONFLICT' || typeof count !== 'number') throw e;
      this.#open('delete', project, count);
    }
  }

  startMerge(project: Project): void {
    this.#open('merge', project, 0);
  }

  async #open(mode: 'delete' | 'merge', project: Project, sessions: number): Promise<void> {
    Object.assign(this, { mode, project, sessions, choice: 'unassign', error: null });
    this.#opened++;
    this.requestUpdate();
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>(mode === 'merge' ? 'select' : 'input[type="radio"]')?.focus();
  }

  override render() {
    const p = this.project;
    if (!p) return html`<dialog aria-label="Project"></dialog>`;
    const targets = pickable(this.model.$projects.get(), p.id);
    const title = this.mode === 'merge' ? `Merge “${p.name}” into…` : `Delete “${p.name}”`;
    return html`<dialog aria-labelledby="remove-title">
      ${keyed(
        this.#opened,
        html`<form novalidate @submit=${this.#submit}>
        <h2 id="remove-title" class="ellipsis" title=${title}>${title}</h2>
        ${
          this.mode === 'merge'
            ? html`<p>Every session and sub-project of “${p.name}” moves to the project you choose; then “${p.name}” is
              deleted. You can undo this.</p>
              <label>Merge into <select name="target" required>${targets.map((t) => html`<option value=${t.id}>${t.path}</option>`)}</select></label>`
            : html`<p>“${p.name}” has ${plural(this.sessions, 'session')}. What should become of ${this.sessions === 1 ? 'it' : 'them'}?</p>
              <div role="radiogroup" aria-label="Sessions of the deleted project" class="group">
                <p><label><input type="radio" name="sessions" value="unassign" .checked=${this.choice === 'unassign'}
                  @change=${() => (this.choice = 'unassign')} /> Keep ${this.sessions === 1 ? 'it' : 'them'} without a project</label></p>
                <p><label><input type="radio" name="sessions" value="move" .checked=${this.choice === 'move'} ?disabled=${targets.length === 0}
                  @change=${() => (this.choice = 'move')} /> Move ${this.sessions === 1 ? 'it' : 'them'} to</label>
                  <select name="target" aria-label="Project to move the sessions to" ?disabled=${this.choice !== 'move'}>
                    ${targets.map((t) => html`<option value=${t.id}>${t.path}</option>`)}</select></p>
              </div>`
        }
        ${this.error ? html`<p class="outcome error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button class="btn" type="button" @click=${() => this.dialog.close()}>Cancel</button>
          <button class="btn ${this.mode === 'merge' ? 'primary' : 'danger'} commit" type="submit"
            ?disabled=${this.busy || (this.mode === 'merge' && targets.length === 0)}>${this.mode === 'merge' ? 'Merge' : 'Delete project'}</button>
        </div>
      </form>`,
      )}
    </dialog>`;
  }

  readonly #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const p = this.project!;
    const target = String(new FormData(event.target as HTMLFormElement).get('target') ?? '');
    this.busy = true;
    try {
      const action =
        this.mode === 'merge'
          ? await this.model.mergeProjects(p.id, target)
          : await this.model.deleteProject(
              this.choice === 'move'
                ? { id: p.id, sessions: 'move', moveTo: target }
                : { id: p.id, sessions: 'unassign' },
            );
      announceAction(this, action);
      this.dialog.close();
    } catch (error) {
      this.error = toAppError(error).message;
    } finally {
      this.busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-project-remove': LtProjectRemove;
  }
}
