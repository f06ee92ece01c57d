import { expect } from 'chai';

import { DEFAULT_SETTINGS } from '../../../../../shared/settings.ts';
import { sql } from '../../../harness/db-fixtures.ts';
import { nextChange, rejection, useDataWorker } from '../../../harness/worker-harness.ts';

describe('settings store in the data worker (real OPFS)', () => {
  const handle = useDataWorker('settings');

  it('answers defaults, validates every write naming the field, and announces changes', async () => {
    const api = handle.api;
    expect(await api.getSettings()).to.deep.equal(DEFAULT_SETTINGS);
    const announced = nextChange((c) => c.table === 'settings');
    const next = await api.updateSettings({ theme: 'dark', weekStart: 0, reportRounding: { mode: 'up', minutes: 6 } });
    expect(next).to.deep.include({ theme: 'dark', weekStart: 0, reportRounding: { mode: 'up', minutes: 6 } });
    await announced;
    const bad: [unknown, string][] = [
      [{ theme: 'blue' }, 'theme'],
      [{ weekStart: 3 }, 'weekStart'],
      [{ idleThresholdMinutes: -1 }, 'idleThresholdMinutes'],
      [{ workingHours: { start: '18:00', end: '09:00', days: [1] } }, 'workingHours'],
      [{ reportRounding: { mode: 'up', minutes: 7 } }, 'reportRounding'],
      [{ quickEntryShortcut: 'Space' }, 'quickEntryShortcut'],
      [{ nonsense: true }, 'nonsense'],
      [{}, ''],
      ['dark', ''],
    ];
    for (const [patch, field] of bad) {
      const e = await rejection(api.updateSettings(patch as never));
      expect(e.code, JSON.stringify(patch)).to.equal('VALIDATION');
      if (field) expect(e.message, JSON.stringify(patch)).to.contain(field);
    }
    expect((await api.getSettings()).theme, 'refused writes changed nothing').to.equal('dark');
  });

  it('keeps a history of the last 50 changes with rollback of any of them', async () => {
    const api = handle.api;
    await api.updateSettings({ theme: 'dark' });
    await api.updateSettings({ clock: '12h' });
    await api.updateSettings({ theme: 'light' });
    const history = await api.settingsHistory();
    expect(history.map((h) => [h.key, h.from, h.to])).to.deep.equal([
      ['theme', 'dark', 'light'],
      ['clock', '24h', '12h'],
      ['theme', 'system', 'dark'],
    ]);
    const after = await api.rollbackSetting(history[1]!.id);
    expect(after.clock).to.equal('24h');
    expect((await rejection(api.rollbackSetting(999_999))).code).to.equal('NOT_FOUND');
    for (let i = 0; i < 60; i++) await api.updateSettings({ idleThresholdMinutes: i + 1 });
    expect(await api.settingsHistory()).to.have.length(50);
  });

  it('exports and imports settings; a bad file changes nothing and says what is wrong', async () => {
    const api = handle.api;
    await api.updateSettings({ theme: 'dark', durationFormat: 'decimal' });
    const file = await api.exportSettings();
    expect(file.format).to.equal('lighttrack-settings');
    await api.updateSettings({ theme: 'light', durationFormat: 'hm' });
    const bad: [unknown, string][] = [
      [null, 'settings file'],
      [{ format: 'something-else', version: 1, settings: {} }, 'not a LightTrack settings file'],
      [{ ...file, version: 99 }, 'newer LightTrack'],
      [{ ...file, settings: { ...file.settings, theme: 'neon' } }, 'theme'],
      [{ ...file, settings: { ...file.settings, volume: 11 } }, 'Unknown setting “volume”'],
      [{ ...file, settings: {} }, 'no settings'],
    ];
    for (const [input, message] of bad) {
      const e = await rejection(api.importSettings(input));
      expect(e.code).to.equal('VALIDATION');
      expect(e.message).to.contain(message);
    }
    expect((await api.getSettings()).theme).to.equal('light');
    expect(await api.importSettings(file)).to.deep.include({ theme: 'dark', durationFormat: 'decimal' });
    // an old file (settings v1) with the old key name keeps the user's value
    expect(
      await api.importSettings({
        format: 'lighttrack-settings',
        version: 1,
        settings: { 'backup.retention': { daily: 3, weekly: 2 } },
      }),
    ).to.deep.include({ backupRetention: { daily: 3, weekly: 2 } });
  });

  it('falls back to the default for a damaged value on disk, logs it, and migrates old keys keeping the value', async () => {
    await handle.api.updateSettings({ theme: 'dark' });
    await handle.api.close();
    handle.worker.terminate();
    await sql(
      handle.dbName,
      `UPDATE settings SET value = '"purple"' WHERE key = 'theme'`,
      `INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('clock', '12', 1)`,
      `INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('backup.retention', '{"daily":2,"weekly":1}', 1)`,
      `DELETE FROM settings WHERE key = 'backupRetention'`,
      `UPDATE settings SET value = '1' WHERE key = '_version'`,
    );
    handle.replace();
    await handle.api.open({ name: handle.dbName });
    const settings = await handle.api.getSettings();
    expect(settings).to.deep.include({ theme: 'system', clock: '24h', backupRetention: { daily: 2, weekly: 1 } });
    expect(await handle.api.getBackupRetention()).to.deep.equal({ daily: 2, weekly: 1 });
    const log = await handle.api.listErrors();
    expect(log.entries.map((e) => e.message)).to.include.members([
      'The setting “theme” on disk is invalid; using its default',
      'The setting “clock” on disk is invalid; using its default',
    ]);
  });

  it('goal progress includes the running timer', async () => {
    await handle.api.createGoal({ period: 'day', targetMinutes: 10 });
    await handle.api.startTimer({ name: 'now', startTime: Date.now() - 30 * 60_000 });
    const [p] = await handle.api.goalProgress();
    expect(p!.doneMs).to.be.within(30 * 60_000 - 2_000, 31 * 60_000);
    expect(p!.met).to.equal(true);
  });
});
