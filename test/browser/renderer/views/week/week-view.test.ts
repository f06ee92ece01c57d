import { expect } from 'chai';

import { grabAt } from '../../../../../renderer/views/week/week-columns.ts';
import { layoutWeek, weekDays, weekStartOf, weekTotals } from '../../../../../renderer/views/week/week-layout.ts';
import type { Session } from '../../../../../shared/session.ts';
import { expectAccessible, useAppStyles } from '../../../harness/a11y.ts';
import { crashAsAnotherWindowChanges, openOtherWindow } from '../../../harness/live-harness.ts';
import { enforceStyleCsp } from '../../../harness/style-csp.ts';
import { until } from '../../../harness/wait.ts';
import { at, blocks, column, gridRoot, mountWeek, showWeek, type MountedWeek } from '../../../harness/week-harness.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';

// Monday 2 March 2026; clocks in New York spring forward on Sunday 8 March (a 23-hour day).
const MON = at(2026, 3, 2);

function session(id: string, startTime: number, endTime: number | null, extra: Partial<Session> = {}): Session {
  return {
    id,
    name: id,
    description: '',
    projectId: null,
    startTime,
    endTime,
    pausedMs: 0,
    pauseStartedAt: null,
    pauses: [],
    billable: false,
    tagIds: [],
    isManual: true,
    source: 'timer',
    deletedAt: null,
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

describe('week layout (pure)', () => {
  it('starts weeks on the chosen weekday and keeps calendar days across DST', () => {
    expect(weekStartOf(at(2026, 3, 8, 12), 1)).to.equal(MON);
    expect(weekStartOf(at(2026, 3, 8, 12), 0)).to.equal(at(2026, 3, 8));
    const days = weekDays(MON);
    expect(days.map((d) => d.key)).to.deep.equal([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
    expect((days[6]!.to - days[6]!.from) / 3_600_000).to.equal(23);
    // autumn: Sunday 1 November 2026 has 25 hours
    const autumn = weekDays(weekStartOf(at(2026, 11, 1, 12)));
    expect((autumn[6]!.to - autumn[6]!.from) / 3_600_000).to.equal(25);
  });

  it('places pauses, lanes for overlaps, and counts only worked time', () => {
    const days = weekDays(MON);
    const a = session('a', at(2026, 3, 2, 9), at(2026, 3, 2, 11), {
      pauses: [{ start: at(2026, 3, 2, 10), end: at(2026, 3, 2, 10, 30) }],
      pausedMs: 30 * 60_000,
    });
    const b = session('b', at(2026, 3, 2, 10), at(2026, 3, 2, 12));
    const [monday] = layoutWeek([a, b], days, Date.now());
    expect(monday!.map((p) => [p.session.id, p.lane, p.lanes])).to.deep.equal([
      ['a', 0, 2],
      ['b', 1, 2],
    ]);
    expect(monday![0]!.pauses).to.deep.equal([{ top: 600, bottom: 630 }]);
    const totals = weekTotals([a, b], days, Date.now());
    expect(totals.days[0]).to.equal(90 * 60_000 + 120 * 60_000);
  });

  it('grows a running session to now', () => {
    const now = at(2026, 3, 4, 14, 10);
    const running = session('r', at(2026, 3, 4, 13), null);
    const layout = layoutWeek([running], weekDays(MON), now);
    expect(layout[2]!.map((p) => [p.top, p.bottom, p.running, p.isEnd])).to.deep.equal([[780, 850, true, false]]);
  });
});

// a style="" written by the view shows up as a CSP violation, as in the app
const styleViolations = enforceStyleCsp();

describe('week view (real data worker)', () => {
  let m: MountedWeek;
  let ids: Record<string, string>;

  beforeEach(async () => {
    m = await mountWeek(uniqueDbName('week'));
    const project = await m.client.data.createProject({
      name: 'Client with a rather long project name',
      color: '#22a06b',
    });
    const add = async (name: string, startTime: number, endTime: number, projectId: string | null = null) =>
      (await m.client.data.addSession({ name, startTime, endTime, projectId })).sessions[0]!.id;
    ids = {
      mon: await add('Write report', at(2026, 3, 2, 9), at(2026, 3, 2, 10, 30), project.id),
      night: await add('Night deploy', at(2026, 3, 3, 23), at(2026, 3, 4, 1)),
      dst: await add('Across the DST jump', at(2026, 3, 8, 1, 30), at(2026, 3, 8, 3, 30)),
      long: await add(
        'A'.repeat(40) + ' very long name that never fits in a block',
        at(2026, 3, 5, 14),
        at(2026, 3, 5, 15),
      ),
      before: await add('Last week', at(2026, 2, 27, 9), at(2026, 2, 27, 10)),
    };
    await showWeek(m.view, MON);
    await until(() => blocks(m.view).length === 5, 'five blocks (the night session in two pieces)');
  });
  afterEach(() => m.stop());

  it('places blocks by their start and end, a midnight-crossing session on both days, DST by the wall clock', () => {
    const piece = (id: string) =>
      blocks(m.view, id).map((b) => [
        Number(b.closest('.col')!.getAttribute('data-day')),
        Number(b.dataset['top']),
        Number(b.dataset['bottom']),
      ]);
    expect(piece(ids.mon!)).to.deep.equal([[0, 540, 630]]);
    expect(piece(ids.night!)).to.deep.equal([
      [1, 1380, 1440],
      [2, 0, 60],
    ]);
    // 01:30 to 03:30 on the spring-forward day: one hour of work, drawn from 01:30 to 03:30 on the clock face
    expect(piece(ids.dst!)).to.deep.equal([[6, 90, 210]]);
    expect(blocks(m.view, ids.before!)).to.have.length(0);

    // the pixels follow: top and height as fractions of the column
    const col = column(m.view, 0).getBoundingClientRect();
    const block = blocks(m.view, ids.mon!)[0]!.getBoundingClientRect();
    expect(block.top - col.top).to.be.closeTo((col.height * 540) / 1440, 1);
    expect(block.height).to.be.closeTo((col.height * 90) / 1440, 1);
    // the midnight pieces show their continuation, and only the first piece is a tab stop
    const [late, early] = blocks(m.view, ids.night!);
    expect(late!.classList.contains('cont-after')).to.equal(true);
    expect(early!.classList.contains('cont-before')).to.equal(true);
    expect([late!.tabIndex, early!.tabIndex]).to.deep.equal([0, -1]);
  });

  it('totals each day and each project for the week', () => {
    const totals = [...gridRoot(m.view).querySelectorAll<HTMLElement>('.dtotal')].map(
      (t) => Number(t.dataset['total']) / 60_000,
    );
    expect(totals).to.deep.equal([90, 60, 60, 60, 0, 0, 60]);
    expect(m.view.shadowRoot!.querySelector('.week-total')!.textContent).to.equal('5h 30m');
    const rows = [...m.view.shadowRoot!.querySelectorAll('ul.projects li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).to.deep.equal(['No project 4h 00m', 'Client with a rather long project name 1h 30m']);
  });

  it('cuts long names with an ellipsis and gives the full text on hover and focus', async () => {
    const block = blocks(m.view, ids.long!)[0]!;
    // the name is the block's first line of text
    expect(block.querySelector('.name')!.textContent).to.contain('very long name');
    expect(block.scrollWidth).to.be.greaterThan(block.clientWidth);
    expect(getComputedStyle(block).textOverflow).to.equal('ellipsis');
    expect(block.title).to.contain('very long name that never fits in a block');
    block.focus();
    await until(
      () => gridRoot(m.view).querySelector('.focus-info')!.textContent!.includes('never fits in a block'),
      'full name on focus',
    );
    expect(document.documentElement.scrollWidth).to.be.at.most(1280 + 16); // the view (1280 px here) holds the grid
  });

  it('moves between weeks and back to this week', async () => {
    const title = () => m.view.shadowRoot!.querySelector('h2')!.textContent;
    const first = title();
    m.view.shadowRoot!.querySelector<HTMLButtonElement>('button.next')!.click();
    await until(() => title() !== first && m.view.model!.$loaded.get(), 'next week');
    expect(blocks(m.view)).to.have.length(0);
    m.view.shadowRoot!.querySelector<HTMLButtonElement>('button.prev')!.click();
    m.view.shadowRoot!.querySelector<HTMLButtonElement>('button.prev')!.click();
    await until(() => blocks(m.view, ids.before!).length === 1, 'the week before, with its session');
    m.view.shadowRoot!.querySelector<HTMLButtonElement>('button.this')!.click();
    await until(() => m.view.model!.isThisWeek(), 'this week');
    await m.view.updateComplete;
    expect(m.view.shadowRoot!.querySelector<HTMLButtonElement>('button.this')!.disabled).to.equal(true);
  });

  it('hatches untracked working time between blocks, and shows a running session growing to now', async () => {
    const gaps = column(m.view, 0).querySelectorAll('.gap');
    // Monday 09:00-18:00 with 09:00-10:30 tracked: one gap 10:30-18:00
    expect(gaps).to.have.length(1);
    await m.client.data.startTimer({ name: 'Running now', startTime: Date.now() - 20 * 60_000 });
    m.view.shadowRoot!.querySelector<HTMLButtonElement>('button.this')!.click();
    const running = await until(() => gridRoot(m.view).querySelector<HTMLElement>('.block.running'), 'running block');
    const minutes = Number(running.dataset['bottom']) - Number(running.dataset['top']);
    expect(minutes).to.be.within(19, 21);
    // its end follows the clock: a press at its bottom grabs the start edge or the body, never the end
    const box = running.getBoundingClientRect();
    expect(grabAt(running, box.bottom - 1)).to.not.equal('end');
  });

  it("writes no style attribute the app's CSP would block", () => {
    expect(styleViolations).to.deep.equal([]);
  });

  it('has no serious accessibility violations', async () => {
    useAppStyles();
    await expectAccessible(m.view);
  });

  it('shows a session another window added as its data worker died', async () => {
    const dbName = m.dbName;
    m.stop();
    const other = await openOtherWindow(dbName);
    try {
      m = await mountWeek(dbName);
      await showWeek(m.view, MON);
      await until(() => blocks(m.view).length === 5, 'five blocks');
      const id = await crashAsAnotherWindowChanges(
        m.client,
        other,
        async (api) =>
          (
            await api.addSession({
              name: 'Added elsewhere',
              startTime: at(2026, 3, 6, 9),
              endTime: at(2026, 3, 6, 10),
              projectId: null,
            })
          ).sessions[0]!.id,
      );
      await until(() => blocks(m.view, id).length === 1, 'the other window’s block');
    } finally {
      other.worker.terminate();
    }
  });
});
