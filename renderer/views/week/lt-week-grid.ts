import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';

import { FormatController } from '../../controllers/format.ts';
import { WatchController } from '../../controllers/watch.ts';
import { styleProps } from './style-props.ts';
import { columnDeps, dayColumn, dayHead, grabAt, rangeLabel, type ColumnContext } from './week-columns.ts';
import { WeekDragController, type DragGrab, type DragHost, type DragTimes } from './week-drag.ts';
import { daysByView, scrollToWork, WeekDrawController } from './week-draw.ts';
import { WeekKeysController } from './week-keys.ts';
import {
  atMinute,
  DAY_MINUTES,
  DEFAULT_WORKING_HOURS,
  endOf,
  minuteOfDay,
  type Segment,
  type WeekDay,
  type WorkingHours,
} from './week-layout.ts';
import type { PendingTimes, WeekModel } from './week-model.ts';
import { gridStyles } from './week-styles.ts';

export interface WeekChangeDetail {
  id: string;
  times: PendingTimes;
}

const NO_PIECES: readonly Segment[] = [];

const hourLabels = {
  '24h': new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  '12h': new Intl.DateTimeFormat(undefined, { hour: 'numeric', hourCycle: 'h12' }),
};

/**
 * The calendar grid of one week: day columns of hours with sessions as blocks, untracked working time hatched, a
 * line at now. Mouse: drag empty time to add, drag a block to move it, its edges to resize (5-minute steps).
 * Keyboard: see WeekKeysController. It tells its view what to commit through events: week-change, week-create,
 * week-open, week-delete.
 */
@customElement('lt-week-grid')
export class LtWeekGrid extends LitElement implements DragHost {
  static override styles = gridStyles;

  @property({ attribute: false }) model!: WeekModel;
  @property({ attribute: false }) hours: WorkingHours = DEFAULT_WORKING_HOURS;
  /** the empty-time cursor: a day and the start of a half hour */
  @state() cursor = { day: 0, minute: 9 * 60 };
  @state() focusedId: string | null = null;
  @state() announcement = '';

  /** times of day per the clock setting (12/24 h), re-rendered when it changes */
  readonly #format = new FormatController(this);
  readonly drag = new WeekDragController(this);
  readonly keys = new WeekKeysController(this);
  /** a new week's blocks come a batch of days per frame, the days in view first */
  readonly #draw = new WeekDrawController(this);
  #scrolledFor = -1;
  #cursorFor = -1;
  #drawnWeek = -1;
  readonly #times = new Map<number, string>();
  #timesClock = '';

  constructor() {
    super();
    new WatchController(this, () => {
      const m = this.model;
      return m ? [m.$layout, m.$totals, m.$projects, m.$now] : [];
    });
  }

  /** true while a new week's days are still being drawn */
  get drawing(): boolean {
    return this.#draw.drawing;
  }

  get days(): WeekDay[] {
    return this.model.$days.get();
  }

  // ---- what the controllers ask of the grid ----

  instantAt(clientX: number, clientY: number, dayOf?: number): { at: number; day: number } | null {
    const cols = [...this.renderRoot.querySelectorAll<HTMLElement>('.col')];
    if (cols.length === 0) return null;
    let day =
      dayOf ??
      cols.findIndex((c) => {
        const r = c.getBoundingClientRect();
        return clientX >= r.left && clientX < r.right;
      });
    if (day === -1) day = clientX < cols[0]!.getBoundingClientRect().left ? 0 : cols.length - 1;
    const rect = cols[day]!.getBoundingClientRect();
    const minute = Math.min(DAY_MINUTES, Math.max(0, ((clientY - rect.top) / rect.height) * DAY_MINUTES));
    return { at: atMinute(this.days[day]!.from, minute), day };
  }

