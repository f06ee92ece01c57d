import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

import { formatHours } from '../../../shared/duration.ts';
import { toAppError } from '../../../shared/errors.ts';
import type { EditResult, Overlap, OverlapChoice, SessionPatch } from '../../../shared/session-edits.ts';
import { plural } from '../../components/format.ts';
import { controlStyles } from '../../components/styles.ts';
import { dataClientContext } from '../../context.ts';
import { FormatController } from '../../controllers/format.ts';
import { ShortcutController } from '../../controllers/shortcuts.ts';
import { WatchController } from '../../controllers/watch.ts';
import { styleProps } from './style-props.ts';

import '../../components/lt-goal-progress.ts';

import type { DataClient } from '../../services/data-client.ts';

import './lt-week-editor.ts';

import type { EditorDraft, LtWeekEditor } from './lt-week-editor.ts';

import './lt-week-grid.ts';

import type { LtWeekGrid, WeekChangeDetail } from './lt-week-grid.ts';

import './lt-week-overlap.ts';

import type { LtWeekOverlap } from './lt-week-overlap.ts';
import { WeekModel } from './week-model.ts';

const monthDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** The overlaps a refused change listed, when it was refused for overlapping. */
function overlapsOf(error: unknown): Overlap[] | null {
  const e = toAppError(error);
  const overlaps = (e.details as { overlaps?: unknown } | undefined)?.overlaps;
  return e.code === 'CONFLICT' && Array.isArray(overlaps) && overlaps.length > 0 ? (overlaps as Overlap[]) : null;
}

/**
 * Week: a calendar of seven days with sessions as blocks to drag, resize and edit, untracked working time hatched,
 * and totals per day and per project. Every change goes to the data worker; a change that would overlap another
 * session asks what to do. Successful changes are announced as `lt-action` (the shell offers Undo), failures as
 * `lt-error`.
 */
@customElement('lt-week-view')
export class LtWeekView extends LitElement {
  static override styles = [
    controlStyles,
    css`
    :host { display: block; min-width: 0; }
    .top { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; margin: 0 0 0.6rem; }
    h2 { font-size: 1.05rem; margin: 0; flex: 1 1 auto; min-width: 10rem; }
    .nav { flex-wrap: nowrap; gap: 0.35rem; }
    .nav .btn { padding: 0.35rem 0.7rem; }
    .total { font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }
    .notice { margin: 0 0 0.5rem; padding: 0.45rem 0.7rem; border-radius: 8px; font-size: 0.9rem;
      background: var(--lt-warn-bg, #fffaeb); color: var(--lt-warn, #b54708); }
    .below { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem 2rem; margin-top: 1rem; }
    @media (max-width: 48rem) { .below { grid-template-columns: minmax(0, 1fr); } }
    h3 { font-size: 0.95rem; margin: 0 0 0.5rem; }
    ul.projects { list-style: none; margin: 0; padding: 0; }
    ul.projects li { display: grid; grid-template-columns: 0.7rem minmax(0, 1fr) minmax(3rem, 30%) auto; gap: 0.6rem;
      align-items: center; padding: 0.3rem 0; border-bottom: 1px solid var(--lt-border, #eaecf0); }
    .dot { width: 0.6rem; height: 0.6rem; border-radius: 50%; background: var(--c, #98a2b3); }
    .bar { height: 0.45rem; border-radius: 4px; background: var(--lt-hover, #f2f4f7); overflow: hidden; }
    .bar span { display: block; height: 100%; background: var(--c, #98a2b3); }
    .ms { font-variant-numeric: tabular-nums; text-align: right; }
    .help summary { font-weight: 600; font-size: 0.95rem; }
    .help dl { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0.3rem 0.8rem; margin: 0.6rem 0 0;
      font-size: 0.88rem; }
    .help dt { font-weight: 600; white-space: nowrap; }
    .help dd { margin: 0; color: var(--lt-muted, #667085); }
    kbd { font: inherit; font-size: 0.82rem; padding: 0 0.3rem; border: 1px solid var(--lt-border, #d0d5dd);
      border-radius: 4px; background: var(--lt-surface, #f9fafb); }
    .empty { color: var(--lt-muted, #667085); margin: 0; }
  `,
  ];

