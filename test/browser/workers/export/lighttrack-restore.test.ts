import { expect } from 'chai';
import * as Comlink from 'comlink';

import { rejection } from '../../harness/worker-harness.ts';
import { readTemp, startPair, type Pair } from './export-harness.ts';

const MIN = 60_000;
const T = new Date(2026, 2, 2, 9, 0).getTime();
const ALL = { from: '2026-01-01', to: '2026-12-31' };

/** A varied LightTrack, filled through the API as a user would. */
async function fill(pair: Pair) {
  const api = pair.data.api;
  const acme = await api.createProject({ name: 'Acme – Ünïcode 東京', client: 'Acme, Inc.' });
  await api.updateProject({
    id: acme.id,
    patch: { color: '#aa3366', hourlyRate: 80, currency: 'USD', budgetMinutes: 600, budgetPeriod: 'month' },
  });
  const design = await api.createProject({ name: 'Design', parentId: acme.id });
  await api.updateProject({ id: design.id, patch: { hourlyRate: 90, currency: 'EUR', productivity: 'productive' } });
  const old = await api.createProject({ name: 'Old stuff' });
  await api.archiveProject({ id: old.id, archived: true });
  const deep = await api.createTag({ name: 'deep work' });
  await api.updateTag({ id: deep.value.id, patch: { color: '#112233', productivity: 'productive' } });
  await api.createTag({ name: 'مراجعة' });
  await api.createGoal({ name: 'Four hours a day', period: 'day', targetMinutes: 240 });
  await api.createGoal({
    name: 'Acme weekly',
    period: 'week',
    kind: 'at-most',
    targetMinutes: 1200,
    projectId: acme.id,
  });
  await api.updateSettings({ weekStart: 0, durationFormat: 'decimal', defaultProjectId: design.id });
  const add = (i: number, extra: Record<string, unknown>) =>
    api.addSession({ startTime: T + i * 24 * 60 * MIN, durationMs: 60 * MIN, ...extra });
  await add(0, { name: 'Logo "v2", draft', projectId: design.id, tags: ['deep work'], billable: true });
  await add(1, { name: 'Server 服务器 📝', description: 'line one\nline two', projectId: acme.id, billable: true });
  await add(2, { name: 'Archive sweep', projectId: old.id, source: 'quick-entry' });
  await add(3, { name: 'Review', tags: ['مراجعة', 'deep work'] });
  // two pieces merged: one session with a pause between them
  const a = await add(5, { name: 'Merged', projectId: design.id });
  const b = await api.addSession({ name: 'Merged', startTime: T + 5 * 24 * 60 * MIN + 75 * MIN, durationMs: 30 * MIN });
  await api.mergeSessions({ ids: [a.sessions[0]!.id, b.sessions[0]!.id] });
}

async function snapshot(pair: Pair) {
  const api = pair.data.api;
  const page = await api.exportSessions({ ...ALL, limit: 5_000, generatedAt: T + 400 * 24 * 60 * MIN });
  const byId = <X extends { id: string }>(xs: X[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));
  return {
    sessions: page.sessions,
    projects: byId(await api.listProjects()),
    tags: byId(await api.listTags()),
    goals: byId(await api.listGoals()),
    settings: await api.getSettings(),
  };
}

async function exportFile(pair: Pair): Promise<File> {
  const result = await pair.exporter.exportReport(
    { format: 'lighttrack-json', selection: ALL },
    await pair.port(),
    { kind: 'download', name: 'backup.json' },
    Comlink.proxy(() => undefined),
  );
  return new File([await readTemp(result.tempName!)], 'backup.json', { type: 'application/json' });
}

async function restore(pair: Pair, file: File, options: { restoreSettings?: boolean } = {}) {
  const summary = await pair.exporter.previewImport(file, await pair.port(), 'America/New_York');
  const outcome = await pair.exporter.confirmImport(
    summary.previewId,
    await pair.port(),
    Comlink.proxy(() => undefined),
    undefined,
    options,
  );
  return { summary, outcome };
}

