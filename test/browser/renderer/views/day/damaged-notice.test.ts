import { expect } from 'chai';

import { expectAccessible, useAppStyles } from '../../../harness/a11y.ts';
import {
  deep,
  deepAll,
  mountApp,
  prepareDatabase,
  textOf,
  todaysSessions,
  type Mounted,
} from '../../../harness/app-harness.ts';
import { sql } from '../../../harness/db-fixtures.ts';
import { until } from '../../../harness/wait.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';

const list = (m: Mounted) => deep(m.app, 'lt-session-list');
const rows = (m: Mounted) => deepAll(m.app, 'lt-session-list', 'li');

describe('damaged sessions in the day list (real data worker, a row damaged on disk)', () => {
  let mounted: Mounted | null = null;
  afterEach(() => {
    mounted?.stop();
    mounted = null;
  });

  async function mountWithDamaged(names: string[], damaged: string[]) {
    const dbName = uniqueDbName('damaged-row');
    await prepareDatabase(dbName, (api) => api.insertSessions(todaysSessions(names)));
    if (damaged.length > 0) {
      const quoted = damaged.map((n) => `'${n}'`).join(', ');
      await sql(dbName, `UPDATE activities SET end_time = 'not a time' WHERE name IN (${quoted})`);
    }
    mounted = mountApp(dbName);
    await until(() => mounted!.services.timer.$loaded.get() && mounted!.services.day.$loaded.get(), 'first load');
    return mounted;
  }

  it('hides one damaged session, says so in the singular, and links to the details', async () => {
    const m = await mountWithDamaged(['good morning', 'bad row', 'good afternoon'], ['bad row']);
    await until(() => rows(m).length === 2, 'rows rendered by the virtualized list');
    expect(rows(m).map((r) => r.querySelector('.name')!.textContent)).to.deep.equal(['good afternoon', 'good morning']);
    const notice = deep(m.app, 'lt-session-list', '.notice.damaged')!;
    expect(textOf(notice)).to.equal('1 damaged session hidden · details');
    expect(deep(m.app, 'lt-session-list', '[aria-label="Today\'s total"]')!.textContent).to.equal('2m');
    expect(textOf(list(m))).to.not.match(/NaN|Loading/);

    notice.querySelector<HTMLAnchorElement>('a')!.click();
    await until(() => deep(m.app, 'lt-diagnostics-view'), 'diagnostics view');
    const entry = await until(() => deepAll(m.app, 'lt-diagnostics-view', 'lt-error-log', 'li')[0], 'error log entry');
    expect(entry.querySelector('.code')!.textContent).to.equal('DAMAGED');
  });

  it('counts several in the plural, and shows no empty-day text that would be wrong', async () => {
    const m = await mountWithDamaged(['a', 'b'], ['a', 'b']);
    expect(rows(m)).to.have.length(0);
    expect(textOf(deep(m.app, 'lt-session-list', '.notice.damaged'))).to.equal('2 damaged sessions hidden · details');
    expect(textOf(list(m))).to.contain('Nothing else tracked today');
    expect(textOf(list(m))).to.not.match(/NaN|Loading/);
  });

  it('shows no notice when nothing is damaged', async () => {
    const m = await mountWithDamaged(['fine'], []);
    await until(() => rows(m).length === 1, 'the row');
    expect(deep(m.app, 'lt-session-list', '.notice')).to.equal(null);
  });

  it('passes axe with the damaged-sessions notice shown', async () => {
    useAppStyles();
    const m = await mountWithDamaged(['good morning', 'bad row'], ['bad row']);
    await until(
      () => rows(m).length === 1 && deep(m.app, 'lt-session-list', '.notice.damaged'),
      'the row and the notice',
    );
    await expectAccessible(deep(m.app, 'lt-day-view')!);
  });
});