  @consume({ context: dataClientContext, subscribe: false })
  @property({ attribute: false })
  client?: DataClient;

  /** 0 = Sunday, 1 = Monday; read when the view first connects */
  @property({ type: Number, attribute: 'week-starts-on' }) weekStartsOn = 1;

  @query('lt-week-grid') grid!: LtWeekGrid;
  @query('lt-week-editor') editor!: LtWeekEditor;
  @query('lt-week-overlap') overlapDialog!: LtWeekOverlap;

  #model: WeekModel | null = null;
  /** the week start and clock follow Settings, live */
  readonly #format = new FormatController(this);
  // Runs on connect, after the context consumer has set the client (it was added first).
  readonly #watch = new WatchController(
    this,
    () => {
      const m = this.#model;
      return m
        ? [m.$weekStart, m.$totals, m.$projects, m.$loaded, m.$loadFailed, m.$loadError, m.$truncated, m.$damaged]
        : [];
    },
    () => {
      if (!this.#model && this.client) this.#model = new WeekModel(this.client, { weekStartsOn: this.#weekStartsOn });
      return [this.#model?.connect()];
    },
  );
  readonly #keys = new ShortcutController(this, () => [
    {
      keys: ['[', ']'],
      group: 'Week',
      label: 'Previous or next week',
      when: () => this.model !== null,
      run: (e) => void (e.key === '[' ? this.model!.previousWeek() : this.model!.nextWeek()),
    },
    {
      keys: ['t'],
      group: 'Week',
      label: 'This week',
      when: () => this.model !== null,
      run: () => void this.model!.thisWeek(),
    },
    // the calendar's own keys (handled by the grid while it has focus), listed here so ? names them too
    ...WEEK_GRID_KEYS.map(([keys, label]) => ({
      keys,
      group: 'Week calendar',
      label,
      when: () => false,
      run: () => false,
    })),
  ]);

  /** The view's state; created on first connect from the data client. */
  get model(): WeekModel | null {
    return this.#model;
  }

  /** Settings' week start wins over the attribute once settings are known. */
  get #weekStartsOn(): number {
    return this.#format.service ? this.#format.settings.weekStart : this.weekStartsOn;
  }

  /** A new week start (Settings changed in any window): the same week shown again from its new first day. */
  override willUpdate(): void {
    const m = this.#model;
    if (!m || !this.client || m.weekStartsOn === this.#weekStartsOn) return;
    const shown = m.$weekStart.get();
    this.#model = new WeekModel(this.client, { weekStartsOn: this.#weekStartsOn });
    this.#watch.resubscribe(); // the old model's subscriptions stop, the new one's start
    void this.#model.showWeekOf(shown + 3 * 86_400_000);
  }

  /**
   * Runs a change. When the worker refuses it for overlapping other sessions, asks what to do and retries with that
   * choice; a cancelled choice or any other failure puts the block back.
   */
  async #commit(
    run: (overlap?: OverlapChoice) => Promise<EditResult>,
    revert: () => void = () => undefined,
  ): Promise<EditResult | null> {
    try {
      let result: EditResult;
      try {
        result = await run();
      } catch (error) {
        const overlaps = overlapsOf(error);
        if (!overlaps) throw error;
        const choice = await this.overlapDialog.ask(overlaps);
        if (!choice) {
          revert();
          this.grid?.announce('Change cancelled');
          return null;
        }
        result = await run(choice);
      }
      this.dispatchEvent(new CustomEvent('lt-action', { detail: result.action, bubbles: true, composed: true }));
      return result;
    } catch (error) {
      revert();
      this.dispatchEvent(new CustomEvent('lt-error', { detail: toAppError(error), bubbles: true, composed: true }));
      return null;
    }
  }

  readonly #onChange = (event: CustomEvent<WeekChangeDetail>): void => {
    const model = this.#model!;
    const { id, times } = event.detail;
    model.preview(id, times);
    void this.#commit(
      (overlap) => model.setTimes(id, times, overlap),
      () => model.revert(id),
    );
  };

  readonly #onCreate = async (event: CustomEvent<{ startTime: number; endTime: number }>): Promise<void> => {
    const model = this.#model!;
    const draft: EditorDraft = { id: null, name: '', projectId: null, billable: false, ...event.detail };
    const outcome = await this.editor.open(draft, model.$projects.get());
    if (outcome?.kind !== 'save') return;
    const d = outcome.draft;
    const result = await this.#commit((overlap) =>
      model.add({
        name: d.name,
        projectId: d.projectId,
        billable: d.billable,
        startTime: d.startTime,
        endTime: d.endTime ?? d.startTime,
        ...(overlap ? { overlap } : {}),
      }),
    );
    const created = result?.sessions[0];
    if (created) this.grid.focusBlock(created.id);
  };

  readonly #onOpen = async (event: CustomEvent<{ id: string }>): Promise<void> => {
    const model = this.#model!;
    const s = model.sessionById(event.detail.id);
    if (!s) return;
    const before: EditorDraft = {
      id: s.id,
      name: s.name,
      projectId: s.projectId,
      billable: s.billable,
      startTime: s.startTime,
      endTime: s.endTime,
    };
    const outcome = await this.editor.open(before, model.$projects.get());
    if (!outcome) return;
    if (outcome.kind === 'delete') return void this.#commit(() => model.remove(s.id));
    const d = outcome.draft;
    const patch: SessionPatch = {};
    if (d.name !== before.name) patch.name = d.name;
    if (d.projectId !== before.projectId) patch.projectId = d.projectId;
    if (d.billable !== before.billable) patch.billable = d.billable;
    if (d.startTime !== before.startTime) patch.startTime = d.startTime;
    if (d.endTime !== before.endTime && d.endTime !== null) patch.endTime = d.endTime;
    if (Object.keys(patch).length === 0) return;
    await this.#commit((overlap) => model.update(s.id, patch, overlap));
    this.grid.focusBlock(s.id);
  };

  readonly #onDelete = (event: CustomEvent<{ id: string }>): void => {
    const model = this.#model!;
    void this.#commit(() => model.remove(event.detail.id));
  };

  override render() {
    const m = this.#model;
    if (!m) return html`<p class="empty">The week needs the data service.</p>`;
    const days = m.$days.get();
    const first = days[0]!.from;
    const last = days[days.length - 1]!.from;
    const totals = m.$totals.get();
    const sameYear = new Date(first).getFullYear() === new Date(last).getFullYear();
    const title = `${(sameYear ? monthDay : fullDate).format(first)} – ${fullDate.format(last)}`;
    return html`
      <header class="top">
        <h2 id="week-title">${title}</h2>
        <div class="nav actions" role="group" aria-label="Choose the week">
          <button type="button" class="btn prev" aria-label="Previous week" title="Previous week" @click=${() => m.previousWeek()}>‹</button>
          <button type="button" class="btn this" ?disabled=${m.isThisWeek()} @click=${() => m.thisWeek()}>This week</button>
          <button type="button" class="btn next" aria-label="Next week" title="Next week" @click=${() => m.nextWeek()}>›</button>
        </div>
        <span class="total"><span class="muted">Week</span> <span class="week-total">${formatHours(totals.week)}</span></span>
      </header>
      ${m.isThisWeek() ? html`<lt-goal-progress period="week" quiet></lt-goal-progress>` : nothing}
      ${m.$loadFailed.get() ? html`<p class="notice" role="alert">This week could not be loaded: ${m.$loadError.get()?.message ?? 'unknown error'}</p>` : nothing}
      ${m.$truncated.get() ? html`<p class="notice" role="status">This week holds more sessions than the calendar shows.</p>` : nothing}
      ${
        m.$damaged.get() > 0
          ? html`<p class="notice" role="status">${plural(m.$damaged.get(), 'damaged session')} hidden · <a href="#diagnostics">details</a></p>`
          : nothing
      }
      <lt-week-grid .model=${m} @week-change=${this.#onChange} @week-create=${this.#onCreate}
        @week-open=${this.#onOpen} @week-delete=${this.#onDelete}></lt-week-grid>
      <div class="below">
        <section aria-labelledby="projects-title">
          <h3 id="projects-title">By project</h3>
          ${this.#projectTotals()}
        </section>
        ${this.#help()}
      </div>
      <lt-week-editor></lt-week-editor>
      <lt-week-overlap></lt-week-overlap>
    `;
  }

  #projectTotals() {
    const m = this.#model!;
    const { projects, week } = m.$totals.get();
    if (projects.length === 0) return html`<p class="empty">Nothing tracked this week.</p>`;
    return html`<ul class="projects">
      ${projects.map(({ projectId, ms }) => {
        const project = m.projectById(projectId);
        const name = project?.name ?? (projectId === null ? 'No project' : 'Unknown project');
        const color = { '--c': project?.color ?? '' };
        return html`<li data-project=${projectId ?? ''}>
          <span class="dot" ${styleProps(color)}></span>
          <span class="ellipsis" title=${name}>${name}</span>
          <span class="bar" aria-hidden="true"><span ${styleProps({ ...color, width: `${week ? (ms / week) * 100 : 0}%` })}></span></span>
          <span class="ms">${formatHours(ms)}</span>
        </li>`;
      })}
    </ul>`;
  }

  #help() {
    return html`<details class="help">
      <summary>Keyboard and mouse</summary>
      <dl>
        <dt>Drag empty time</dt><dd>adds a session there (5-minute steps)</dd>
        <dt>Drag a block / its edge</dt><dd>moves it / changes its start or end; <kbd>Esc</kbd> cancels the drag</dd>
        <dt>Double-click a block</dt><dd>edits it</dd>
        <dt><kbd>Tab</kbd></dt><dd>empty-time cursor first, then each session in order</dd>
        <dt>Empty time: <kbd>↑</kbd> <kbd>↓</kbd> <kbd>←</kbd> <kbd>→</kbd></dt><dd>move the cursor by half an hour or a day
          (<kbd>PgUp</kbd>/<kbd>PgDn</kbd> four hours, <kbd>Home</kbd>/<kbd>End</kbd> working hours)</dd>
        <dt>Empty time: <kbd>Enter</kbd> or <kbd>N</kbd></dt><dd>adds a session at the cursor</dd>
        <dt>Session: <kbd>↑</kbd> <kbd>↓</kbd></dt><dd>move it 5 minutes earlier or later</dd>
        <dt>Session: <kbd>←</kbd> <kbd>→</kbd></dt><dd>move it to the day before or after</dd>
        <dt>Session: <kbd>Shift</kbd>+<kbd>↑</kbd> <kbd>↓</kbd></dt><dd>end earlier or later</dd>
        <dt>Session: <kbd>Alt</kbd>+<kbd>↑</kbd> <kbd>↓</kbd></dt><dd>start earlier or later</dd>
        <dt>Session: <kbd>Enter</kbd></dt><dd>edit name, project, times, billable</dd>
        <dt>Session: <kbd>Delete</kbd></dt><dd>removes it (Undo brings it back)</dd>
        <dt>Session: <kbd>Esc</kbd></dt><dd>takes back a move not yet saved, else back to empty time</dd>
        <dt>Moves by keyboard</dt><dd>are saved when the keys rest, as one change</dd>
      </dl>
    </details>`;
  }
}

/** What the calendar's keys do, for the shortcut help (the inline help under the calendar says the same). */
const WEEK_GRID_KEYS: Array<[string[], string]> = [
  [['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'], 'Empty time: move the cursor by half an hour or a day'],
  [['Enter', 'n'], 'Empty time: add a session at the cursor'],
  [['ArrowUp', 'ArrowDown'], 'Session: move it 5 minutes earlier or later'],
  [['ArrowLeft', 'ArrowRight'], 'Session: move it to the day before or after'],
  [['Shift+ArrowUp', 'Shift+ArrowDown'], 'Session: end earlier or later'],
  [['Alt+ArrowUp', 'Alt+ArrowDown'], 'Session: start earlier or later'],
  [['Enter'], 'Session: edit it'],
  [['Delete'], 'Session: remove it (Undo brings it back)'],
];

declare global {
  interface HTMLElementTagNameMap {
    'lt-week-view': LtWeekView;
  }
}
