import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

import { formatHours } from '../../../shared/duration.ts';
import type { Project } from '../../../shared/project.ts';
import { styleProps } from './style-props.ts';
import type { DragGrab, DragTimes } from './week-drag.ts';
import {
  DAY_MINUTES,
  endOf,
  minuteOfDay,
  untrackedGaps,
  workedMsWithin,
  type Band,
  type Segment,
  type WeekDay,
  type WorkingHours,
} from './week-layout.ts';
import type { PendingTimes } from './week-model.ts';

/**
 * The week grid's day headers, day columns and session blocks as templates. A block is one element with two lines of
 * text (no child per edge, no hidden text to lay out): a heavy week holds 500 of them, and each element costs style,
 * layout and paint when the week opens. Its edges are found from the pointer's position (see grabAt).
 */

const weekdayName = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const dayNumber = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
export const longDay = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

/** how close to a block's top or bottom (px) a press grabs that edge */
const EDGE_PX = 6;

/** What the templates read from the grid. */
export interface ColumnContext {
  now: number;
  hours: WorkingHours;
  /** a time of day per the clock setting */
  time: (ms: number) => string;
  project: (id: string | null) => Project | undefined;
  pending: Readonly<Record<string, PendingTimes>>;
  focusedId: string | null;
  drag: { grab: DragGrab; times: DragTimes; day: number } | null;
}

/** Top and height of a band as percentages of the day column. */
function place(band: Band): Record<string, string> {
  return { top: `${(band.top / DAY_MINUTES) * 100}%`, height: `${((band.bottom - band.top) / DAY_MINUTES) * 100}%` };
}

export function isToday(day: WeekDay, now: number): boolean {
  return now >= day.from && now < day.to;
}

export function dayHead(day: WeekDay, total: number, pieces: readonly Segment[], c: ColumnContext) {
  const untracked = untrackedGaps(pieces, day, c.now, c.hours).reduce((sum, g) => sum + g.bottom - g.top, 0);
  const title = `${longDay.format(day.from)}: ${formatHours(total)} tracked${untracked ? `, ${formatHours(untracked * 60_000)} untracked in working hours` : ''}`;
  return html`<div class="dayhead ${isToday(day, c.now) ? 'today' : ''}" title=${title}
    ${styleProps({ 'grid-column': String(day.index + 2) })}>
    <span class="dname">${weekdayName.format(day.from)}</span>
    <span class="ddate">${dayNumber.format(day.from)}</span>
    <span class="dtotal" data-total=${total}><span class="sr-only">${longDay.format(day.from)} total </span>${formatHours(total)}</span>
  </div>`;
}

/** A day column; `pieces` is empty until the day's turn to be drawn comes (the hour lines show meanwhile). */
export function dayColumn(day: WeekDay, pieces: readonly Segment[], c: ColumnContext) {
  const ghost = c.drag;
  const showGhost = ghost && ghost.grab.kind === 'create' && ghost.day === day.index;
  return html`<div class="col" data-day=${day.index} ${styleProps({ 'grid-column': String(day.index + 2) })}>
    ${untrackedGaps(pieces, day, c.now, c.hours).map((g) => html`<div class="gap" ${styleProps(place(g))}></div>`)}
    ${repeat(
      pieces,
      (p) => p.session.id,
      (p) => block(p, day, c),
    )}
    ${isToday(day, c.now) ? html`<div class="now" ${styleProps({ top: `${(minuteOfDay(c.now, day) / DAY_MINUTES) * 100}%` })}></div>` : nothing}
    ${
      showGhost
        ? html`<div class="ghost" ${styleProps(place({ top: minuteOfDay(ghost.times.startTime, day), bottom: minuteOfDay(ghost.times.endTime, day) }))}>
          ${c.time(ghost.times.startTime)}–${c.time(ghost.times.endTime)}</div>`
        : nothing
    }
  </div>`;
}

/**
 * Everything a day column's drawing depends on, for guard(): a column whose blocks, clock, focus, pending changes
 * and drag are as before is not redrawn (a week re-renders for a batch of days, a drag, a focus change).
 */
