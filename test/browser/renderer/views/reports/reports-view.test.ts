import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';

import type { LtReportsView } from '../../../../../renderer/views/reports/lt-reports-view.ts';
import { presetRange, stepRange } from '../../../../../shared/report-range.ts';
import { expectAccessible, useAppStyles } from '../../../harness/a11y.ts';
import { deep, deepAll, mountApp, prepareDatabase, textOf, type Mounted } from '../../../harness/app-harness.ts';
import { crashAsAnotherWindowChanges, openOtherWindow } from '../../../harness/live-harness.ts';
import { enforceStyleCsp } from '../../../harness/style-csp.ts';
import { until } from '../../../harness/wait.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';

// New York local times; the fixture week is Monday 2 – Sunday 8 March 2026 (clocks spring forward on the Sunday).
const at = (d: number, h: number, min = 0) => new Date(2026, 2, d, h, min).getTime();
const view = (m: Mounted) => deep<LtReportsView>(m.app, 'lt-reports-view')!;
const controls = (m: Mounted) => deep(m.app, 'lt-reports-view', 'lt-report-controls')!.shadowRoot!;
const part = (m: Mounted, tag: string) => deep(m.app, 'lt-reports-view', tag)!;
const model = (m: Mounted) => view(m).model!;

function setValue(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Picks Custom and types both days, as a user would; waits for that report. */
async function showRange(m: Mounted, from: string, to: string): Promise<void> {
  setValue(controls(m).querySelector<HTMLSelectElement>('#range')!, 'custom');
  const fromInput = await until(() => controls(m).querySelector<HTMLInputElement>('#from'), 'custom days');
  setValue(fromInput, from);
  await until(() => model(m).$query.get().from === from, 'from set');
  setValue(controls(m).querySelector<HTMLInputElement>('#to')!, to);
  // (the worker starts a range at the first session when it begins earlier, so the query says which range was asked)
  await until(
    () =>
      model(m).$query.get().from === from &&
      model(m).$query.get().to === to &&
      !model(m).$loading.get() &&
      model(m).$report.get()?.to === to,
    `report ${from}–${to}`,
  ).catch((e: Error) => {
    throw new Error(
      `${e.message}: ${JSON.stringify({ q: model(m).$query.get(), err: model(m).$error.get(), input: model(m).$inputError.get(), r: [model(m).$report.get()?.from, model(m).$report.get()?.to] })}`,
    );
  });
  await view(m).updateComplete;
  // charts draw once their width is known (a ResizeObserver answer before the next paint)
  if (model(m).$report.get()!.totals.sessions)
    await until(
      () => deep(m.app, 'lt-reports-view', 'lt-report-share')?.shadowRoot?.querySelector('li'),
      'charts drawn',
    );
}

async function fixture(db: string): Promise<Record<string, string>> {
  return prepareDatabase(db, async (api) => {
    const alpha = await api.createProject({ name: 'Alpha', client: 'Acme', color: '#3a64e8' });
    const beta = await api.createProject({ name: 'Beta', client: 'Björk', color: '#22a06b' });
    const sub = await api.createProject({ name: 'Alpha backend', parentId: alpha.id, color: '#f79009' });
    await api.updateProject({ id: alpha.id, patch: { productivity: 'productive', hourlyRate: 100, currency: 'EUR' } });
    const add = (name: string, startTime: number, endTime: number, projectId: string | null, extra = {}) =>
      api.addSession({ name, startTime, endTime, projectId, ...extra });
    await add('Write report', at(2, 9), at(2, 10, 30), alpha.id, { billable: true, tags: ['deep'] });
    await add('Call', at(2, 11), at(2, 12), beta.id, { tags: ['meeting'] });
    await add('Backend', at(3, 9), at(3, 11), sub.id, { tags: ['deep'] });
    await add('Email', at(4, 14), at(4, 14, 45), null);
    await add('Last week', new Date(2026, 1, 27, 9).getTime(), new Date(2026, 1, 27, 10).getTime(), beta.id); // Friday 27 February
    return { alpha: alpha.id, beta: beta.id, sub: sub.id };
  });
}

// a style="" written by the view shows up as a CSP violation, as in the app
const styleViolations = enforceStyleCsp();

describe('reports view (real data worker)', () => {
  let m: Mounted;
  let ids: Record<string, string>;
  beforeEach(async () => {
    useAppStyles();
    const db = uniqueDbName('reports-view');
    ids = await fixture(db);
    m = mountApp(db, 'reports');
    await until(() => view(m)?.model?.$report.get(), 'first report');
    await showRange(m, '2026-03-02', '2026-03-08');
  });
  afterEach(() => m.stop());

  it("shows the fixture's numbers in the totals, charts and their text alternatives, and passes axe", async () => {
    expect(textOf(part(m, 'lt-report-totals').shadowRoot!.querySelector('.worked b'))).to.equal('5:15');
    expect(textOf(part(m, 'lt-report-totals').shadowRoot!.querySelector('.billable b'))).to.equal('1:30');
    expect(textOf(part(m, 'lt-report-totals').shadowRoot!.querySelector('.amount'))).to.contain('€150.00');
    expect(textOf(part(m, 'lt-report-totals').shadowRoot!.querySelector('.change b'))).to.equal('+425%');
    const share = deepAll(part(m, 'lt-report-share'), '.share li').map((li) => textOf(li));
    expect(share).to.deep.equal(['Alpha 3:30 · 67%', 'Beta 1:00 · 19%', 'No project 0:45 · 14%']);
    // the bars' table opens on demand: one row per day, totals per day and per project
    const bars = part(m, 'lt-report-bars').shadowRoot!;
    expect(bars.querySelector('svg[role="group"]')!.getAttribute('aria-label')).to.contain('7 days');
    expect(bars.querySelectorAll('svg[role="group"] path')).to.have.length(3);
    // a week's seven bars spread over the chart's width (they sat in its left half)
    const week = bars.querySelector<SVGSVGElement>('svg[role="group"]')!;
    const labels = [...week.querySelectorAll<SVGTextElement>('text.axis[text-anchor="middle"]')].map((t) =>
      Number(t.getAttribute('x')),
    );
    expect(labels.at(-1)! / Number(week.getAttribute('width'))).to.be.above(0.85);
    bars.querySelector('details')!.open = true;
    await until(() => bars.querySelectorAll('tbody tr').length === 7, 'seven days in the table');
    const monday = [...bars.querySelectorAll('tbody tr')][0]!;
    expect([...monday.children].map((c) => c.textContent!.trim())).to.deep.equal([
      'Mon, Mar 2',
      '2:30',
      '1:30',
      '1:00',
      '',
    ]);
    // the heatmap's table too (drawn when opened)
    const heat = part(m, 'lt-report-heatmap').shadowRoot!;
    heat.querySelector('details')!.open = true;
    await until(() => heat.querySelectorAll('tbody tr').length === 7, 'seven weekdays in the table');
    const monRow = [...heat.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent === 'Mon')!;
    expect(monRow.children[1 + 9]!.textContent).to.equal('1:00');
    expect(monRow.children[1 + 10]!.textContent).to.equal('0:30');
    expect(heat.querySelector('tbody tr th')!.textContent, 'weeks start on Monday').to.equal('Mon');
    expect(textOf(view(m).shadowRoot!.querySelector('.insights'))).to.match(/29% of your tracked time was productive/);
    // the pointer over Monday's top segment shows the tooltip (placed through CSS variables, not a style attribute)
    const plot = bars.querySelector<SVGSVGElement>('svg[role="group"]')!;
    const box = plot.getBoundingClientRect();
    const top = plot.querySelectorAll('path')[1]!.getBoundingClientRect();
    plot.dispatchEvent(new PointerEvent('pointermove', { clientX: top.left + 2, clientY: top.top + 2, bubbles: true }));
    const tip = await until(() => bars.querySelector<HTMLElement>('.tip'), 'a tooltip');
    expect(tip.textContent).to.equal('Mon, Mar 2: Beta 1:00, total 2:30');
    expect(tip.getBoundingClientRect().top).to.be.greaterThanOrEqual(box.top - 50);
    expect(styleViolations).to.deep.equal([]);
    await expectAccessible(view(m));
    // and with the filter choices and every chart's table open
    controls(m).querySelector('details')!.open = true;
    for (const tag of ['lt-report-heatmap', 'lt-report-bars', 'lt-report-share'])
      part(m, tag)
        .shadowRoot!.querySelectorAll('details')
        .forEach((d) => (d.open = true));
    await expectAccessible(view(m));
  });

  it('presets and previous/next change the range', async () => {
    setValue(controls(m).querySelector<HTMLSelectElement>('#range')!, 'last-week');
    const last = presetRange('last-week', Date.now(), 1);
    await until(() => model(m).$report.get()?.from === last.from, 'last week');
    expect(model(m).$query.get()).to.include({ ...last, preset: 'last-week' });
    controls(m).querySelector<HTMLButtonElement>('button[aria-label="Previous period"]')!.click();
    const before = stepRange(last, -1);
    await until(
      () => model(m).$report.get()?.from === before.from && model(m).$report.get()?.to === before.to,
      'the week before',
    );
    setValue(controls(m).querySelector<HTMLSelectElement>('#range')!, 'last-month');
    const month = presetRange('last-month', Date.now(), 1);
    await until(() => model(m).$report.get()?.from === month.from, 'last month');
    controls(m).querySelector<HTMLButtonElement>('button[aria-label="Next period"]')!.click();
    const next = stepRange(month, 1);
    await until(() => model(m).$report.get()?.to === next.to, 'the month after (a whole month)');
    expect(controls(m).querySelector('.range')!.textContent).to.contain(
      String(new Date(`${next.to}T12:00`).getFullYear()),
    );
  });

  it('groups by client, then by tag', async () => {
    setValue(controls(m).querySelector<HTMLSelectElement>('#group')!, 'client');
    setValue(controls(m).querySelector<HTMLSelectElement>('#sub')!, 'tag');
    await until(() => model(m).$report.get()?.subGroupBy === 'tag', 'client × tag report');
    // the groups list (below the fold) is drawn in an idle callback after the rest of the report
    await until(
      () => textOf(view(m).shadowRoot!.querySelector('#groups-h')) === 'By client and tag',
      'the groups list drawn',
    );
    const rows = [...view(m).shadowRoot!.querySelectorAll('.groups li')].map(
      (li) =>
        `${li.classList.contains('sub') ? '  ' : ''}${textOf(li.querySelector('.name'))} ${textOf(li.querySelector('.num'))}`,
    );
    expect(rows).to.include.members(['Acme 3:30', '  deep 3:30', 'Björk 1:00', '  meeting 1:00']);
    expect(textOf(view(m).shadowRoot!.querySelector('#groups-h'))).to.equal('By client and tag');
    // a client's group drills into that client; a day's group into that day
    [...view(m).shadowRoot!.querySelectorAll<HTMLButtonElement>('.groups button')]
      .find((b) => b.textContent!.includes('Acme'))!
      .click();
    await until(() => model(m).$report.get()?.totals.ms === 3.5 * 3_600_000, 'only Acme');
    expect(model(m).$query.get().filters).to.deep.equal({ clients: ['Acme'] });
    await model(m).back();
    setValue(controls(m).querySelector<HTMLSelectElement>('#group')!, 'day');
    await until(() => model(m).$report.get()?.groupBy === 'day', 'by day');
    await until(() => textOf(view(m).shadowRoot!.querySelector('#groups-h')).startsWith('By day'), 'the days listed');
    view(m).shadowRoot!.querySelector<HTMLButtonElement>('.groups button')!.click();
    await until(() => model(m).$report.get()?.to === '2026-03-02', 'Monday alone');
    expect(model(m).$report.get()!.totals.ms).to.equal(2.5 * 3_600_000);
  });

  it('drills into a project from its slice and from a bar (keyboard), and Back returns', async () => {
    const share = part(m, 'lt-report-share').shadowRoot!;
    share.querySelector<HTMLButtonElement>(`button[data-key="${ids.alpha}"]`)!.click();
    await until(() => model(m).$report.get()?.groups.length === 1, 'only Alpha');
    expect(model(m).$query.get().filters.projectIds).to.deep.equal([ids.alpha]);
    expect(textOf(controls(m).querySelector('.active'))).to.contain('Showing only: Alpha');
    controls(m).querySelector<HTMLButtonElement>('.active button')!.click(); // ← Back
    await until(() => model(m).$report.get()?.groups.length === 3, 'every project again');
    expect(model(m).$query.get().filters).to.deep.equal({});

    // keyboard: focus the bars, walk to Tuesday's first project, Enter drills into that day and project
    const svg = part(m, 'lt-report-bars').shadowRoot!.querySelector<SVGSVGElement>('svg[role="group"]')!;
    svg.focus();
    await until(
      () => part(m, 'lt-report-bars').shadowRoot!.querySelector('.readout')!.textContent,
      'a readout on focus',
    );
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowRight' });
    await until(
      () =>
        part(m, 'lt-report-bars')
          .shadowRoot!.querySelector('.readout')!
          .textContent!.startsWith('Tue, Mar 3: Alpha 2:00'),
      'Tuesday read out',
    );
    await sendKeys({ press: 'Enter' });
    await until(
      () => model(m).$report.get()?.from === '2026-03-03' && model(m).$report.get()?.to === '2026-03-03',
      'Tuesday alone',
    );
    expect(model(m).$query.get().filters.projectIds).to.deep.equal([ids.alpha]);
    expect(model(m).$report.get()!.totals.ms).to.equal(2 * 3_600_000);
  });

  it('drills into a project from its legend entry in the bars and the share chart, by keyboard (Tab, Space, Enter)', async () => {
    const bars = part(m, 'lt-report-bars').shadowRoot!;
    const keys = [...bars.querySelectorAll('.legend li')].map(
      (li) => `${li.querySelector('button') ? 'button' : 'text'}: ${textOf(li)}`,
    );
    expect(keys).to.deep.equal(['button: Alpha', 'button: Beta', 'text: No project']);
    const range = { from: model(m).$query.get().from, to: model(m).$query.get().to };
    bars.querySelector<HTMLButtonElement>(`.legend button[data-key="${ids.alpha}"]`)!.focus();
    await sendKeys({ press: 'Tab' });
    const beta = bars.querySelector<HTMLButtonElement>(`.legend button[data-key="${ids.beta}"]`)!;
    expect(bars.activeElement, 'Tab moves to the next legend entry').to.equal(beta);
    expect(beta.matches(':focus-visible')).to.equal(true);
    expect(getComputedStyle(beta).outlineStyle, 'a visible focus ring').to.equal('solid');
    await sendKeys({ press: 'Space' });
    // the whole range for that project, as its slice does (a bar would narrow it to the bar's days)
    await until(
      () => model(m).$report.get()?.groups.length === 1 && model(m).$report.get()?.groups[0]?.key === ids.beta,
      'only Beta',
    );
    expect(model(m).$query.get()).to.include(range);
    expect(model(m).$query.get().filters.projectIds).to.deep.equal([ids.beta]);
    expect(model(m).$report.get()!.totals.ms).to.equal(3_600_000);
    await model(m).back();
    await until(() => model(m).$report.get()?.groups.length === 3, 'every project again');
    await view(m).updateComplete;

    const share = part(m, 'lt-report-share').shadowRoot!;
    await until(() => share.querySelector(`button[data-key="${ids.alpha}"]`), 'share rows again');
    share.querySelector<HTMLButtonElement>(`button[data-key="${ids.alpha}"]`)!.focus();
    await sendKeys({ press: 'Enter' });
    await until(
      () => model(m).$report.get()?.groups.length === 1 && model(m).$report.get()?.groups[0]?.key === ids.alpha,
      'only Alpha',
    );
    expect(model(m).$query.get()).to.include(range);
  });

  it('keeps "Other projects" and "No project" out of the legend buttons when there are many projects, and passes axe', async () => {
    const data = m.services.client.data;
    for (let i = 0; i < 11; i++) {
      const p = await data.createProject({ name: `Side project ${i + 1}`, color: '#7a5af8' });
      await data.addSession({
        name: `Side ${i + 1}`,
        projectId: p.id,
        startTime: at(5, 8, i * 20),
        endTime: at(5, 8, i * 20 + 5 + i),
      });
    }
    await until(
      () =>
        model(m)
          .$report.get()
          ?.series.stacks.some((s) => s.key === '*'),
      'an Other projects stack',
    );
    await view(m).updateComplete;
    const bars = part(m, 'lt-report-bars').shadowRoot!;
    await until(
      () => bars.querySelector('.legend li:last-child')?.textContent?.includes('Other projects'),
      'the legend redrawn',
    );
    const entries = [...bars.querySelectorAll('.legend li')];
    const other = entries.find((li) => li.textContent!.includes('Other projects'))!;
    expect(other.querySelector('button'), 'Other projects is not a button').to.equal(null);
    const stacks = model(m).$report.get()!.series.stacks;
    expect(bars.querySelectorAll('.legend button')).to.have.length(stacks.filter((s) => s.key && s.key !== '*').length);
    const share = part(m, 'lt-report-share').shadowRoot!;
    await until(
      () => [...share.querySelectorAll('.share li')].some((li) => /more projects/.test(li.textContent!)),
      'a "more projects" row',
    );
    const more = [...share.querySelectorAll('.share li')].find((li) => /more projects/.test(li.textContent!))!;
    expect(more.querySelector('button')).to.equal(null);
    expect(
      [...share.querySelectorAll('.share li')]
        .find((li) => li.textContent!.includes('No project'))
        ?.querySelector('button') ?? null,
    ).to.equal(null);
    await expectAccessible(view(m));
  });

  it('sorts the detailed table by a column, both ways', async () => {
    // the table is drawn in an idle callback after the report's paint: late on a busy machine
    const table = (await until(() => part(m, 'lt-report-table')?.shadowRoot, 'the sessions table'))!;
    const names = () => [...table.querySelectorAll('.row:not(.head)')].map((r) => r.children[1]!.textContent);
    await until(() => names().length === 4, 'four rows');
    expect(names()).to.deep.equal(['Write report', 'Call', 'Backend', 'Email']);
    const worked = () =>
      [...table.querySelectorAll('[role="columnheader"] button')].find((b) =>
        b.textContent!.startsWith('Worked'),
      ) as HTMLButtonElement;
    worked().click();
    await until(() => names()[0] === 'Backend', 'longest first');
    expect(names()).to.deep.equal(['Backend', 'Write report', 'Call', 'Email']);
    expect(worked().parentElement!.getAttribute('aria-sort')).to.equal('descending');
    worked().click();
    await until(() => names()[0] === 'Email', 'shortest first');
    await expectAccessible(part(m, 'lt-report-table'));
  });

  it('reads the heatmap cell by cell with the arrow keys', async () => {
    const heat = part(m, 'lt-report-heatmap').shadowRoot!;
    heat.querySelector<SVGSVGElement>('svg[role="group"]')!.focus();
    // focus starts on the busiest hour: Tuesday 09:00 (2 h on Tue 9–11 ties Mon 9, the first found wins)
    await until(() => heat.querySelector('.readout')!.textContent, 'readout');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowUp' });
    for (let i = 0; i < 9; i++) await sendKeys({ press: 'ArrowRight' });
    await until(() => heat.querySelector('.readout')!.textContent === 'Mon 09:00–10:00: 1:00', 'Monday 9 read out');
    expect(heat.querySelector('svg[role="group"]')!.matches(':focus-visible')).to.equal(true);
  });

  it('says so when nothing was tracked in the range, and passes axe', async () => {
    await showRange(m, '2026-01-05', '2026-01-11');
    const empty = await until(() => view(m).shadowRoot!.querySelector('.empty'), 'empty state');
    expect(textOf(empty)).to.match(/Nothing tracked from Jan 5, 2026 to Jan 11, 2026 ?\./);
    expect(view(m).shadowRoot!.querySelector('lt-report-charts')).to.equal(null);
    await expectAccessible(view(m));
    [...empty.querySelectorAll('button')].find((b) => b.textContent === 'Show all time')!.click();
    await until(() => model(m).$report.get()?.totals.ms === 6.25 * 3_600_000, 'all time: the five sessions');
  });

  it('after a big import, says the summaries are being built, then shows the summed report by itself', async function () {
    this.timeout(60_000);
    const client = view(m).client!;
    const base = new Date(2025, 0, 6, 8).getTime();
    await client.data.insertSessions(
      Array.from({ length: 6_000 }, (_, i) => ({
        name: `import ${i % 30}`,
        projectId: i % 2 ? ids.alpha! : ids.beta!,
        startTime: base + i * 3 * 3_600_000,
        endTime: base + i * 3 * 3_600_000 + 40 * 60_000,
        pausedMs: 0,
      })),
    );
    await showRange(m, '2025-01-01', '2026-12-31');
    const building = model(m).$report.get()!;
    expect(building.catchingUp).to.equal(true);
    expect(textOf(view(m).shadowRoot!.querySelector('.notes')!)).to.contain('still being built');
    // no input from here: the view asks again until the worker has caught up
    const done = await until(
      () => {
        const r = model(m).$report.get();
        return r && !r.catchingUp && r.source === 'rollup' ? r : null;
      },
      'caught up',
      45_000,
    );
    expect(done.totals.sessions).to.equal(building.totals.sessions);
    expect(done.totals.ms).to.equal(building.totals.ms);
    await view(m).updateComplete;
    expect(textOf(view(m).shadowRoot!.querySelector('.notes')!)).to.not.contain('still being built');
  });

  it('refuses bad filter text (NUL, 300 characters) with a sentence and changes nothing', async () => {
    const report = model(m).$report.get();
    const query = model(m).$query.get();
    const text = controls(m).querySelector<HTMLInputElement>('#text')!;
    setValue(text, 'a\0b');
    const error = await until(() => controls(m).querySelector('#input-error')!.textContent, 'an error');
    expect(error).to.equal('Filter text must not contain NUL characters.');
    expect(text.getAttribute('aria-invalid')).to.equal('true');
    setValue(text, 'x'.repeat(300));
    await until(
      () => controls(m).querySelector('#input-error')!.textContent === 'Filter text must be at most 200 characters.',
      'too long',
    );
    expect(model(m).$query.get()).to.equal(query);
    expect(model(m).$report.get()).to.equal(report);
    setValue(text, 'report');
    await until(() => model(m).$report.get()?.totals.sessions === 1, 'a good filter works');
    expect(controls(m).querySelector('#input-error')!.textContent).to.equal('');
  });

  it('shows a session another window added as its data worker died', async () => {
    const dbName = m.dbName;
    const before = model(m).$report.get()!.totals.sessions;
    m.stop();
    const other = await openOtherWindow(dbName);
    try {
      m = mountApp(dbName, 'reports');
      await until(() => view(m)?.model?.$report.get(), 'first report');
      await showRange(m, '2026-03-02', '2026-03-08');
      await crashAsAnotherWindowChanges(m.services.client, other, (api) =>
        api.addSession({ name: 'Added elsewhere', startTime: at(6, 9), endTime: at(6, 10), projectId: null }),
      );
      await until(() => model(m).$report.get()?.totals.sessions === before + 1, 'the report counts it');
      await until(() => textOf(part(m, 'lt-report-table')).includes('Added elsewhere'), 'the sessions table lists it');
    } finally {
      other.worker.terminate();
    }
  });
});
