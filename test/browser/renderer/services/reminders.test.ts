import { expect } from 'chai';

import { FakeClock } from '../../../../renderer/services/away/clock.ts';
import { DataClient } from '../../../../renderer/services/data-client.ts';
import { dueReminders, type Reminder } from '../../../../renderer/services/reminders/due.ts';
import { ReminderService, systemNotify } from '../../../../renderer/services/reminders/reminder-service.ts';
import { SettingsService } from '../../../../renderer/services/settings.ts';
import { TimerModel } from '../../../../renderer/state/timer-model.ts';
import type { Session } from '../../../../shared/session.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/settings.ts';
import { workerUrl } from '../../harness/app-harness.ts';
import { until } from '../../harness/wait.ts';
import { uniqueDbName } from '../../harness/worker-harness.ts';

const MIN = 60_000;
const day = (h: number, m = 0) => new Date(2026, 10, 18, h, m).getTime(); // Wed 18 Nov 2026, America/New_York
const session = (start: number, end: number | null, name = 'work'): Session => ({
  id: crypto.randomUUID(),
  name,
  description: '',
  projectId: null,
  startTime: start,
  endTime: end,
  pausedMs: 0,
  pauseStartedAt: null,
  pauses: [],
  billable: false,
  tagIds: [],
  isManual: false,
  source: 'timer',
  deletedAt: null,
  createdAt: start,
  updatedAt: start,
});
const words = (ms: number) => `${Math.floor(ms / 3_600_000)} h ${Math.round((ms % 3_600_000) / MIN)} m`;
const hm = (ms: number) => new Date(ms).toTimeString().slice(0, 5);
const settings = (r: Partial<Settings['reminders']>): Pick<Settings, 'reminders' | 'workingHours'> => ({
  reminders: { noTimerMinutes: 0, longTimerHours: 0, endOfDay: false, goals: false, ...r },
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
});
const due = (now: number, r: Partial<Settings['reminders']>, today: Session[], running: Session | null = null) =>
  dueReminders({ now, settings: settings(r), running, today, duration: words, time: hm });

describe('reminders: which are due (pure, a table of moments)', () => {
  const cases: [string, number, Partial<Settings['reminders']>, Session[], boolean, string[]][] = [
    [
      'no timer 30 min inside working hours',
      day(10, 40),
      { noTimerMinutes: 30 },
      [session(day(9), day(10, 10))],
      false,
      ['no-timer'],
    ],
    ['no timer, only 20 min', day(10, 30), { noTimerMinutes: 30 }, [session(day(9), day(10, 10))], false, []],
    ['no timer, but before working hours', day(8, 50), { noTimerMinutes: 30 }, [], false, []],
    ['no timer since the day began', day(9, 45), { noTimerMinutes: 30 }, [], false, ['no-timer']],
    ['switched off', day(12), { noTimerMinutes: 0 }, [], false, []],
    [
      'a Saturday is not a working day',
      new Date(2026, 10, 21, 12).getTime(),
      { noTimerMinutes: 30, endOfDay: true },
      [],
      false,
      [],
    ],
    ['a timer over 4 h', day(13, 1), { longTimerHours: 4 }, [], true, ['long-timer']],
    [
      'end of day',
      day(17, 5),
      { endOfDay: true },
      [session(day(9), day(14)), session(day(15), day(17))],
      false,
      ['end-of-day'],
    ],
  ];
  for (const [what, now, r, today, runs, kinds] of cases) {
    it(what, () => {
      const running = runs ? session(day(9), null, 'Write report') : null;
      expect(due(now, r, running ? [...today, running] : today, running).map((x) => x.kind)).to.deep.equal(kinds);
    });
  }

  it('a daily goal the working hours left cannot meet, once per goal and day', () => {
    const goal = { id: crypto.randomUUID(), name: 'Deep work', targetMs: 4 * 3_600_000, met: false, from: day(0) };
    const at = (now: number, doneMs: number) =>
      dueReminders({
        now,
        settings: settings({ goals: true }),
        running: null,
        today: [],
        duration: words,
        time: hm,
        goals: [{ ...goal, doneMs }],
      });
    expect(at(day(14), 0), 'three hours left: still too early to say').to.deep.equal([]);
    expect(at(day(15, 30), 2.5 * 3_600_000), '1 h 30 m needed, 1 h 30 m left: it fits').to.deep.equal([]);
    const [slipping] = at(day(15, 30), 2 * 3_600_000);
    expect(slipping).to.include({ kind: 'goal', route: '#projects', key: `goal:${goal.id}:${day(0)}` });
    expect(slipping!.body).to.equal('“Deep work” needs 2 h 0 m more today; 1 h 30 m of working hours are left.');
    expect(at(day(17, 30), 0), 'after hours: the summary says it').to.deep.equal([]);
  });

  it('words the end-of-day summary with the widest untracked stretch', () => {
    const [eod] = due(day(17, 5), { endOfDay: true }, [session(day(9), day(14)), session(day(15), day(17))]);
    expect(eod!.body).to.equal('7 h 0 m today, 1 h 0 m untracked between 14:00 and 15:00 — log it?');
    expect(eod!.key).to.equal('end-of-day:2026-11-18');
  });
});