  dragPreview(grab: DragGrab, times: DragTimes): void {
    if (grab.id) this.model.preview(grab.id, this.#pendingFor(grab.id, times));
    this.announce(
      `${grab.kind === 'create' ? 'New session' : 'Session'} ${this.rangeLabel(times.startTime, times.endTime)}`,
    );
  }

  dragDrop(grab: DragGrab, times: DragTimes): void {
    if (grab.id) this.emit('week-change', { id: grab.id, times: this.#pendingFor(grab.id, times) });
    else this.emit('week-create', times);
  }

  dragCancel(grab: DragGrab): void {
    if (grab.id) this.model.revert(grab.id);
    this.announce('Cancelled');
  }

  dragClick(grab: DragGrab, at: number, day: number): void {
    if (grab.id) return void this.focusBlock(grab.id);
    const d = this.days[day]!;
    this.cursor = { day, minute: Math.min(DAY_MINUTES - 30, Math.floor(minuteOfDay(at, d) / 30) * 30) };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.slot')?.focus());
  }

  /** A running session keeps running: its end is not moved by a drag. */
  #pendingFor(id: string, times: DragTimes): PendingTimes {
    const running = this.model.$sessions.get().find((s) => s.id === id)?.endTime === null;
    return { startTime: times.startTime, endTime: running ? null : times.endTime };
  }

  emit(type: 'week-change' | 'week-create' | 'week-open' | 'week-delete', detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  }

  announce(text: string): void {
    this.announcement = text;
  }

  focusBlock(id: string): void {
    this.focusedId = id;
    void this.updateComplete.then(() => {
      const blocks = [...this.renderRoot.querySelectorAll<HTMLElement>('.block')].filter((b) => b.dataset['id'] === id);
      const block = blocks.find((b) => b.tabIndex === 0) ?? blocks[0];
      if (block && (this.renderRoot as ShadowRoot).activeElement !== block) block.focus({ preventScroll: true });
      block?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
  }

  focusSlot(day: number, minute: number): void {
    this.cursor = { day, minute: Math.max(0, Math.min(DAY_MINUTES - 30, Math.floor(minute / 30) * 30)) };
    void this.updateComplete.then(() => {
      const slot = this.renderRoot.querySelector<HTMLElement>('.slot');
      slot?.focus({ preventScroll: true });
      slot?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
  }

  /** A time of day per the clock setting; a week's blocks format a thousand of them, each Intl call ~5 µs. */
  #time(ms: number): string {
    const clock = this.#format.settings.clock;
    if (clock !== this.#timesClock || this.#times.size > 20_000) {
      this.#times.clear();
      this.#timesClock = clock;
    }
    // every instant within a minute shows the same (zone offsets are whole minutes)
    const minute = Math.floor(ms / 60_000);
    let text = this.#times.get(minute);
    if (text === undefined) this.#times.set(minute, (text = this.#format.time(ms)));
    return text;
  }

  rangeLabel(start: number, end: number | null): string {
    return rangeLabel(start, end, (ms) => this.#time(ms));
  }

  // ---- lifecycle ----

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // the empty-time cursor starts on today when the week holds it
    const start = this.model?.$weekStart.get();
    if (start !== undefined && start !== this.#drawnWeek && this.model.$loaded.get()) {
      this.#drawnWeek = start;
      this.#draw.reset();
    }
    if (start !== undefined && start !== this.#cursorFor) {
      this.#cursorFor = start;
      const now = this.model.$now.get();
      const today = this.days.findIndex((d) => now >= d.from && now < d.to);
      this.cursor = { day: Math.max(0, today), minute: this.cursor.minute };
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const start = this.model.$weekStart.get();
    if (this.#scrolledFor !== start && this.model.$loaded.get()) {
      this.#scrolledFor = start;
      // the empty week is laid out and scrolled to its working hours; then its blocks come, those in view first
      const now = this.model.$now.get();
      scrollToWork(
        this.renderRoot,
        this.model.$layout.get(),
        this.hours,
        this.days.findIndex((d) => now >= d.from && now < d.to),
      );
      const order = daysByView(this.renderRoot, this.model.$layout.get());
      queueMicrotask(() => this.#draw.start(order)); // the first batch in this same task, in an update of its own
    }
  }

  // ---- rendering ----

  override render() {
    if (!this.model) return nothing;
    const days = this.days;
    const layout = this.model.$layout.get();
    const totals = this.model.$totals.get();
    const c: ColumnContext = {
      now: this.model.$now.get(),
      hours: this.hours,
      time: (ms) => this.#time(ms),
      project: (id) => this.model.projectById(id),
      pending: this.model.$pending.get(),
      focusedId: this.focusedId,
      drag: this.drag.current,
    };
    const slotDay = days[this.cursor.day]!;
    const slotStart = atMinute(slotDay.from, this.cursor.minute);
    return html`
      <p class="focus-info" aria-hidden="true">${this.#focusInfo()}</p>
      <div class="scroller">
        <div class="grid" @pointerdown=${this.#pointerDown} @keydown=${this.#blockKey} @focusin=${this.#focusIn}
          @focusout=${this.#focusOut} @dblclick=${this.#dblclick}>
          <div class="slot" role="button" tabindex="0" data-label=${this.#format.time(slotStart)}
            ${styleProps({ 'grid-column': String(this.cursor.day + 2), '--slot-top': String(this.cursor.minute) })}
            aria-label=${`Empty time, ${this.rangeLabel(slotStart, slotStart + 30 * 60_000)}. Enter or N adds a session; arrows move.`}
            @keydown=${this.keys.onSlotKey}></div>
          <div class="corner"></div>
          ${days.map((day) => dayHead(day, totals.days[day.index] ?? 0, layout[day.index] ?? [], c))}
          <div class="gutter" aria-hidden="true">
            ${Array.from({ length: 24 }, (_, h) => html`<div class="hour">${hourLabels[this.#format.settings.clock].format(atMinute(days[0]!.from, h * 60))}</div>`)}
          </div>
          ${days.map((day) => {
            const pieces = this.#draw.isDrawn(day.index) ? (layout[day.index] ?? NO_PIECES) : NO_PIECES;
            const more = [this.#format.settings.clock, this.model.$projects.get()];
            return guard(columnDeps(day, pieces, c, more), () => dayColumn(day, pieces, c));
          })}
        </div>
      </div>
      <p id="block-keys" class="sr-only">
        Arrow up or down moves the session by 5 minutes, left or right by a day. Shift with up or down changes its end,
        Alt with up or down its start. Enter edits, Delete removes, Escape undoes a move not yet saved.
      </p>
      <p class="sr-only" role="status">${this.announcement}</p>
    `;
  }

  #focusInfo() {
    const s = this.focusedId ? this.model.sessionById(this.focusedId) : undefined;
    if (!s) return '\u00a0';
    const project = this.model.projectById(s.projectId);
    return `${s.name || '(no description)'}${project ? ` · ${project.name}` : ''} · ${this.rangeLabel(s.startTime, s.endTime)}`;
  }

  readonly #pointerDown = (event: PointerEvent): void => {
    const path = event.composedPath().filter((n): n is HTMLElement => n instanceof HTMLElement);
    const block = path.find((el) => el.classList.contains('block'));
    if (block) {
      const s = this.model.sessionById(block.dataset['id'] ?? '');
      if (!s) return;
      const kind = grabAt(block, event.clientY);
      // a running block's body does not drag: its end follows the clock (its top edge moves its start)
      if (kind === 'move' && s.endTime === null) return;
      this.drag.begin(event, { kind, id: s.id, startTime: s.startTime, endTime: endOf(s, this.model.$now.get()) });
    } else if (path.some((el) => el.classList.contains('col'))) {
      this.drag.begin(event, { kind: 'create', id: null, startTime: 0, endTime: 0 });
    }
  };

  // one listener each on the grid for every block's keys, focus and double click
  readonly #blockKey = (event: KeyboardEvent): void => {
    const id = blockId(event);
    if (id) this.keys.onBlockKey(event, id);
  };

  readonly #focusIn = (event: FocusEvent): void => {
    const id = blockId(event);
    if (id) this.focusedId = id;
  };

  readonly #focusOut = (event: FocusEvent): void => {
    const id = blockId(event);
    if (id) this.keys.onBlockBlur(id);
  };

  readonly #dblclick = (event: MouseEvent): void => {
    const id = blockId(event);
    if (id) this.emit('week-open', { id });
  };
}

/** The session id of the block an event happened on or in. */
function blockId(event: Event): string | null {
  return (event.target as Element).closest?.<HTMLElement>('.block')?.dataset['id'] ?? null;
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-week-grid': LtWeekGrid;
  }
}
