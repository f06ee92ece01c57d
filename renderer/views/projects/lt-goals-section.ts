import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';

import { toAppError } from '../../../shared/errors.ts';
import type { CreateGoalInput, Goal } from '../../../shared/goal.ts';
import { announceAction, announceError } from '../../components/actions.ts';
import { controlStyles, dialogStyles, fieldStyles, sectionStyles } from '../../components/styles.ts';
import { WatchController } from '../../controllers/watch.ts';

import '../../components/lt-goal-progress.ts';

import { pickable } from './project-tree.ts';
import type { ProjectsModel } from './projects-model.ts';

/** Goals: their live progress, and creating, editing and deleting them (for all work, a project or a tag). */
@customElement('lt-goals-section')
export class LtGoalsSection extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    sectionStyles,
    dialogStyles,
    css`
    :host { display: block; }
    .grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: var(--lt-space-3) var(--lt-space-4); }
    .grid label { display: grid; gap: 0.2rem; min-width: 0; font-size: var(--lt-text-sm); font-weight: 600; }
    .grid label > * { font-weight: 400; }
    .full { grid-column: 1 / -1; }
    @media (max-width: 30rem) { .grid { grid-template-columns: minmax(0, 1fr); } }
  `,
  ];

  @property({ attribute: false }) model!: ProjectsModel;
  @state() private editing: Goal | null = null;
  @state() private error: string | null = null;
  @state() private busy = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  /** a new form per opening, so its fields start from the goal's values */
  #opened = 0;

  constructor() {
    super();
    new WatchController(this, () => [this.model.$projects, this.model.$tags]);
  }

  override render() {
    return html`<section class="card" aria-labelledby="goals-title">
      <header><h2 id="goals-title">Goals</h2>
        <button class="btn new-goal" type="button" @click=${() => void this.open(null)}>New goal</button></header>
      <lt-goal-progress editable @goal-edit=${(e: CustomEvent<Goal>) => void this.open(e.detail)}
        @goal-delete=${(e: CustomEvent<Goal>) => void this.#delete(e.detail)}></lt-goal-progress>
      ${this.#dialog()}
    </section>`;
  }

  /** Opens the goal dialog: a new goal (null) or an existing one. */
  async open(goal: Goal | null): Promise<void> {
    this.editing = goal;
    this.error = null;
    this.#opened++;
    this.requestUpdate();
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('select[name="kind"]')?.focus();
  }

  #dialog() {
    const g = this.editing;
    const scope = g?.projectId ? `p:${g.projectId}` : g?.tagId ? `t:${g.tagId}` : '';
    const projects = pickable(this.model.$projects.get());
    if (g?.projectId && !projects.some((p) => p.id === g.projectId))
      projects.push({ id: g.projectId, path: '(archived project)' });
    const hours = g ? String(Math.round((g.targetMinutes / 60) * 100) / 100) : '4';
    return html`<dialog aria-labelledby="goal-title">
      ${keyed(
        this.#opened,
        html`<form novalidate @submit=${this.#submit}>
        <h2 id="goal-title">${g ? 'Edit goal' : 'New goal'}</h2>
        <div class="grid">
          <label>Kind<select name="kind">
            <option value="at-least" ?selected=${g?.kind !== 'at-most'}>At least</option>
            <option value="at-most" ?selected=${g?.kind === 'at-most'}>At most</option></select></label>
          <label>Hours<input type="number" name="hours" min="0" step="0.25" inputmode="decimal" .value=${hours} /></label>
          <label>Every<select name="period">
            ${(['day', 'week', 'month'] as const).map((p) => html`<option value=${p} ?selected=${(g?.period ?? 'day') === p}>${p}</option>`)}</select></label>
          <label>Of<select name="scope">
            <option value="" ?selected=${scope === ''}>All work</option>
            <optgroup label="Projects">${projects.map((p) => html`<option value="p:${p.id}" ?selected=${scope === `p:${p.id}`}>${p.path}</option>`)}</optgroup>
            <optgroup label="Tags">${this.model.$tags.get().map((t) => html`<option value="t:${t.id}" ?selected=${scope === `t:${t.id}`}>${t.name}</option>`)}</optgroup>
          </select></label>
          <label class="full">Name (optional)<input name="name" autocomplete="off" placeholder="e.g. Deep work" .value=${g?.name ?? ''} /></label>
        </div>
        ${this.error ? html`<p class="outcome error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button class="btn" type="button" @click=${() => this.dialog.close()}>Cancel</button>
          <button class="btn primary save" type="submit" ?disabled=${this.busy}>${g ? 'Save' : 'Add goal'}</button>
        </div>
      </form>`,
      )}
    </dialog>`;
  }

  readonly #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const scope = text('scope');
    const input: CreateGoalInput = {
      name: text('name'),
      kind: text('kind') as Goal['kind'],
      period: text('period') as Goal['period'],
      targetMinutes: text('hours') === '' ? Number.NaN : Math.round(Number(text('hours')) * 60),
      projectId: scope.startsWith('p:') ? scope.slice(2) : null,
      tagId: scope.startsWith('t:') ? scope.slice(2) : null,
    };
    this.busy = true;
    try {
      announceAction(this, await this.model.saveGoal(this.editing?.id ?? null, input));
      this.dialog.close();
    } catch (error) {
      const e = toAppError(error);
      const issue = (e.details as { issues?: Array<{ path?: string; message?: string }> } | undefined)?.issues?.[0];
      const field = issue?.path?.split('.').pop();
      this.error = issue?.message
        ? `${field === 'targetMinutes' ? 'Hours' : (field ?? 'Goal')}: ${issue.message}`
        : e.message;
    } finally {
      this.busy = false;
    }
  };

  async #delete(goal: Goal): Promise<void> {
    try {
      announceAction(this, await this.model.deleteGoal(goal.id));
    } catch (error) {
      announceError(this, error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-goals-section': LtGoalsSection;
  }
}
