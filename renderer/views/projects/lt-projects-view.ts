import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

import type { Project } from '../../../shared/project.ts';
import { announceAction, announceError } from '../../components/actions.ts';
import { cssVars } from '../../components/css-vars.ts';
import { controlStyles, sectionStyles } from '../../components/styles.ts';
import { dataClientContext } from '../../context.ts';
import { FormatController } from '../../controllers/format.ts';
import { ShortcutController } from '../../controllers/shortcuts.ts';
import { WatchController } from '../../controllers/watch.ts';
import type { DataClient } from '../../services/data-client.ts';
import type { LtProjectEditor } from './lt-project-editor.ts';
import type { LtProjectRemove } from './lt-project-remove.ts';
import { buildTree, type ProjectNode } from './project-tree.ts';
import { ProjectsModel } from './projects-model.ts';
import { projectsStyles } from './projects-styles.ts';

import './lt-goals-section.ts';
import './lt-project-editor.ts';
import './lt-project-remove.ts';
import './lt-tags-section.ts';

/**
 * Projects: goals at the top, the project tree (sub-projects' time summed into their parents) with totals and
 * budgets, archived projects apart, and tags. Every change is undoable through the window's Undo toast.
 */
@customElement('lt-projects-view')
export class LtProjectsView extends LitElement {
  static override styles = [controlStyles, sectionStyles, projectsStyles];

  @consume({ context: dataClientContext })
  @property({ attribute: false })
  client!: DataClient;

  @query('lt-project-editor') private editor!: LtProjectEditor;
  @query('lt-project-remove') private remover!: LtProjectRemove;

  readonly #format = new FormatController(this);
  #model: ProjectsModel | null = null;
  readonly #keys = new ShortcutController(this, () => [
    { keys: ['n'], group: 'Projects', label: 'New project', run: () => void this.editor.openCreate(null) },
  ]);

  constructor() {
    super();
    new WatchController(
      this,
      () => [this.model.$projects, this.model.$totals, this.model.$loaded, this.model.$loadError],
      () => [this.model.connect()],
    );
  }

  get model(): ProjectsModel {
    this.#model ??= new ProjectsModel(this.client);
    return this.#model;
  }

  override render() {
    const { live, archived } = buildTree(this.model.$projects.get(), this.model.$totals.get());
    const error = this.model.$loadError.get();
    return html`
      <h2 class="view-title">Projects</h2>
      ${error ? html`<p class="outcome error" role="alert">Projects could not be read: ${error.message}</p>` : nothing}
      <lt-goals-section .model=${this.model}></lt-goals-section>
      <section class="card" aria-labelledby="projects-title">
        <header><h2 id="projects-title">Projects</h2>
          <button class="btn primary new-project" type="button" @click=${() => void this.editor.openCreate(null)}>New project</button></header>
        ${
          !this.model.$loaded.get()
            ? html`<p class="muted">Loading…</p>`
            : live.length === 0
              ? html`<p class="muted empty">No projects yet. Create one, or type a project name when you start a timer.</p>`
              : html`<div class="heads" aria-hidden="true"><span></span><span>This week</span><span>This month</span><span>All time</span><span class="actions-head"></span></div>
            <ul class="tree" aria-label="Projects">${live.map((n) => this.#node(n))}</ul>`
        }
        ${
          archived.length
            ? html`<details class="archived-list">
          <summary>Archived (${archived.length}) — kept in reports, not offered when tracking</summary>
          <ul class="tree archived" aria-label="Archived projects">${archived.map((n) => this.#node(n))}</ul>
        </details>`
            : nothing
        }
      </section>
      <lt-tags-section .model=${this.model}></lt-tags-section>
      <lt-project-editor .model=${this.model} @project-delete=${this.#onDelete} @project-merge=${this.#onMerge}></lt-project-editor>
      <lt-project-remove .model=${this.model}></lt-project-remove>
    `;
  }

  #node(node: ProjectNode): unknown {
    const p = node.project;
    const d = (ms: number) => this.#format.duration(ms);
    const label = node.project.archivedAt ? node.path : p.name;
    return html`<li data-project=${p.id}>
      <div class="row">
        <div class="name">
          <span class="swatch" aria-hidden="true" style=${cssVars({ '--swatch': p.color })}></span>
          <strong class="ellipsis" title=${node.path}>${label}</strong>
          ${p.client ? html`<span class="client ellipsis" title=${p.client}>${p.client}</span>` : nothing}
        </div>
        <span class="num week"><small>This week</small>${d(node.sums.weekMs)}</span>
        <span class="num month"><small>This month</small>${d(node.sums.monthMs)}</span>
        <span class="num all"><small>All time</small>${d(node.sums.allMs)}</span>
        <div class="row-actions">
          ${
            p.archivedAt
              ? html`<button class="btn small unarchive" type="button" aria-label="Unarchive ${p.name}" @click=${() => void this.#unarchive(p)}>Unarchive</button>`
              : html`<button class="btn small add-child" type="button" aria-label="New sub-project of ${p.name}" title="New sub-project"
                @click=${() => void this.editor.openCreate(p.id)}>+ Sub</button>`
          }
          <button class="btn small edit" type="button" aria-label="Edit ${p.name}" @click=${() => void this.editor.openEdit(p)}>Edit</button>
        </div>
        ${this.#budget(node)}
      </div>
      ${node.children.length ? html`<ul>${node.children.map((c) => this.#node(c))}</ul>` : nothing}
    </li>`;
  }

  #budget(node: ProjectNode) {
    const p = node.project;
    if (p.budgetMinutes === null || node.budgetUsedMs === null) {
      return p.estimateMinutes !== null
        ? html`<div class="budget"><span>Estimate ${this.#format.duration(p.estimateMinutes * 60_000)}</span></div>`
        : nothing;
    }
    const budgetMs = p.budgetMinutes * 60_000;
    const share = node.budgetUsedMs / budgetMs;
    const pct = Math.round(share * 100);
    const d = (ms: number) => this.#format.duration(ms);
    const text = `${d(node.budgetUsedMs)} of ${d(budgetMs)}${p.budgetPeriod === 'month' ? ' this month' : ''}`;
    return html`<div class="budget">
      <div class="bar ${share > 1 ? 'over' : ''}" role="progressbar" aria-label="Budget of ${p.name}" aria-valuemin="0" aria-valuemax="100"
        aria-valuenow=${Math.min(pct, 100)} aria-valuetext="${pct}% (${text})">
        <div class="fill" style=${cssVars({ '--used': `${Math.min(100, share * 100).toFixed(1)}%` })}></div></div>
      <span class="budget-text ${share > 1 ? 'over-text' : ''}">${pct}% · ${text}${p.estimateMinutes !== null ? ` · estimate ${d(p.estimateMinutes * 60_000)}` : ''}</span>
    </div>`;
  }

  async #unarchive(p: Project): Promise<void> {
    try {
      announceAction(this, await this.model.archiveProject(p.id, false));
    } catch (error) {
      announceError(this, error);
    }
  }

  readonly #onDelete = (event: CustomEvent<Project>): void => {
    this.remover.startDelete(event.detail).catch((error: unknown) => announceError(this, error));
  };

  readonly #onMerge = (event: CustomEvent<Project>): void => {
    this.remover.startMerge(event.detail);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-projects-view': LtProjectsView;
  }
}
