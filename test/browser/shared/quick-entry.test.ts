import { expect } from 'chai';
import fc from 'fast-check';

import { parseQuickEntry, type QuickEntryContext, type QuickEntryResult } from '../../../shared/quick-entry.ts';
import { CORPUS, PROJECTS, TAGS, type CorpusCase } from './quick-entry.corpus.ts';

const DEFAULT_NOW = '2026-11-25T10:00:00-05:00';
const NY = 'America/New_York';

function wall(ms: number | null, zone: string): string | null {
  if (ms === null) return null;
  const f = new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return f.format(ms);
}

function contextOf(c: CorpusCase): QuickEntryContext {
  return {
    now: Date.parse(c.now ?? DEFAULT_NOW),
    timeZone: c.zone ?? NY,
    projects: PROJECTS,
    tags: TAGS,
    workdayStart: c.workdayStart,
    sessions: c.sessions?.map(([s, e]) => ({ startTime: Date.parse(s), endTime: Date.parse(e) })),
  };
}

function check(c: CorpusCase, r: QuickEntryResult) {
  const zone = c.zone === 'Not/AZone' ? 'UTC' : (c.zone ?? NY);
  const why = JSON.stringify(r.problems.map((p) => p.message));
  if (c.kind !== undefined) expect(r.kind, `kind (problems: ${why})`).to.equal(c.kind);
  if (c.name !== undefined) expect(r.name, 'name').to.equal(c.name);
  if (c.project !== undefined) expect(r.project, 'project').to.deep.equal(c.project);
  if (c.tags !== undefined) expect(r.tags, 'tags').to.deep.equal(c.tags);
  if (c.billable !== undefined) expect(r.billable, 'billable').to.equal(c.billable);
  if (c.command !== undefined) expect(r.command, 'command').to.equal(c.command);
  if (c.start !== undefined) expect(wall(r.start, zone), 'start').to.equal(c.start);
  if (c.end !== undefined) expect(wall(r.end, zone), 'end').to.equal(c.end);
  if (c.startUtc !== undefined)
    expect(new Date(r.start!).toISOString(), 'start instant').to.equal(new Date(c.startUtc).toISOString());
  if (c.endUtc !== undefined)
    expect(new Date(r.end!).toISOString(), 'end instant').to.equal(new Date(c.endUtc).toISOString());
  if (c.minutes !== undefined) expect((r.end! - r.start!) / 60_000, 'minutes').to.equal(c.minutes);
  if (c.tokens !== undefined)
    expect(
      r.tokens.map((t) => `${t.kind}:${c.line.slice(t.from, t.to)}`),
      'tokens',
    ).to.deep.equal(c.tokens);
  if (c.problem !== undefined) {
    const p = r.problems.find((x) => x.message.includes(c.problem!));
    expect(p, `a problem saying "${c.problem}" in ${why}`).to.not.equal(undefined);
    if (c.problemAt !== undefined) expect(c.line.slice(p!.from, p!.to), 'problem points at').to.equal(c.problemAt);
  } else if (c.kind !== undefined && c.kind !== 'invalid') {
    expect(r.problems, 'no problems').to.deep.equal([]);
  }
  if (r.kind === 'command') expect(r.start).to.equal(null);
  else expect(r.start, 'start is set unless a command').to.be.a('number');
  if (r.kind === 'log') expect(r.end! > r.start!, 'a log ends after it starts').to.equal(true);
}

describe('parseQuickEntry: the corpus', () => {
  it('holds at least 150 lines', () => expect(CORPUS.length).to.be.greaterThanOrEqual(150));
  for (const c of CORPUS) {
    const label = c.line.length > 60 ? `${c.line.slice(0, 57)}…` : c.line;
    it(`${JSON.stringify(label)}${c.zone ? ` in ${c.zone}` : ''}${c.now ? ` at ${c.now}` : ''}`, () => {
      check(c, parseQuickEntry(c.line, contextOf(c)));
    });
  }
});

// --- properties ---

const ctx: QuickEntryContext = { now: Date.parse(DEFAULT_NOW), timeZone: NY, projects: PROJECTS, tags: TAGS };

/** Words no rule can claim: no digits with units, no markers at a word's start, no vowels (so no keywords). */
const plainWord = fc.oneof(
  fc.stringMatching(/^[bcdfgjklnpqrstvwxzBCDFGJKLNPQRSTVWXZ]{1,8}$/),
  fc.stringMatching(/^[0-9]{1,6}$/),
  fc.constantFrom(
    'C#',
    'issue#12',
    'a@b.cd',
    'x$y',
    '日本語',
    'Größe',
    '✓',
    '👩‍💻',
    'naïve',
    '50%',
    'v2.0',
    '1.5',
    '"q"',
  ),
);
const space = fc.constantFrom(' ', '  ', '\t', '\n', ' \u00a0 ', '\u2003');
const plainLine = fc
  .tuple(fc.option(space, { nil: '' }), fc.array(fc.tuple(plainWord, space), { minLength: 1, maxLength: 12 }))
  .map(([lead, parts]) => lead + parts.map(([w, s]) => w + s).join(''));