export function columnDeps(
  day: WeekDay,
  pieces: readonly Segment[],
  c: ColumnContext,
  more: readonly unknown[],
): unknown[] {
  const ids = (p: Segment) => p.session.id;
  const live = isToday(day, c.now) || pieces.some((p) => p.running);
  const drag =
    c.drag && (c.drag.day === day.index || pieces.some((p) => ids(p) === c.drag!.grab.id))
      ? `${c.drag.grab.kind} ${c.drag.grab.id} ${c.drag.times.startTime} ${c.drag.times.endTime}`
      : '';
  return [
    day.from,
    pieces,
    c.hours,
    live ? c.now : c.now >= day.to,
    drag,
    c.focusedId && pieces.some((p) => ids(p) === c.focusedId) ? c.focusedId : null,
    pieces
      .filter((p) => c.pending[ids(p)])
      .map(ids)
      .join(),
    ...more,
  ];
}

/** "Monday 2 March, 09:00 to 10:30" (to "now" while running). */
export function rangeLabel(start: number, end: number | null, time: (ms: number) => string): string {
  return `${longDay.format(start)}, ${time(start)} to ${end === null ? 'now' : time(end)}`;
}

function block(piece: Segment, day: WeekDay, c: ColumnContext) {
  const s = piece.session;
  const project = c.project(s.projectId);
  const end = endOf(s, c.now);
  const name = s.name || '(no description)';
  const meta = `${c.time(s.startTime)}–${piece.running ? 'now' : c.time(end)}${project ? ` · ${project.name}` : ''}`;
  const worked = formatHours(workedMsWithin(s, s.startTime, end, c.now));
  // the accessible name: the visible text, then what only the eye gets from the position (day, worked time); an
  // aria-label rather than hidden text, which would be laid out in every block
  const label = `${name}, ${meta}, ${longDay.format(s.startTime)}, ${worked}${piece.running ? ', running' : ''}`;
  // one tab stop per session: the piece where it starts, or the week's first day when it started before
  const firstInWeek = piece.isStart || day.index === 0;
  const height = piece.bottom - piece.top;
  const dragged = c.drag?.grab.id === s.id;
  const classes = `block${piece.running ? ' running' : ''}${piece.isStart ? '' : ' cont-before'}${piece.isEnd || piece.running ? '' : ' cont-after'}${
    height < 40 ? ' short' : ''
  }${c.pending[s.id] && !dragged ? ' pending' : ''}${dragged ? ' dragging' : ''}${c.focusedId === s.id ? ' focused' : ''}`;
  const style: Record<string, string> = { ...place(piece), '--c': project?.color ?? '' };
  if (piece.lanes > 1) {
    style['left'] = `calc(${(piece.lane / piece.lanes) * 100}% + 2px)`;
    style['width'] = `calc(${100 / piece.lanes}% - 4px)`;
  }
  return html`<div class=${classes} role="button" tabindex=${firstInWeek ? 0 : -1} data-id=${s.id} data-top=${piece.top}
    data-bottom=${piece.bottom} ${styleProps(style)} aria-label=${label} aria-describedby="block-keys" title=${label}
    >${
      piece.pauses.length
        ? piece.pauses.map(
            (p) =>
              html`<div class="pause" ${styleProps(
                place({
                  top: ((p.top - piece.top) / Math.max(1, height)) * DAY_MINUTES,
                  bottom: ((p.bottom - piece.top) / Math.max(1, height)) * DAY_MINUTES,
                }),
              )}></div>`,
          )
        : nothing
    }<span class="name">${name}</span><br><span class="meta">${meta}</span></div>`;
}

/**
 * What a press on a block grabs: its start edge (top 6 px), its end edge (bottom 6 px) or its body. A piece that
 * continues from the day before has no start edge here, one that goes on (or runs) no end edge.
 */
export function grabAt(block: HTMLElement, clientY: number): 'start' | 'end' | 'move' {
  const rect = block.getBoundingClientRect();
  const list = block.classList;
  if (rect.bottom - clientY <= EDGE_PX && !list.contains('cont-after') && !list.contains('running')) return 'end';
  if (clientY - rect.top <= EDGE_PX && !list.contains('cont-before')) return 'start';
  return 'move';
}
