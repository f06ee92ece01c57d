import { sendKeys, setViewport } from '@web/test-runner-commands';
import { expect } from 'chai';

import { announceAction } from '../../../../../renderer/components/actions.ts';
import { createServices } from '../../../../../renderer/services/services.ts';
import { createWebShell } from '../../../../../renderer/shell/web-shell.ts';
import type { LtSessionList } from '../../../../../renderer/views/day/lt-session-list.ts';
import { addLocalDays, startOfLocalDay } from '../../../../../shared/day.ts';
import { expectAccessible } from '../../../harness/a11y.ts';
import { deep, deepAll, mountApp, textOf, workerUrl, type Mounted } from '../../../harness/app-harness.ts';
import { crashAsAnotherWindowChanges, openOtherWindow } from '../../../harness/live-harness.ts';
import { until } from '../../../harness/wait.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';

const MIN = 60_000;
const list = (m: Mounted) => deep<LtSessionList>(m.app, 'lt-session-list')!;
const rows = (m: Mounted) => deepAll<HTMLLIElement>(m.app, 'lt-session-list', 'li');
const rowNamed = (m: Mounted, name: string) => rows(m).find((r) => r.querySelector('.name')?.textContent === name);
const data = (m: Mounted) => m.services.client.data;
let currentDb = '';
const dbName = (_m: Mounted) => currentDb;

async function seed(m: Mounted, names: string[], startMin = 9 * 60): Promise<void> {
  const day = startOfLocalDay(Date.now());
  let t = day + startMin * MIN;
  for (const name of names) {
    await data(m).addSession({ name, startTime: t, durationMs: 30 * MIN });
    t += 45 * MIN;
  }
  await until(() => rows(m).length === names.length, `${names.length} rows`);
}

