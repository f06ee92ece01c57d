import '@lit-labs/virtualizer';

import type { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';

import { formatClock, formatHours } from '../../../shared/duration.ts';
import type { SessionPatch } from '../../../shared/session-edits.ts';
import type { Session } from '../../../shared/session.ts';
import { workedMsWithin } from '../../../shared/worked-time.ts';
import { plural } from '../../components/format.ts';
import { FormatController } from '../../controllers/format.ts';
import { ShortcutController, type Shortcut } from '../../controllers/shortcuts.ts';
import { DayElement } from './day-element.ts';
import type { DayModel } from './day-model.ts';
import type { EditorField, SessionEdits } from './lt-session-editor.ts';

import './lt-session-editor.ts';

import { sessionListStyles } from './session-list-styles.ts';

const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The sessions of the day shown, newest first, virtualized (a day after an import can hold hundreds). Each one is
 * editable in place; rows are selectable by mouse (click, Shift-click, Ctrl/Cmd-click) and keyboard.
 */
/**
 * Days with more rows than this (an import can put 500 in one) are virtualized; shorter ones are a plain list, which
 * lays out a row growing into its editor at once (the virtualizer re-measured it a frame late, or not at all).
 */
const VIRTUALIZE_ABOVE = 100;

@customElement('lt-session-list')
export class LtSessionList extends DayElement {
  static override styles = sessionListStyles;

  @state() private editing: { id: string; field: EditorField } | null = null;
  @state() private focusId: string | null = null;
  #anchor: string | null = null;
  @query('lit-virtualizer') private virtualizer?: LitVirtualizer;
  /** times of day per the user's clock setting (12/24 h) */
  readonly #format = new FormatController(this);

  constructor() {
    super();
    new ShortcutController(this, () => this.#keys, { scope: 'host' });
    // with nothing focused (first launch, after a click on empty space) the list keys still reach the list
    new ShortcutController(this, () => this.#unfocusedKeys);
  }

  protected watched(d: DayModel) {
    return [
      d.$sessions,
      d.$loaded,
      d.$damaged,
      d.$truncated,
      d.$loadFailed,
      d.$selected,
      d.$tags,
      d.timer.$now,
      d.timer.$projects,
    ];
  }

  /** newest first */
  get rows(): Session[] {
    return [...this.day.$sessions.get()].reverse();
  }

  readonly #keys: Shortcut[] = [
    { keys: ['ArrowDown', 'j'], group: 'Session list', label: 'Next session', run: (e) => this.#move(e, 1, false) },
    { keys: ['ArrowUp', 'k'], group: 'Session list', label: 'Previous session', run: (e) => this.#move(e, -1, false) },
    {
      keys: ['Shift+ArrowDown', 'Shift+ArrowUp'],
      group: 'Session list',
      label: 'Extend the selection',
      run: (e) => this.#move(e, e.key === 'ArrowDown' ? 1 : -1, true),
    },
    {
      keys: ['Home', 'End'],
      group: 'Session list',
      label: 'First or last session',
      run: (e) => this.#move(e, e.key === 'Home' ? -Infinity : Infinity, false),
    },
    {
      keys: ['Space', 'x'],
      group: 'Session list',
      label: 'Select or unselect the session',
      run: (e) => this.#onRow(e, (id) => this.#toggle(id)),
    },
    {
      keys: ['Mod+a'],
      group: 'Session list',
      label: 'Select every session of the day',
      run: (e) => this.#onRow(e, () => this.day.select(this.rows.map((r) => r.id))),
    },
    {
      keys: ['Enter'],
      group: 'Session list',
      label: 'Edit the session (Tab moves, Enter saves, Esc cancels)',
      run: (e) => this.#onRow(e, (id) => this.#edit(id, 'name')),
    },
    {
      keys: ['Escape'],
      group: 'Session list',
      label: 'Clear the selection',
      run: (e) => this.day.$selected.get().size > 0 && this.#onRow(e, () => this.day.select([])),
    },
    {
      keys: ['Delete', 'Backspace'],
      group: 'Session list',
      label: 'Delete the selected sessions',
      run: (e) =>
        this.#onRow(e, (id) => {
          const selected = [...this.day.$selected.get()];
          void this.report(this.day.bulkDelete(selected.length > 0 ? selected : [id]));
        }),
    },
  ];

  readonly #unfocusedKeys: Shortcut[] = [
    {
      keys: ['ArrowDown', 'j'],
      group: 'Session list',
      label: 'Next session',
      when: () => nothingFocused() && this.rows.length > 0,
      run: () => this.#enterList(0),
    },
    {
      keys: ['ArrowUp', 'k'],
      group: 'Session list',
      label: 'Previous session',
      when: () => nothingFocused() && this.rows.length > 0,
      run: () => this.#enterList(this.rows.length - 1),
    },
  ];

  #enterList(index: number): boolean {
    const target = this.rows[index]!;
    this.#setAnchor(target.id);
    void this.#focusRow(target.id);
    return true;
  }

  #toggle(id: string): void {
    this.day.toggle(id);
    this.#setAnchor(id);
  }

  /** The row a Shift-extension starts from: the last row moved to, clicked or checked (Space checked without it). */
  #setAnchor(id: string): void {
    this.#anchor = id;
  }

  /** Runs `fn` for a key pressed on a row itself (not on a button or field inside it). */
  #onRow(event: KeyboardEvent, fn: (id: string) => void): boolean {
    const row = event.composedPath()[0];
    if (!(row instanceof HTMLLIElement) || !row.dataset['id']) return false;
    fn(row.dataset['id']);
    return true;
  }

  #move(event: KeyboardEvent, by: number, extend: boolean): boolean {
    return this.#onRow(event, (id) => {
      const rows = this.rows;
      const from = rows.findIndex((r) => r.id === id);
      const to = Math.max(0, Math.min(rows.length - 1, from + by));
      const target = rows[to]!;
      if (extend) {
        if (this.#anchor === null) this.#setAnchor(id);
        this.#selectRange(this.#anchor!, target.id);
      } else this.#setAnchor(target.id);
      void this.#focusRow(target.id);
    });
  }

  #selectRange(fromId: string, toId: string): void {
    const rows = this.rows;
    const a = rows.findIndex((r) => r.id === fromId);
    const b = rows.findIndex((r) => r.id === toId);
    if (a < 0 || b < 0) return;
    this.day.select(rows.slice(Math.min(a, b), Math.max(a, b) + 1).map((r) => r.id));
  }

  async #focusRow(id: string): Promise<void> {
    this.focusId = id;
    const index = this.rows.findIndex((r) => r.id === id);
    const find = () => this.renderRoot.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"]:not(.editing)`);
    if (!find()) {
      this.virtualizer?.element(index)?.scrollIntoView({ block: 'nearest' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    await this.updateComplete;
    await this.virtualizer?.updateComplete;
    const row = find();
    row?.focus();
    row?.scrollIntoView({ block: 'nearest' });
  }

  #edit(id: string, field: EditorField): void {
    this.editing = { id, field };
    this.focusId = id;
  }

  #closeEditor(): void {
    const id = this.editing?.id;
    this.editing = null;
    if (id) void this.#focusRow(id);
  }

  #onRowClick(event: MouseEvent, a: Session): void {
    const target = event.composedPath()[0] as Element;
    if (target.closest?.('button, input, a, lt-session-editor')) return;
    const field = target.closest?.('.name')
      ? 'name'
      : target.closest?.('.when')
        ? 'start'
        : target.closest?.('.duration')
          ? 'duration'
          : null;
    if (event.shiftKey && this.#anchor) this.#selectRange(this.#anchor, a.id);
    else if (event.ctrlKey || event.metaKey) this.#toggle(a.id);
    else if (field && this.day.$selected.get().size <= 1) {
      this.#edit(a.id, field);
      return;
    } else {
      this.day.select([a.id]);
      this.#setAnchor(a.id);
    }
    this.focusId = a.id;
  }

  async #save(a: Session, edits: SessionEdits): Promise<void> {
    const patch: SessionPatch = {};
    if (edits.name !== undefined) patch.name = edits.name;
    if (edits.description !== undefined) patch.description = edits.description;
    if (edits.tags !== undefined) patch.tags = edits.tags;
    if (edits.billable !== undefined) patch.billable = edits.billable;
    if (edits.startTime !== undefined) patch.startTime = edits.startTime;
    if (edits.endTime !== undefined) patch.endTime = edits.endTime;
    if (edits.durationMs !== undefined) patch.durationMs = edits.durationMs;
    if (edits.projectName !== undefined) {
      try {
        patch.projectId = await this.day.timer.projectIdFor(edits.projectName);
      } catch (error) {
        return this.fail(error);
      }
    }
    if (Object.keys(patch).length === 0) return this.#closeEditor();
    if (await this.report(this.day.update(a.id, patch))) this.#closeEditor();
  }

  /** what every row needs, computed once per render rather than once per row */
  #ctx = {
    rows: [] as Session[],
    tabId: '',
    overlapping: new Set<string>(),
    selected: new Set<string>() as ReadonlySet<string>,
    from: 0,
    to: 0,
    now: 0,
  };

  override render() {
    const d = this.day;
    const range = d.$range.get();
    const rows = this.rows;
    // the row Tab reaches: the one last focused while it is still listed, else the newest
    const tabId = rows.some((r) => r.id === this.focusId) ? this.focusId! : (rows[0]?.id ?? '');
    this.#ctx = {
      rows,
      tabId,
      overlapping: d.$overlapping.get(),
      selected: d.$selected.get(),
      ...range,
      now: d.timer.$now.get(),
    };
    const { from } = d.$range.get();
    const isToday = d.$isToday.get();
    const dayName = isToday ? 'Today' : new Intl.DateTimeFormat(undefined, { dateStyle: 'full' }).format(from);
    return html`
      <header>
        <h2 title=${dayName}>${dayName}</h2>
        <span class="total" aria-label=${isToday ? "Today's total" : `Total for ${dayName}`}>${formatHours(d.$totalMs.get())}</span>
      </header>
      ${this.#notices(isToday)}
      ${
        rows.length === 0
          ? html`<p class="empty">${this.#emptyText(isToday)}</p>`
          : rows.length > VIRTUALIZE_ABOVE
            ? html`<lit-virtualizer role="list" aria-label=${`Sessions of ${dayName}`} .items=${rows}
              .keyFunction=${(a: Session) => a.id} .renderItem=${(a: Session) => this.#row(a)}></lit-virtualizer>`
            : html`<ul class="plain" aria-label=${`Sessions of ${dayName}`}>${repeat(
                rows,
                (a) => a.id,
                (a) => this.#row(a),
              )}</ul>`
      }
    `;
  }

  #emptyText(isToday: boolean) {
    const d = this.day;
    if (d.$loaded.get()) {
      if (!isToday) return d.$damaged.get() > 0 ? 'Nothing else tracked on this day.' : 'Nothing tracked on this day.';
      return d.$damaged.get() > 0 ? 'Nothing else tracked today.' : 'Nothing tracked yet today.';
    }
    return d.$loadFailed.get()
      ? html`The sessions could not be loaded.<button type="button" class="retry" @click=${() => void d.reload()}>Try again</button>`
      : 'Loading…';
  }

  /** Rows that could not be read are hidden, never silently: say how many, and where to see why. */
  #notices(isToday: boolean) {
    const damaged = this.day.$damaged.get();
    return html`
      ${
        damaged > 0
          ? html`<p class="notice damaged" role="status">${WARNING_ICON}
            <span>${plural(damaged, 'damaged session')} hidden · <a href="#diagnostics">details</a></span></p>`
          : nothing
      }
      ${
        this.day.$truncated.get()
          ? html`<p class="notice truncated" role="status"><span>Only the first ${this.day.$sessions.get().length.toLocaleString()}
            sessions of ${isToday ? 'today' : 'this day'} are shown.</span></p>`
          : nothing
      }
    `;
  }

  #row(a: Session) {
    const d = this.day;
    const project = d.timer.projectById(a.projectId);
    const label = a.name || '(no description)';
    if (this.editing?.id === a.id) {
      return html`<li class="editing" data-id=${a.id}>
        <lt-session-editor .session=${a} .dayStart=${d.$day.get()} .projectName=${project?.name ?? ''}
          .tagNames=${d.tagNames(a.tagIds)} .projects=${d.timer.$projects.get().map((p) => p.name)}
          .focusField=${this.editing.field}
          @save=${(e: CustomEvent<SessionEdits>) => void this.#save(a, e.detail)}
          @cancel=${() => this.#closeEditor()}
          @split=${async (e: CustomEvent<number>) => {
            if (await this.report(d.split(a.id, [e.detail]))) this.#closeEditor();
          }}
          @duplicate=${async () => {
            if (await this.report(d.duplicate(a.id))) this.#closeEditor();
          }}
          @delete=${async () => {
            if (await this.report(d.bulkDelete([a.id]))) this.editing = null;
          }}></lt-session-editor>
      </li>`;
    }
    const { now, from, to } = this.#ctx;
    const end = a.endTime ?? now;
    const crosses = a.startTime < from || end > to;
    const fmt = (ms: number) => (crosses ? `${weekday.format(ms)} ${this.#format.time(ms)}` : this.#format.time(ms));
    const dayMs = workedMsWithin(a, from, to, now);
    const allMs = workedMsWithin(a, a.startTime, end + 1, now);
    const selected = this.#ctx.selected.has(a.id);
    const overlap = this.#ctx.overlapping.has(a.id);
    const tags = d.tagNames(a.tagIds);
    const meta = [project?.name, ...tags.map((t) => `#${t}`), a.billable ? '$ billable' : '']
      .filter(Boolean)
      .join(' · ');
    const focusable = this.#ctx.tabId === a.id;
    // one tab stop for the list: the focused row, then its own buttons; arrows move between rows
    const inTab = focusable ? 0 : -1;
    // a paused timer is not running: its row says since when it is paused instead of counting on to "now"
    const paused = a.endTime === null && a.pauseStartedAt !== null;
    const until = a.endTime !== null ? fmt(a.endTime) : paused ? `paused ${fmt(a.pauseStartedAt!)}` : 'now';
    const classes = [
      a.endTime === null ? (paused ? 'paused' : 'running') : '',
      selected ? 'selected' : '',
      overlap ? 'overlap' : '',
    ]
      .join(' ')
      .trim();
    return html`<li class=${classes} data-id=${a.id} tabindex=${focusable ? 0 : -1}
        aria-label=${`${label}, ${fmt(a.startTime)} to ${paused ? `now, paused since ${fmt(a.pauseStartedAt!)}` : until}${selected ? ', selected' : ''}${overlap ? ', overlaps another session' : ''}`}
        @click=${(e: MouseEvent) => this.#onRowClick(e, a)} @focus=${() => (this.focusId = a.id)}>
      <input class="pick" type="checkbox" tabindex="-1" .checked=${selected} aria-label=${`Select ${label}`}
        @click=${(e: MouseEvent) => {
          e.stopPropagation();
          if (e.shiftKey && this.#anchor) this.#selectRange(this.#anchor, a.id);
          else this.#toggle(a.id);
        }} />
      <svg class="dot" viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="5" fill=${project?.color ?? 'currentColor'}></circle></svg>
      <span class="main">
        <span class=${a.name ? 'name' : 'name unnamed'} title=${a.name ? a.name : 'No description: click to name it'}>${a.name || '(no description)'}</span>
        ${
          overlap || meta
            ? html`<span class="meta" title=${meta}>${overlap ? html`<span class="overlap-mark" title="Overlaps another session">⚠ overlap</span>${meta ? ' · ' : ''}` : ''}${meta}</span>`
            : nothing
        }
      </span>
      <span class="when" title=${`${fullDate.format(a.startTime)} – ${a.endTime === null ? (paused ? `now (paused since ${fullDate.format(a.pauseStartedAt!)})` : 'now') : fullDate.format(a.endTime)}`}>${fmt(a.startTime)}–${until}</span>
      <span class="duration" title=${crosses ? `${formatHours(dayMs)} on this day, ${formatHours(allMs)} in all` : formatHours(dayMs)}>${formatClock(dayMs)}</span>
      <span class="buttons">
        ${
          a.endTime !== null
            ? html`<button type="button" class="continue" tabindex=${inTab} title="Continue: start a timer like this one" aria-label=${`Continue ${label}`}
              @click=${() => void this.report(d.continue(a))}>▶</button>`
            : ''
        }
        <button type="button" class="edit" tabindex=${inTab} title="Edit" aria-label=${`Edit ${label}`} @click=${() => this.#edit(a.id, 'name')}>✎</button>
        <button type="button" class="delete" tabindex=${inTab} title="Delete" aria-label=${`Delete ${label}`}
          @click=${() => void this.report(d.bulkDelete([a.id]))}>×</button>
      </span>
    </li>`;
  }
}

const WARNING_ICON = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor"
  d="M12 2 1 21h22L12 2Zm0 4.3L19.5 19h-15L12 6.3ZM11 10v5h2v-5h-2Zm0 6v2h2v-2h-2Z"/></svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'lt-session-list': LtSessionList;
  }
}

/** True when no element has focus (the page itself does): keys then go to the view's main list. */
function nothingFocused(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement;
}
