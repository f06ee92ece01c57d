import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';

import type { BulkChange } from '../../../shared/session-edits.ts';
import { plural } from '../../components/format.ts';
import { DayElement } from './day-element.ts';
import type { DayModel } from './day-model.ts';
import { parseDurationText } from './time-text.ts';

const CHANGES = {
  project: { label: 'Move to project', placeholder: 'Project name (empty: none)' },
  'add-tag': { label: 'Add tag', placeholder: 'Tag' },
  'remove-tag': { label: 'Remove tag', placeholder: 'Tag' },
  billable: { label: 'Mark billable', placeholder: '' },
  'not-billable': { label: 'Mark not billable', placeholder: '' },
  rename: { label: 'Rename', placeholder: 'New name' },
  shift: { label: 'Shift by minutes', placeholder: '-15 or 30' },
  duration: { label: 'Set duration', placeholder: '1:30, 45m' },
} as const;
type ChangeKind = keyof typeof CHANGES;

/** What to do with every selected session at once; shown while sessions are selected. */
@customElement('lt-bulk-bar')
export class LtBulkBar extends DayElement {
  static override styles = css`
    :host { display: block; position: sticky; bottom: 0; z-index: 1; }
    form { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.5rem; padding: 0.6rem 0.7rem; margin-top: 0.75rem;
      border-radius: 10px; background: var(--lt-selected, #e8eeff); border: 1px solid var(--lt-border, #d0d5dd);
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.12); }
    .count { font-weight: 600; white-space: nowrap; }
    select, input, button { font: inherit; font-size: 0.9rem; padding: 0.32rem 0.55rem; border-radius: 6px;
      border: 1px solid var(--lt-border, #d0d5dd); background: var(--lt-field, #fff); color: CanvasText; min-width: 0; }
    input { flex: 1 1 8rem; }
    button { cursor: pointer; white-space: nowrap; }
    button.primary { background: var(--lt-accent, #3a64e8); color: #fff; border-color: transparent; }
    button.danger { color: var(--lt-danger-text, #b42318); }
    .gap { flex: 1 0 0; }
    select:focus-visible, input:focus-visible, button:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 1px; }
    .problem { flex-basis: 100%; margin: 0; color: var(--lt-danger-text, #b42318); font-size: 0.88rem; }
  `;

  @state() private kind: ChangeKind = 'project';
  @state() private problem = '';

  protected watched(d: DayModel) {
    return [d.$selected, d.$busy, d.timer.$projects];
  }

  override render() {
    const count = this.day.$selected.get().size;
    if (count === 0) return html``;
    const needsValue = CHANGES[this.kind].placeholder !== '';
    return html`<form role="region" aria-label="Change the selected sessions" @submit=${this.#apply}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            this.day.select([]);
          }
        }}>
      <span class="count" aria-live="polite">${plural(count, 'session')} selected</span>
      <select name="kind" aria-label="Change" .value=${this.kind} @change=${(e: Event) => {
        this.kind = (e.target as HTMLSelectElement).value as ChangeKind;
        this.problem = '';
      }}>
        ${Object.entries(CHANGES).map(([k, c]) => html`<option value=${k} ?selected=${k === this.kind}>${c.label}</option>`)}
      </select>
      ${
        needsValue
          ? html`<input name="value" aria-label=${CHANGES[this.kind].label} placeholder=${CHANGES[this.kind].placeholder}
            list=${this.kind === 'project' ? 'bulk-projects' : ''} autocomplete="off" maxlength="500" />
          <datalist id="bulk-projects">${this.day.timer.$projects.get().map((p) => html`<option value=${p.name}></option>`)}</datalist>`
          : ''
      }
      <button type="submit" class="primary apply" ?disabled=${this.day.$busy.get()}>Apply</button>
      <span class="gap"></span>
      ${count >= 2 ? html`<button type="button" class="merge" @click=${this.#merge}>Merge</button>` : ''}
      <button type="button" class="danger delete" @click=${this.#delete}>Delete</button>
      <button type="button" class="clear" @click=${() => this.day.select([])}>Clear selection</button>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : ''}
    </form>`;
  }

  get #ids(): string[] {
    // oldest first, as the day lists them
    const selected = this.day.$selected.get();
    return this.day.$sessions
      .get()
      .filter((s) => selected.has(s.id))
      .map((s) => s.id);
  }

  async #change(value: string): Promise<BulkChange | null> {
    switch (this.kind) {
      case 'project':
        return { projectId: await this.day.timer.projectIdFor(value) };
      case 'add-tag':
        return value ? { addTags: [value] } : null;
      case 'remove-tag':
        return value ? { removeTags: [value] } : null;
      case 'billable':
        return { billable: true };
      case 'not-billable':
        return { billable: false };
      case 'rename':
        return { name: value };
      case 'shift': {
        const minutes = Number(value.replace(/^\+/, ''));
        return Number.isInteger(minutes) && minutes !== 0 ? { shiftMs: minutes * 60_000 } : null;
      }
      case 'duration': {
        const ms = parseDurationText(value);
        return ms === null ? null : { durationMs: ms };
      }
    }
  }

  async #apply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name="value"]');
    const value = input?.value.trim() ?? '';
    let change: BulkChange | null;
    try {
      change = await this.#change(value);
    } catch (error) {
      return this.fail(error);
    }
    if (!change) {
      this.problem = `“${value}” does not fit “${CHANGES[this.kind].label}”.`;
      input?.focus();
      return;
    }
    this.problem = '';
    if ((await this.report(this.day.bulkUpdate(this.#ids, change))) && input) input.value = '';
  }

  readonly #merge = async (): Promise<void> => {
    if (await this.report(this.day.merge(this.#ids))) this.day.select([]);
  };

  readonly #delete = (): void => void this.report(this.day.bulkDelete(this.#ids));
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-bulk-bar': LtBulkBar;
  }
}
