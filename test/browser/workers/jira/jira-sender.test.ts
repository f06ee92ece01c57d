import { expect } from 'chai';

import { JIRA_PROPERTY_KEY } from '../../../../shared/jira.ts';
import { sql } from '../../harness/db-fixtures.ts';
import {
  at,
  connectionOf,
  jiraScenario,
  jiraSettings,
  startJiraPair,
  type JiraPair,
  type JiraScenario,
} from './jira-harness.ts';

const LEASE = 400;
const TIMEOUT = 250;

describe('Jira sender: the outbox drained against a fake Jira', () => {
  let pair: JiraPair;
  let jira: JiraScenario;

  beforeEach(async () => {
    pair = await startJiraPair('jira-sender');
    jira = await jiraScenario();
    await pair.data.api.updateSettings({ jira: jiraSettings(jira) });
  });
  afterEach(() => pair.stop());

  const drain = async (sender = pair.sender()) =>
    sender.drain(
      {
        connection: connectionOf(jira),
        owner: `s-${crypto.randomUUID().slice(0, 8)}`,
        leaseMs: LEASE,
        timeoutMs: TIMEOUT,
      },
      await pair.port(),
    );
  const add = async (name: string, start: number, minutes: number) =>
    (await pair.data.api.addSession({ name, startTime: start, endTime: start + minutes * 60_000 })).sessions[0]!;
  const live = async () => (await jira.state()).worklogs.filter((w) => !w.deleted);
  const booking = async (id: string) => (await pair.data.api.jiraBookings()).rows.find((r) => r.sessionId === id);

  it('books a finished session once, with its own start, its worked seconds and its id as a worklog property', async () => {
    const s = await add('ABC-123 review', at(0), 90);
    await add('No issue here', at(120), 30);
    const result = await drain();
    expect(result).to.include({ sent: 1, failed: 0, stopped: null });
    const [w, ...rest] = await live();
    expect(rest).to.have.length(0);
    expect(w).to.include({ issueKey: 'ABC-123', started: at(0), timeSpentSeconds: 5400 });
    expect(w!.properties).to.deep.equal([{ key: JIRA_PROPERTY_KEY, value: { sessionId: s.id } }]);
    expect(w!.comment).to.deep.include({ type: 'doc' }); // Cloud's v3 takes comments as ADF
    expect(await booking(s.id)).to.include({ state: 'sent', worklogId: w!.id, issueKey: 'ABC-123', seconds: 5400 });
    // nothing left: a second drain sends nothing
    expect(await drain()).to.include({ sent: 0 });
    expect(await live()).to.have.length(1);
  });

  it('an edit after booking updates the worklog (PUT), and undo puts it back', async () => {
    const s = await add('ABC-123 review', at(0), 90);
    await drain();
    await pair.data.api.updateSession({ id: s.id, patch: { endTime: at(60) } });
    await drain();
    let [w] = await live();
    expect(w).to.include({ timeSpentSeconds: 3600, updates: 1 });
    await pair.data.api.undo();
    await drain();
    [w] = await live();
    expect(w).to.include({ timeSpentSeconds: 5400, updates: 2 });
    expect((await jira.state()).worklogs).to.have.length(1);
  });

  it('moving a session to another issue deletes the old worklog and books the new one', async () => {
    const s = await add('ABC-123 review', at(0), 60);
    await drain();
    await pair.data.api.updateSession({ id: s.id, patch: { name: 'OPS-7 review' } });
    await drain();
    const all = (await jira.state()).worklogs;
    expect(all.filter((w) => w.deleted).map((w) => w.issueKey)).to.deep.equal(['ABC-123']);
    expect((await live()).map((w) => w.issueKey)).to.deep.equal(['OPS-7']);
  });

  it('a session deleted after booking asks first; "delete the worklog too" deletes it, "keep" keeps it', async () => {
    const a = await add('ABC-123 one', at(0), 60);
    const b = await add('ABC-124 two', at(90), 60);
    await drain();
    await pair.data.api.deleteSession(a.id);
    await pair.data.api.deleteSession(b.id);
    await drain();
    expect((await booking(a.id))?.state).to.equal('ask-delete');
    expect(await live()).to.have.length(2);
    await pair.data.api.jiraChoose({ choice: 'delete-worklog', sessionIds: [a.id] });
    await pair.data.api.jiraChoose({ choice: 'keep-worklog', sessionIds: [b.id] });
    await drain();
    expect((await live()).map((w) => w.issueKey)).to.deep.equal(['ABC-124']);
    expect(await booking(a.id)).to.equal(undefined);
  });

  it('offline, then online: the booking waits with a sentence and is sent once the site answers', async () => {
    await jira.rules([{ drop: 'before' }]);
    const s = await add('ABC-123 review', at(0), 30);
    const first = await drain();
    expect(first.failed).to.equal(1);
    expect(first.waitMs).to.be.greaterThan(1000).and.at.most(3000); // backoff, first step
    const b = await booking(s.id);
    expect(b).to.include({ state: 'failed', attempts: 1 });
    expect(b!.error).to.match(/No answer from Jira/);
    await jira.rules([]);
    await pair.data.api.jiraChoose({ choice: 'retry', sessionIds: [s.id] });
    await drain();
    expect(await live()).to.have.length(1);
    expect((await booking(s.id))?.state).to.equal('sent');
  });

  it('a connection dropped after Jira created the worklog: the retry finds it by its property and adopts it', async () => {
    // twice: Chromium itself resends a request once when a reused connection closes before any answer
    await jira.rules([{ method: 'POST', path: '/worklog', drop: 'after', times: 2 }]);
    const s = await add('ABC-123 review', at(0), 45);
    await drain();
    expect((await booking(s.id))?.state).to.equal('failed');
    expect((await live()).length).to.be.within(1, 2); // Jira did create it (once, or twice with the resend)
    await pair.data.api.jiraChoose({ choice: 'retry', sessionIds: [s.id] });
    await drain();
    const state = await jira.state();
    const [only, ...none] = state.worklogs.filter((w) => !w.deleted);
    expect(none).to.have.length(0);
    // a look before each create: the first try's, and the retry's, which finds it
    expect(state.requests.filter((r) => r.method === 'GET' && /expand=properties$/.test(r.path))).to.have.length(2);
    expect(state.requests.filter((r) => r.method === 'POST')).to.have.length.within(1, 2); // no create after the look
    expect(await booking(s.id)).to.include({ state: 'sent', worklogId: only!.id });
  });

  it("a worklog made twice by Chromium's own resend is cut back to the one that was answered", async () => {
    await jira.rules([{ method: 'POST', path: '/worklog', drop: 'after', times: 1 }]);
    const s = await add('ABC-123 review', at(0), 45);
    await drain();
    if ((await booking(s.id))?.state === 'failed') {
      // no resend this time (a fresh connection): the retry's look adopts it
      await pair.data.api.jiraChoose({ choice: 'retry', sessionIds: [s.id] });
      await drain();
    }
    const [only, ...none] = await live();
    expect(none).to.have.length(0);
    expect(await booking(s.id)).to.include({ state: 'sent', worklogId: only!.id });
  });

  it('429 with Retry-After pauses the whole drain for that long, then books', async () => {
    await jira.rules([{ method: 'POST', status: 429, headers: { 'Retry-After': '1' }, times: 1 }]);
    const s = await add('ABC-123 one', at(0), 30);
    await add('ABC-124 two', at(60), 30);
    const first = await drain();
    expect(first.waitMs).to.be.within(900, 1000);
    expect((await booking(s.id))?.error).to.match(/slow down.*1 s/);
    expect(await live()).to.have.length(0);
    expect((await drain()).sent).to.equal(0); // still waiting
    await new Promise((r) => setTimeout(r, 1050));
    await drain();
    expect(await live()).to.have.length(2);
  });

  it('a session edited while its create is in flight is booked once and then updated', async () => {
    await jira.rules([{ method: 'POST', path: '/worklog', delayMs: 150, times: 1 }]);
    const s = await add('ABC-123 review', at(0), 90);
    const draining = drain();
    await new Promise((r) => setTimeout(r, 60));
    await pair.data.api.updateSession({ id: s.id, patch: { endTime: at(30) } });
    await draining;
    await drain();
    const all = (await jira.state()).worklogs;
    expect(all).to.have.length(1);
    expect(all[0]).to.include({ timeSpentSeconds: 1800 });
  });

  it('the issue cache: a JQL search fills it (Cloud and Data Center), and it answers offline, key or summary', async () => {
    const out = await pair.sender().refreshIssues({ connection: connectionOf(jira) }, await pair.port());
    expect(out).to.deep.equal({ count: 4 });
    const dc = await jiraScenario({
      kind: 'datacenter',
      token: 'pat',
      issues: [{ key: 'DC-1', summary: 'On premises' }],
    });
    const dcOut = await pair
      .sender()
      .refreshIssues(
        { connection: { kind: 'datacenter', siteUrl: dc.siteUrl, email: '', token: 'pat' } },
        await pair.port(),
      );
    expect(dcOut).to.deep.equal({ count: 1 });
    expect((await dc.state()).requests.map((r) => r.path.split('?')[0])).to.deep.equal(['/rest/api/2/search']);
    const search = (query: string) => pair.data.api.jiraSearchIssues({ query });
    expect((await search('ABC-12')).map((i) => i.key)).to.deep.equal(['ABC-123', 'ABC-124']);
    expect((await search('certif')).map((i) => i.key)).to.deep.equal(['OPS-7']);
    expect((await search('premises')).map((i) => i.key)).to.deep.equal(['DC-1']);
    expect(await search('100%_')).to.deep.equal([]);
    const bad = await pair
      .sender()
      .refreshIssues({ connection: { ...connectionOf(jira), token: 'x' } }, await pair.port());
    expect(bad).to.have.nested.property('error.code', 'auth');
  });

  it("a project's default issue books the project's sessions that name no key of their own", async () => {
    const project = await pair.data.api.createProject({ name: 'Ops' });
    await pair.data.api.updateSettings({ jira: jiraSettings(jira, { projectIssues: { [project.id]: 'OPS-7' } }) });
    await pair.data.api.addSession({ name: 'on call', projectId: project.id, startTime: at(0), endTime: at(60) });
    await pair.data.api.addSession({
      name: 'ABC-123 own key wins',
      projectId: project.id,
      startTime: at(70),
      endTime: at(80),
    });
    await drain();
    expect((await live()).map((w) => [w.issueKey, w.timeSpentSeconds])).to.deep.equal([
      ['OPS-7', 3600],
      ['ABC-123', 600],
    ]);
  });

  it('a bad Jira setting is refused whole and changes nothing', async () => {
    for (const bad of [
      { projectIssues: { 'not-an-id': 'ABC-1' } },
      { projectIssues: { [crypto.randomUUID()]: 'abc-1' } },
      { projectIssues: [] },
      { kind: 'jira' },
      { siteUrl: 'x'.repeat(3000) },
    ]) {
      const error = await pair.data.api.updateSettings({ jira: { ...jiraSettings(jira), ...bad } as never }).then(
        () => null,
        (e: { code: string }) => e,
      );
      expect(error?.code, JSON.stringify(bad).slice(0, 80)).to.equal('VALIDATION');
    }
    expect((await pair.data.api.getSettings()).jira).to.deep.equal(jiraSettings(jira));
  });

  it('a backup restored from before a booking does not book it again: the look before the create adopts it', async () => {
    const s = await add('ABC-123 review', at(0), 60);
    const backup = await pair.data.api.backupNow(); // the session is in the outbox, nothing booked yet
    await drain();
    const [w] = await live();
    await pair.data.api.restoreBackup(backup.name);
    expect((await pair.data.api.jiraBookings()).queued).to.equal(1);
    await drain();
    expect((await jira.state()).worklogs).to.have.length(1);
    expect(await booking(s.id)).to.include({ state: 'sent', worklogId: w!.id });
  });

  it('a clock that jumped back by hours holds nothing for hours: far-off backoffs and leases count as over', async () => {
    await jira.rules([{ method: 'POST', status: 503, times: 1 }]);
    const a = await add('ABC-123 one', at(0), 30);
    await drain();
    expect((await booking(a.id))?.state).to.equal('failed');
    const b = await add('ABC-124 two', at(60), 30);
    // as a clock five hours ahead would have left them: a's backoff and a lease on b by a sender that is gone
    await pair.reopen(() =>
      sql(
        pair.dbName,
        `UPDATE jira_worklogs SET next_at = next_at + ${5 * 3_600_000} WHERE session_id = '${a.id}'`,
        `INSERT INTO jira_worklogs (session_id, state, lease_owner, lease_until, updated_at)
         VALUES ('${b.id}', 'pending', 'gone', ${Date.now() + 5 * 3_600_000}, 0)`,
        'SELECT 1',
      ),
    );
    await drain();
    expect((await live()).map((w) => w.issueKey).sort()).to.deep.equal(['ABC-123', 'ABC-124']);
  });

  it('only while Jira is connected do session changes enter the outbox', async () => {
    await pair.data.api.updateSettings({ jira: { ...jiraSettings(jira), kind: 'off' } });
    await add('ABC-123 review', at(0), 30);
    expect((await pair.data.api.jiraBookings()).queued).to.equal(0);
    await pair.data.api.updateSettings({ jira: jiraSettings(jira) });
    await add('ABC-123 more', at(60), 30);
    expect((await pair.data.api.jiraBookings()).queued).to.equal(1);
  });

  it('sessions under a minute are flagged, not booked; rounding applies to the booked time only', async () => {
    const short = await pair.data.api.addSession({ name: 'ABC-123 quick', startTime: at(0), endTime: at(0) + 30_000 });
    await drain();
    await pair.data.api.updateSettings({ jira: jiraSettings(jira, { rounding: { mode: 'up', minutes: 15 } }) });
    const long = await add('ABC-124 work', at(10), 50);
    await drain();
    expect((await booking(short.sessions[0]!.id))?.state).to.equal('short');
    expect((await live()).map((w) => w.timeSpentSeconds)).to.deep.equal([3600]);
    expect((await pair.data.api.getSession(long.id)).endTime).to.equal(at(60)); // the session keeps its raw time
  });

  it('the review mode holds new bookings until they are approved', async () => {
    await pair.data.api.updateSettings({ jira: jiraSettings(jira, { booking: 'review' }) });
    const s = await add('ABC-123 review', at(0), 30);
    await drain();
    expect(await live()).to.have.length(0);
    expect(
      (await pair.data.api.jiraBookings({ states: ['review'] })).rows.map((r) => [r.issueKey, r.seconds]),
    ).to.deep.equal([['ABC-123', 1800]]);
    await pair.data.api.jiraChoose({ choice: 'approve', sessionIds: [s.id] });
    await drain();
    expect(await live()).to.have.length(1);
  });

  it('"don\'t book" keeps a session off Jira through later edits', async () => {
    await jira.rules([{ method: 'POST', status: 404, times: 1, body: { errorMessages: ['Issue does not exist'] } }]);
    const s = await add('ABC-123 review', at(0), 30);
    await drain();
    expect((await booking(s.id))?.state).to.equal('attention');
    await pair.data.api.jiraChoose({ choice: 'skip', sessionIds: [s.id] });
    await pair.data.api.updateSession({ id: s.id, patch: { name: 'ABC-123 still not' } });
    await drain();
    expect((await booking(s.id))?.state).to.equal('skipped');
    expect(await live()).to.have.length(0);
  });
});
