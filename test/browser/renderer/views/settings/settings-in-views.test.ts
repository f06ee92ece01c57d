import { expect } from 'chai';

import type { LtWeekView } from '../../../../../renderer/views/week/lt-week-view.ts';
import { expectAccessible, useAppStyles } from '../../../harness/a11y.ts';
import { deep, mountApp, textOf, type Mounted } from '../../../harness/app-harness.ts';
import { until } from '../../../harness/wait.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';

describe('settings and goals reach the Day and Week views, live', () => {
  let mounted: Mounted;
  afterEach(() => mounted.stop());

  it('the Week view starts on the week start chosen in Settings and shows times per the clock setting', async () => {
    mounted = mountApp(uniqueDbName('views-settings'), 'week');
    const data = mounted.services.client.data;
    await until(() => deep<LtWeekView>(mounted.app, 'lt-week-view')?.model, 'the week view');
    const start = new Date().setHours(9, 0, 0, 0);
    await data.addSession({ name: 'Morning', startTime: start, durationMs: 30 * 60_000 });
    const firstDay = () => new Date(deep<LtWeekView>(mounted.app, 'lt-week-view')!.model!.$weekStart.get()).getDay();
    await until(() => firstDay() === 1, 'Monday first by default');
    await data.updateSettings({ weekStart: 0 });
    await until(() => firstDay() === 0, 'Sunday first after the change');
    await until(
      () => textOf(deep(mounted.app, 'lt-week-grid', '.block')).includes('09:00'),
      `a 24-hour time in ${textOf(deep(mounted.app, 'lt-week-grid', '.block'))}`,
    );
    await data.updateSettings({ clock: '12h' });
    await until(() => /9:00\s?AM/i.test(textOf(deep(mounted.app, 'lt-week-grid', '.block'))), 'a 12-hour time');
  });

  it("shows today's goals in the Day view and this week's in the Week view, the running timer counting", async () => {
    mounted = mountApp(uniqueDbName('views-goals'));
    const data = mounted.services.client.data;
    await until(() => deep(mounted.app, 'lt-day-view'), 'the day view');
    await data.createGoal({ period: 'day', targetMinutes: 60, name: 'One hour a day' });
    await data.createGoal({ period: 'week', targetMinutes: 600, name: 'Ten hours a week' });
    await data.startTimer({ name: 'counting', startTime: Date.now() - 30 * 60_000 });
    await until(
      () => /One hour a day.*0:(29|30)/.test(textOf(deep(mounted.app, 'lt-day-view', 'lt-goal-progress'))),
      'the day goal, timer counted',
    );
    expect(textOf(deep(mounted.app, 'lt-day-view', 'lt-goal-progress'))).to.not.contain('Ten hours a week');
    location.hash = '#week';
    await until(
      () => textOf(deep(mounted.app, 'lt-week-view', 'lt-goal-progress')).includes('Ten hours a week'),
      'the week goal',
    );
  });

  it('the Day and Week views pass axe with goals shown', async () => {
    useAppStyles();
    mounted = mountApp(uniqueDbName('views-axe'));
    const data = mounted.services.client.data;
    await data.createGoal({ period: 'day', targetMinutes: 60, name: 'One hour a day' });
    await data.createGoal({ period: 'week', targetMinutes: 600, name: 'Ten hours a week' });
    await until(
      () => textOf(deep(mounted.app, 'lt-day-view', 'lt-goal-progress')).includes('One hour a day'),
      'the day goal',
    );
    await expectAccessible(deep(mounted.app, 'lt-day-view')!);
    location.hash = '#week';
    await until(
      () => textOf(deep(mounted.app, 'lt-week-view', 'lt-goal-progress')).includes('Ten hours a week'),
      'the week goal',
    );
    await expectAccessible(deep(mounted.app, 'lt-week-view')!);
  });
});