describe('LightTrack JSON restore (real data and export workers on OPFS)', () => {
  const pairs: Pair[] = [];
  const start = async (prefix: string) => {
    const pair = await startPair(prefix);
    pairs.push(pair);
    return pair;
  };
  afterEach(() => pairs.splice(0).forEach((p) => p.stop()));

  it('into an empty database gives the same sessions, projects, tags, goals and settings; undo takes it back', async function () {
    this.timeout(60_000);
    const source = await start('lt-src');
    await fill(source);
    const before = await snapshot(source);
    expect(before.sessions.some((s) => s.pauses.length === 1)).to.equal(true);
    const file = await exportFile(source);

    const target = await start('lt-dst');
    const defaults = await target.data.api.getSettings();
    const { summary, outcome } = await restore(target, file, { restoreSettings: true });
    expect(summary.format).to.equal('lighttrack-json');
    expect(summary.restore).to.deep.include({
      projectsToCreate: 3,
      tagsToCreate: 2,
      goalsToCreate: 2,
      emptyDatabase: true,
    });
    expect(summary.restore!.settingsToChange).to.have.members(['weekStart', 'durationFormat', 'defaultProjectId']);
    expect(summary.toAdd).to.equal(5);
    expect(outcome).to.include({ added: 5, skipped: 0 });
    expect(await snapshot(target)).to.deep.equal(before);

    await target.data.api.undo();
    const undone = await snapshot(target);
    expect([undone.sessions, undone.projects, undone.tags, undone.goals]).to.deep.equal([[], [], [], []]);
    // the restored settings are part of the same action: back to what they were, and forward again on redo
    expect(undone.settings).to.deep.equal(defaults);
    await target.data.api.redo();
    expect(await snapshot(target)).to.deep.equal(before);
  });

  it('into a non-empty database: names matched without case, nothing twice, settings only when asked', async function () {
    this.timeout(60_000);
    const source = await start('lt-src2');
    await fill(source);
    const file = await exportFile(source);

    const target = await start('lt-dst2');
    const mine = await target.data.api.createProject({ name: 'DESIGN' });
    await target.data.api.createTag({ name: 'Deep Work' });
    const { summary, outcome } = await restore(target, file);
    expect(summary.restore).to.deep.include({ projectsToCreate: 2, tagsToCreate: 1, emptyDatabase: false });
    expect(outcome.added).to.equal(5);
    const after = await snapshot(target);
    expect(after.projects.map((p) => p.name).sort()).to.deep.equal(['Acme – Ünïcode 東京', 'DESIGN', 'Old stuff']);
    expect(after.tags).to.have.length(2);
    expect(after.sessions.filter((s) => s.name === 'Merged')[0]!.projectId).to.equal(mine.id);
    expect(after.settings.weekStart).to.equal(1); // not ticked: the user's settings stay

    // the same file again adds nothing, and says so
    const again = await restore(target, file, { restoreSettings: true });
    expect(again.summary).to.include({ toAdd: 0, alreadyImported: 5 });
    expect(again.summary.restore).to.deep.include({ projectsToCreate: 0, tagsToCreate: 0, goalsToCreate: 0 });
    expect(again.outcome.added).to.equal(0);
    const settings = await target.data.api.getSettings();
    expect(settings).to.include({ weekStart: 0, durationFormat: 'decimal' });
    expect(settings.defaultProjectId).to.equal(mine.id); // followed the matched project
    expect((await target.data.api.settingsHistory()).map((h) => h.key)).to.include.members(['weekStart']);
    expect((await snapshot(target)).sessions).to.have.length(5);
    // a restore that only changed settings is still one undoable action
    expect((await target.data.api.undo()).action.label).to.match(/^Import 0 sessions/);
    expect(await target.data.api.getSettings()).to.include({ weekStart: 1 });
    expect((await target.data.api.getSettings()).defaultProjectId).to.equal(null);
  });

  it('a cancelled restore leaves nothing behind: no sessions, projects, tags or goals', async function () {
    this.timeout(60_000);
    const source = await start('lt-src3');
    await fill(source);
    const file = await exportFile(source);
    const target = await start('lt-dst3');
    const summary = await target.exporter.previewImport(file, await target.port(), 'UTC');
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      target.exporter.confirmImport(
        summary.previewId,
        await target.port(),
        Comlink.proxy(() => undefined),
        controller.signal,
        { restoreSettings: true },
      ),
    );
    expect(error.details).to.include({ cancelled: true });
    const after = await snapshot(target);
    expect([after.sessions, after.projects, after.tags, after.goals]).to.deep.equal([[], [], [], []]);
    expect(after.settings.weekStart).to.equal(1);
    expect((await target.data.api.undoState()).undo).to.equal(null);
  });

  it('an import cancelled after its settings were restored puts them back (a key set before, and one not)', async () => {
    const target = await start('lt-set');
    await target.data.api.updateSettings({ weekStart: 1 });
    const before = await target.data.api.getSettings();
    const { importId } = await target.data.api.beginImport({ source: 'lighttrack-json', fileName: 'x.json', total: 0 });
    const { changed } = await target.data.api.restoreSettings({
      importId,
      settings: { weekStart: 0, durationFormat: 'decimal' },
    });
    expect(changed).to.have.members(['weekStart', 'durationFormat']);
    expect(await target.data.api.getSettings()).to.include({ weekStart: 0, durationFormat: 'decimal' });
    // a bad value is refused by the settings domain and changes nothing
    const bad = await rejection(target.data.api.restoreSettings({ importId, settings: { weekStart: 'soon' } }));
    expect(bad.code).to.equal('VALIDATION');
    await target.data.api.cancelImport({ importId });
    expect(await target.data.api.getSettings()).to.deep.equal(before);
    expect((await target.data.api.undoState()).undo).to.equal(null);
  });

  it('refuses a damaged file with its path and writes nothing', async () => {
    const target = await start('lt-bad');
    const bad = new File(
      [
        JSON.stringify({
          format: 'lighttrack',
          version: 1,
          exportedAt: 1,
          projects: [],
          tags: [],
          goals: [],
          settings: {},
          sessions: [{ id: 'x' }],
        }),
      ],
      'bad.json',
    );
    const error = await rejection(target.exporter.previewImport(bad, await target.port(), 'UTC'));
    expect(error.code).to.equal('VALIDATION');
    expect(error.message).to.match(/sessions\.0/);
    expect((await snapshot(target)).sessions).to.deep.equal([]);
  });
});
