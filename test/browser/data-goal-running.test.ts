// Found while building <lt-goal-progress> (issue 7): goalProgress must count the running timer in the current period.
// dailyWorked's "crossing" query has NOT (… end_time <= :to …): for a running session (end_time NULL) that is
// NOT NULL = NULL, so the session is left out. Fails until the worker is fixed (workers/data/daily-worked.ts).
import { expect } from 'chai';
import { startDataWorker, uniqueDbName } from './worker-harness.ts';

describe('data worker: goal progress with a running timer', () => {
  it('counts a timer started 30 minutes ago today', async () => {
    const { api, worker } = startDataWorker();
    try {
      await api.open({ name: uniqueDbName('goal-running') });
      const p = await api.createProject({ name: 'Deep' });
      await api.createGoal({ period: 'day', targetMinutes: 120, projectId: p.id });
      const all = await api.createGoal({ period: 'day', targetMinutes: 120 });
      const now = Date.now();
      const startOfDay = new Date(now).setHours(0, 0, 0, 0);
      const started = Math.max(startOfDay, now - 30 * 60_000);
      await api.startTimer({ name: 'running', projectId: p.id, startTime: started });
      const progress = await api.goalProgress({ at: now });
      const expected = Date.now() - started;
      for (const g of progress) expect(g.doneMs, g.goalId === all.value.id ? 'all work' : 'project').to.be.within(expected - 5_000, expected + 5_000);
    } finally {
      worker.terminate();
    }
  });
});
