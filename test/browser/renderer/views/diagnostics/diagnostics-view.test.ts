import { expect } from 'chai';

import { expectAccessible, useAppStyles } from '../../../harness/a11y.ts';
import {
  deep,
  deepAll,
  mountApp,
  nextDownload,
  textOf,
  todaysSessions,
  type Mounted,
} from '../../../harness/app-harness.ts';
import { crashAsAnotherWindowChanges, openOtherWindow } from '../../../harness/live-harness.ts';
import { until } from '../../../harness/wait.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';

const view = (m: Mounted) => deep(m.app, 'lt-diagnostics-view');
const errorLog = (m: Mounted) => deep(m.app, 'lt-diagnostics-view', 'lt-error-log');
const backups = (m: Mounted) => deep(m.app, 'lt-diagnostics-view', 'lt-backups-section');
const inLog = (m: Mounted, selector: string) =>
  deep<HTMLButtonElement>(m.app, 'lt-diagnostics-view', 'lt-error-log', selector);
const inBackups = <E extends HTMLElement = HTMLButtonElement>(m: Mounted, selector: string) =>
  deep<E>(m.app, 'lt-diagnostics-view', 'lt-backups-section', selector);
const backupItems = (m: Mounted) => deepAll(m.app, 'lt-diagnostics-view', 'lt-backups-section', 'lt-backup-list', 'li');

/** Replaces the async clipboard for one test and hands back what was written. */
function captureClipboard(): { texts: string[]; restore: () => void } {
  const texts: string[] = [];
  Object.defineProperty(navigator.clipboard, 'writeText', {
    configurable: true,
    value: async (text: string) => void texts.push(text),
  });
  // the own property shadows Clipboard.prototype.writeText; deleting it brings the real one back
  return { texts, restore: () => void Reflect.deleteProperty(navigator.clipboard, 'writeText') };
}