describe('Day view (real data worker)', () => {
  let m: Mounted;
  beforeEach(async () => {
    currentDb = uniqueDbName('day');
    m = mountApp(currentDb);
    await until(() => m.services.day.$loaded.get(), 'first load');
  });
  afterEach(() => m.stop());

  it('edits a session fully by keyboard: Enter edits, Tab moves, Enter saves, Esc cancels', async () => {
    await seed(m, ['Draft']);
    rowNamed(m, 'Draft')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deep(m.app, 'lt-session-editor', 'input[name="name"]'), 'editor');
    await sendKeys({ type: 'Write report' }); // the name is selected: typing replaces it
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Client X' });
    await sendKeys({ press: 'Enter' });
    await until(() => rowNamed(m, 'Write report'), 'renamed row');
    const [s] = (await data(m).sessionsInRange(m.services.day.$range.get())).sessions;
    expect(s!.name).to.equal('Write report');
    expect(m.services.timer.projectById(s!.projectId)?.name).to.equal('Client X');
    await until(() => list(m).shadowRoot!.activeElement?.getAttribute('data-id') === s!.id, 'focus back on the row');

    await sendKeys({ press: 'Enter' });
    await until(() => deep(m.app, 'lt-session-editor'), 'editor again');
    await sendKeys({ type: 'Something else' });
    await sendKeys({ press: 'Escape' });
    await until(() => !deep(m.app, 'lt-session-editor'), 'editor closed');
    expect(rowNamed(m, 'Write report')).to.not.equal(undefined);
    expect((await data(m).getSession(s!.id)).name).to.equal('Write report');
  });

  it('edits times: an end before the start means the next day; a bad time is explained and changes nothing', async () => {
    await seed(m, ['Late']);
    rowNamed(m, 'Late')!.querySelector<HTMLElement>('.when')!.click();
    const start = await until(
      () => deep<HTMLInputElement>(m.app, 'lt-session-editor', 'input[name="start"]'),
      'start field',
    );
    expect(deep(m.app, 'lt-session-editor')!.shadowRoot!.activeElement).to.equal(start);
    start.value = '25:99';
    deep<HTMLButtonElement>(m.app, 'lt-session-editor', 'button.primary')!.click();
    await until(() => textOf(deep(m.app, 'lt-session-editor', '.problem')).includes('not a time'), 'problem shown');
    start.value = '10:00';
    deep<HTMLInputElement>(m.app, 'lt-session-editor', 'input[name="end"]')!.value = '11:15';
    deep<HTMLButtonElement>(m.app, 'lt-session-editor', 'button.primary')!.click();
    await until(() => !deep(m.app, 'lt-session-editor'), 'saved');
    const [s] = (await data(m).sessionsInRange(m.services.day.$range.get())).sessions;
    const day = startOfLocalDay(Date.now());
    expect([s!.startTime - day, s!.endTime! - day]).to.deep.equal([600 * MIN, 675 * MIN]);
  });

  it('selects by keyboard (Shift+↓) and by Ctrl/Shift-click, and bulk-moves to a project; Ctrl+Z undoes it', async () => {
    await seed(m, ['One', 'Two', 'Three']);
    rows(m)[0]!.focus();
    await sendKeys({ press: 'Shift+ArrowDown' });
    await until(() => m.services.day.$selected.get().size === 2, 'two selected');
    const bar = await until(() => deep(m.app, 'lt-bulk-bar', 'form'), 'bulk bar');
    expect(textOf(bar)).to.contain('2 sessions selected');
    await expectAccessible(deep(m.app, 'lt-day-view')!);

    deep<HTMLInputElement>(m.app, 'lt-bulk-bar', 'input[name="value"]')!.value = 'Client Y';
    deep<HTMLButtonElement>(m.app, 'lt-bulk-bar', 'button.apply')!.click();
    await until(
      async () =>
        (await data(m).sessionsInRange(m.services.day.$range.get())).sessions.filter((s) => s.projectId !== null)
          .length === 2,
      'moved',
    );
    const toast = await until(() => deep(m.app, '.toast'), 'toast');
    expect(textOf(toast)).to.contain('Undo');

    document.body.focus();
    await sendKeys({ press: 'Control+z' });
    await until(
      async () =>
        (await data(m).sessionsInRange(m.services.day.$range.get())).sessions.every((s) => s.projectId === null),
      'undone',
    );
    await until(() => textOf(deep(m.app, '.toast')).startsWith('Undone'), 'undone toast');

    // mouse: click selects one, Ctrl-click adds, Shift-click extends
    rowNamed(m, 'One')!.querySelector<HTMLElement>('.main')!.click();
    rowNamed(m, 'Three')!
      .querySelector<HTMLElement>('.main')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, ctrlKey: true }));
    expect(m.services.day.$selected.get().size).to.equal(2);
    rowNamed(m, 'Two')!
      .querySelector<HTMLElement>('.main')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, shiftKey: true }));
    expect(m.services.day.$selected.get().size).to.equal(2); // from the anchor (Three) to Two
  });

  it('J/↓ with nothing focused go to the first session; Space then Shift+↓ keeps the checked row in the selection', async () => {
    await seed(m, ['One', 'Two', 'Three']);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'j' });
    const first = rows(m)[0]!;
    await until(() => deep(m.app, 'lt-session-list')!.shadowRoot!.activeElement === first, 'first row focused');
    await sendKeys({ press: 'Space' });
    await until(() => m.services.day.$selected.get().size === 1, 'one checked');
    await sendKeys({ press: 'Shift+ArrowDown' });
    await until(() => m.services.day.$selected.get().size === 2, 'the checked row and the next');
    const selected = [...m.services.day.$selected.get()];
    expect(selected).to.have.members([first.dataset['id']!, rows(m)[1]!.dataset['id']!]);
    // a row clicked earlier must not stay the anchor once another row is checked with Space
    m.services.day.select([]);
    rows(m)[2]!.querySelector<HTMLElement>('.main')!.click();
    rows(m)[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Shift+ArrowDown' });
    await until(() => m.services.day.$selected.get().size === 2, 'range from the checked row');
    expect([...m.services.day.$selected.get()]).to.have.members([
      rows(m)[0]!.dataset['id']!,
      rows(m)[1]!.dataset['id']!,
    ]);
    // with nothing focused, ↓ does the same as J
    m.services.day.select([]);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'ArrowDown' });
    await until(
      () => deep(m.app, 'lt-session-list')!.shadowRoot!.activeElement === rows(m)[0],
      'first row focused by ↓',
    );
  });

  it('adds a manual entry, splits it, merges it back, and offers the overlap choices', async () => {
    const add = await until(() => deep(m.app, 'lt-add-entry', 'form'), 'add form');
    (add.querySelector('[name="name"]') as HTMLInputElement).value = 'Manual';
    (add.querySelector('[name="start"]') as HTMLInputElement).value = '13:00';
    (add.querySelector('[name="end"]') as HTMLInputElement).value = '15:00';
    add.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => rowNamed(m, 'Manual'), 'manual row');

    rowNamed(m, 'Manual')!.querySelector<HTMLButtonElement>('button.edit')!.click();
    (await until(() => deep<HTMLButtonElement>(m.app, 'lt-session-editor', 'button.split-open'), 'split')).click();
    const at = await until(
      () => deep<HTMLInputElement>(m.app, 'lt-session-editor', 'input[name="split-at"]'),
      'split field',
    );
    expect(at.value).to.equal('14:00');
    deep<HTMLButtonElement>(m.app, 'lt-session-editor', 'button.split-do')!.click();
    await until(() => rows(m).length === 2, 'two pieces');

    m.services.day.select(rows(m).map((r) => r.dataset['id']!));
    (await until(() => deep<HTMLButtonElement>(m.app, 'lt-bulk-bar', 'button.merge'), 'merge')).click();
    await until(() => rows(m).length === 1, 'merged');
    const [merged] = (await data(m).sessionsInRange(m.services.day.$range.get())).sessions;
    expect(merged!.endTime! - merged!.startTime).to.equal(120 * MIN);

    // an entry over it: the worker refuses, the user picks "trim the other"
    (add.querySelector('[name="name"]') as HTMLInputElement).value = 'Meeting';
    (add.querySelector('[name="start"]') as HTMLInputElement).value = '14:30';
    (add.querySelector('[name="end"]') as HTMLInputElement).value = '16:00';
    add.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const dialog = await until(() => deep<HTMLDialogElement>(m.app, 'lt-day-prompt', 'dialog[open]'), 'overlap dialog');
    expect(textOf(dialog)).to.contain('Manual');
    await expectAccessible(dialog);
    dialog.querySelector<HTMLButtonElement>('button.trim-others')!.click();
    await until(() => rows(m).length === 2, 'meeting added');
    const manual = (await data(m).sessionsInRange(m.services.day.$range.get())).sessions.find(
      (s) => s.name === 'Manual',
    )!;
    expect(manual.endTime! - startOfLocalDay(Date.now())).to.equal(14.5 * 60 * MIN);
  });

  it('follows other windows: the undo state refreshes, and the toast Undo of a row changed elsewhere is refused in words', async () => {
    await seed(m, ['Shared']);
    const id = rows(m)[0]!.dataset['id']!;
    const other = createServices(createWebShell(), { workerUrl, dbName: dbName(m) });
    try {
      rowNamed(m, 'Shared')!.querySelector<HTMLButtonElement>('button.edit')!.click();
      const name = await until(
        () => deep<HTMLInputElement>(m.app, 'lt-session-editor', 'input[name="name"]'),
        'editor',
      );
      name.value = 'Mine';
      deep<HTMLButtonElement>(m.app, 'lt-session-editor', 'button.primary')!.click();
      const undo = await until(
        () => (textOf(deep(m.app, '.toast')).includes('Undo') ? deep<HTMLButtonElement>(m.app, '.toast button') : null),
        'Undo toast',
      );
      const mine = m.services.undo.$state.get().undo!.id;

      await other.client.data.updateSession({ id, patch: { name: 'Theirs' } });
      await until(() => m.services.undo.$state.get().undo?.id !== mine, 'undo state refreshed from the other window');
      await until(() => rowNamed(m, 'Theirs'), 'row refreshed');
      undo.click(); // the toast names our rename: the row changed since, so it is refused
      const error = await until(() => deep(m.app, '.toast.error'), 'error toast');
      expect(textOf(error)).to.match(/Cannot undo .*changed since/);
      expect((await data(m).getSession(id)).name).to.equal('Theirs');
    } finally {
      other.client.dispose();
    }
  });

  it('never fires single-key shortcuts while typing, and ? lists every shortcut', async () => {
    await data(m).startTimer({ name: 'Running' });
    await until(() => m.services.timer.$running.get(), 'running');
    const name = await until(() => deep<HTMLInputElement>(m.app, 'lt-timer-bar', 'input[name="name"]'), 'name field');
    name.focus();
    await sendKeys({ type: 'sp?[' });
    await new Promise((r) => setTimeout(r, 200));
    expect(name.value).to.equal('sp?[');
    expect(m.services.timer.$running.get()?.pauseStartedAt).to.equal(null);
    expect(deep(m.app, 'lt-shortcut-help', 'dialog[open]')).to.equal(null);
    expect(m.services.day.$isToday.get()).to.equal(true);

    name.blur();
    await sendKeys({ press: 'Shift+Slash' });
    const help = await until(() => deep(m.app, 'lt-shortcut-help', 'dialog[open]'), 'help dialog');
    for (const label of ['Undo', 'Redo', 'Stop the running timer', 'Previous day', 'Edit the session'])
      expect(textOf(help)).to.contain(label);
    await expectAccessible(help);
    await sendKeys({ press: 'Escape' });
    await until(() => !deep(m.app, 'lt-shortcut-help', 'dialog[open]'), 'help closed');
  });

  it('the add row: Duration follows Start and End as they are typed, End follows Duration, and its hint fits', async () => {
    const add = await until(() => deep(m.app, 'lt-add-entry', 'form'), 'add form');
    const field = (n: string) => add.querySelector<HTMLInputElement>(`[name="${n}"]`)!;
    field('start').select();
    field('start').focus();
    await sendKeys({ type: '9:15' });
    field('end').focus();
    await sendKeys({ type: '10:45' });
    expect(field('duration').value).to.equal('1:30');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '0' }); // 10:40
    expect(field('duration').value).to.equal('1:25');
    field('duration').select();
    field('duration').focus();
    await sendKeys({ type: '2:00' });
    expect(field('end').value).to.equal('11:15');
    // the End hint is not cut off: the placeholder fits its box
    const end = field('end');
    end.value = '';
    const probe = document.createElement('span');
    probe.style.font = getComputedStyle(end).font;
    probe.textContent = end.placeholder;
    document.body.append(probe);
    const padding = parseFloat(getComputedStyle(end).paddingLeft) + parseFloat(getComputedStyle(end).paddingRight);
    expect(probe.getBoundingClientRect().width).to.be.at.most(end.clientWidth - padding);
    probe.remove();
  });

  it('the toast never covers the field that has focus (the add row on a short window)', async () => {
    await seed(m, ['One', 'Two']);
    const add = await until(() => deep(m.app, 'lt-add-entry', 'form'), 'add form');
    const project = add.querySelector<HTMLInputElement>('[name="project"]')!;
    // a window just tall enough for the add row: it sits where the toast shows, at the bottom
    await setViewport({ width: 800, height: Math.ceil(project.getBoundingClientRect().bottom + 24) });
    try {
      project.focus();
      announceAction(project, { id: 1, label: 'Add “call”' });
      const toastEl = await until(() => deep(m.app, '.toast'), 'toast');
      await new Promise((r) => requestAnimationFrame(r));
      const a = project.getBoundingClientRect();
      const t = toastEl.getBoundingClientRect();
      const covers = a.left < t.right && a.right > t.left && a.top < t.bottom && a.bottom > t.top;
      expect(covers, `toast ${JSON.stringify(t)} over the field ${JSON.stringify(a)}`).to.equal(false);
      // focus elsewhere, away from the bottom: the toast goes back down
      deep<HTMLInputElement>(m.app, 'lt-timer-bar', 'input[name="name"]')!.focus();
      await until(() => !toastEl.classList.contains('top'), 'toast back at the bottom');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it("Ctrl+Z acts in an empty field (right after adding an entry) but is the field's own undo while it holds text", async () => {
    const add = await until(() => deep(m.app, 'lt-add-entry', 'form'), 'add form');
    const name = add.querySelector<HTMLInputElement>('[name="name"]')!;
    name.focus();
    await sendKeys({ type: 'Added by hand' });
    await sendKeys({ press: 'Enter' });
    await until(() => rowNamed(m, 'Added by hand'), 'added');
    await until(
      () => deep(m.app, 'lt-add-entry')!.shadowRoot!.activeElement === name && name.value === '',
      'focus back in the empty name field',
    );
    await sendKeys({ type: 'x' });
    await sendKeys({ press: 'Control+z' }); // text in the field: the field's own undo
    await new Promise((r) => setTimeout(r, 200));
    expect(rowNamed(m, 'Added by hand')).to.not.equal(undefined);
    name.value = '';
    await sendKeys({ press: 'Control+z' });
    await until(() => rows(m).length === 0, 'the entry undone');
  });

  it('asks before Enter replaces a running timer', async () => {
    await data(m).startTimer({ name: 'Deep work' });
    const name = await until(() => deep<HTMLInputElement>(m.app, 'lt-timer-bar', 'input[name="name"]'), 'name field');
    await until(() => m.services.timer.$running.get(), 'running');
    name.focus();
    await sendKeys({ press: 'Enter' }); // an empty field: it used to replace the timer silently
    const ask = await until(() => deep(m.app, 'lt-timer-bar', '.ask'), 'question');
    expect(textOf(ask)).to.contain('Deep work');
    expect(m.services.timer.$running.get()?.name).to.equal('Deep work');
    await sendKeys({ press: 'Escape' });
    await until(() => !deep(m.app, 'lt-timer-bar', '.ask'), 'kept');
    name.value = 'Email';
    await sendKeys({ press: 'Enter' });
    (await until(() => deep<HTMLButtonElement>(m.app, 'lt-timer-bar', '.confirm-start'), 'ask again')).click();
    await until(() => m.services.timer.$running.get()?.name === 'Email', 'replaced when told to');
  });

  it('shows any day; a session crossing midnight shows its dates and counts its part on each day', async () => {
    const today = startOfLocalDay(Date.now());
    const yesterday = addLocalDays(today, -1);
    await data(m).addSession({ name: 'Night shift', startTime: today - 60 * MIN, endTime: today + 30 * MIN });
    await until(() => rowNamed(m, 'Night shift'), 'row today');
    expect(textOf(deep(m.app, 'lt-session-list', '.total'))).to.equal('30m');
    document.body.focus();
    await sendKeys({ press: 'BracketLeft' });
    await until(() => m.services.day.$day.get() === yesterday && m.services.day.$loaded.get(), 'yesterday');
    const row = await until(() => rowNamed(m, 'Night shift'), 'row yesterday');
    expect(textOf(deep(m.app, 'lt-session-list', '.total'))).to.equal('1h 00m');
    expect(row.querySelector('.when')!.textContent).to.match(/\w{3}.*–.*\w{3}/); // weekday on both ends
    expect(textOf(deep(m.app, 'lt-session-list', 'h2'))).to.not.equal('Today');
    await sendKeys({ press: 't' });
    await until(() => m.services.day.$isToday.get(), 'back to today');
  });

  it('cuts a 500-character name with an ellipsis and keeps the page within the window', async () => {
    await seed(m, ['x'.repeat(500)]);
    const name = rows(m)[0]!.querySelector<HTMLElement>('.name')!;
    expect(name.title).to.have.length(500);
    expect(name.scrollWidth).to.be.greaterThan(name.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
    await expectAccessible(m.app);
  });

  it('renders a day of 500 sessions through the virtualizer (only a window of rows in the DOM)', async () => {
    const day = startOfLocalDay(Date.now());
    await data(m).insertSessions(
      Array.from({ length: 500 }, (_, i) => ({
        name: `Imported ${i}`,
        projectId: null,
        startTime: day + i * 2 * MIN,
        endTime: day + (i * 2 + 1) * MIN,
      })),
    );
    await m.services.day.reload();
    await until(() => rows(m).length > 0, 'rows');
    expect(rows(m).length).to.be.lessThan(200);
    expect(textOf(deep(m.app, 'lt-session-list', '.total'))).to.equal('8h 20m');
    rows(m)[0]!.focus();
    await sendKeys({ press: 'End' });
    await until(
      () => list(m).shadowRoot!.activeElement?.querySelector('.name')?.textContent === 'Imported 0',
      'last row focused',
    );
  });

  it('shows a session another window added as its data worker died', async () => {
    m.stop();
    const other = await openOtherWindow(currentDb);
    try {
      m = mountApp(currentDb);
      await until(() => m.services.day.$loaded.get(), 'first load');
      const day = startOfLocalDay(Date.now());
      await crashAsAnotherWindowChanges(m.services.client, other, (api) =>
        api.addSession({ name: 'Added elsewhere', startTime: day + 9 * 60 * MIN, durationMs: 30 * MIN }),
      );
      await until(() => rowNamed(m, 'Added elsewhere'), 'the other window’s session in the list');
    } finally {
      other.worker.terminate();
    }
  });
});
