import { expect } from 'chai';

import { expectAccessible, useAppStyles } from '../../../harness/a11y.ts';
import {
  deep,
  deepAll,
  mountApp,
  nextDownload,
  prepareDatabase,
  textOf,
  todaysSessions,
  type Mounted,
} from '../../../harness/app-harness.ts';
import { corruptPage, emptyFile, sql, writeGarbage } from '../../../harness/db-fixtures.ts';
import { until } from '../../../harness/wait.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';

const recovery = (m: Mounted) => deep(m.app, 'lt-recovery-view');
const title = (m: Mounted) => deep(m.app, 'lt-recovery-view', 'h2.title')?.textContent?.trim() ?? '';
const button = (m: Mounted, selector: string) => deep<HTMLButtonElement>(m.app, 'lt-recovery-view', selector);
const rows = (m: Mounted) => deepAll(m.app, 'lt-session-list', 'li');

async function recoveryShown(m: Mounted) {
  await until(() => recovery(m)?.shadowRoot?.querySelector('h2.title'), 'recovery screen');
}

describe('recovery screen (real data worker, damaged files on OPFS)', () => {
  let mounted: Mounted | null = null;
  let dbName: string;
  beforeEach(() => {
    dbName = uniqueDbName('recovery');
  });
  afterEach(() => {
    mounted?.stop();
    mounted = null;
  });

  it('damaged: says so in plain words, lists backups newest first, and restores one (every window reloads)', async () => {
    await prepareDatabase(dbName, async (api) => {
      await api.insertSessions(todaysSessions(['First thing', 'Second thing']));
      await api.backupNow();
      await api.insertSessions(todaysSessions(['Only in the newest']));
      await api.backupNow();
    });
    await writeGarbage(dbName);

    mounted = mountApp(dbName);
    const m = mounted;
    await recoveryShown(m);
    expect(m.services.database.$mode.get()).to.equal('recovery');
    expect(title(m)).to.equal('Your data file is damaged');
    expect(textOf(recovery(m))).to.contain('LightTrack’s database file is damaged');
    expect(deep(m.app, 'lt-timer-bar')).to.equal(null); // no timer while the file cannot be used
    expect(m.services.timer.$error.get()).to.equal(null); // and no error toast for the refused calls

    const items = await until(() => {
      const li = deepAll(m.app, 'lt-recovery-view', 'lt-backup-list', 'li');
      return li.length === 2 ? li : null;
    }, 'two backups');
    expect(items[0]!.textContent).to.contain('Latest');
    expect(items[0]!.textContent).to.contain('3 sessions');
    expect(items[1]!.textContent).to.contain('2 sessions');
    expect(items[0]!.textContent).to.contain('Made by you');

    const details = deep<HTMLDetailsElement>(m.app, 'lt-recovery-view', 'details')!;
    expect(details.querySelector('summary')!.textContent).to.contain('Technical details');
    expect(details.querySelector('pre')!.textContent).to.match(/not a database/);

    items[0]!.querySelector<HTMLButtonElement>('button.restore')!.click();
    const confirm = await until(() => items[0]!.querySelector<HTMLButtonElement>('.confirm-restore'), 'confirm step');
    expect(items[0]!.querySelector('.confirm')!.textContent).to.match(/kept aside first, never\s+deleted/);
    expect(deep(m.app, 'lt-recovery-view', 'lt-backup-list')!.shadowRoot!.activeElement).to.equal(confirm);
    confirm.click();

    await until(() => m.reloads() === 1, 'reload broadcast');
    await until(() => deep(m.app, 'lt-session-list') && rows(m).length === 3, 'sessions back in the timer view');
    expect(rows(m).map((r) => r.querySelector('.name')!.textContent)).to.include('Only in the newest');
    expect(textOf(deep(m.app, 'div.reloading'))).to.contain('restored');
  });

  it('damaged: "Start fresh" asks first, then keeps the file aside and shows an empty timer', async () => {
    await prepareDatabase(dbName, (api) => api.insertSessions(todaysSessions(['Lost to damage'])));
    await writeGarbage(dbName);
    mounted = mountApp(dbName);
    const m = mounted;
    await recoveryShown(m);

    button(m, 'button.fresh')!.click();
    const confirm = await until(() => button(m, '.confirm-fresh'), 'confirm step');
    expect(textOf(deep(m.app, 'lt-recovery-view', '.fresh-confirm'))).to.match(/kept aside .* never deleted/);
    // Cancel (Escape) leaves everything as it was
    confirm.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => button(m, '.confirm-fresh') === null, 'confirm closed');
    expect(recovery(m)!.shadowRoot!.activeElement).to.equal(button(m, 'button.fresh'));

    button(m, 'button.fresh')!.click();
    (await until(() => button(m, '.confirm-fresh'), 'confirm again')).click();
    await until(() => deep(m.app, 'lt-session-list'), 'timer view');
    await until(() => m.services.timer.$loaded.get() && m.services.day.$loaded.get(), 'loaded');
    expect(textOf(deep(m.app, 'lt-session-list'))).to.contain('Nothing tracked yet today');
    expect(m.services.database.$mode.get()).to.equal('ready');
    // the worker tells every window to reload; the window shows why for a moment first
    await until(() => m.reloads() === 1, 'reload requested');
  });

  it('damaged: downloads the damaged file as it is', async () => {
    await prepareDatabase(dbName, async () => undefined);
    await writeGarbage(dbName);
    mounted = mountApp(dbName);
    await recoveryShown(mounted);
    const download = nextDownload();
    button(mounted, 'button.download')!.click();
    const file = await download;
    expect(file.name).to.match(/-damaged-\d{4}-\d\d-\d\d\.sqlite3$/);
    expect(new TextDecoder().decode(file.bytes.slice(0, 23))).to.equal('this is not a database ');
  });

  it('lost: an empty file where LightTrack was used says the data is missing, and offers no download', async () => {
    await prepareDatabase(dbName, (api) => api.insertSessions(todaysSessions(['Was here'])));
    await emptyFile(dbName);
    mounted = mountApp(dbName);
    await recoveryShown(mounted);
    expect(title(mounted)).to.equal('Your data file is missing');
    expect(textOf(recovery(mounted))).to.contain('missing or empty, though LightTrack has been used here before');
    expect(button(mounted, 'button.download')).to.equal(null);
    expect(button(mounted, 'button.fresh')).to.not.equal(null);
    await until(
      () => textOf(deep(mounted!.app, 'lt-recovery-view', 'lt-backup-list')).includes('No backups were found'),
      'empty list',
    );
  });

  it('not ours: a foreign SQLite file is not opened or changed', async () => {
    await sql(dbName, 'CREATE TABLE invoices (id INTEGER PRIMARY KEY)', 'PRAGMA application_id = 12345');
    mounted = mountApp(dbName);
    await recoveryShown(mounted);
    expect(title(mounted)).to.equal('This is not a LightTrack data file');
    expect(button(mounted, 'button.download')!.textContent).to.contain('Download the file');
    expect(deep(mounted.app, 'lt-recovery-view', 'lt-file-picker')).to.not.equal(null);
  });

  it('newer schema: names both versions and offers only a download', async () => {
    await prepareDatabase(dbName, async () => undefined);
    await sql(dbName, 'PRAGMA user_version = 99');
    mounted = mountApp(dbName);
    await recoveryShown(mounted);
    const info = await mounted.services.client.start();
    expect(title(mounted)).to.equal('This data needs a newer LightTrack');
    const text = textOf(recovery(mounted));
    expect(text).to.contain('data format 99');
    expect(text).to.contain(`formats up to ${info.problem!.appVersion}`);
    expect(button(mounted, 'button.download')).to.not.equal(null);
    expect(button(mounted, 'button.fresh')).to.equal(null);
    expect(deep(mounted.app, 'lt-recovery-view', 'lt-backup-list')).to.equal(null);
    expect(deep(mounted.app, 'lt-recovery-view', 'lt-file-picker')).to.equal(null);
  });

  it('restores from a file the user picks (a LightTrack export), after a confirm', async () => {
    const exported = await prepareDatabase(uniqueDbName('source'), async (api) => {
      await api.insertSessions(todaysSessions(['From the file']));
      return api.exportDatabase();
    });
    await prepareDatabase(dbName, async () => undefined);
    await writeGarbage(dbName);
    mounted = mountApp(dbName);
    const m = mounted;
    await recoveryShown(m);
    const picker = deep(
      m.app,
      'lt-recovery-view',
      'lt-file-picker',
    ) as import('../../../../../renderer/components/lt-file-picker.ts').LtFilePicker;
    await picker.pick(new File([exported.bytes], 'my-export.sqlite3'));
    expect(textOf(picker)).to.contain('my-export.sqlite3');
    picker.shadowRoot!.querySelector<HTMLButtonElement>('.confirm-file')!.click();
    await until(() => m.reloads() === 1, 'reload broadcast');
    await until(() => deep(m.app, 'lt-session-list') && rows(m).length === 1, 'session from the file');
  });

  it('shows the recovery screen when the check after first paint finds damage', async () => {
    await prepareDatabase(dbName, (api) =>
      api.insertSessions(
        Array.from({ length: 3000 }, (_, i) => ({
          name: `s${i} ${'x'.repeat(80)}`,
          projectId: null,
          startTime: i * 3_600_000,
          endTime: i * 3_600_000 + 1000,
        })),
      ),
    );
    await corruptPage(dbName, 3);
    mounted = mountApp(dbName);
    const m = mounted;
    await until(() => m.services.database.$mode.get() === 'ready', 'opened');
    expect(deep(m.app, 'lt-timer-bar')).to.not.equal(null);
    m.services.database.checkWhenIdle(50);
    await recoveryShown(m);
    expect(title(m)).to.equal('Your data file is damaged');
    expect(deep(m.app, 'lt-timer-bar')).to.equal(null);
  });

  it('passes axe: the damaged screen with its backups, and with the start-fresh confirm open', async () => {
    useAppStyles();
    await prepareDatabase(dbName, async (api) => {
      await api.insertSessions(todaysSessions(['First thing']));
      await api.backupNow();
    });
    await writeGarbage(dbName);
    mounted = mountApp(dbName);
    const m = mounted;
    await recoveryShown(m);
    await until(() => deepAll(m.app, 'lt-recovery-view', 'lt-backup-list', 'li').length === 1, 'the backup');
    await expectAccessible(recovery(m)!);
    button(m, 'button.fresh')!.click();
    await until(() => button(m, '.confirm-fresh'), 'confirm step');
    await expectAccessible(recovery(m)!);
  });

  it('passes axe: a newer file, which offers only a download', async () => {
    useAppStyles();
    await prepareDatabase(dbName, async () => undefined);
    await sql(dbName, 'PRAGMA user_version = 999');
    mounted = mountApp(dbName);
    await recoveryShown(mounted);
    await expectAccessible(recovery(mounted)!);
  });
});