describe('Data & diagnostics view (real data worker)', () => {
  let mounted: Mounted;
  beforeEach(() => {
    mounted = mountApp(uniqueDbName('diagnostics'), 'diagnostics');
  });
  afterEach(() => mounted.stop());

  it('is reached from the header nav, which marks the current page, and back to the timer', async () => {
    mounted.stop();
    mounted = mountApp(uniqueDbName('diagnostics'));
    const m = mounted;
    await m.app.updateComplete;
    const links = deepAll<HTMLAnchorElement>(m.app, 'nav a');
    expect(links.map((a) => a.textContent)).to.deep.equal([
      'Day',
      'Week',
      'Projects',
      'Reports',
      'Assistant',
      'Settings',
      'Data & diagnostics',
    ]);
    expect(links[0]!.getAttribute('aria-current')).to.equal('page');
    expect(links[6]!.hasAttribute('aria-current')).to.equal(false);
    await until(() => deep(m.app, 'lt-timer-bar'), 'timer view');

    location.hash = '#diagnostics';
    await until(() => view(m), 'diagnostics view');
    expect(links[6]!.getAttribute('aria-current')).to.equal('page');
    expect(deep(m.app, 'lt-timer-bar')).to.equal(null);
    location.hash = '#timer'; // the Day view's old name still leads there
    await until(() => deep(m.app, 'lt-timer-bar'), 'timer view again');
    expect(links[0]!.getAttribute('aria-current')).to.equal('page');
  });

  it('shows database facts from status()', async () => {
    const m = mounted;
    const info = await m.services.client.start();
    await until(() => deep(m.app, 'lt-diagnostics-view', 'dd.schema'), 'facts');
    expect(deep(m.app, 'lt-diagnostics-view', 'dd.status')!.textContent).to.equal('Working normally');
    expect(deep(m.app, 'lt-diagnostics-view', 'dd.schema')!.textContent).to.equal(`Version ${info.schemaVersion}`);
    expect(deep(m.app, 'lt-diagnostics-view', 'dd.sqlite')!.textContent).to.equal(info.sqliteVersion);
    expect(deep(m.app, 'lt-diagnostics-view', 'dd.role')!.textContent).to.contain('(owner)');

    deep<HTMLButtonElement>(m.app, 'lt-diagnostics-view', 'button.check')!.click();
    const result = await until(() => deep(m.app, 'lt-diagnostics-view', '.check-result'), 'check result');
    expect(result.textContent).to.contain('No problems found');
  });

  it('lists errors newest first, expands details, copies them as text and JSON, and clears after a confirm', async () => {
    const m = mounted;
    await m.services.diagnostics.reportError({
      message: 'first oops',
      details: { stack: 'at one()' },
      source: 'window:main',
    });
    await m.services.diagnostics.reportError({
      message: 'second oops ' + 'long '.repeat(200),
      source: 'window:quick-entry',
    });
    inLog(m, 'button.refresh')!.click();
    const items = await until(() => {
      const li = deepAll(m.app, 'lt-diagnostics-view', 'lt-error-log', 'li');
      return li.length === 2 ? li : null;
    }, 'two entries');
    expect(items[0]!.querySelector('.source')!.textContent).to.equal('window:quick-entry');
    expect(items[1]!.querySelector('.code')!.textContent).to.equal('WINDOW');
    expect(items[1]!.querySelector('.message')!.textContent).to.equal('first oops');
    const details = items[1]!.querySelector('details')!;
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.click();
    expect(details.open).to.equal(true);
    expect(details.querySelector('pre')!.textContent).to.contain('"stack": "at one()"');
    expect(textOf(errorLog(m))).to.contain('2 entries');

    const clipboard = captureClipboard();
    try {
      inLog(m, 'button.copy')!.click();
      await until(() => clipboard.texts.length === 1, 'copied text');
      expect(clipboard.texts[0]).to.match(/WINDOW {2}window:main\n {2}first oops/);
      inLog(m, 'button.copy-json')!.click();
      await until(() => clipboard.texts.length === 2, 'copied JSON');
      const json = JSON.parse(clipboard.texts[1]!) as Array<{ message: string; details: unknown; time: string }>;
      expect(json.map((e) => e.message.slice(0, 10))).to.deep.equal(['second oop', 'first oops']);
      expect(json[1]!.details).to.deep.equal({ stack: 'at one()' });
      expect(json[1]!.time).to.match(/^\d{4}-\d\d-\d\dT/);
      await until(() => textOf(errorLog(m)).includes('Copied 2 entries as JSON.'), 'copied note');
    } finally {
      clipboard.restore();
    }

    inLog(m, 'button.clear')!.click();
    (await until(() => inLog(m, '.confirm-clear'), 'confirm clear')).click();
    await until(() => deepAll(m.app, 'lt-diagnostics-view', 'lt-error-log', 'li').length === 0, 'log cleared');
    expect(textOf(errorLog(m))).to.contain('No errors recorded');
    expect((await m.services.diagnostics.listErrors()).total).to.equal(0);
  });

  it('"Back up now" adds a backup to the list, and exports the database as a dated file', async () => {
    const m = mounted;
    await m.services.client.data.insertSessions(todaysSessions(['one', 'two']));
    await until(() => textOf(backups(m)).includes('No backups yet'), 'empty list');
    inBackups(m, 'button.backup-now')!.click();
    await until(() => backupItems(m).length === 1, 'one backup');
    expect(backupItems(m)[0]!.textContent).to.contain('Made by you');
    expect(backupItems(m)[0]!.textContent).to.contain('2 sessions');
    expect(textOf(backups(m))).to.contain('Backed up (2 sessions).');

    const download = nextDownload();
    inBackups(m, 'button.export')!.click();
    const file = await download;
    expect(file.name).to.match(/^diagnostics-\w+-\d{4}-\d\d-\d\d\.sqlite3$/);
    expect(new TextDecoder().decode(file.bytes.slice(0, 15))).to.equal('SQLite format 3');
  });

  it('restores a listed backup after a confirm; every window is told to reload', async () => {
    const m = mounted;
    await m.services.client.data.insertSessions(todaysSessions(['kept']));
    (await until(() => inBackups(m, 'button.backup-now'), 'backups section')).click();
    await until(() => backupItems(m).length === 1, 'one backup');
    await m.services.client.data.insertSessions(todaysSessions(['after the backup', 'and another']));
    backupItems(m)[0]!.querySelector<HTMLButtonElement>('button.restore')!.click();
    (await until(() => backupItems(m)[0]!.querySelector<HTMLButtonElement>('.confirm-restore'), 'confirm')).click();
    await until(() => m.reloads() === 1, 'reload');
    await until(() => textOf(backups(m)).includes('Restored 1 session'), 'outcome');
    const { localDayRange } = await import('../../../../../shared/day.ts');
    const today = await m.services.client.data.sessionsInRange(localDayRange(Date.now()));
    expect(today.sessions.map((s) => s.name)).to.deep.equal(['kept']);
  });

  it('validates the retention numbers field by field before saving them', async () => {
    const m = mounted;
    const daily = await until(() => {
      const input = inBackups<HTMLInputElement>(m, 'input[name="daily"]');
      return input?.value ? input : null;
    }, 'retention loaded');
    const weekly = inBackups<HTMLInputElement>(m, 'input[name="weekly"]')!;
    expect([daily.value, weekly.value]).to.deep.equal(['7', '4']);

    daily.value = '0';
    weekly.value = '';
    inBackups(m, 'button.save')!.click();
    await until(() => inBackups(m, '#daily-error'), 'daily error');
    expect(inBackups(m, '#daily-error')!.textContent).to.equal('Keep at least one.');
    expect(inBackups(m, '#weekly-error')!.textContent).to.equal('Must be a number.');
    expect(daily.getAttribute('aria-invalid')).to.equal('true');
    expect(daily.getAttribute('aria-describedby')).to.equal('daily-error');
    expect(await m.services.client.data.getBackupRetention()).to.deep.equal({ daily: 7, weekly: 4 });

    daily.value = '2.5';
    weekly.value = '3';
    inBackups(m, 'button.save')!.click();
    await until(() => inBackups(m, '#daily-error')?.textContent === 'Must be whole.', 'whole-number error');
    expect(inBackups(m, '#weekly-error')).to.equal(null);

    daily.value = '14';
    inBackups(m, 'button.save')!.click();
    await until(() => inBackups(m, '.save-note'), 'saved');
    expect(inBackups(m, '#daily-error')).to.equal(null);
    expect(await m.services.client.data.getBackupRetention()).to.deep.equal({ daily: 14, weekly: 3 });
  });

  it('after its data worker died, shows the backups and file role another window left it with', async () => {
    const dbName = mounted.dbName;
    mounted.stop();
    const other = await openOtherWindow(dbName);
    try {
      mounted = mountApp(dbName, 'diagnostics');
      const m = mounted;
      await until(() => textOf(backups(m)).includes('No backups yet'), 'empty list');
      await until(
        () => deep(m.app, 'lt-diagnostics-view', 'dd.role')?.textContent?.includes('(proxy)'),
        'the other window owns the file',
      );
      // no window hears of a backup: this one shows it when it reads its backups again
      await crashAsAnotherWindowChanges(m.services.client, other, (api) => api.backupNow());
      await until(() => backupItems(m).length === 1, 'the other window’s backup');
    } finally {
      other.worker.terminate();
    }
  });

  it('passes axe with facts, a backup, an error log entry and a check result shown', async () => {
    useAppStyles();
    const m = mounted;
    await m.services.diagnostics.reportError({
      source: 'renderer',
      code: 'INTERNAL',
      message: 'Something broke',
      details: { where: 'test' },
    });
    await m.services.client.data.backupNow();
    location.hash = '#day';
    await until(() => deep(m.app, 'lt-day-view'), 'day view');
    location.hash = '#diagnostics';
    await until(
      () => backupItems(m).length === 1 && deepAll(m.app, 'lt-diagnostics-view', 'lt-error-log', 'li').length === 1,
      'backup and entry',
    );
    deep<HTMLButtonElement>(m.app, 'lt-diagnostics-view', 'button.check')!.click();
    await until(() => deep(m.app, 'lt-diagnostics-view', '.check-result'), 'check result');
    await expectAccessible(view(m)!);
  });
});
