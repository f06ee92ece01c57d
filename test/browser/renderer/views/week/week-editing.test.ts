import { expect } from 'chai';

import { KEY_SETTLE_MS } from '../../../../../renderer/views/week/week-keys.ts';
import { expectAccessible } from '../../../harness/a11y.ts';
import { until } from '../../../harness/wait.ts';
import {
  at,
  blocks,
  column,
  drag,
  grid,
  gridRoot,
  key,
  mountWeek,
  pointAt,
  showWeek,
  waitForAction,
  type MountedWeek,
} from '../../../harness/week-harness.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';

// Monday 2 March 2026, local time (America/New_York in these tests)
const MON = at(2026, 3, 2);

const editor = (m: MountedWeek) => m.view.shadowRoot!.querySelector('lt-week-editor')!;
const overlap = (m: MountedWeek) => m.view.shadowRoot!.querySelector('lt-week-overlap')!;

async function session(m: MountedWeek, id: string) {
  return m.client.data.getSession(id);
}

describe('week view editing (real data worker)', () => {
  let m: MountedWeek;
  let report: string;
  let call: string;

  beforeEach(async () => {
    m = await mountWeek(uniqueDbName('week-edit'));
    report = (
      await m.client.data.addSession({
        name: 'Write report',
        startTime: at(2026, 3, 2, 9),
        endTime: at(2026, 3, 2, 10, 30),
      })
    ).sessions[0]!.id;
    call = (
      await m.client.data.addSession({
        name: 'Client call',
        startTime: at(2026, 3, 2, 13),
        endTime: at(2026, 3, 2, 14),
      })
    ).sessions[0]!.id;
    await showWeek(m.view, MON);
    await until(() => blocks(m.view).length === 2, 'two blocks');
  });
  afterEach(() => m.stop());

  it('creates a session by dragging on empty time, snapped to 5 minutes', async () => {
    await drag(column(m.view, 3), pointAt(m.view, 3, 10 * 60 + 2), pointAt(m.view, 3, 11 * 60 + 28), false);
    const ghost = await until(() => gridRoot(m.view).querySelector('.ghost'), 'outline of the new session');
    expect(ghost.textContent).to.match(/10:00.*11:30/);
    await drag(column(m.view, 3), pointAt(m.view, 3, 10 * 60 + 2), pointAt(m.view, 3, 11 * 60 + 28));
    await until(() => editor(m).isOpen, 'editor for the new session');
    const root = editor(m).shadowRoot!;
    expect(root.querySelector<HTMLInputElement>('input[name="start"]')!.value).to.equal('2026-03-05T10:00');
    expect(root.querySelector<HTMLInputElement>('input[name="end"]')!.value).to.equal('2026-03-05T11:30');
    root.querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Dragged in';
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const action = await waitForAction(m, 1);
    expect(action.label).to.contain('Dragged in');
    const created = await until(() => m.view.model!.$sessions.get().find((s) => s.name === 'Dragged in'), 'created');
    expect([created.startTime, created.endTime]).to.deep.equal([at(2026, 3, 5, 10), at(2026, 3, 5, 11, 30)]);
  });

  it('moves a block by dragging (across days too) and resizes it by its edges, in 5-minute steps', async () => {
    const block = () => blocks(m.view, report)[0]!;
    // grab at 09:30, drop at 10:17 on Tuesday: +47 min → starts 09:47 → snapped to 09:45
    await drag(block(), pointAt(m.view, 0, 9 * 60 + 30), pointAt(m.view, 1, 10 * 60 + 17));
    await waitForAction(m, 1);
    let s = await session(m, report);
    expect([s.startTime, s.endTime]).to.deep.equal([at(2026, 3, 3, 9, 45), at(2026, 3, 3, 11, 15)]);
    await until(() => block().closest('.col')!.getAttribute('data-day') === '1', 'block on Tuesday');

    // a press within 6 px of a block's bottom (top) grabs its end (start)
    await drag(block(), pointAt(m.view, 1, 11 * 60 + 14), pointAt(m.view, 1, 12 * 60 + 12));
    await waitForAction(m, 2);
    s = await session(m, report);
    expect(s.endTime).to.equal(at(2026, 3, 3, 12, 10));

    await drag(block(), pointAt(m.view, 1, 9 * 60 + 46), pointAt(m.view, 1, 8 * 60 + 53));
    await waitForAction(m, 3);
    s = await session(m, report);
    expect(s.startTime).to.equal(at(2026, 3, 3, 8, 55));
    expect(m.errors).to.deep.equal([]);
  });

  it('cancels a drag with Escape and puts the block back', async () => {
    const block = blocks(m.view, report)[0]!;
    await drag(block, pointAt(m.view, 0, 9 * 60 + 30), pointAt(m.view, 0, 11 * 60), false);
    await until(() => blocks(m.view, report)[0]!.dataset['top'] === String(11 * 60 - 30), 'preview while dragging');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await until(() => blocks(m.view, report)[0]!.dataset['top'] === '540', 'back in place');
    expect(m.actions).to.have.length(0);
  });

  it('moves and resizes by keyboard, saving a burst of keys as one change', async () => {
    const block = () => blocks(m.view, report)[0]!;
    block().focus();
    key(block(), 'ArrowDown');
    key(block(), 'ArrowDown');
    key(block(), 'ArrowDown');
    await until(() => block().dataset['top'] === String(9 * 60 + 15), 'preview 15 min later');
    await waitForAction(m, 1);
    let s = await session(m, report);
    expect([s.startTime, s.endTime]).to.deep.equal([at(2026, 3, 2, 9, 15), at(2026, 3, 2, 10, 45)]);
    expect((await m.client.data.undoState()).undoCount).to.equal(3); // two adds + one move

    key(block(), 'ArrowDown', { shiftKey: true }); // end +5
    key(block(), 'ArrowUp', { altKey: true }); // start −5
    key(block(), 'ArrowRight'); // next day
    await waitForAction(m, 2);
    s = await session(m, report);
    expect([s.startTime, s.endTime]).to.deep.equal([at(2026, 3, 3, 9, 10), at(2026, 3, 3, 10, 50)]);
    await until(
      () => gridRoot(m.view).activeElement === block() && block().closest('.col')!.getAttribute('data-day') === '1',
      'focus follows the block',
    );

    key(block(), 'Enter');
    await until(() => editor(m).isOpen, 'editor on Enter');
    const name = editor(m).shadowRoot!.querySelector<HTMLInputElement>('input[name="name"]')!;
    expect(name.value).to.equal('Write report');
    name.value = 'Write the report';
    editor(m).shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitForAction(m, 3);
    expect((await session(m, report)).name).to.equal('Write the report');

    block().focus();
    key(block(), 'Delete');
    await waitForAction(m, 4);
    expect((await session(m, report)).deletedAt).to.not.equal(null);
    await until(() => blocks(m.view, report).length === 0, 'block removed');
  });

  it('takes back an unsaved keyboard move with Escape', async () => {
    const block = () => blocks(m.view, report)[0]!;
    block().focus();
    key(block(), 'ArrowUp');
    await until(() => block().dataset['top'] === String(9 * 60 - 5), 'preview');
    key(block(), 'Escape');
    await until(() => block().dataset['top'] === '540', 'back');
    await new Promise((r) => setTimeout(r, KEY_SETTLE_MS + 200));
    expect(m.actions).to.have.length(0);
  });

  it('adds a session from the empty-time cursor with arrows and N', async () => {
    const slot = gridRoot(m.view).querySelector<HTMLElement>('.slot')!;
    grid(m.view).focusSlot(0, 9 * 60);
    await until(() => gridRoot(m.view).activeElement === slot, 'cursor focused');
    key(slot, 'ArrowRight');
    key(slot, 'ArrowRight');
    key(slot, 'ArrowDown');
    key(slot, 'ArrowDown');
    await grid(m.view).updateComplete;
    expect(slot.getAttribute('aria-label')).to.match(/Wednesday.*10:00.* to 10:30/);
    key(slot, 'n');
    await until(() => editor(m).isOpen, 'editor');
    const root = editor(m).shadowRoot!;
    expect(root.querySelector<HTMLInputElement>('input[name="start"]')!.value).to.equal('2026-03-04T10:00');
    root.querySelector<HTMLInputElement>('input[name="name"]')!.value = 'From the keyboard';
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitForAction(m, 1);
    const created = m.view.model!.$sessions.get().find((s) => s.name === 'From the keyboard')!;
    expect([created.startTime, created.endTime]).to.deep.equal([at(2026, 3, 4, 10), at(2026, 3, 4, 10, 30)]);
  });

  it('offers the overlap choices when a move would overlap, and retries with the one chosen', async () => {
    const block = () => blocks(m.view, report)[0]!;
    // 09:00-10:30 dragged to 12:30-14:00 overlaps the call (13:00-14:00); grabbed by its body, not its top edge
    await drag(block(), pointAt(m.view, 0, 9 * 60 + 30), pointAt(m.view, 0, 13 * 60));
    await until(() => overlap(m).isOpen, 'overlap choices');
    expect(overlap(m).shadowRoot!.textContent).to.contain('Client call');
    expect(block().dataset['top']).to.equal(String(12 * 60 + 30)); // stays where it was dropped while asking
    await expectAccessible(overlap(m));
    overlap(m).shadowRoot!.querySelector<HTMLButtonElement>('button[data-choice="trim-this"]')!.click();
    await waitForAction(m, 1);
    const s = await session(m, report);
    expect([s.startTime, s.endTime]).to.deep.equal([at(2026, 3, 2, 12, 30), at(2026, 3, 2, 13)]);

    // cancelling puts the block back
    await drag(blocks(m.view, call)[0]!, pointAt(m.view, 0, 13 * 60 + 30), pointAt(m.view, 0, 13 * 60));
    await until(() => overlap(m).isOpen, 'overlap choices again');
    overlap(m).shadowRoot!.querySelector<HTMLButtonElement>('button[data-choice="cancel"]')!.click();
    await until(() => blocks(m.view, call)[0]!.dataset['top'] === String(13 * 60), 'call back in place');
    expect((await session(m, call)).startTime).to.equal(at(2026, 3, 2, 13));

    // trimming the other
    await drag(blocks(m.view, call)[0]!, pointAt(m.view, 0, 13 * 60 + 30), pointAt(m.view, 0, 13 * 60 + 15));
    await until(() => overlap(m).isOpen, 'overlap choices a third time');
    overlap(m).shadowRoot!.querySelector<HTMLButtonElement>('button[data-choice="trim-others"]')!.click();
    await waitForAction(m, 2);
    const trimmed = await session(m, report);
    expect(trimmed.endTime).to.equal(at(2026, 3, 2, 12, 45));
  });

  it('reports a refused change as lt-error and changes nothing', async () => {
    blocks(m.view, report)[0]!.focus();
    key(blocks(m.view, report)[0]!, 'Enter');
    await until(() => editor(m).isOpen, 'editor');
    editor(m).shadowRoot!.querySelector<HTMLInputElement>('input[name="name"]')!.value = 'bad\u0000name';
    editor(m).shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => m.errors.length === 1, 'lt-error');
    expect(m.errors[0]!.code).to.equal('VALIDATION');
    expect((await session(m, report)).name).to.equal('Write report');
    expect(m.actions).to.have.length(0);
  });

  it('keeps the editor accessible', async () => {
    blocks(m.view, call)[0]!.focus();
    key(blocks(m.view, call)[0]!, 'Enter');
    await until(() => editor(m).isOpen, 'editor');
    await expectAccessible(editor(m));
    editor(m).shadowRoot!.querySelector('dialog')!.close();
  });
});
