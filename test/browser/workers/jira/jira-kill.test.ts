import { expect } from 'chai';

import { until } from '../../harness/wait.ts';
import { at, connectionOf, jiraScenario, jiraSettings, startJiraPair, type JiraPair } from './jira-harness.ts';

const LEASE = 400;
const TIMEOUT = 250;

describe('Jira sender: killed at random moments while draining, it books every session exactly once', () => {
  let pair: JiraPair;
  beforeEach(async () => (pair = await startJiraPair('jira-kill')));
  afterEach(() => pair.stop());

  it('30 rounds of terminating the Jira worker mid-drain, then a new one finishes', async function () {
    this.timeout(60_000);
    const jira = await jiraScenario({ latencyMs: [3, 20] });
    await pair.data.api.updateSettings({ jira: jiraSettings(jira) });
    const keys = ['ABC-123', 'ABC-124', 'OPS-7'];
    const ids: string[] = [];
    for (let i = 0; i < 36; i++) {
      const start = at(i * 20);
      ids.push(
        (
          await pair.data.api.addSession({
            name: `${keys[i % 3]} part ${i}`,
            startTime: start,
            endTime: start + 15 * 60_000,
          })
        ).sessions[0]!.id,
      );
    }
    // every few rounds a create's answer is lost after Jira made the worklog
    await jira.rules([{ method: 'POST', path: '/worklog', drop: 'after', times: 6 }]);
    let rounds = 0;
    let killedMidRequest = 0;
    for (; rounds < 30; rounds++) {
      const sender = pair.sender();
      const port = await pair.port();
      void sender
        .drain({ connection: connectionOf(jira), owner: `r${rounds}`, leaseMs: LEASE, timeoutMs: TIMEOUT }, port)
        .catch(() => undefined);
      await new Promise((r) => setTimeout(r, Math.random() * 120));
      const before = (await jira.state()).requests.length;
      pair.kill();
      if ((await jira.state()).requests.length > before) killedMidRequest++;
      // now and then the next sender starts only after the dead one's leases ran out
      if (rounds % 5 === 4) await new Promise((r) => setTimeout(r, LEASE + 50));
    }
    expect(rounds).to.equal(30);
    await new Promise((r) => setTimeout(r, LEASE + 50));
    await until(
      async () => {
        await pair
          .sender()
          .drain(
            { connection: connectionOf(jira), owner: 'final', leaseMs: LEASE, timeoutMs: TIMEOUT },
            await pair.port(),
          );
        const list = await pair.data.api.jiraBookings({ limit: 100 });
        return list.queued === 0 && list.counts.sent === ids.length;
      },
      'every session booked',
      30_000,
    );
    const worklogs = (await jira.state()).worklogs;
    const liveBySession = new Map<string, number>();
    for (const w of worklogs.filter((x) => !x.deleted)) {
      const id = w.properties[0]!.value.sessionId!;
      liveBySession.set(id, (liveBySession.get(id) ?? 0) + 1);
    }
    expect([...liveBySession.keys()].sort()).to.deep.equal([...ids].sort());
    expect(
      [...liveBySession.values()].every((n) => n === 1),
      JSON.stringify([...liveBySession]),
    ).to.equal(true);
    // the only worklogs ever removed are the ones Chromium's resend made after a dropped answer, at most one per drop
    const removed = worklogs.filter((w) => w.deleted);
    console.log(
      `kill rounds: ${rounds}, killed mid-request: ${killedMidRequest}, duplicates removed: ${removed.length}`,
    );
    expect(removed.length).to.be.at.most(6);
  });
});
