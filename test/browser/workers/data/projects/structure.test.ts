import { expect } from 'chai';

import { nextChange, rejection, useDataWorker } from '../../../harness/worker-harness.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('projects, tags and goals in the data worker (real OPFS)', () => {
  const handle = useDataWorker('structure');

  it('keeps the project tree free of cycles and names unique among live projects without case', async () => {
    const api = handle.api;
    const acme = await api.createProject({ name: 'Acme' });
    const site = await api.createProject({ name: 'Website', parentId: acme.id });
    const page = await api.createProject({ name: 'Landing page', parentId: site.id });
    expect((await rejection(api.updateProject({ id: acme.id, patch: { parentId: page.id } }))).code).to.equal(
      'VALIDATION',
    );
    expect((await rejection(api.updateProject({ id: acme.id, patch: { parentId: acme.id } }))).code).to.equal(
      'VALIDATION',
    );
    expect((await rejection(api.createProject({ name: 'ACME' }))).code).to.equal('CONFLICT');
    expect((await rejection(api.updateProject({ id: site.id, patch: { name: 'acme' } }))).code).to.equal('CONFLICT');
    const moved = await api.updateProject({
      id: page.id,
      patch: {
        parentId: acme.id,
        client: 'Acme Inc',
        hourlyRate: 95.5,
        currency: 'EUR',
        billableDefault: true,
        budgetMinutes: 600,
        budgetPeriod: 'month',
        estimateMinutes: 300,
        productivity: 'productive',
      },
    });
    expect(moved.value).to.include({
      parentId: acme.id,
      client: 'Acme Inc',
      hourlyRate: 95.5,
      currency: 'EUR',
      billableDefault: true,
      budgetPeriod: 'month',
      productivity: 'productive',
    });
    for (const patch of [
      { currency: 'euro' },
      { hourlyRate: -1 },
      { color: 'red' },
      { name: '' },
      { name: 'a\0' },
      {},
    ]) {
      expect(
        (await rejection(api.updateProject({ id: page.id, patch } as never))).code,
        JSON.stringify(patch),
      ).to.equal('VALIDATION');
    }
    // a deleted name is free again
    await api.deleteProject({ id: site.id });
    expect((await api.createProject({ name: 'website' })).name).to.equal('website');
  });

  it('deletes a project with sessions only when told what happens to them; undo puts everything back', async () => {
    const api = handle.api;
    const parent = await api.createProject({ name: 'Parent' });
    const doomed = await api.createProject({ name: 'Doomed', parentId: parent.id });
    const child = await api.createProject({ name: 'Child', parentId: doomed.id });
    const other = await api.createProject({ name: 'Other' });
    const t = Date.now() - 10 * HOUR;
    const s = (await api.addSession({ startTime: t, endTime: t + HOUR, projectId: doomed.id })).sessions[0]!;
    const e = await rejection(api.deleteProject({ id: doomed.id }));
    expect(e.code).to.equal('CONFLICT');
    expect(e.details).to.deep.include({ sessions: 1 });
    expect((await rejection(api.deleteProject({ id: doomed.id, sessions: 'move' } as never))).code).to.equal(
      'VALIDATION',
    );
    await api.deleteProject({ id: doomed.id, sessions: 'move', moveTo: other.id });
    expect((await api.getSession(s.id)).projectId).to.equal(other.id);
    const projects = await api.listProjects();
    expect(projects.find((p) => p.id === child.id)?.parentId, 'the child moves up').to.equal(parent.id);
    expect(projects.some((p) => p.id === doomed.id)).to.equal(false);
    const announced = nextChange((c) => c.table === 'projects');
    await api.undo();
    await announced; // other windows hear that the undo changed projects, not only sessions
    expect((await api.getSession(s.id)).projectId).to.equal(doomed.id);
    expect((await api.listProjects()).find((p) => p.id === child.id)?.parentId).to.equal(doomed.id);
    await api.deleteProject({ id: doomed.id, sessions: 'unassign' });
    expect((await api.getSession(s.id)).projectId).to.equal(null);
  });

  it('merges projects (typo clean-up), archives, and reports totals with the budget used', async () => {
    const api = handle.api;
    const a = await api.createProject({ name: 'Acme' });
    const b = await api.createProject({ name: 'acme inc' });
    const now = Date.now();
    await api.addSession({ startTime: now - 5 * HOUR, endTime: now - 4 * HOUR, projectId: a.id });
    await api.addSession({ startTime: now - 3 * HOUR, endTime: now - 1 * HOUR, projectId: b.id });
    await api.updateProject({ id: a.id, patch: { budgetMinutes: 600, budgetPeriod: 'total' } });
    const merged = await api.mergeProjects({ from: b.id, into: a.id });
    expect(merged.action?.label).to.equal('Merge “acme inc” into “Acme”');
    const totals = (await api.projectTotals()).find((x) => x.projectId === a.id)!;
    expect(totals.allMs).to.equal(3 * HOUR);
    expect(totals.budgetUsedMs).to.equal(3 * HOUR);
    expect((await rejection(api.mergeProjects({ from: a.id, into: a.id }))).code).to.equal('VALIDATION');
    const archived = await api.archiveProject({ id: a.id, archived: true });
    expect(archived.value.archivedAt).to.be.a('number');
    expect(
      (await api.listProjects()).map((p) => p.name),
      'archived projects are still listed (reports keep them)',
    ).to.include('Acme');
  });

  it('creates, renames, recolours, deletes (undoably) and merges tags', async () => {
    const api = handle.api;
    const t = Date.now() - 10 * HOUR;
    const s = (await api.addSession({ startTime: t, endTime: t + HOUR, tags: ['meetng', 'work'] })).sessions[0]!;
    const [meetng, work] = await api.listTags();
    const meeting = (await api.createTag({ name: 'meeting', color: '#ff0000' })).value;
    expect((await rejection(api.createTag({ name: 'MEETING' }))).code).to.equal('CONFLICT');
    expect((await rejection(api.createTag({ name: ' ' }))).code).to.equal('VALIDATION');
    await api.mergeTags({ from: meetng!.id, into: meeting.id });
    expect((await api.getSession(s.id)).tagIds.sort()).to.deep.equal([meeting.id, work!.id].sort());
    await api.updateTag({ id: work!.id, patch: { name: 'Work', productivity: 'productive' } });
    await api.deleteTag(work!.id);
    expect((await api.getSession(s.id)).tagIds).to.deep.equal([meeting.id]);
    await api.undo();
    expect((await api.getSession(s.id)).tagIds.sort(), 'undo brings the tag back on its sessions').to.deep.equal(
      [meeting.id, work!.id].sort(),
    );
    expect((await api.listTags()).find((x) => x.id === work!.id)).to.include({
      name: 'Work',
      productivity: 'productive',
    });
  });

  it('goal progress counts the running timer, handles at-most goals, and counts streaks across a DST change', async () => {
    const api = handle.api;
    const deep = await api.createProject({ name: 'Deep work' });
    const sub = await api.createProject({ name: 'Writing', parentId: deep.id });
    // America/New_York: 8 Mar 2026 has 23 hours. Two hours a day from 5 to 9 March on the sub-project.
    for (let day = 5; day <= 9; day++) {
      const start = new Date(2026, 2, day, 10).getTime();
      await api.addSession({ startTime: start, endTime: start + 2 * HOUR, projectId: sub.id, tags: ['focus'] });
    }
    // a session across midnight on the DST night: 23:00 on the 7th to 04:00 on the 8th (4 real hours: 1 + 3)
    await api.addSession({
      startTime: new Date(2026, 2, 7, 23).getTime(),
      endTime: new Date(2026, 2, 8, 4).getTime(),
      tags: ['meeting'],
    });
    const focus = (await api.listTags()).find((t) => t.name === 'focus')!;
    const meeting = (await api.listTags()).find((t) => t.name === 'meeting')!;
    const g1 = (await api.createGoal({ period: 'day', targetMinutes: 120, projectId: deep.id, name: 'deep' })).value;
    const g2 = (await api.createGoal({ period: 'day', kind: 'at-most', targetMinutes: 60, tagId: meeting.id })).value;
    const g3 = (await api.createGoal({ period: 'week', targetMinutes: 600, tagId: focus.id })).value;
    expect((await rejection(api.createGoal({ period: 'day', targetMinutes: 0 }))).code).to.equal('VALIDATION');
    expect((await rejection(api.createGoal({ period: 'year', targetMinutes: 5 } as never))).code).to.equal(
      'VALIDATION',
    );
    expect(
      (await rejection(api.createGoal({ period: 'day', targetMinutes: 5, projectId: deep.id, tagId: focus.id }))).code,
    ).to.equal('VALIDATION');
    const at = new Date(2026, 2, 9, 18).getTime();
    const progress = new Map((await api.goalProgress({ at })).map((p) => [p.goalId, p]));
    expect(progress.get(g1.id)).to.deep.include({
      doneMs: 2 * HOUR,
      met: true,
      streak: 5,
      from: new Date(2026, 2, 9).getTime(),
    });
    const meetingOn8 = new Map(
      (await api.goalProgress({ at: new Date(2026, 2, 8, 12).getTime() })).map((p) => [p.goalId, p]),
    ).get(g2.id)!;
    expect(meetingOn8.doneMs, 'the part after midnight on the short day').to.equal(3 * HOUR);
    expect(meetingOn8.to - meetingOn8.from, 'a 23-hour day').to.equal(23 * HOUR);
    expect(meetingOn8.met).to.equal(false);
    // week starting Monday 9 March: 2 h so far; the week before (2–8 March) had 8 h < 10 h
    expect(progress.get(g3.id)).to.deep.include({ doneMs: 2 * HOUR, met: false, streak: 0 });
  });
});
