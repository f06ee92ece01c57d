import { expect } from 'chai';

import { createServices } from '../../../../../renderer/services/services.ts';
import { createWebShell } from '../../../../../renderer/shell/web-shell.ts';
import type { LtSettingsHistory } from '../../../../../renderer/views/settings/lt-settings-history.ts';
import { SETTINGS_FILE_FORMAT } from '../../../../../shared/settings.ts';
import { expectAccessible, useAppStyles } from '../../../harness/a11y.ts';
import {
  deep,
  deepAll,
  mountApp,
  nextDownload,
  textOf,
  workerUrl,
  type Mounted,
} from '../../../harness/app-harness.ts';
import { crashAsAnotherWindowChanges, openOtherWindow } from '../../../harness/live-harness.ts';
import { until } from '../../../harness/wait.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';

const view = (m: Mounted) => deep(m.app, 'lt-settings-view')!;
const root = (m: Mounted) => view(m).shadowRoot!;
const field = (m: Mounted, key: string) => root(m).querySelector<HTMLElement>(`.field[data-key="${key}"]`);
const history = (m: Mounted) => deep<LtSettingsHistory>(m.app, 'lt-settings-view', 'lt-settings-history')!;

function setValue(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

describe('settings view (real data worker)', () => {
  let m: Mounted;
  let dbName: string;
  beforeEach(async () => {
    useAppStyles();
    dbName = uniqueDbName('settings-view');
    m = mountApp(dbName, 'settings');
    await until(() => m.services.settings.$loaded.get() && field(m, 'theme'), 'settings view');
  });
  afterEach(() => {
    m.stop();
    document.documentElement.removeAttribute('data-theme');
  });

  it('shows every setting in grouped sections and passes axe', async () => {
    const sections = [...root(m).querySelectorAll('section[data-section] > h2')].map((h) => h.textContent);
    expect(sections).to.deep.equal([
      'Appearance',
      'Time & dates',
      'Tracking',
      'Reports',
      'Exports',
      'Backups',
      'Quick entry',
      'Assistant',
      'Jira',
    ]);
    expect(root(m).querySelectorAll('.field').length).to.equal(19);
    await expectAccessible(view(m));
  });

  it('filters settings as you type, and says when nothing matches', async () => {
    const search = root(m).querySelector<HTMLInputElement>('input[type="search"]')!;
    setValue(search, 'dark');
    await until(() => root(m).querySelectorAll('.field').length === 1, 'one match');
    expect(field(m, 'theme')).to.not.equal(null);
    setValue(search, 'week');
    await until(() => field(m, 'weekStart') && !field(m, 'theme'), 'week start shown');
    setValue(search, 'zzzz nothing');
    await until(() => root(m).textContent!.includes('No setting matches'), 'no match message');
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => root(m).querySelectorAll('.field').length === 19, 'all back');
  });

  it('away time: on lock / on sleep, pause while idle, and what this shell cannot notice, in words', async () => {
    const lock = field(m, 'awayOnLock')!.querySelector<HTMLInputElement>('input[value="discard"]')!;
    lock.click();
    const sleep = field(m, 'awayOnSleep')!.querySelector<HTMLInputElement>('input[value="keep"]')!;
    sleep.click();
    const pause = field(m, 'awayAutoPause')!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    pause.click();
    await until(async () => {
      const s = await m.services.client.data.getSettings();
      return s.awayOnLock === 'discard' && s.awayOnSleep === 'keep' && s.awayAutoPause;
    }, 'saved');
    const note = await until(
      () => deep(m.app, 'lt-settings-view', 'lt-presence-sources', 'ul'),
      'the sources that do not fully work',
    );
    expect(note.textContent).to.contain('Screen lock: not available. A browser cannot tell when the screen is locked.');
    expect(note.textContent).to.contain('Idle time: approximate.');
    expect(note.textContent, 'what works is not listed here').to.not.contain('Clock changes');
    await expectAccessible(view(m));
  });

  it('working hours per weekday: a day of its own hours is saved and read back in words', async () => {
    const f = field(m, 'workingHours')!;
    f.querySelector<HTMLElement>('details.by-day summary')!.click();
    setValue(f.querySelector<HTMLInputElement>('input[name="end-5"]')!, '13:00');
    await until(
      async () => (await m.services.client.data.getSettings()).workingHours.byDay?.[5]?.end === '13:00',
      'saved',
    );
    const s = await m.services.client.data.getSettings();
    expect(s.workingHours.byDay).to.deep.equal([null, null, null, null, null, { start: '09:00', end: '13:00' }, null]);
    expect(s.workingHours).to.include({ start: '09:00', end: '17:00' });
    await until(() => history(m).shadowRoot?.textContent?.includes('(Fri 09:00–13:00)'), 'history in words');
    const refused = await m.services.settings.update({
      workingHours: {
        ...s.workingHours,
        byDay: [null, null, null, null, null, { start: '13:00', end: '09:00' }, null],
      },
    });
    expect(refused.ok).to.equal(false);
    await expectAccessible(view(m));
  });

  it('writes the person, client and paper that exported documents carry', async () => {
    setValue(field(m, 'exportPerson')!.querySelector<HTMLInputElement>('input')!, '  Zoë O’Brien ');
    setValue(field(m, 'exportClient')!.querySelector<HTMLInputElement>('input')!, 'Acme, Inc.');
    field(m, 'paper')!.querySelector<HTMLInputElement>('input[value="letter"]')!.click();
    await until(async () => (await m.services.client.data.getSettings()).paper === 'letter', 'paper written');
    await until(async () => (await m.services.client.data.getSettings()).exportClient === 'Acme, Inc.', 'client');
    expect(await m.services.client.data.getSettings()).to.include({ exportPerson: 'Zoë O’Brien' });
  });

  it('applies the theme live and writes it to the data', async () => {
    const dark = field(m, 'theme')!.querySelector<HTMLInputElement>('input[value="dark"]')!;
    dark.click();
    await until(() => document.documentElement.getAttribute('data-theme') === 'dark', 'dark theme applied');
    expect(getComputedStyle(document.documentElement).colorScheme).to.equal('dark');
    expect((await m.services.client.data.getSettings()).theme).to.equal('dark');
    field(m, 'theme')!.querySelector<HTMLInputElement>('input[value="system"]')!.click();
    await until(() => !document.documentElement.hasAttribute('data-theme'), 'system theme');
  });

  it('refuses a bad value with the field’s message beside it, and changes nothing', async () => {
    const idle = field(m, 'idleThresholdMinutes')!.querySelector<HTMLInputElement>('input')!;
    setValue(idle, '9999');
    const message = await until(
      () => field(m, 'idleThresholdMinutes')!.querySelector('.field-error')!.textContent!.trim(),
      'message',
    );
    expect(message).to.equal('must be at most 480 minutes');
    expect(idle.getAttribute('aria-invalid')).to.equal('true');
    expect(idle.getAttribute('aria-describedby')).to.contain('e-idleThresholdMinutes');
    expect((await m.services.client.data.getSettings()).idleThresholdMinutes).to.equal(5);

    setValue(idle, '');
    await until(() => field(m, 'idleThresholdMinutes')!.textContent!.includes('must be a number'), 'empty refused');

    const shortcut = field(m, 'quickEntryShortcut')!.querySelector<HTMLInputElement>('input')!;
    setValue(shortcut, 'Ctrl+\u0000');
    await until(
      () => field(m, 'quickEntryShortcut')!.textContent!.includes('must be a shortcut like'),
      'shortcut refused',
    );

    const start = field(m, 'workingHours')!.querySelector<HTMLInputElement>('input[name="start"]')!;
    setValue(start, '18:00');
    await until(
      () => field(m, 'workingHours')!.textContent!.includes('must end after it starts'),
      'working hours refused',
    );

    setValue(idle, '12');
    await until(
      async () => (await m.services.client.data.getSettings()).idleThresholdMinutes === 12,
      'good value saved',
    );
    await until(
      () => !field(m, 'idleThresholdMinutes')!.querySelector('.field-error')!.textContent!.trim(),
      'message gone',
    );
    await expectAccessible(view(m));
  });

  it('lists history as from → to and undoes a change', async () => {
    const week = field(m, 'weekStart')!.querySelector('select')!;
    setValue(week, '0');
    await until(() => deepAll(history(m), 'li').length === 1, 'history entry');
    const entry = deepAll(history(m), 'li')[0]!;
    expect(textOf(entry)).to.match(/Week starts on ?: Monday → changed to Sunday/);
    entry.querySelector<HTMLButtonElement>('button.undo')!.click();
    await until(async () => (await m.services.client.data.getSettings()).weekStart === 1, 'rolled back');
    await until(() => week.value === '1', 'select shows Monday again');
    await until(() => deepAll(history(m), 'li').length === 2, 'the undo is itself a change');
    await expectAccessible(history(m));
  });

  it('exports settings as a JSON file and imports one; a bad file changes nothing and says why', async () => {
    await m.services.settings.update({ clock: '12h' });
    const download = nextDownload();
    history(m).shadowRoot!.querySelector<HTMLButtonElement>('button.export')!.click();
    const { name, bytes } = await download;
    expect(name).to.match(/^lighttrack-settings-\d{4}-\d\d-\d\d\.json$/);
    const file = JSON.parse(new TextDecoder().decode(bytes));
    expect(file.format).to.equal(SETTINGS_FILE_FORMAT);
    expect(file.settings.clock).to.equal('12h');

    const outcome = () => history(m).shadowRoot!.querySelector('.outcome')?.textContent ?? '';
    const before = await m.services.client.data.getSettings();
    await history(m).importFile(new File(['not json {'], 'broken.json'));
    expect(outcome()).to.match(/“broken.json” was not imported: .*not JSON/);
    await history(m).importFile(
      new File([JSON.stringify({ ...file, settings: { ...file.settings, theme: 'purple' } })], 'bad.json'),
    );
    expect(outcome()).to.match(/theme.*must be system, light or dark|must be system, light or dark/);
    await history(m).importFile(
      new File([JSON.stringify({ format: 'other', version: 1, settings: {} })], 'other.json'),
    );
    expect(outcome()).to.match(/not a LightTrack settings file/);
    expect(await m.services.client.data.getSettings()).to.deep.equal(before);

    await history(m).importFile(
      new File([JSON.stringify({ ...file, settings: { ...file.settings, clock: '24h', theme: 'dark' } })], 'good.json'),
    );
    expect(outcome()).to.contain('Imported the settings from “good.json”');
    await until(() => document.documentElement.getAttribute('data-theme') === 'dark', 'imported theme applied');
    expect((await m.services.client.data.getSettings()).clock).to.equal('24h');
  });

  it('follows a change made in another window (another worker on the same file)', async () => {
    const other = createServices(createWebShell(), { workerUrl, dbName });
    try {
      await other.client.data.updateSettings({ durationFormat: 'decimal', theme: 'light' });
      await until(
        () => field(m, 'durationFormat')!.querySelector<HTMLInputElement>('input[value="decimal"]')!.checked,
        'radio follows',
      );
      await until(() => document.documentElement.getAttribute('data-theme') === 'light', 'theme follows');
    } finally {
      other.client.dispose();
    }
  });

  it('shows settings, history and projects another window changed as its data worker died', async () => {
    m.stop();
    const other = await openOtherWindow(dbName);
    try {
      m = mountApp(dbName, 'settings');
      await until(() => m.services.settings.$loaded.get() && history(m)?.model.$history.get(), 'settings view');
      await crashAsAnotherWindowChanges(m.services.client, other, async (api) => {
        await api.createProject({ name: 'Default elsewhere' });
        await api.updateSettings({ durationFormat: 'decimal' });
      });
      await until(
        () => field(m, 'durationFormat')!.querySelector<HTMLInputElement>('input[value="decimal"]')!.checked,
        'the setting',
      );
      await until(() => deepAll(history(m), 'li').length === 1, 'the history entry');
      await until(
        () => view(m).shadowRoot!.textContent!.includes('Default elsewhere'),
        'the project in the default-project choice',
      );
    } finally {
      other.worker.terminate();
    }
  });
});
