import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import { activeMs } from '../../../shared/duration.ts';
import type { Session } from '../../../shared/session.ts';
import { durationText, parseDurationText, parseTimeText, timeText } from './time-text.ts';

/** The fields a user changed, as typed; the list turns the project name into an id. */
export interface SessionEdits {
  name?: string;
  projectName?: string;
  tags?: string[];
  billable?: boolean;
  description?: string;
  startTime?: number;
  endTime?: number;
  durationMs?: number;
}

const FIELDS = ['name', 'project', 'tags', 'billable', 'description', 'start', 'end', 'duration'] as const;
export type EditorField = (typeof FIELDS)[number];

/**
 * One session in edit mode, in place in its row. Tab moves between fields, Enter saves (Ctrl+Enter in the
 * description), Esc cancels. Only the fields the user changed are sent.
 */
@customElement('lt-session-editor')
export class LtSessionEditor extends LitElement {
  static override styles = css`
    :host { display: block; padding: 0.6rem 0.25rem 0.7rem; }
    form { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr)); gap: 0.5rem 0.6rem; }
    label { display: flex; flex-direction: column; gap: 0.15rem; font-size: 0.8rem; color: var(--lt-muted, #667085); min-width: 0; }
    label.wide { grid-column: 1 / -1; }
    label.check { flex-direction: row; align-items: center; gap: 0.4rem; font-size: 0.9rem; color: inherit; }
    input, textarea { font: inherit; font-size: 0.93rem; color: CanvasText; padding: 0.35rem 0.5rem; min-width: 0;
      border: 1px solid var(--lt-border, #d0d5dd); border-radius: 6px; background: var(--lt-field, #fff); }
    textarea { resize: vertical; min-height: 2.2rem; }
    input[aria-invalid='true'] { border-color: var(--lt-danger, #d92d20); }
    input:focus-visible, textarea:focus-visible, button:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 1px; }
    .actions { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
    .actions .gap { flex: 1; }
    button { font: inherit; font-size: 0.9rem; padding: 0.35rem 0.75rem; border-radius: 6px; cursor: pointer;
      border: 1px solid var(--lt-border, #d0d5dd); background: var(--lt-field, #fff); color: inherit; }
    button.primary { background: var(--lt-accent, #3a64e8); border-color: transparent; color: #fff; }
    button.danger { color: var(--lt-danger-text, #b42318); }
    .problem { grid-column: 1 / -1; margin: 0; color: var(--lt-danger-text, #b42318); font-size: 0.88rem; }
    .split { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: end; }
  `;

  @property({ attribute: false }) session!: Session;
  /** start of the day shown: times on another day are written with their date */
  @property({ type: Number }) dayStart = 0;
  @property() projectName = '';
  @property({ attribute: false }) tagNames: string[] = [];
  @property({ attribute: false }) projects: string[] = [];
  /** the field focused when the editor opens */
  @property() focusField: EditorField = 'name';
  @state() private problem = '';
  @state() private splitting = false;

  #initial: Record<string, string> = {};

  override firstUpdated(): void {
    this.#initial = this.#values();
    const target = this.renderRoot.querySelector<HTMLElement>(`[name="${this.focusField}"]`);
    target?.focus();
    if (target instanceof HTMLInputElement && target.type === 'text') target.select();
  }

  #field(name: EditorField): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  }

