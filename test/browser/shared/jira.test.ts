import { expect } from 'chai';
import fc from 'fast-check';

import { failureOfResponse, retryAfterMs } from '../../../shared/jira-wire.ts';
import {
  desiredBooking,
  issueKeyIn,
  jiraStarted,
  linkedIssue,
  parseJiraStarted,
  planStep,
  roundedSeconds,
  worklogComment,
  type BookableSession,
  type Booked,
  type BookingChoices,
  type Desired,
  type JiraSettings,
} from '../../../shared/jira.ts';

// text → the issue key found in it (null: none)
const KEYS: [string, string | null][] = [
  ['ABC-123 review', 'ABC-123'],
  ['review ABC-123', 'ABC-123'],
  ['(ABC-123) review', 'ABC-123'],
  ['ABC-123: review', 'ABC-123'],
  ['[OPS-7] certs', 'OPS-7'],
  ['A1_B2-9 odd project key', 'A1_B2-9'],
  ['first ABC-1 then DEF-2', 'ABC-1'],
  ['abc-123 lower case', null],
  ['A-1 one-letter project', null],
  ['ABC-0 zero', null],
  ['ABC-0123 leading zero', null],
  ['xABC-123 glued', null],
  ['ABC-123x glued', null],
  ['ABC-1.5 a version', null],
  ['ABC-12-3 a range', null],
  ['UTF-8 text', 'UTF-8'],
  ['', null],
  ['ABCDEFGHIJKLMNOPQRSTU-1 too long a key', null],
  ['ABC-12345678901 too long a number', null],
];

describe('issueKeyIn: issue keys in a session name', () => {
  for (const [text, key] of KEYS) it(`${JSON.stringify(text)} → ${key}`, () => expect(issueKeyIn(text)).to.equal(key));

  it('name first, then description, then the project default', () => {
    const s = { name: 'plain', description: 'see OPS-7', projectId: 'p1' };
    expect(linkedIssue(s, { p1: 'ABC-1' })).to.equal('OPS-7');
    expect(linkedIssue({ ...s, description: '' }, { p1: 'ABC-1' })).to.equal('ABC-1');
    expect(linkedIssue({ ...s, name: 'ABC-9 x' }, { p1: 'ABC-1' })).to.equal('ABC-9');
    expect(linkedIssue({ ...s, description: '', projectId: null }, { p1: 'ABC-1' })).to.equal(null);
  });

  it('the comment is the name without its key', () => {
    expect(worklogComment('ABC-123 review', 'ABC-123')).to.equal('review');
    expect(worklogComment('ABC-123: review', 'ABC-123')).to.equal('review');
    expect(worklogComment('review ABC-123', 'ABC-123')).to.equal('review');
  });
});

describe('Jira times and rounding', () => {
  it("started round-trips through Jira's format with any offset", () => {
    const t = Date.UTC(2026, 11, 2, 14, 5, 7, 123);
    expect(jiraStarted(t)).to.equal('2026-12-02T14:05:07.123+0000');
    expect(parseJiraStarted(jiraStarted(t))).to.equal(t);
    expect(parseJiraStarted('2026-12-02T15:05:07.123+0100')).to.equal(t);
    expect(parseJiraStarted('not a date')).to.be.NaN;
  });

  it('rounds booked seconds as the setting says', () => {
    expect(roundedSeconds(3001, { mode: 'none', minutes: 15 })).to.equal(3001);
    expect(roundedSeconds(3001, { mode: 'up', minutes: 15 })).to.equal(3600);
    expect(roundedSeconds(3001, { mode: 'down', minutes: 15 })).to.equal(2700);
    expect(roundedSeconds(3001, { mode: 'nearest', minutes: 15 })).to.equal(2700);
    expect(roundedSeconds(0, { mode: 'up', minutes: 15 })).to.equal(0);
  });

  it('Retry-After in seconds or as a date against the answer’s own clock, capped', () => {
    expect(retryAfterMs('3', null, 0)).to.equal(3000);
    expect(retryAfterMs('Wed, 02 Dec 2026 10:00:30 GMT', 'Wed, 02 Dec 2026 10:00:00 GMT', 0)).to.equal(30_000);
    expect(retryAfterMs('999999', null, 0)).to.equal(3_600_000);
    expect(retryAfterMs('soon', null, 0)).to.equal(null);
  });

  it('a 429 without Retry-After waits a minute; a captcha header wins over the status', () => {
    const h = (o: Record<string, string>) => ({ get: (n: string) => o[n.toLowerCase()] ?? null });
    expect(failureOfResponse(429, h({}), null, 'x', 0)).to.include({ kind: 'rate-limited', retryAfterMs: 60_000 });
    expect(
      failureOfResponse(403, h({ 'x-authentication-denied-reason': 'CAPTCHA_CHALLENGE' }), null, 'x', 0).kind,
    ).to.equal('captcha');
  });
});

const JIRA: JiraSettings = {
  kind: 'cloud',
  siteUrl: 'https://x.atlassian.net',
  email: 'a@b.c',
  booking: 'on-stop',
  rounding: { mode: 'none', minutes: 15 },
  since: 0,
  projectIssues: {},
};

