import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import { toAppError } from '../../../shared/errors.ts';
import { PRODUCTIVITY } from '../../../shared/project.ts';
import type { Tag, UpdateTagInput } from '../../../shared/tag.ts';
import { announceAction, announceError } from '../../components/actions.ts';
import { controlStyles, fieldStyles, sectionStyles } from '../../components/styles.ts';
import { WatchController } from '../../controllers/watch.ts';

import '../../components/lt-tag-chip.ts';

import type { ProjectsModel } from './projects-model.ts';

/** Tags: create, rename, recolour, productivity, merge and delete (all undoable). */
@customElement('lt-tags-section')
export class LtTagsSection extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    sectionStyles,
    css`
    :host { display: block; }
    form.add { display: flex; flex-wrap: wrap; gap: var(--lt-space-2); align-items: center; margin-bottom: var(--lt-space-3); }
    form.add input[name='name'] { flex: 1 1 12rem; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: grid; grid-template-columns: auto minmax(6rem, 1fr) auto auto; gap: var(--lt-space-2); align-items: center;
      padding: var(--lt-space-2) 0; border-top: 1px solid var(--lt-border); }
    li > input[name='name'] { inline-size: 100%; }
    .row-actions { display: flex; gap: var(--lt-space-1); flex-wrap: wrap; }
    .merge { display: flex; gap: var(--lt-space-2); flex-wrap: wrap; align-items: center; grid-column: 1 / -1; }
    .chips { display: flex; flex-wrap: wrap; gap: var(--lt-space-1); margin: 0 0 var(--lt-space-3); }
    .error-line { grid-column: 1 / -1; }
    form.add .field-error { flex-basis: 100%; margin: 0; }
    form.add .field-error:empty { display: none; }
    @media (max-width: 34rem) { li { grid-template-columns: auto minmax(0, 1fr); } .row-actions, li > select { grid-column: 2; } }
  `,
  ];

  @property({ attribute: false }) model!: ProjectsModel;
  @state() private merging: string | null = null;
  @state() private errors: Record<string, string> = {};
  @state() private busy = false;

  constructor() {
    super();
    new WatchController(this, () => [this.model.$tags]);
  }

  override render() {
    const tags = [...this.model.$tags.get()].sort((a, b) =>
      a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
    );
    return html`<section class="card" aria-labelledby="tags-title">
      <header><h2 id="tags-title">Tags</h2></header>
      ${tags.length ? html`<div class="chips" aria-hidden="true">${tags.map((t) => html`<lt-tag-chip .name=${t.name} .color=${t.color}></lt-tag-chip>`)}</div>` : nothing}
      <form class="add" novalidate @submit=${this.#create}>
        <input name="name" aria-label="New tag name" placeholder="New tag, e.g. meeting" autocomplete="off"
          aria-invalid=${this.errors['new'] ? 'true' : 'false'} aria-describedby="new-tag-error" />
        <input type="color" name="color" value="#6b778c" aria-label="New tag colour" />
        <button class="btn" type="submit" ?disabled=${this.busy}>Add tag</button>
        <p class="field-error" id="new-tag-error" aria-live="polite">${this.errors['new'] ?? nothing}</p>
      </form>
      ${tags.length === 0 ? html`<p class="muted">No tags yet. Tags label sessions across projects (“meeting”, “deep work”).</p>` : nothing}
      <ul aria-label="Tags">${tags.map((t) => this.#row(t, tags))}</ul>
    </section>`;
  }

  #row(tag: Tag, tags: Tag[]) {
    const error = this.errors[tag.id];
    return html`<li data-tag=${tag.id}>
      <input type="color" name="color" aria-label="Colour of ${tag.name}" .value=${tag.color ?? '#6b778c'}
        @change=${(e: Event) => void this.#update({ id: tag.id, patch: { color: (e.target as HTMLInputElement).value } })} />
      <input name="name" aria-label="Name of tag ${tag.name}" title=${tag.name} .value=${tag.name} autocomplete="off"
        aria-invalid=${error ? 'true' : 'false'}
        @change=${(e: Event) => void this.#update({ id: tag.id, patch: { name: (e.target as HTMLInputElement).value } })} />
      <select aria-label="Productivity of ${tag.name}" @change=${(e: Event) => void this.#update({ id: tag.id, patch: { productivity: (e.target as HTMLSelectElement).value as Tag['productivity'] } })}>
        ${PRODUCTIVITY.map((k) => html`<option value=${k} ?selected=${tag.productivity === k}>${k[0]!.toUpperCase() + k.slice(1)}</option>`)}
      </select>
      <div class="row-actions">
        <button class="btn small merge-open" type="button" ?disabled=${tags.length < 2} aria-expanded=${this.merging === tag.id ? 'true' : 'false'}
          @click=${() => (this.merging = this.merging === tag.id ? null : tag.id)}>Merge…</button>
        <button class="btn small delete" type="button" aria-label="Delete tag ${tag.name}" @click=${() => void this.#run(tag.id, () => this.model.deleteTag(tag.id))}>Delete</button>
      </div>
      ${
        this.merging === tag.id
          ? html`<form class="merge" @submit=${(e: SubmitEvent) => this.#merge(e, tag)}>
        <label>Merge “<span class="ellipsis" title=${tag.name}>${tag.name}</span>” into
          <select name="into">${tags.filter((t) => t.id !== tag.id).map((t) => html`<option value=${t.id}>${t.name}</option>`)}</select></label>
        <button class="btn small primary" type="submit">Merge</button>
      </form>`
          : nothing
      }
      ${error ? html`<p class="field-error error-line" role="alert">${error}</p>` : nothing}
    </li>`;
  }

  readonly #create = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const ok = await this.#run('new', () =>
      this.model.createTag({ name: String(data.get('name') ?? ''), color: String(data.get('color')) }),
    );
    if (ok) form.reset();
  };

  #merge(event: SubmitEvent, tag: Tag): void {
    event.preventDefault();
    const into = String(new FormData(event.target as HTMLFormElement).get('into') ?? '');
    this.merging = null;
    void this.#run(tag.id, () => this.model.mergeTags(tag.id, into));
  }

  #update(input: UpdateTagInput): Promise<boolean> {
    return this.#run(input.id, () => this.model.updateTag(input));
  }

  /** Runs a change: the undoable action goes to the toast; a refusal shows on its row (and the row is reset). */
  async #run(
    key: string,
    fn: () => Promise<import('../../../shared/session-edits.ts').ActionRef | null>,
  ): Promise<boolean> {
    this.busy = true;
    const { [key]: _old, ...rest } = this.errors;
    try {
      announceAction(this, await fn());
      this.errors = rest;
      return true;
    } catch (error) {
      const e = toAppError(error);
      const issue = (e.details as { issues?: Array<{ message?: string }> } | undefined)?.issues?.[0];
      this.errors = {
        ...rest,
        [key]: e.code === 'VALIDATION' && issue?.message ? `Not saved: ${issue.message}` : `Not saved: ${e.message}`,
      };
      if (e.code !== 'VALIDATION' && e.code !== 'CONFLICT') announceError(this, e);
      this.requestUpdate();
      return false;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-tags-section': LtTagsSection;
  }
}
