import { expect } from 'chai';

import { sql } from '../../../harness/db-fixtures.ts';
import { rejection, useDataWorker } from '../../../harness/worker-harness.ts';

// Tests run in America/New_York: 2026-03-08 is a 23-hour day (02:00 EST → 03:00 EDT).
const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();

describe('reports in the data worker (real OPFS, hand-computed fixtures)', () => {
  const handle = useDataWorker('reports');
  let ids: Record<string, string>;

  beforeEach(async () => {
    const api = handle.api;
    const acme = await api.createProject({ name: 'Acme', client: 'Acme Inc' });
    await api.updateProject({ id: acme.id, patch: { hourlyRate: 100, currency: 'EUR', productivity: 'productive' } });
    const site = await api.createProject({ name: 'Site', parentId: acme.id });
    const beta = await api.createProject({ name: 'Beta' });
    await api.updateProject({ id: beta.id, patch: { hourlyRate: 50, currency: 'USD', productivity: 'distracting' } });
    await api.createTag({ name: 'focus' });
    const focus = (await api.listTags()).find((t) => t.name === 'focus')!;
    await api.updateTag({ id: focus.id, patch: { productivity: 'productive' } });
    // DST day: 01:30 EST → 03:30 EDT is one hour of work
    await api.addSession({
      name: 'dst',
      projectId: site.id,
      billable: true,
      startTime: at(2026, 3, 8, 1, 30),
      endTime: at(2026, 3, 8, 3, 30),
    });
    // across midnight: an hour on each day
    await api.addSession({
      name: 'late',
      projectId: beta.id,
      billable: true,
      startTime: at(2026, 3, 9, 23),
      endTime: at(2026, 3, 10, 1),
    });
    // a pause interval 10:30–11:00 inside 10:00–12:00
    const t = await api.startTimer({
      name: 'paused work',
      projectId: acme.id,
      startTime: at(2026, 3, 10, 10),
      billable: true,
    });
    await api.pauseTimer({ id: t.id, at: at(2026, 3, 10, 10, 30) });
    await api.resumeTimer({ id: t.id, at: at(2026, 3, 10, 11) });
    await api.stopTimer({ id: t.id, endTime: at(2026, 3, 10, 12) });
    // seven minutes, tagged productive on a distracting project
    await api.addSession({
      name: 'quick',
      projectId: beta.id,
      tags: ['focus'],
      startTime: at(2026, 3, 11, 9),
      durationMs: 7 * MIN,
    });
    await api.archiveProject({ id: site.id, archived: true });
    ids = { acme: acme.id, site: site.id, beta: beta.id, focus: focus.id };
  });

  const range = { from: '2026-03-08', to: '2026-03-11' };

  /** The roll-up as kept up to date equals the roll-up rebuilt from scratch (the report rebuilds it after a reset). */
  async function expectRollupExact(reportRange: { from: string; to: string }, atLeast: number) {
    const dump = () =>
      sql(
        handle.dbName,
        `SELECT json_group_array(json_array(t, day, k, ms, n)) AS j FROM (
      SELECT 'd' AS t, day, project_id || '/' || billable || '/' || class AS k, ms || '/' || rounded_ms AS ms, sessions AS n FROM report_days
      UNION ALL SELECT 't', day, tag_id || project_id || billable || class, ms || '/' || rounded_ms, sessions FROM report_tag_days
      UNION ALL SELECT 'h', day, hour, ms || '/' || productive_ms, 0 FROM report_hours
      UNION ALL SELECT 's', day, sessions || '/' || short || '/' || switches, longest_ms || '/' || worked_ms, 0 FROM report_day_stats
      UNION ALL SELECT 'dm', day, project_id || billable || class, ms || '/' || rounded_ms, sessions FROM report_days_m
      UNION ALL SELECT 'hm', day, hour, ms || '/' || productive_ms, 0 FROM report_hours_m
      UNION ALL SELECT 'bd', day, currency, ms || '/' || rounded_ms || '/' || billable_ms || '/' || billable_rounded_ms || '/' || amount, sessions FROM report_day_totals
      UNION ALL SELECT 'nm', day, name || '/' || currency, ms || '/' || rounded_ms || '/' || billable_ms || '/' || billable_rounded_ms || '/' || amount, sessions FROM report_names_m
      UNION ALL SELECT 'ny', day, name || '/' || currency, ms || '/' || rounded_ms || '/' || billable_ms || '/' || billable_rounded_ms || '/' || amount, sessions FROM report_names_y
      ORDER BY 1, 2, 3)`,
      ) as Promise<{ j: string }[]>;
    await handle.api.report(reportRange);
    await handle.api.close();
    const incremental = JSON.parse((await dump())[0]!.j) as unknown[];
    await sql(handle.dbName, `DELETE FROM report_meta`, 'SELECT 1');
    await handle.api.open({ name: handle.dbName });
    await handle.api.report(reportRange);
    await handle.api.close();
    const rebuilt = JSON.parse((await dump())[0]!.j) as unknown[];
    expect(incremental.length).to.be.at.least(atLeast);
    expect(incremental).to.deep.equal(rebuilt);
    await handle.api.open({ name: handle.dbName });
  }

  it('totals, sub-projects rolled up, two currencies, groups by day across DST and midnight', async () => {
    const r = await handle.api.report({ ...range, groupBy: 'project', subGroupBy: 'project' });
    expect(r.source).to.equal('rollup');
    expect(r.totals).to.deep.include({
      ms: 4 * HOUR + 37 * MIN,
      roundedMs: 4 * HOUR + 37 * MIN,
      billableMs: 4.5 * HOUR,
      sessions: 4,
    });
    expect(r.totals.amounts).to.have.deep.members([
      { currency: 'EUR', amount: 250 },
      { currency: 'USD', amount: 100 },
    ]);
    const acme = r.groups.find((g) => g.key === ids.acme)!;
    expect(acme.ms, 'Acme includes archived Site').to.equal(2.5 * HOUR);
    expect(acme.children.map((c) => [c.label, c.ms])).to.deep.equal([
      ['Acme', 1.5 * HOUR],
      ['Site', HOUR],
    ]);
    expect(r.groups.find((g) => g.key === ids.beta)!.ms).to.equal(2 * HOUR + 7 * MIN);
    expect(r.previous.changePct).to.equal(null);
    const days = await handle.api.report({ ...range, groupBy: 'day' });
    expect(days.groups.map((g) => [g.key, g.ms])).to.deep.equal([
      ['2026-03-08', HOUR],
      ['2026-03-09', HOUR],
      ['2026-03-10', 2.5 * HOUR],
      ['2026-03-11', 7 * MIN],
    ]);
    expect(days.series.unit).to.equal('day');
    expect(days.series.buckets).to.deep.equal(['2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11']);
    const month = await handle.api.report({
      from: '2026-03-01',
      to: '2026-03-31',
      groupBy: 'month',
      subGroupBy: 'client',
    });
    expect(month.groups).to.have.length(1);
    expect(month.groups[0]!.children.map((c) => [c.label, c.ms])).to.deep.equal([
      ['Acme Inc', 2.5 * HOUR],
      ['No client', 2 * HOUR + 7 * MIN],
    ]);
  });

  it('rounds each session as settings say, raw time beside it', async () => {
    const cases: [string, number, number][] = [
      ['up', 15, 4 * HOUR + 45 * MIN],
      ['down', 15, 4.5 * HOUR],
      ['nearest', 15, 4.5 * HOUR],
      ['up', 10, 4 * HOUR + 40 * MIN],
      ['nearest', 5, 4 * HOUR + 35 * MIN],
    ];
    for (const [mode, minutes, rounded] of cases) {
      await handle.api.updateSettings({ reportRounding: { mode: mode as 'up', minutes: minutes as 15 } });
      const r = await handle.api.report({ ...range });
      expect([r.totals.ms, r.totals.roundedMs], `${mode} ${minutes}`).to.deep.equal([4 * HOUR + 37 * MIN, rounded]);
    }
    const rows = await handle.api.reportRows({ ...range, sort: 'duration' });
    expect(rows.total).to.equal(4);
    expect(rows.rows.map((x) => [x.name, x.ms, x.roundedMs])[0]).to.deep.equal(['quick', 7 * MIN, 5 * MIN]);
  });

  it('filters by project (with sub-projects), client, tag, billable and text', async () => {
    const api = handle.api;
    const ms = async (filters: object) => (await api.report({ ...range, filters })).totals.ms;
    expect(await ms({ projectIds: [ids.acme] })).to.equal(2.5 * HOUR);
    expect(await ms({ clients: ['Acme Inc'] })).to.equal(2.5 * HOUR);
    expect(await ms({ tagIds: [ids.focus] })).to.equal(7 * MIN);
    expect(await ms({ billable: false })).to.equal(7 * MIN);
    const text = await api.report({ ...range, filters: { text: 'PAUSED' } });
    expect([text.source, text.totals.ms]).to.deep.equal(['scan', 1.5 * HOUR]);
    const byName = await api.report({ ...range, groupBy: 'name' });
    expect(byName.totals.ms).to.equal(4 * HOUR + 37 * MIN);
    expect(byName.groups.find((g) => g.key === 'late')!.ms).to.equal(2 * HOUR);
    const byTag = await api.report({ ...range, groupBy: 'tag' });
    expect(byTag.groups.map((g) => [g.label, g.ms])).to.deep.equal([['focus', 7 * MIN]]);
  });

  it('bins the heatmap by local hour and weekday, pause-aware, and states productivity in sentences', async () => {
    const r = await handle.api.report({ ...range });
    const c = r.heatmap.cells;
    expect([c[0]![1], c[0]![2], c[0]![3]], 'DST Sunday: 01:30–02:00 EST, then 03:00–03:30 EDT').to.deep.equal([
      30 * MIN,
      0,
      30 * MIN,
    ]);
    expect([c[1]![23], c[2]![0]]).to.deep.equal([HOUR, HOUR]);
    expect([c[2]![10], c[2]![11]], 'the pause is not worked').to.deep.equal([30 * MIN, HOUR]);
    expect(c[3]![9]).to.equal(7 * MIN);
    const p = r.productivity;
    expect([p.productiveMs, p.neutralMs, p.distractingMs]).to.deep.equal([97 * MIN, HOUR, 2 * HOUR]);
    expect(p.score).to.be.closeTo(97 / 277, 1e-9);
    expect([p.sessions, p.shortSessions, p.longestBlockMs, p.daysWorked], 'seven minutes is not short').to.deep.equal([
      4,
      0,
      2 * HOUR,
      4,
    ]);
    expect(p.peakHours[0]).to.deep.equal({ weekday: 2, hour: 11, ms: HOUR });
    expect(p.insights.map((i) => i.text).join(' '))
      .to.match(/35% of your tracked time was productive/)
      .and.match(/Tuesday at 11:00/);
  });

  it('bins the repeated hour of a DST fall-back (a session through it once hung the worker)', async () => {
    // and before it, one with a pause crossing midnight
    const t = await handle.api.startTimer({
      name: 'paused',
      projectId: ids.acme!,
      startTime: at(2026, 10, 31, 23, 30),
    });
    await handle.api.pauseTimer({ id: t.id, at: at(2026, 10, 31, 23, 45) });
    await handle.api.resumeTimer({ id: t.id, at: at(2026, 11, 1, 0) });
    await handle.api.stopTimer({ id: t.id, endTime: at(2026, 11, 1, 0, 15) });
    // 2026-11-01: 02:00 EDT → 01:00 EST, a 25-hour day. 00:30 → 02:30 is three hours of work, two of them in hour 1.
    await handle.api.addSession({
      name: 'fall back',
      projectId: ids.beta!,
      startTime: at(2026, 11, 1, 0, 30),
      endTime: at(2026, 11, 1, 2, 30),
    });
    const r = await handle.api.report({ from: '2026-10-31', to: '2026-11-01', groupBy: 'day' });
    expect(r.groups.map((g) => [g.key, g.ms])).to.deep.equal([
      ['2026-10-31', 15 * MIN],
      ['2026-11-01', 3 * HOUR + 15 * MIN],
    ]);
    const c = r.heatmap.cells;
    expect([c[6]![23], c[0]![0], c[0]![1], c[0]![2]]).to.deep.equal([15 * MIN, 45 * MIN, 2 * HOUR, 30 * MIN]);
  });

  it('one-day timeline with gaps, budgets, and bad input refused', async () => {
    const api = handle.api;
    await api.updateProject({ id: ids.acme!, patch: { budgetMinutes: 600, budgetPeriod: 'total' } });
    const r = await api.report({ from: '2026-03-10', to: '2026-03-10' });
    expect(r.timeline!.map((b) => b.kind)).to.deep.equal(['work', 'gap', 'work', 'pause', 'work', 'gap']);
    expect(r.budgets[0]).to.include({ projectId: ids.acme, budgetMs: 10 * HOUR, spentMs: 2.5 * HOUR, over: false });
    for (const bad of [
      { from: '2026-02-30', to: '2026-03-01' },
      { from: '2026-03-02', to: '2026-03-01' },
      { from: 'x', to: 'y' },
      { ...range, groupBy: 'colour' },
      { ...range, filters: { text: 'a\0' } },
      { ...range, filters: { projectIds: ['nope'] } },
      { ...range, extra: 1 },
      null,
      { ...range, filters: { text: 'x'.repeat(1000) } },
    ]) {
      expect((await rejection(api.report(bad as never))).code, JSON.stringify(bad)?.slice(0, 80)).to.equal(
        'VALIDATION',
      );
    }
    expect((await rejection(api.reportRows({ ...range, limit: 10_000 }))).code).to.equal('VALIDATION');
  });

  it('keeps the roll-up exact under random edits, undo, redo and imports (compared with a full rebuild)', async function () {
    this.timeout(120_000);
    const api = handle.api;
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const projects = [ids.acme, ids.site, ids.beta, null];
    const base = at(2026, 3, 1, 0);
    const live = async () =>
      (await api.listSessions({ from: base - 86_400_000, to: base + 40 * 86_400_000, limit: 5000 })).sessions;
    await api.insertSessions(
      Array.from({ length: 60 }, (_, i) => ({
        name: `imp ${i}`,
        projectId: projects[i % 4]!,
        startTime: base + i * 9 * HOUR,
        endTime: base + i * 9 * HOUR + (20 + i) * MIN,
        pausedMs: i % 3 ? 0 : 5 * MIN,
      })),
    );
    for (let step = 0; step < 60; step++) {
      const list = await live();
      const pick = () => list[Math.floor(rnd() * list.length)]!;
      const op = Math.floor(rnd() * 14);
      const start = base + Math.floor(rnd() * 30 * 24) * HOUR + 30 * MIN;
      try {
        if (op === 0)
          await api.addSession({
            name: 'add',
            projectId: projects[step % 4]!,
            startTime: start,
            durationMs: (Math.floor(rnd() * 30) * HOUR) / 10,
            overlap: 'keep',
            tags: step % 2 ? ['focus'] : [],
          });
        if (op === 1)
          await api.updateSession({
            id: pick().id,
            patch: { startTime: start, endTime: start + 3 * HOUR, billable: true },
            overlap: 'keep',
          });
        if (op === 2) {
          const s = pick();
          if (s.endTime && s.endTime - s.startTime > 2 * MIN)
            await api.splitSession({ id: s.id, at: [s.startTime + Math.floor((s.endTime - s.startTime) / 2)] });
        }
        if (op === 3) {
          const a = pick();
          const b = pick();
          if (a.id !== b.id) await api.mergeSessions({ ids: [a.id, b.id], overlap: 'keep' });
        }
        if (op === 4)
          await api.bulkUpdate({
            ids: [...new Set([pick().id, pick().id])],
            change: { projectId: ids.beta, addTags: ['focus'], shiftMs: 13 * HOUR },
          } as never);
        if (op === 5) await api.bulkDelete({ ids: [...new Set([pick().id, pick().id])] } as never);
        if (op === 6) await api.undo();
        if (op === 7) await api.redo();
        if (op === 8) {
          // the timer: start at a past time, pause, resume, stop
          const t = await api.startTimer({
            name: 'timer',
            projectId: projects[step % 4]!,
            startTime: start,
            tags: ['focus'],
          } as never);
          await api.pauseTimer({ id: t.id, at: start + 20 * MIN });
          await api.resumeTimer({ id: t.id, at: start + 50 * MIN });
          await api.stopTimer({ id: t.id, endTime: start + 2 * HOUR });
        }
        if (op === 9)
          await api.updateTag({ id: ids.focus!, patch: { productivity: rnd() < 0.5 ? 'distracting' : 'productive' } });
        if (op === 10) {
          const t = await api.createTag({ name: `t${step}` });
          await api.bulkUpdate({ ids: [pick().id], change: { addTags: [`t${step}`] } } as never);
          await api.mergeTags({ from: t.value.id, into: ids.focus! });
        }
        if (op === 11) {
          const p = await api.createProject({ name: `p${step}` });
          await api.bulkUpdate({ ids: [pick().id], change: { projectId: p.id } } as never);
          await api.deleteProject({ id: p.id, sessions: 'move', moveTo: ids.acme! });
        }
        if (op === 12) await api.deleteTag(ids.focus!);
        if (op === 13) {
          const s = pick();
          await api.deleteSession(s.id);
          if (rnd() < 0.5) await api.restoreSession(s.id);
        }
      } catch (error) {
        if (!['CONFLICT', 'NOT_FOUND', 'VALIDATION'].includes((error as { code?: string }).code ?? '')) throw error;
      }
      if (step % 15 === 14) await api.report({ from: '2026-02-20', to: '2026-04-30' }); // refresh part-way, as a user would
    }
    await api.updateProject({ id: ids.beta!, patch: { productivity: 'neutral' } });
    await api.report({ from: '2026-02-20', to: '2026-04-30' });
    await expectRollupExact({ from: '2026-02-20', to: '2026-04-30' }, 50);
  });
  it('keeps the roll-up exact when the undo journal forgets actions the roll-up has not read yet', async function () {
    this.timeout(120_000);
    const api = handle.api;
    await api.report(range); // up to date; then more actions than the journal keeps, the oldest on days of their own
    const day = 86_400_000;
    for (let i = 0; i < 520; i++) {
      const start = i < 40 ? at(2026, 4, 1, 9) + i * day : at(2026, 6, 1, 8) + (i - 40) * 30 * MIN;
      await api.addSession({ name: `s${i}`, projectId: ids.acme!, startTime: start, durationMs: 20 * MIN });
    }
    const r = await api.report({ from: '2026-04-01', to: '2026-07-31' });
    expect(r.totals.sessions).to.equal(520);
    expect(r.totals.ms).to.equal(520 * 20 * MIN);
  });

  it('keeps the roll-up exact when an action already summed is undone, redone, or replaced by a new one', async () => {
    const api = handle.api;
    const add = await api.addSession({
      name: 'one',
      projectId: ids.beta!,
      startTime: at(2026, 3, 15, 9),
      durationMs: 2 * HOUR,
    });
    await api.report(range);
    await api.undo();
    await expectRollupExact(range, 5);
    await api.redo();
    await expectRollupExact(range, 5);
    await api.undo();
    await api.report(range);
    // the new action takes the undone one's place on the stack (and possibly its id)
    await api.addSession({ name: 'two', projectId: ids.acme!, startTime: at(2026, 3, 16, 9), durationMs: HOUR });
    await expectRollupExact(range, 5);
    expect(add.action).to.not.equal(null);
  });
  it('groups by day, week and name from the baked tables with the figures the sessions give, through rate changes and edits', async function () {
    this.timeout(120_000);
    const api = handle.api;
    const base = at(2024, 10, 20, 7);
    // 1,400 sessions every 13 hours from October 2024 to early 2026: months and a year boundary, crossing midnight,
    // paused, billable or not, names spread over projects, two currencies
    const projects = [ids.acme!, ids.site!, ids.beta!, null];
    await api.insertSessions(
      Array.from({ length: 1_400 }, (_, i) => ({
        name: `task ${i % 37}`,
        projectId: projects[(i * 7) % 4]!,
        startTime: base + i * 13 * HOUR,
        endTime: base + i * 13 * HOUR + (10 + (i % 170)) * MIN,
        pausedMs: i % 5 ? 0 : 4 * MIN,
      })),
    );
    // imports come in unbilled: two in three billable
    const all = (await api.listSessions({ from: base, to: base + 1_400 * 13 * HOUR, limit: 5000 })).sessions;
    await api.bulkUpdate({
      ids: all.filter((_, i) => i % 3 !== 0).map((x) => x.id),
      change: { billable: true },
      overlap: 'keep',
    } as never);
    const timer = await api.startTimer({
      name: 'task 3',
      projectId: ids.beta!,
      startTime: Date.now() - HOUR,
      billable: true,
    } as never);
    const figures = (g: {
      key: string;
      ms: number;
      roundedMs: number;
      billableMs: number;
      billableRoundedMs: number;
      sessions: number;
      amounts: { currency: string; amount: number }[];
    }) => [
      g.key,
      g.ms,
      g.roundedMs,
      g.billableMs,
      g.billableRoundedMs,
      g.sessions,
      [...g.amounts].sort((a, b) => a.currency.localeCompare(b.currency)),
    ];
    const today = new Date().toISOString().slice(0, 10);
    const ranges = [
      { from: '1970-01-02', to: today },
      { from: '2024-11-15', to: '2026-02-10' },
      { from: '2025-03-01', to: '2025-03-31' },
      { from: '2025-12-30', to: '2026-01-02' },
    ];
    const compare = async (label: string) => {
      for (const range of ranges) {
        for (const groupBy of ['name', 'day', 'week'] as const) {
          const baked = await api.report({ ...range, groupBy });
          const generic = await api.report({ ...range, groupBy, subGroupBy: 'project' });
          expect(baked.groups.map(figures), `${label}: ${groupBy} ${range.from}..${range.to}`).to.deep.equal(
            generic.groups.map(figures),
          );
          expect(baked.totals, `${label}: totals ${groupBy}`).to.deep.equal(generic.totals);
        }
      }
    };
    // the running session counts up to each report's now: apart from its group, the figures are the same
    const running = await api.report({ ...ranges[0]!, groupBy: 'name' });
    const runningGeneric = await api.report({ ...ranges[0]!, groupBy: 'name', subGroupBy: 'project' });
    const task3 = (r: typeof running) => r.groups.find((g) => g.key === 'task 3')!;
    expect(Math.abs(task3(running).ms - task3(runningGeneric).ms)).to.be.below(5_000);
    expect(running.groups.filter((g) => g.key !== 'task 3').map(figures)).to.deep.equal(
      runningGeneric.groups.filter((g) => g.key !== 'task 3').map(figures),
    );
    await api.stopTimer({ id: timer.id });
    await compare('after the import');
    const names = await api.report({ ...ranges[1]!, groupBy: 'name' });
    expect(names.groups).to.have.length(37);
    expect(names.groups.some((g) => g.amounts.length === 2)).to.equal(true);
    await api.updateProject({ id: ids.acme!, patch: { hourlyRate: 120 } }); // Site inherits it
    await api.updateProject({ id: ids.beta!, patch: { currency: 'GBP' } });
    await compare('after rate and currency changes');
    const old = (await api.listSessions({ from: at(2025, 2, 1, 0), to: at(2025, 2, 3, 0), limit: 10 })).sessions[0]!;
    await api.updateSession({
      id: old.id,
      patch: { name: 'renamed', endTime: old.startTime + 30 * HOUR },
      overlap: 'keep',
    });
    await compare('after an edit');
    await expectRollupExact(ranges[0]!, 100);
  });

  it('answers from the sessions while the roll-up of a big import is built, then from the roll-up with the same figures', async function () {
    this.timeout(120_000);
    const api = handle.api;
    const base = at(2025, 1, 6, 8);
    await api.insertSessions(
      Array.from({ length: 6_000 }, (_, i) => ({
        name: `imp ${i % 50}`,
        projectId: i % 3 ? ids.acme! : ids.beta!,
        startTime: base + i * 3 * HOUR,
        endTime: base + i * 3 * HOUR + 40 * MIN,
        pausedMs: 0,
      })),
    );
    const input = { from: '2025-01-01', to: '2026-12-31', groupBy: 'project' as const };
    const first = await api.report(input);
    expect(first.source).to.equal('scan');
    expect(first.notes.join(' ')).to.contain('still being built');
    let later = first;
    for (let i = 0; i < 200 && later.source !== 'rollup'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      later = await api.report(input);
    }
    expect(later.source).to.equal('rollup');
    expect(later.totals).to.deep.equal(first.totals);
    // the baked tables (too many sessions to bake inside a report) follow in the background
    const names = { ...input, groupBy: 'name' as const };
    let baked = await api.report(names);
    for (let i = 0; i < 200 && baked.catchingUp; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      baked = await api.report(names);
    }
    expect(baked.catchingUp).to.equal(false);
    expect(baked.groups).to.have.length(50 + 4);
    expect(baked.totals).to.deep.equal(first.totals);
    expect(later.groups.map((g) => [g.key, g.ms])).to.deep.equal(first.groups.map((g) => [g.key, g.ms]));
  });
});

describe('reports before any productivity class is set', () => {
  const handle = useDataWorker('reports-unclassed');
  it('say how to set classes up instead of "0% productive", and name no peak hours', async () => {
    const site = await handle.api.createProject({ name: 'Site' });
    await handle.api.addSession({
      name: 'build',
      projectId: site.id,
      startTime: at(2026, 3, 3, 9),
      endTime: at(2026, 3, 3, 11),
    });
    const r = await handle.api.report({ from: '2026-03-01', to: '2026-03-31' });
    expect(r.productivity.classesSet).to.equal(false);
    expect(r.productivity.peakHours).to.deep.equal([]);
    const text = r.productivity.insights.map((i: { text: string }) => i.text).join(' ');
    expect(text)
      .to.contain('Mark projects or tags as productive or distracting')
      .and.not.match(/\d+% of your tracked time/);
    await handle.api.updateProject({ id: site.id, patch: { productivity: 'productive' } });
    const classed = await handle.api.report({ from: '2026-03-01', to: '2026-03-31' });
    expect(classed.productivity.classesSet).to.equal(true);
    expect(classed.productivity.insights[0]!.text).to.match(/^100% of your tracked time was productive/);
  });
});
