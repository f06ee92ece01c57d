import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleProps } from './style-props.ts';
import { formatHours } from '../../../shared/duration.ts';
import { FormatController } from '../../controllers/format.ts';
import { WatchController } from '../../controllers/watch.ts';
import { WeekDragController, type DragGrab, type DragHost, type DragTimes } from './week-drag.ts';
import { WeekKeysController } from './week-keys.ts';
import {
  atMinute, DAY_MINUTES, DEFAULT_WORKING_HOURS, endOf, minuteOfDay, untrackedGaps, workedMsWithin,
  type Band, type Segment, type WeekDay, type WorkingHours,
} from './week-layout.ts';
import type { PendingTimes, WeekModel } from './week-model.ts';
import { gridStyles } from './week-styles.ts';

export interface WeekChangeDetail {
  id: string;
  times: PendingTimes;
}

const weekdayName = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const dayNumber = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const hourLabels = {
  '24h': new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  '12h': new Intl.DateTimeFormat(undefined, { hour: 'numeric', hourCycle: 'h12' }),
};
const longDay = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

/** days drawn per task when a week first shows (a heavy week holds 500 blocks) */
const DAYS_PER_TASK = 2;

/** Top and height of a band as percentages of the day column. */
function place(band: Band): Record<string, string> {
  return { top: `${(band.top / DAY_MINUTES) * 100}%`, height: `${((band.bottom - band.top) / DAY_MINUTES) * 100}%` };
}

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
  #scrolledFor = -1;
  #cursorFor = -1;
  /** a new week's days are drawn a few at a time, each batch its own task, so no task holds the thread long */
  #daysDrawn = 7;
  #drawnWeek = -1;
  #drawTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    super();
    new WatchController(this, () => {
      const m = this.model;
      return m ? [m.$layout, m.$totals, m.$projects, m.$now] : [];
    });
  }

  /** true while a new week's days are still being drawn */
  get drawing(): boolean {
    return this.#daysDrawn < 7;
  }

  get days(): WeekDay[] {
    return this.model.$days.get();
  }

  // ---- what the controllers ask of the grid ----

  instantAt(clientX: number, clientY: number, dayOf?: number): { at: number; day: number } | null {
    const cols = [...this.renderRoot.querySelectorAll<HTMLElement>('.col')];
    if (cols.length === 0) return null;
    let day = dayOf ?? cols.findIndex((c) => {
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
    this.announce(`${grab.kind === 'create' ? 'New session' : 'Session'} ${this.rangeLabel(times.startTime, times.endTime)}`);
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

  rangeLabel(start: number, end: number | null): string {
    return `${longDay.format(start)}, ${this.#format.time(start)} to ${end === null ? 'now' : this.#format.time(end)}`;
  }

  // ---- lifecycle ----

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // the empty-time cursor starts on today when the week holds it
    const start = this.model?.$weekStart.get();
    if (start !== undefined && start !== this.#drawnWeek && this.model.$loaded.get()) {
      this.#drawnWeek = start;
      this.#daysDrawn = DAYS_PER_TASK;
    }
    if (start !== undefined && start !== this.#cursorFor) {
      this.#cursorFor = start;
      const now = this.model.$now.get();
      const today = this.days.findIndex((d) => now >= d.from && now < d.to);
      this.cursor = { day: Math.max(0, today), minute: this.cursor.minute };
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#drawTimer) clearTimeout(this.#drawTimer);
    this.#drawTimer = null;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#daysDrawn < 7 && !this.#drawTimer) {
      this.#drawTimer = setTimeout(() => {
        this.#drawTimer = null;
        this.#daysDrawn = Math.min(7, this.#daysDrawn + DAYS_PER_TASK);
        this.requestUpdate();
      }, 0);
    }
    const start = this.model.$weekStart.get();
    if (this.#scrolledFor !== start && this.model.$loaded.get()) {
      this.#scrolledFor = start;
      this.#scrollToWork();
    }
  }

  /** Opens a week at the working morning (or its earliest block) and, when narrow, at today. */
  #scrollToWork(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    const col = this.renderRoot.querySelector<HTMLElement>('.col');
    if (!scroller || !col) return;
    // where sessions start, not the after-midnight tails of the evening before
    const starts = this.model.$layout.get().flat().filter((s) => s.isStart).map((s) => s.top);
    const earliest = Math.min(this.hours.start, ...starts);
    scroller.scrollTop = (col.offsetHeight * Math.max(0, earliest - 30)) / DAY_MINUTES;
    const now = this.model.$now.get();
    const today = this.days.findIndex((d) => now >= d.from && now < d.to);
    if (today > 0) {
      const head = this.renderRoot.querySelectorAll<HTMLElement>('.dayhead')[today];
      const gutter = this.renderRoot.querySelector<HTMLElement>('.gutter')?.offsetWidth ?? 0;
      if (head && head.offsetLeft + head.offsetWidth > scroller.clientWidth) scroller.scrollLeft = head.offsetLeft - gutter;
    }
  }

  // ---- rendering ----

  override render() {
    if (!this.model) return nothing;
    const days = this.days;
    const layout = this.model.$layout.get();
    const totals = this.model.$totals.get();
    const now = this.model.$now.get();
    const slotDay = days[this.cursor.day]!;
    const slotStart = atMinute(slotDay.from, this.cursor.minute);
    return html`
      <p class="focus-info" aria-hidden="true">${this.#focusInfo()}</p>
      <div class="scroller">
        <div class="grid" @pointerdown=${this.#pointerDown}>
          <div class="slot" role="button" tabindex="0" data-label=${this.#format.time(slotStart)}
            ${styleProps({ 'grid-column': String(this.cursor.day + 2), '--slot-top': String(this.cursor.minute) })}
            aria-label=${`Empty time, ${this.rangeLabel(slotStart, slotStart + 30 * 60_000)}. Enter or N adds a session; arrows move.`}
            @keydown=${this.keys.onSlotKey}></div>
          <div class="corner"></div>
          ${days.map((day) => this.#dayHead(day, totals.days[day.index] ?? 0, layout[day.index] ?? [], now))}
          <div class="gutter" aria-hidden="true">
            ${Array.from({ length: 24 }, (_, h) => html`<div class="hour">${hourLabels[this.#format.settings.clock].format(atMinute(days[0]!.from, h * 60))}</div>`)}
          </div>
          ${days.map((day) => this.#column(day, day.index < this.#daysDrawn ? layout[day.index] ?? [] : [], now))}
        </div>
      </div>
      <p id="block-keys" class="sr-only">
        Arrow up or down moves the session by 5 minutes, left or right by a day. Shift with up or down changes its end,
        Alt with up or down its start. Enter edits, Delete removes, Escape undoes a move not yet saved.
      </p>
      <p class="sr-only" role="status">${this.announcement}</p>
    `;
  }

  #dayHead(day: WeekDay, total: number, pieces: Segment[], now: number) {
    const today = now >= day.from && now < day.to;
    const untracked = untrackedGaps(pieces, day, now, this.hours).reduce((sum, g) => sum + g.bottom - g.top, 0);
    const title = `${longDay.format(day.from)}: ${formatHours(total)} tracked${untracked ? `, ${formatHours(untracked * 60_000)} untracked in working hours` : ''}`;
    return html`<div class="dayhead ${today ? 'today' : ''}" title=${title}
      ${styleProps({ 'grid-column': String(day.index + 2) })}>
      <span class="dname">${weekdayName.format(day.from)}</span>
      <span class="ddate">${dayNumber.format(day.from)}</span>
      <span class="dtotal" data-total=${total}><span class="sr-only">${longDay.format(day.from)} total </span>${formatHours(total)}</span>
    </div>`;
  }

  #column(day: WeekDay, pieces: Segment[], now: number) {
    const ghost = this.drag.current;
    const showGhost = ghost && ghost.grab.kind === 'create' && ghost.day === day.index;
    const isToday = now >= day.from && now < day.to;
    return html`<div class="col" data-day=${day.index} ${styleProps({ 'grid-column': String(day.index + 2) })}>
      ${untrackedGaps(pieces, day, now, this.hours).map((g) => html`<div class="gap" ${styleProps(place(g))}></div>`)}
      ${repeat(pieces, (p) => p.session.id, (p) => this.#block(p, day, now))}
      ${isToday ? html`<div class="now" ${styleProps({ top: `${(minuteOfDay(now, day) / DAY_MINUTES) * 100}%` })}></div>` : nothing}
      ${showGhost
        ? html`<div class="ghost" ${styleProps(place({ top: minuteOfDay(ghost.times.startTime, day), bottom: minuteOfDay(ghost.times.endTime, day) }))}>
            ${this.#format.time(ghost.times.startTime)}–${this.#format.time(ghost.times.endTime)}</div>`
        : nothing}
    </div>`;
  }

  #block(piece: Segment, day: WeekDay, now: number) {
    const s = piece.session;
    const project = this.model.projectById(s.projectId);
    const end = endOf(s, now);
    const name = s.name || '(no description)';
    const worked = formatHours(workedMsWithin(s, s.startTime, end, now));
    const range = this.rangeLabel(s.startTime, s.endTime);
    const label = `${name}${project ? `, ${project.name}` : ''}, ${range}, ${worked}${piece.running ? ', running' : ''}`;
    // one tab stop per session: the piece where it starts, or the week's first day when it started before
    const firstInWeek = piece.isStart || day.index === 0;
    const height = piece.bottom - piece.top;
    const dragged = this.drag.current?.grab.id === s.id;
    const classes = ['block', piece.running ? 'running' : '', piece.isStart ? '' : 'cont-before',
      piece.isEnd || piece.running ? '' : 'cont-after', height < 40 ? 'short' : '',
      this.model.$pending.get()[s.id] && !dragged ? 'pending' : '', dragged ? 'dragging' : '',
      this.focusedId === s.id ? 'focused' : ''].filter(Boolean).join(' ');
    const style = {
      ...place(piece),
      left: `calc(${(piece.lane / piece.lanes) * 100}% + 2px)`,
      width: `calc(${100 / piece.lanes}% - 4px)`,
      '--c': project?.color ?? '',
    };
    // the accessible name is the visible text plus what only the eye gets from the position (day, worked time)
    return html`<div class=${classes} role="button" tabindex=${firstInWeek ? 0 : -1} data-id=${s.id}
      data-top=${piece.top} data-bottom=${piece.bottom} ${styleProps(style)}
      aria-describedby="block-keys" title=${label}
      @keydown=${(e: KeyboardEvent) => this.keys.onBlockKey(e, s.id)}
      @focus=${() => (this.focusedId = s.id)} @blur=${() => this.keys.onBlockBlur(s.id)}
      @dblclick=${() => this.emit('week-open', { id: s.id })}>
      ${piece.pauses.map((p) => html`<div class="pause" ${styleProps(place({
        top: ((p.top - piece.top) / Math.max(1, height)) * DAY_MINUTES,
        bottom: ((p.bottom - piece.top) / Math.max(1, height)) * DAY_MINUTES,
      }))}></div>`)}
      <span class="name">${name}</span>
      <span class="meta">${this.#format.time(s.startTime)}–${piece.running ? 'now' : this.#format.time(end)}${project ? ` · ${project.name}` : ''}</span>
      <span class="sr-only">, ${range}, ${worked}${piece.running ? ', running' : ''}</span>
      ${piece.isStart ? html`<div class="edge start" data-edge="start"></div>` : nothing}
      ${piece.isEnd ? html`<div class="edge end" data-edge="end"></div>` : nothing}
    </div>`;
  }

  #focusInfo() {
    const s = this.focusedId ? this.model.sessionById(this.focusedId) : undefined;
    if (!s) return '\u00a0';
    const project = this.model.projectById(s.projectId);
    return `${s.name || '(no description)'}${project ? ` · ${project.name}` : ''} · ${this.rangeLabel(s.startTime, s.endTime)}`;
  }

  readonly #pointerDown = (event: PointerEvent): void => {
    const path = event.composedPath().filter((n): n is HTMLElement => n instanceof HTMLElement);
    const edge = path.find((el) => el.dataset['edge']);
    const block = path.find((el) => el.classList.contains('block'));
    if (block) {
      const s = this.model.sessionById(block.dataset['id'] ?? '');
      if (!s) return;
      const kind = (edge?.dataset['edge'] as 'start' | 'end' | undefined) ?? 'move';
      // a running block's body does not drag: its end follows the clock (its top edge moves its start)
      if (kind === 'move' && s.endTime === null) return;
      this.drag.begin(event, { kind, id: s.id, startTime: s.startTime, endTime: endOf(s, this.model.$now.get()) });
    } else if (path.some((el) => el.classList.contains('col'))) {
      this.drag.begin(event, { kind: 'create', id: null, startTime: 0, endTime: 0 });
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-week-grid': LtWeekGrid;
  }
}