  #values(): Record<string, string> {
    return Object.fromEntries(
      FIELDS.map((f) => {
        const el = this.#field(f);
        return [f, el.type === 'checkbox' ? String(el.checked) : el.value];
      }),
    );
  }

  override render() {
    const s = this.session;
    const now = Date.now();
    const label = s.name || '(no description)';
    return html`
      <form aria-label=${`Edit ${label}`} @submit=${this.#save} @keydown=${this.#onKey}>
        <label class="wide">Name<input name="name" .value=${s.name} maxlength="500" autocomplete="off" /></label>
        <label>Project<input name="project" .value=${this.projectName} list="editor-projects" maxlength="120" autocomplete="off" /></label>
        <datalist id="editor-projects">${this.projects.map((p) => html`<option value=${p}></option>`)}</datalist>
        <label>Tags<input name="tags" .value=${this.tagNames.join(', ')} placeholder="comma, separated" autocomplete="off" /></label>
        <label class="check"><input type="checkbox" name="billable" .checked=${s.billable} />Billable</label>
        <label>Start<input name="start" .value=${timeText(s.startTime, this.dayStart)} autocomplete="off" inputmode="numeric" /></label>
        <label>End<input name="end" .value=${s.endTime === null ? '' : timeText(s.endTime, this.dayStart)}
          placeholder=${s.endTime === null ? 'running' : ''} autocomplete="off" /></label>
        <label>Duration<input name="duration" .value=${durationText(activeMs(s, now))} autocomplete="off" ?disabled=${s.endTime === null} /></label>
        <label class="wide">Description<textarea name="description" rows="2" .value=${s.description}></textarea></label>
        ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : ''}
        ${this.splitting ? this.#splitRow() : ''}
        <div class="actions">
          <button class="primary" type="submit">Save</button>
          <button type="button" class="cancel" @click=${this.#cancel}>Cancel</button>
          <span class="gap"></span>
          ${s.endTime !== null ? html`<button type="button" class="split-open" @click=${this.#openSplit}>Split…</button>` : ''}
          <button type="button" @click=${() => this.#emit('duplicate')}>Duplicate</button>
          <button type="button" class="danger" @click=${() => this.#emit('delete')}>Delete</button>
        </div>
      </form>
    `;
  }

  #splitRow() {
    const s = this.session;
    const mid = s.startTime + Math.round(((s.endTime ?? Date.now()) - s.startTime) / 2 / 60_000) * 60_000;
    return html`<div class="split">
      <label>Split at<input name="split-at" .value=${timeText(mid, this.dayStart)} autocomplete="off"
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            e.stopPropagation();
            this.#split();
          }
        }} /></label>
      <button type="button" class="primary split-do" @click=${this.#split}>Split here</button>
    </div>`;
  }

  async #openSplit(): Promise<void> {
    this.splitting = true;
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('[name="split-at"]')!;
    input.focus();
    input.select();
  }

  #split(): void {
    const text = this.renderRoot.querySelector<HTMLInputElement>('[name="split-at"]')!.value;
    const at = parseTimeText(text, this.session.startTime);
    const s = this.session;
    if (at === null || at <= s.startTime || (s.endTime !== null && at >= s.endTime)) {
      this.problem = `“${text}” is not a time inside this session.`;
      return;
    }
    this.#emit('split', at);
  }

  #onKey(event: KeyboardEvent): void {
    const target = event.composedPath()[0];
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (this.splitting) {
        this.splitting = false;
        return;
      }
      this.#cancel();
    } else if (event.key === 'Enter' && target instanceof HTMLTextAreaElement && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.#save(event);
    }
  }

  #cancel(): void {
    this.#emit('cancel');
  }

  #emit(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Reads what changed; a time that cannot be read keeps the editor open and says why. */
  #save(event: Event): void {
    event.preventDefault();
    const now = this.#values();
    const changed = (f: EditorField) => now[f] !== this.#initial[f];
    const edits: SessionEdits = {};
    const s = this.session;
    if (changed('name')) edits.name = now['name']!;
    if (changed('project')) edits.projectName = now['project']!.trim();
    if (changed('tags'))
      edits.tags = now['tags']!.split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    if (changed('billable')) edits.billable = now['billable'] === 'true';
    if (changed('description')) edits.description = now['description']!;
    const problems: string[] = [];
    if (changed('start')) {
      const at = parseTimeText(now['start']!, s.startTime);
      if (at === null) problems.push(`Start “${now['start']}” is not a time (try 9:30 or 2026-11-24 23:30).`);
      else edits.startTime = at;
    }
    if (changed('end')) {
      const start = edits.startTime ?? s.startTime;
      let at = parseTimeText(now['end']!, s.endTime ?? start);
      // "23:00 – 01:00": an end before the start is on the next day
      if (at !== null && at <= start && !/\d{4}-/.test(now['end']!))
        at = parseTimeText(now['end']!, start + 86_400_000);
      if (at === null) problems.push(`End “${now['end']}” is not a time.`);
      else edits.endTime = at;
    } else if (changed('duration')) {
      const ms = parseDurationText(now['duration']!);
      if (ms === null) problems.push(`Duration “${now['duration']}” is not a duration (try 1:30, 1h30 or 90m).`);
      else edits.durationMs = ms;
    }
    this.#setInvalid(problems);
    if (problems.length > 0) {
      this.problem = problems.join(' ');
      return;
    }
    this.problem = '';
    this.#emit('save', edits);
  }

  #setInvalid(problems: string[]): void {
    for (const f of ['start', 'end', 'duration'] as const) {
      const bad = problems.some((p) => p.toLowerCase().startsWith(f));
      this.#field(f).setAttribute('aria-invalid', String(bad));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-session-editor': LtSessionEditor;
  }
}