const desiredArb: fc.Arbitrary<Desired> = fc.oneof(
  fc.record({
    kind: fc.constant('none' as const),
    why: fc.constantFrom('running', 'no-issue', 'deleted', 'before-connection') as fc.Arbitrary<'running'>,
  }),
  fc.record({
    kind: fc.constant('short' as const),
    issueKey: fc.constantFrom('ABC-1', 'DEF-2'),
    started: fc.integer({ min: 0, max: 5 }),
    seconds: fc.integer({ min: 0, max: 59 }),
  }),
  fc.record({
    kind: fc.constant('book' as const),
    issueKey: fc.constantFrom('ABC-1', 'DEF-2'),
    started: fc.integer({ min: 0, max: 5 }),
    seconds: fc.integer({ min: 60, max: 62 }),
    comment: fc.constantFrom('', 'x'),
  }),
);
const bookedArb: fc.Arbitrary<Booked | null> = fc.option(
  fc.record({
    issueKey: fc.constantFrom('ABC-1', 'DEF-2'),
    worklogId: fc.constantFrom('1', '2'),
    started: fc.integer({ min: 0, max: 5 }),
    seconds: fc.integer({ min: 60, max: 62 }),
    comment: fc.constantFrom('', 'x'),
  }),
);
const choicesArb: fc.Arbitrary<BookingChoices> = fc.record({
  review: fc.boolean(),
  approved: fc.boolean(),
  skipped: fc.boolean(),
  deleteChoice: fc.constantFrom(null, 'delete', 'keep') as fc.Arbitrary<'delete' | 'keep' | null>,
});

/** What Jira holds after a step succeeds. */
function apply(step: ReturnType<typeof planStep>, booked: Booked | null): Booked | null {
  if (step.op === 'create') return { ...step, worklogId: 'new' };
  if (step.op === 'update') return { ...step };
  if (step.op === 'delete') return null;
  return booked;
}

describe('planStep: desired vs booked (fast-check)', () => {
  it('converges in at most two sends, and then stays done or waiting', () => {
    fc.assert(
      fc.property(desiredArb, bookedArb, choicesArb, (desired, booked0, choices) => {
        let booked = booked0;
        let sends = 0;
        for (let i = 0; i < 4; i++) {
          const step = planStep(desired, booked, choices);
          if (step.op === 'done' || step.op === 'wait') return sends <= 2;
          sends++;
          booked = apply(step, booked);
        }
        return false;
      }),
    );
  });

  it('never creates while something is booked, and never touches Jira for a skipped, unbooked session', () => {
    fc.assert(
      fc.property(desiredArb, bookedArb, choicesArb, (desired, booked, choices) => {
        const step = planStep(desired, booked, choices);
        if (booked && step.op === 'create') return false;
        if (!booked && choices.skipped && step.op !== 'done' && step.op !== 'wait') return false;
        return true;
      }),
    );
  });

  it('once converged on a booking, Jira holds exactly what is desired', () => {
    fc.assert(
      fc.property(desiredArb, bookedArb, choicesArb, (desired, booked0, choices) => {
        let booked = booked0;
        for (let i = 0; i < 4; i++) {
          const step = planStep(desired, booked, choices);
          if (step.op === 'done' || step.op === 'wait') break;
          booked = apply(step, booked);
        }
        if (desired.kind !== 'book' || !booked) return true;
        return (
          booked.issueKey === desired.issueKey &&
          booked.started === desired.started &&
          booked.seconds === desired.seconds
        );
      }),
    );
  });

  it('a booked session that is deleted is never deleted on Jira without the user saying so', () => {
    fc.assert(
      fc.property(bookedArb, choicesArb, (booked, choices) => {
        const step = planStep({ kind: 'none', why: 'deleted' }, booked, choices);
        return step.op !== 'delete' || choices.deleteChoice === 'delete';
      }),
    );
  });
});

describe('desiredBooking', () => {
  const s = (extra: Partial<BookableSession> = {}): BookableSession => ({
    id: 'x',
    name: 'ABC-1 work',
    description: '',
    projectId: null,
    startTime: 1_000_000,
    endTime: 1_000_000 + 3_600_000,
    pausedMs: 600_000,
    pauseStartedAt: null,
    pauses: [],
    deletedAt: null,
    ...extra,
  });
  it('books worked time (pauses out) from the session’s own start', () => {
    expect(desiredBooking(s(), JIRA)).to.deep.equal({
      kind: 'book',
      issueKey: 'ABC-1',
      started: 1_000_000,
      seconds: 3000,
      comment: 'work',
    });
  });
  it('nothing while running, when deleted, before the connection was made, or without an issue', () => {
    expect(desiredBooking(s({ endTime: null }), JIRA)).to.deep.equal({ kind: 'none', why: 'running' });
    expect(desiredBooking(s({ deletedAt: 5 }), JIRA)).to.deep.equal({ kind: 'none', why: 'deleted' });
    expect(desiredBooking(null, JIRA)).to.deep.equal({ kind: 'none', why: 'deleted' });
    expect(desiredBooking(s(), { ...JIRA, since: 2_000_000 })).to.deep.equal({
      kind: 'none',
      why: 'before-connection',
    });
    expect(desiredBooking(s({ name: 'plain' }), JIRA)).to.deep.equal({ kind: 'none', why: 'no-issue' });
  });
  it('under a minute is short', () => {
    expect(desiredBooking(s({ endTime: 1_030_000, pausedMs: 0 }), JIRA)).to.deep.equal({
      kind: 'short',
      issueKey: 'ABC-1',
      started: 1_000_000,
      seconds: 30,
    });
  });
});