describe('reminders in the window: a fake clock, the real worker, none twice', () => {
  let client: DataClient;
  const stops: Array<() => void> = [];
  beforeEach(async () => {
    client = new DataClient({ workerUrl, dbName: uniqueDbName('reminders') });
    await client.start();
  });
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    client.dispose();
  });

  it('a long timer reminds once, in the window or as a notification; two windows say it once', async () => {
    const start = Math.floor((Date.now() - 5 * 60 * MIN) / MIN) * MIN;
    await client.data.startTimer({ name: 'Write report', startTime: start });
    await client.data.updateSettings({
      reminders: { noTimerMinutes: 0, longTimerHours: 4, endOfDay: false, goals: false },
    });
    const clock = new FakeClock(start + 3 * 60 * MIN);
    const storage = new Map<string, string>();
    const store = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    };
    const shown: Reminder[] = [];
    const notified: Reminder[] = [];
    const windows = [0, 1].map((i) => {
      const timer = new TimerModel(client, clock.wall);
      const settings = new SettingsService(client, null);
      stops.push(timer.connect(), settings.connect());
      const service = new ReminderService(client, timer, settings, (r) => shown.push(r), {
        clock,
        storage: store,
        // the second window may notify: the system shows it
        notify: (r) => (i === 1 ? (notified.push(r), true) : false),
      });
      return { service, timer, settings };
    });
    await until(
      () => windows.every((w) => w.timer.$running.get() && w.settings.$settings.get().reminders.longTimerHours === 4),
      'loaded',
    );
    expect(await windows[0]!.service.check(), 'three hours: not yet').to.deep.equal([]);
    clock.advance(61 * MIN);
    const first = await windows[0]!.service.check();
    expect(first.map((r) => r.kind)).to.deep.equal(['long-timer']);
    expect(shown.map((r) => r.body)).to.deep.equal([
      '“Write report” has run for 4 h 1 min. Stop it, or correct it in the Day view.',
    ]);
    clock.advance(30 * MIN);
    expect(await windows[0]!.service.check(), 'never twice').to.deep.equal([]);
    expect(await windows[1]!.service.check(), 'nor in another window').to.deep.equal([]);
    expect(shown).to.have.length(1);
    expect(notified).to.deep.equal([]);
    // a new timer is a new occasion; the window that may notify does
    await client.data.startTimer({ name: 'Second', startTime: start + 4 * 60 * MIN });
    await until(() => windows[1]!.timer.$running.get()?.name === 'Second', 'new timer');
    clock.advance(4 * 60 * MIN);
    expect((await windows[1]!.service.check()).map((r) => r.kind)).to.deep.equal(['long-timer']);
    expect(notified).to.have.length(1);
    expect(shown).to.have.length(1);
  });

  it('every reminder off: nothing is read or shown', async () => {
    const timer = new TimerModel(client);
    const settings = new SettingsService(client, null);
    stops.push(timer.connect(), settings.connect());
    await until(() => settings.$loaded.get(), 'settings');
    await settings.update({ reminders: { ...DEFAULT_SETTINGS.reminders, longTimerHours: 0, goals: false } });
    const service = new ReminderService(client, timer, settings, () => expect.fail('shown'), {
      clock: new FakeClock(Date.now()),
      storage: { getItem: () => null, setItem: () => undefined },
    });
    expect(await service.check()).to.deep.equal([]);
  });
});

describe('reminders: through the Notifications API where allowed', () => {
  const real = Object.getOwnPropertyDescriptor(window, 'Notification');
  afterEach(() => {
    if (real) Object.defineProperty(window, 'Notification', real);
    history.replaceState(null, '', location.pathname + location.search);
  });
  const reminder: Reminder = {
    kind: 'goal',
    key: 'goal:x:1',
    title: 'A goal is slipping',
    body: 'b',
    route: '#projects',
  };

  it('notifies (tagged by occasion) only when the user allowed it; a click opens the right place', () => {
    const made: { title: string; options: NotificationOptions; onclick: (() => void) | null; closed: boolean }[] = [];
    // the browser's Notification, as a stand-in that records (the permission prompt cannot be answered headless)
    class Recorded {
      static permission: NotificationPermission = 'default';
      onclick: (() => void) | null = null;
      closed = false;
      constructor(
        readonly title: string,
        readonly options: NotificationOptions,
      ) {
        made.push(this);
      }
      close() {
        this.closed = true;
      }
    }
    Object.defineProperty(window, 'Notification', { configurable: true, value: Recorded });
    expect(systemNotify(reminder), 'not allowed: the window shows it').to.equal(false);
    Recorded.permission = 'denied';
    expect(systemNotify(reminder)).to.equal(false);
    Recorded.permission = 'granted';
    expect(systemNotify(reminder)).to.equal(true);
    expect(made).to.have.length(1);
    expect(made[0]!.options).to.include({ body: 'b', tag: 'goal:x:1' });
    made[0]!.onclick!();
    expect(location.hash).to.equal('#projects');
    expect(made[0]!.closed).to.equal(true);
  });
});
