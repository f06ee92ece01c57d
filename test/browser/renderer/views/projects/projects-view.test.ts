import { expect } from 'chai';

import type { LtProjectsView } from '../../../../../renderer/views/projects/lt-projects-view.ts';
import { localDayRange } from '../../../../../shared/day.ts';
import type { ActionRef } from '../../../../../shared/session-edits.ts';
import { expectAccessible, useAppStyles } from '../../../harness/a11y.ts';
import { deep, mountApp, type Mounted } from '../../../harness/app-harness.ts';
import { crashAsAnotherWindowChanges, openOtherWindow } from '../../../harness/live-harness.ts';
import { until } from '../../../harness/wait.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';

const view = (m: Mounted) => deep<LtProjectsView>(m.app, 'lt-projects-view')!;
const root = (m: Mounted) => view(m).shadowRoot!;
const editor = (m: Mounted) => deep(m.app, 'lt-projects-view', 'lt-project-editor')!.shadowRoot!;
const remover = (m: Mounted) => deep(m.app, 'lt-projects-view', 'lt-project-remove')!.shadowRoot!;
const tags = (m: Mounted) => deep(m.app, 'lt-projects-view', 'lt-tags-section')!.shadowRoot!;
const row = (m: Mounted, id: string) => root(m).querySelector<HTMLElement>(`li[data-project="${id}"]`);
const rowByName = (m: Mounted, name: string) =>
  [...root(m).querySelectorAll<HTMLElement>('li[data-project]')].find(
    (li) => li.querySelector(':scope > .row strong')?.textContent === name,
  );

