import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';

import { prefillLine } from '../../../../../renderer/views/away/away-words.ts';
import type { LtAwayReview } from '../../../../../renderer/views/away/lt-away-review.ts';
import type { AwayGap } from '../../../../../shared/away.ts';
import { parseQuickEntry } from '../../../../../shared/quick-entry.ts';
import { expectAccessible, useAppStyles } from '../../../harness/a11y.ts';
import { deep, mountApp, type Mounted } from '../../../harness/app-harness.ts';
import { until } from '../../../harness/wait.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';

const MIN = 60_000;
const review = (m: Mounted) => deep<LtAwayReview>(m.app, 'lt-away-review');
const dialog = (m: Mounted) => review(m)?.shadowRoot?.querySelector('dialog') ?? null;
const openDialog = async (m: Mounted) => {
  await until(() => dialog(m)?.open, 'the review');
  return dialog(m)!;
};
const title = (m: Mounted) => dialog(m)?.querySelector('h2')?.textContent ?? '';

describe('the away review (keyboard first, real data worker)', () => {
  let m: Mounted;
  let T = 0;
  let sessionId = '';
  beforeEach(async () => {
    useAppStyles();
    m = mountApp(uniqueDbName('away-review'));
    await m.services.client.start();
    T = Math.floor((Date.now() - 3 * 60 * MIN) / MIN) * MIN;
    sessionId = (await m.services.client.data.startTimer({ name: 'Write report', startTime: T })).id;
    await until(() => m.services.timer.$running.get(), 'timer');
  });
  afterEach(() => m.stop());

  const gap = async (from: number, to: number) => {
    await m.services.client.data.gapStarted({ source: 'idle', at: T + from * MIN });
    await m.services.client.data.gapEnded({ source: 'idle', at: T + to * MIN });
  };
  const session = () => m.services.client.data.getSession(sessionId);

  it('says when and why in words, passes axe, and Enter keeps (one undoable action)', async () => {
    await gap(42, 87);
    const d = await openDialog(m);
    expect(title(m)).to.match(/^You were away \d\d:\d\d–\d\d:\d\d \(45 min\) — idle$/);
    expect(d.querySelector('.lead')!.textContent).to.contain('“Write report” was running');
    expect(
      [...d.querySelectorAll('button[data-choice]')].map((b) =>
        [...b.children].map((c) => c.textContent!.trim()).join(' '),
      ),
    ).to.deep.equal([
      'Enter Keep It was work; count it.',
      `D Discard Stop the timer at ${new Date(T + 42 * MIN).toTimeString().slice(0, 5)}.`,
      'C Discard and continue Cut it out as a pause; the timer goes on.',
      'L Log as something else… Type what it was, in one line.',
      'B Mark as a break Not work: cut out and counted as a break.',
    ]);
    await expectAccessible(m.app);
    expect(review(m)!.shadowRoot!.activeElement?.getAttribute('data-choice')).to.equal('keep');
    await sendKeys({ press: 'Enter' });
    await until(() => !dialog(m)?.open, 'closed');
    expect(m.services.away.$pending.get()).to.deep.equal([]);
    expect((await m.services.client.data.undoState()).undo?.label).to.equal('Away time kept as work');
  });

  it('a key per choice: C cuts the gap out; several gaps queue; A applies one choice to all', async () => {
    await gap(20, 40);
    await gap(60, 70);
    await gap(100, 130);
    await openDialog(m);
    await until(() => m.services.away.$pending.get().length === 3, 'three gaps');
    expect(dialog(m)!.querySelector('.queue')!.textContent).to.equal('1 of 3 times away to review');
    await sendKeys({ press: 'c' });
    await until(() => m.services.away.$pending.get().length === 2, 'first reviewed');
    expect((await session()).pauses).to.deep.equal([{ start: T + 20 * MIN, end: T + 40 * MIN }]);
    await until(() => title(m).includes('(10 min)'), 'the next gap');
    await sendKeys({ press: 'a' });
    await until(() => dialog(m)!.querySelector<HTMLInputElement>('.all input')!.checked, 'apply to all checked');
    await sendKeys({ press: 'b' });
    await until(() => !dialog(m)?.open, 'closed');
    expect((await session()).pausedMs).to.equal(60 * MIN);
    expect((await m.services.client.data.undoState()).undo?.label).to.equal('2 away times marked as breaks');
  });

  it('L: a quick-entry line prefilled with the range; Enter logs it on a project', async () => {
    await m.services.client.data.createProject({ name: 'Meetings' });
    await m.services.timer.reload();
    await gap(30, 75);
    await openDialog(m);
    await sendKeys({ press: 'l' });
    const input = await until(() => dialog(m)!.querySelector<HTMLInputElement>('input[name="entry"]'), 'the line');
    await until(() => review(m)!.shadowRoot!.activeElement === input, 'focused');
    expect(input.value).to.match(/^\d\d:\d\d-\d\d:\d\d $/);
    input.setSelectionRange(input.value.length, input.value.length);
    await sendKeys({ type: 'Call with Bob @Meetings #call' });
    await until(() => dialog(m)!.querySelector('.preview')!.textContent!.includes('on Meetings'), 'preview');
    await expectAccessible(m.app);
    await sendKeys({ press: 'Enter' });
    await until(() => !dialog(m)?.open, 'closed');
    const list = await m.services.client.data.sessionsInRange({ from: T, to: T + 4 * 60 * MIN });
    const logged = list.sessions.find((s) => s.name === 'Call with Bob')!;
    expect(logged).to.include({ startTime: T + 30 * MIN, endTime: T + 75 * MIN });
    expect(logged.tagIds).to.have.length(1);
    expect((await session()).pausedMs).to.equal(45 * MIN);
  });

  it('Esc puts it off; the top bar offers it again', async () => {
    await gap(20, 40);
    await openDialog(m);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(m)?.open, 'closed');
    const again = await until(() => m.app.shadowRoot!.querySelector<HTMLButtonElement>('.away-later button'), 'button');
    expect(again.textContent!.trim()).to.equal('Review time away (1)');
    again.click();
    await openDialog(m);
  });
});

describe('the away review: the prefilled line reads back as the gap (grammar, America/New_York)', () => {
  const gapOf = (start: number, end: number): AwayGap => ({
    id: crypto.randomUUID(),
    source: 'idle',
    start,
    end,
    state: 'pending',
    choice: null,
    sessionId: null,
    loggedId: null,
    createdAt: start,
    updatedAt: start,
  });
  const cases: [string, number, number, number][] = [
    [
      'today',
      new Date(2026, 10, 20, 10, 42).getTime(),
      new Date(2026, 10, 20, 11, 27).getTime(),
      new Date(2026, 10, 20, 12, 0).getTime(),
    ],
    [
      'yesterday, across midnight',
      new Date(2026, 10, 19, 23, 30).getTime(),
      new Date(2026, 10, 20, 0, 45).getTime(),
      new Date(2026, 10, 20, 9, 0).getTime(),
    ],
    [
      'into the end of DST',
      new Date(2026, 9, 31, 22, 0).getTime(),
      new Date(2026, 10, 1, 0, 30).getTime(),
      new Date(2026, 10, 2, 9, 0).getTime(),
    ],
  ];
  for (const [what, start, end, now] of cases) {
    it(what, () => {
      const line = prefillLine(gapOf(start, end), now);
      const parsed = parseQuickEntry(`${line}meeting`, { now, timeZone: 'America/New_York', projects: [], tags: [] });
      expect(parsed.problems, line).to.deep.equal([]);
      expect([parsed.start, parsed.end], line).to.deep.equal([start, end]);
    });
  }
});
