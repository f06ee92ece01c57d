// Mounts <lt-week-view> on a database of its own with the real data worker, and drives it like a user: pointer
// drags on the grid, keys on blocks, answers in its dialogs.
import '../../../renderer/views/week/lt-week-view.ts';

import { DataClient } from '../../../renderer/services/data-client.ts';
import type { LtWeekGrid } from '../../../renderer/views/week/lt-week-grid.ts';
import type { LtWeekView } from '../../../renderer/views/week/lt-week-view.ts';
import type { ActionRef } from '../../../shared/session-edits.ts';
import { until } from './wait.ts';

export const workerUrl = new URL('../../../workers/data/data-worker.ts', import.meta.url);

export interface MountedWeek {
  view: LtWeekView;
  client: DataClient;
  /** the database file the view opened */
  dbName: string;
  actions: ActionRef[];
  errors: Array<{ code: string; message: string }>;
  stop: () => void;
}

/** Local time: `at(2026, 3, 2, 9, 30)` is 2 March 2026, 09:30 in the browser's zone (America/New_York here). */
export function at(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return new Date(year, month - 1, day, hour, minute).getTime();
}

export async function mountWeek(dbName: string, width = 1280): Promise<MountedWeek> {
  const client = new DataClient({ workerUrl, dbName });
  await client.start();
  const view = document.createElement('lt-week-view');
  view.client = client;
  view.style.width = `${width}px`;
  view.style.display = 'block';
  const actions: ActionRef[] = [];
  const errors: Array<{ code: string; message: string }> = [];
  const onAction = (e: Event) => actions.push((e as CustomEvent<ActionRef>).detail);
  const onError = (e: Event) => errors.push((e as CustomEvent<{ code: string; message: string }>).detail);
  document.addEventListener('lt-action', onAction);
  document.addEventListener('lt-error', onError);
  document.body.append(view);
  return {
    view,
    client,
    dbName,
    actions,
    errors,
    stop: () => {
      document.removeEventListener('lt-action', onAction);
      document.removeEventListener('lt-error', onError);
      view.remove();
      client.dispose();
    },
  };
}

export function grid(view: LtWeekView): LtWeekGrid {
  return view.shadowRoot!.querySelector('lt-week-grid')!;
}

export function gridRoot(view: LtWeekView): ShadowRoot {
  return grid(view).shadowRoot!;
}

export function blocks(view: LtWeekView, id?: string): HTMLElement[] {
  const all = [...gridRoot(view).querySelectorAll<HTMLElement>('.block')];
  return id ? all.filter((b) => b.dataset['id'] === id) : all;
}

export function column(view: LtWeekView, day: number): HTMLElement {
  return gridRoot(view).querySelector<HTMLElement>(`.col[data-day="${day}"]`)!;
}

/** Shows the week holding `ms` and waits for it to be read. */
export async function showWeek(view: LtWeekView, ms: number): Promise<void> {
  await until(() => view.model?.$loaded.get(), 'first load');
  await view.model!.showWeekOf(ms);
  await until(() => view.model!.$loaded.get(), 'week load');
  await grid(view).updateComplete;
}

/** The viewport point of a wall-clock minute in a day column (centred horizontally, or at `xFraction`). */
export function pointAt(view: LtWeekView, day: number, minute: number, xFraction = 0.5): { x: number; y: number } {
  const rect = column(view, day).getBoundingClientRect();
  return { x: rect.left + rect.width * xFraction, y: rect.top + (rect.height * minute) / 1440 };
}

function pointer(type: string, target: EventTarget, p: { x: number; y: number }): void {
  target.dispatchEvent(
    new PointerEvent(type, {
      clientX: p.x,
      clientY: p.y,
      button: 0,
      buttons: type === 'pointerup' ? 0 : 1,
      pointerId: 7,
      pointerType: 'mouse',
      isPrimary: true,
      bubbles: true,
      composed: true,
      cancelable: true,
    }),
  );
}

/** Presses on `target` at `from`, moves in a few steps to `to`, releases (unless `release` is false). */
export async function drag(
  target: Element,
  from: { x: number; y: number },
  to: { x: number; y: number },
  release = true,
): Promise<void> {
  pointer('pointerdown', target, from);
  // later events go where a real pointer's would once the pressed block is redrawn elsewhere: up to the window
  for (const f of [0.25, 0.5, 0.75, 1]) {
    pointer('pointermove', document.body, { x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f });
    await new Promise((r) => requestAnimationFrame(r));
  }
  if (release) pointer('pointerup', document.body, to);
}

export function key(target: Element, k: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init }),
  );
}

export async function waitForAction(m: MountedWeek, count: number): Promise<ActionRef> {
  await until(() => m.actions.length >= count, `${count} lt-action event(s)`);
  return m.actions[count - 1]!;
}