function setValue(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Finished sessions of `minutes` each, today, on a project. */
function sessions(projectId: string | null, count: number, minutes = 30, offsetMin = 0) {
  const { from } = localDayRange(Date.now());
  const start = from;
  return Array.from({ length: count }, (_, i) => ({
    name: `work ${i}`,
    projectId,
    startTime: start + (offsetMin + i * (minutes + 1)) * 60_000,
    endTime: start + (offsetMin + i * (minutes + 1) + minutes) * 60_000,
  }));
}

describe('projects view (real data worker)', () => {
  let m: Mounted;
  let actions: ActionRef[];
  const onAction = (e: Event) => actions.push((e as CustomEvent<ActionRef>).detail);
  beforeEach(async () => {
    useAppStyles();
    actions = [];
    m = mountApp(uniqueDbName('projects-view'), 'projects');
    m.app.addEventListener('lt-action', onAction);
    await until(() => view(m)?.model.$loaded.get(), 'projects loaded');
  });
  afterEach(() => m.stop());

  it('creates a project and a sub-project, shows the tree, and passes axe (dialog open too)', async () => {
    root(m).querySelector<HTMLButtonElement>('button.new-project')!.click();
    await until(() => editor(m).querySelector('dialog')!.open, 'dialog open');
    await expectAccessible(view(m));
    setValue(editor(m).querySelector<HTMLInputElement>('input[name="name"]')!, 'Acme');
    editor(m).querySelector<HTMLButtonElement>('button.save')!.click();
    const acme = await until(() => rowByName(m, 'Acme'), 'Acme row');
    await until(() => !editor(m).querySelector('dialog')!.open, 'dialog closed');

    acme.querySelector<HTMLButtonElement>('button.add-child')!.click();
    await until(() => editor(m).querySelector('dialog')!.open, 'child dialog');
    expect(editor(m).querySelector('h2')!.textContent).to.contain('New sub-project');
    setValue(editor(m).querySelector<HTMLInputElement>('input[name="name"]')!, 'Website');
    editor(m).querySelector<HTMLButtonElement>('button.save')!.click();
    const website = await until(() => rowByName(m, 'Website'), 'Website row');
    expect(website.parentElement!.closest('li')).to.equal(rowByName(m, 'Acme'));
    expect(website.querySelector('strong')!.getAttribute('title')).to.equal('Acme / Website');
    await expectAccessible(view(m));
  });

  it('renames, recolours and moves a project from its dialog, as one undoable action', async () => {
    const a = await m.services.client.data.createProject({ name: 'Acme' });
    const b = await m.services.client.data.createProject({ name: 'Webshite' });
    const li = await until(() => row(m, b.id), 'row');
    li.querySelector<HTMLButtonElement>('button.edit')!.click();
    await until(() => editor(m).querySelector('dialog')!.open, 'dialog');
    expect(editor(m).querySelector<HTMLInputElement>('input[name="name"]')!.value).to.equal('Webshite');
    expect(editor(m).querySelector<HTMLInputElement>('input[name="color"]')!.value).to.equal(b.color);
    setValue(editor(m).querySelector<HTMLInputElement>('input[name="name"]')!, 'Website');
    setValue(editor(m).querySelector<HTMLInputElement>('input[name="color"]')!, '#112233');
    setValue(editor(m).querySelector<HTMLSelectElement>('select[name="parentId"]')!, a.id);
    editor(m).querySelector<HTMLButtonElement>('button.save')!.click();
    await until(() => rowByName(m, 'Website')?.parentElement?.closest('li') === row(m, a.id), 'renamed and moved');
    const saved = (await m.services.client.data.listProjects()).find((p) => p.id === b.id)!;
    expect([saved.name, saved.color, saved.parentId]).to.deep.equal(['Website', '#112233', a.id]);
    await until(() => actions.length === 1, 'one lt-action');
    expect(actions[0]!.label).to.contain('Webshite');

    // a clash is refused beside the name, and nothing changes
    row(m, b.id)!.querySelector<HTMLButtonElement>('button.edit')!.click();
    await until(() => editor(m).querySelector('dialog')!.open, 'dialog again');
    setValue(editor(m).querySelector<HTMLInputElement>('input[name="name"]')!, 'ACME');
    editor(m).querySelector<HTMLButtonElement>('button.save')!.click();
    await until(
      () => editor(m).querySelector('[data-field="name"] .field-error')?.textContent?.includes('already exists'),
      'clash message',
    );
    setValue(editor(m).querySelector<HTMLInputElement>('input[name="hourlyRate"]')!, '-5');
    setValue(editor(m).querySelector<HTMLInputElement>('input[name="name"]')!, 'Website');
    editor(m).querySelector<HTMLButtonElement>('button.save')!.click();
    await until(
      () =>
        editor(m)
          .querySelector('[data-field="hourlyRate"] .field-error')
          ?.textContent?.includes('must not be negative'),
      'rate message',
    );
    await expectAccessible(view(m));
  });

  it('sums sub-projects into parents and shows the budget used as numbers and a bar', async () => {
    const data = m.services.client.data;
    const acme = await data.createProject({ name: 'Acme' });
    const web = await data.createProject({ name: 'Website', parentId: acme.id });
    await data.updateProject({ id: acme.id, patch: { budgetMinutes: 120, budgetPeriod: 'total' } });
    await data.insertSessions([...sessions(acme.id, 1, 30), ...sessions(web.id, 2, 30, 100)]);
    await view(m).model.reload();
    await until(
      () => row(m, acme.id)?.querySelector('.all')?.textContent?.includes('1:30'),
      'parent total includes children',
    );
    expect(row(m, web.id)!.querySelector('.all')!.textContent).to.contain('1:00');
    const bar = row(m, acme.id)!.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('75');
    expect(row(m, acme.id)!.querySelector('.budget-text')!.textContent!.replace(/\s+/g, ' ')).to.equal(
      '75% · 1:30 of 2:00',
    );

    await m.services.settings.update({ durationFormat: 'decimal' });
    await until(() => row(m, acme.id)!.querySelector('.all')!.textContent!.includes('1.50 h'), 'decimal durations');
  });

  it('archives a project (shown apart) and unarchives it', async () => {
    const p = await m.services.client.data.createProject({ name: 'Old client' });
    const li = await until(() => row(m, p.id), 'row');
    li.querySelector<HTMLButtonElement>('button.edit')!.click();
    await until(() => editor(m).querySelector('dialog')!.open, 'dialog');
    editor(m).querySelector<HTMLButtonElement>('button.archive')!.click();
    await until(() => root(m).querySelector(`ul.archived li[data-project="${p.id}"]`), 'in the archived list');
    expect(root(m).querySelector(`ul.tree:not(.archived) li[data-project="${p.id}"]`)).to.equal(null);
    await until(() => actions.length === 1, 'lt-action');
    expect(actions.map((a) => a.label)).to.deep.equal(['Archive “Old client”']);
    root(m).querySelector<HTMLButtonElement>(`ul.archived li[data-project="${p.id}"] button.unarchive`)!.click();
    await until(() => root(m).querySelector(`ul.tree:not(.archived) li[data-project="${p.id}"]`), 'back in the tree');
  });

  it('deletes a project with sessions: keep them without a project, or move them', async () => {
    const data = m.services.client.data;
    const a = await data.createProject({ name: 'Typo' });
    const b = await data.createProject({ name: 'Real' });
    const c = await data.createProject({ name: 'Another' });
    await data.insertSessions([...sessions(a.id, 2), ...sessions(c.id, 1, 10, 200)]);
    const open = async (id: string) => {
      (await until(() => row(m, id), 'row')).querySelector<HTMLButtonElement>('button.edit')!.click();
      await until(() => editor(m).querySelector('dialog')!.open, 'dialog');
      editor(m).querySelector<HTMLButtonElement>('button.delete')!.click();
      await until(() => remover(m).querySelector('dialog')?.open, 'delete dialog');
    };
    await open(a.id);
    expect(remover(m).textContent).to.contain('has 2 sessions');
    await expectAccessible(view(m));
    remover(m).querySelector<HTMLInputElement>('input[value="move"]')!.click();
    await until(
      () => !remover(m).querySelector<HTMLSelectElement>('select[name="target"]')!.disabled,
      'target enabled',
    );
    setValue(remover(m).querySelector<HTMLSelectElement>('select[name="target"]')!, b.id);
    remover(m).querySelector<HTMLButtonElement>('button.commit')!.click();
    await until(() => !row(m, a.id), 'deleted');
    const { from, to } = localDayRange(Date.now());
    const list = await data.sessionsInRange({ from, to });
    expect(list.sessions.filter((s) => s.projectId === b.id).length).to.equal(2);

    await open(c.id);
    expect(remover(m).textContent).to.contain('has 1 session');
    remover(m).querySelector<HTMLButtonElement>('button.commit')!.click(); // default: keep without a project
    await until(() => !row(m, c.id), 'second deleted');
    const after = await data.sessionsInRange({ from, to });
    expect(after.sessions.filter((s) => s.projectId === null).length).to.equal(1);
    await until(() => actions.length === 2, 'two lt-actions');
    expect(actions.map((x) => x.label)).to.deep.equal(['Delete project “Typo”', 'Delete project “Another”']);

    // no sessions: deleted at once (undoable)
    const d = await data.createProject({ name: 'Empty' });
    await open(d.id).catch(() => undefined);
    await until(() => !row(m, d.id), 'empty deleted');
  });

  it('merges two projects', async () => {
    const data = m.services.client.data;
    const a = await data.createProject({ name: 'acme inc' });
    const b = await data.createProject({ name: 'Acme' });
    await data.insertSessions(sessions(a.id, 3));
    (await until(() => row(m, a.id), 'row')).querySelector<HTMLButtonElement>('button.edit')!.click();
    await until(() => editor(m).querySelector('dialog')!.open, 'dialog');
    editor(m).querySelector<HTMLButtonElement>('button.merge')!.click();
    await until(() => remover(m).querySelector('dialog')?.open, 'merge dialog');
    setValue(remover(m).querySelector<HTMLSelectElement>('select[name="target"]')!, b.id);
    remover(m).querySelector<HTMLButtonElement>('button.commit')!.click();
    await until(() => !row(m, a.id), 'merged away');
    await until(() => row(m, b.id)!.querySelector('.all')!.textContent!.includes('1:30'), 'totals moved');
    await until(() => actions.length === 1, 'lt-action');
    expect(actions[0]!.label).to.equal('Merge “acme inc” into “Acme”');
  });

  it('manages tags: create, rename (clash refused), delete, merge', async () => {
    const t = () => tags(m);
    const add = async (name: string) => {
      await until(() => !t().querySelector<HTMLButtonElement>('form.add button')!.disabled, 'add enabled');
      setValue(t().querySelector<HTMLInputElement>('form.add input[name="name"]')!, name);
      t().querySelector<HTMLButtonElement>('form.add button')!.click();
      await until(
        () =>
          view(m)
            .model.$tags.get()
            .some((x) => x.name === name),
        `tag ${name}`,
      );
    };
    await add('meeting');
    await add('deep work');
    await add('meetings');
    await until(() => t().querySelectorAll('li[data-tag]').length === 3, 'three rows');
    expect(t().querySelectorAll('lt-tag-chip').length).to.equal(3);
    const id = (name: string) =>
      view(m)
        .model.$tags.get()
        .find((x) => x.name === name)!.id;

    setValue(t().querySelector<HTMLInputElement>(`li[data-tag="${id('meetings')}"] input[name="name"]`)!, 'Meeting');
    await until(
      () =>
        t()
          .querySelector(`li[data-tag="${id('meetings')}"] .field-error`)
          ?.textContent?.includes('already exists'),
      'clash',
    );
    setValue(t().querySelector<HTMLInputElement>('form.add input[name="name"]')!, '');
    await until(() => !t().querySelector<HTMLButtonElement>('form.add button')!.disabled, 'add enabled');
    t().querySelector<HTMLButtonElement>('form.add button')!.click();
    await until(() => t().querySelector('#new-tag-error')?.textContent?.includes('must not be empty'), 'empty refused');

    const meetings = id('meetings');
    t().querySelector<HTMLButtonElement>(`li[data-tag="${meetings}"] button.merge-open`)!.click();
    await until(() => t().querySelector(`li[data-tag="${meetings}"] form.merge`), 'merge form');
    setValue(t().querySelector<HTMLSelectElement>(`li[data-tag="${meetings}"] select[name="into"]`)!, id('meeting'));
    t().querySelector<HTMLButtonElement>(`li[data-tag="${meetings}"] form.merge button`)!.click();
    await until(() => !t().querySelector(`li[data-tag="${meetings}"]`), 'merged');

    t()
      .querySelector<HTMLButtonElement>(`li[data-tag="${id('deep work')}"] button.delete`)!
      .click();
    await until(() => t().querySelectorAll('li[data-tag]').length === 1, 'deleted');
    await until(() => /deep work/.test(actions.at(-1)?.label ?? ''), 'lt-action for the delete');
    await m.services.client.data.undo();
    await until(() => t().querySelectorAll('li[data-tag]').length === 2, 'undo brings it back');
    await expectAccessible(tags(m).host);
  });

  it('creates a goal and shows its live progress, the running timer included', async () => {
    const data = m.services.client.data;
    const p = await data.createProject({ name: 'Deep' });
    await data.insertSessions(sessions(p.id, 1, 60));
    const goals = deep(m.app, 'lt-projects-view', 'lt-goals-section')!.shadowRoot!;
    goals.querySelector<HTMLButtonElement>('button.new-goal')!.click();
    await until(() => goals.querySelector('dialog')!.open, 'goal dialog');
    setValue(goals.querySelector<HTMLInputElement>('input[name="hours"]')!, '2');
    setValue(goals.querySelector<HTMLSelectElement>('select[name="scope"]')!, `p:${p.id}`);
    goals.querySelector<HTMLButtonElement>('button.save')!.click();
    const progress = () => goals.querySelector('lt-goal-progress')!.shadowRoot!;
    await until(() => progress().querySelector('li[data-goal]'), 'goal shown');
    await until(() => progress().querySelector('.done')!.textContent === '1:00 of 2:00', 'progress numbers');
    expect(progress().querySelector('.status')!.textContent).to.equal('1:00 to go');
    expect(progress().querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).to.equal('60');

    // another window's change to sessions refreshes the progress (the running timer's share: data-goal-running test)
    await data.insertSessions(sessions(p.id, 1, 30, 120));
    await until(
      () => progress().querySelector('.done')!.textContent === '1:30 of 2:00',
      'refreshed on a sessions change',
    );

    // a bad target is refused in the dialog
    progress().querySelector<HTMLButtonElement>('button.edit')!.click();
    await until(() => goals.querySelector('dialog')!.open, 'edit dialog');
    expect(goals.querySelector<HTMLInputElement>('input[name="hours"]')!.value).to.equal('2');
    expect(goals.querySelector<HTMLSelectElement>('select[name="scope"]')!.value).to.equal(`p:${p.id}`);
    setValue(goals.querySelector<HTMLInputElement>('input[name="hours"]')!, '0');
    goals.querySelector<HTMLButtonElement>('button.save')!.click();
    await until(
      () => goals.querySelector('dialog .outcome.error')?.textContent?.includes('at least a minute'),
      'refusal',
    );
    await expectAccessible(view(m));
    goals.querySelector('dialog')!.close();
    progress().querySelector<HTMLButtonElement>('button.delete')!.click();
    await until(() => !progress().querySelector('li[data-goal]'), 'goal deleted');
  });

  it('shows projects and goals another window made as its data worker died', async () => {
    const dbName = m.dbName;
    m.stop();
    const other = await openOtherWindow(dbName);
    try {
      m = mountApp(dbName, 'projects');
      await until(() => view(m)?.model.$loaded.get(), 'projects loaded');
      const progress = () => deep(m.app, 'lt-projects-view', 'lt-goals-section', 'lt-goal-progress')?.shadowRoot;
      await until(() => progress()?.textContent?.includes('No goals yet'), 'goals loaded');
      await crashAsAnotherWindowChanges(m.services.client, other, async (api) => {
        await api.createGoal({ name: 'Goal from elsewhere', period: 'week', targetMinutes: 60 });
        await api.createProject({ name: 'Made elsewhere' });
      });
      await until(() => rowByName(m, 'Made elsewhere'), 'the other window’s project');
      await until(() => progress()!.textContent!.includes('Goal from elsewhere'), 'the other window’s goal');
    } finally {
      other.worker.terminate();
    }
  });
});