const grammarPiece = fc.constantFrom(
  '@Website',
  '@"Mobile App"',
  '@"open',
  '#writing',
  '#"deep work"',
  '$',
  '\\@x',
  '\\#',
  '\\$',
  '9-10:30',
  '9:00',
  '-',
  '–',
  '10:30',
  '9am-11am',
  '22:00-1:00',
  '14:00-',
  'from',
  'at',
  'for',
  'on',
  '1:30',
  '-15m',
  '15m',
  'ago',
  '1h30',
  'yesterday',
  'mon',
  '2026-11-20',
  '2026-02-30',
  'stop',
  '/pause',
  '"',
  '@',
  '#',
  'x',
  'C#',
  '\0',
  '  ',
  '\n',
  '9',
);
const grammarLine = fc
  .array(fc.oneof(grammarPiece, fc.string({ maxLength: 4 })), { maxLength: 14 })
  .map((p) => p.join(' '));
const anyText = fc.oneof(grammarLine, fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 60 }));

function wellFormed(text: string, r: QuickEntryResult) {
  let last = 0;
  for (const t of r.tokens) {
    expect(t.from, 'token after the previous one').to.be.at.least(last);
    expect(t.to, 'token not empty').to.be.greaterThan(t.from);
    expect(t.to, 'token inside the text').to.be.at.most(text.length);
    last = t.to;
  }
  for (const p of r.problems) {
    expect(p.from).to.be.at.least(0);
    expect(p.to).to.be.at.most(text.length);
    expect(p.to).to.be.at.least(p.from);
    expect(p.message).to.be.a('string').and.not.equal('');
  }
  expect(['start', 'log', 'command', 'invalid']).to.include(r.kind);
  expect(r.kind === 'invalid').to.equal(r.problems.length > 0);
}

describe('parseQuickEntry: properties', () => {
  it('text without markers is the name, spaces collapsed and trimmed', () => {
    fc.assert(
      fc.property(plainLine, (text) => {
        const r = parseQuickEntry(text, ctx);
        expect(r.name).to.equal(text.replace(/\s+/g, ' ').trim());
        expect(r.tokens).to.deep.equal([]);
        expect(r.kind).to.equal('start');
        expect(r.start).to.equal(ctx.now);
      }),
      { numRuns: 500 },
    );
  });

  it('token ranges never overlap and stay inside the text; problems stay inside too', () => {
    fc.assert(
      fc.property(anyText, (text) => wellFormed(text, parseQuickEntry(text, ctx))),
      { numRuns: 2000 },
    );
  });

  it('never throws, whatever the text or the context', () => {
    const badContext = fc.record({
      now: fc.oneof(fc.integer(), fc.constant(Number.NaN), fc.double()),
      timeZone: fc.oneof(fc.constantFrom('UTC', 'Europe/Berlin', 'Nope/Nope', ''), fc.string()),
      projects: fc.array(fc.record({ id: fc.string(), name: fc.string(), parentId: fc.option(fc.string()) }), {
        maxLength: 5,
      }),
      tags: fc.array(fc.record({ id: fc.string(), name: fc.string() }), { maxLength: 5 }),
      workdayStart: fc.option(fc.string(), { nil: undefined }),
    });
    fc.assert(
      fc.property(anyText, badContext, (text, context) => {
        wellFormed(text, parseQuickEntry(text, context));
      }),
      { numRuns: 1000 },
    );
  });

  it('survives a huge line, a line of NULs and non-strings', () => {
    const huge = `${'word @Website #tag 9-10 '.repeat(40_000)}`;
    const r0 = parseQuickEntry(huge, ctx);
    expect(r0.kind).to.equal('invalid');
    expect(r0.tokens.length).to.equal(120_000); // @Website, #tag and 9-10 in each of 40,000 repeats
    const nuls = '\0'.repeat(10_000);
    const r = parseQuickEntry(nuls, ctx);
    expect(r.kind).to.equal('invalid');
    expect(parseQuickEntry(`@${'x'.repeat(100_000)}`, ctx).kind).to.equal('invalid');
    expect(parseQuickEntry(`@"${'a '.repeat(50_000)}`, ctx).kind).to.equal('invalid');
    expect(parseQuickEntry(undefined as unknown as string, ctx).kind).to.equal('invalid');
  });
});
