import { expect } from 'chai';

import { at, connectionOf, jiraScenario, jiraSettings, startJiraPair, type JiraPair } from './jira-harness.ts';

const LEASE = 400;

describe('Jira sender: bad answers become sentences in the panel, and nothing is booked twice', () => {
  let pair: JiraPair;
  beforeEach(async () => (pair = await startJiraPair('jira-bad')));
  afterEach(() => pair.stop());

  const cases: {
    what: string;
    rule?: unknown;
    name?: string;
    token?: string;
    state: string;
    stopped?: string;
    words: RegExp;
  }[] = [
    { what: 'a wrong token', token: 'wrong', state: 'attention', stopped: 'auth', words: /refused the sign-in/ },
    {
      what: 'an issue that does not exist',
      name: 'ZZZ-9 nope',
      state: 'attention',
      words: /found nothing for booking ZZZ-9/,
    },
    {
      what: 'an issue the user cannot book to',
      name: 'RO-1 read only',
      state: 'attention',
      words: /may not log work there/,
    },
    {
      what: "400 with Jira's errorMessages",
      rule: { method: 'POST', status: 400, body: { errorMessages: ['Worklog is invalid.'] } },
      state: 'attention',
      words: /Worklog is invalid/,
    },
    { what: '413', rule: { method: 'POST', status: 413, body: {} }, state: 'attention', words: /too large/ },
    { what: '500', rule: { method: 'POST', status: 500 }, state: 'failed', words: /had a problem \(500\)/ },
    {
      what: 'an HTML error page',
      rule: { method: 'POST', status: 502, html: '<html><body>Bad gateway</body></html>' },
      state: 'failed',
      words: /had a problem \(502\)/,
    },
    {
      what: 'a site that is not Jira',
      rule: { html: '<html>Welcome to nginx</html>' },
      state: 'attention',
      stopped: 'not-jira',
      words: /not Jira/,
    },
    {
      what: 'a CAPTCHA challenge',
      rule: { status: 401, headers: { 'X-Authentication-Denied-Reason': 'CAPTCHA_CHALLENGE; login-url=https://x' } },
      state: 'attention',
      stopped: 'captcha',
      words: /CAPTCHA/,
    },
  ];
  for (const c of cases) {
    it(`${c.what}: ${c.state}`, async () => {
      const jira = await jiraScenario(c.rule ? { rules: [c.rule] } : {});
      await pair.data.api.updateSettings({ jira: jiraSettings(jira) });
      const s = (await pair.data.api.addSession({ name: c.name ?? 'ABC-123 x', startTime: at(0), endTime: at(30) }))
        .sessions[0]!;
      const result = await pair.sender().drain(
        {
          connection: { ...connectionOf(jira), token: c.token ?? 'secret-token' },
          owner: 'bad',
          leaseMs: LEASE,
          timeoutMs: 1000,
        },
        await pair.port(),
      );
      expect(result.stopped?.kind ?? null).to.equal(c.stopped ?? null);
      const b = (await pair.data.api.jiraBookings()).rows.find((r) => r.sessionId === s.id)!;
      expect(b.state).to.equal(c.state);
      expect(b.error).to.match(c.words);
      expect((await jira.state()).worklogs.filter((w) => !w.deleted)).to.have.length(0);
    });
  }

  it('Data Center: Bearer token and /rest/api/2, comment as text', async () => {
    const jira = await jiraScenario({ kind: 'datacenter', token: 'pat-123' });
    await pair.data.api.updateSettings({ jira: jiraSettings(jira, { kind: 'datacenter', email: '' }) });
    await pair.data.api.addSession({ name: 'ABC-123 review', startTime: at(0), endTime: at(30) });
    await pair.sender().drain(
      {
        connection: { kind: 'datacenter', siteUrl: jira.siteUrl, email: '', token: 'pat-123' },
        owner: 'dc',
        leaseMs: LEASE,
      },
      await pair.port(),
    );
    const [w] = (await jira.state()).worklogs;
    expect(w).to.include({ comment: 'review', timeSpentSeconds: 1800 });
  });

  it('a 10,000-row outbox drains in pages, booking only the linked sessions', async () => {
    const jira = await jiraScenario();
    await pair.data.api.updateSettings({ jira: jiraSettings(jira) });
    const base = at(0) - 400 * 86_400_000;
    await pair.data.api.insertSessions(
      Array.from({ length: 10_000 }, (_, i) => ({
        name: i % 500 === 0 ? `ABC-123 part ${i}` : `work ${i}`,
        projectId: null,
        startTime: base + i * 3_600_000,
        endTime: base + i * 3_600_000 + 1_800_000,
      })),
    );
    expect((await pair.data.api.jiraBookings()).queued).to.equal(10_000);
    const began = performance.now();
    await pair.sender().drain({ connection: connectionOf(jira), owner: 'big', leaseMs: LEASE }, await pair.port());
    const took = performance.now() - began;
    const list = await pair.data.api.jiraBookings();
    expect(list.queued).to.equal(0);
    expect(list.counts).to.deep.equal({ sent: 20 });
    expect((await jira.state()).worklogs).to.have.length(20);
    expect(took).to.be.below(15_000);
  });
});
