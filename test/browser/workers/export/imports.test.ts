import { expect } from 'chai';
import fc from 'fast-check';

import type { ImportedSession } from '../../../../shared/export-rows.ts';
import { zonedParts } from '../../../../shared/quick-entry/zoned.ts';
import { MAX_IMPORT_CHARS, parseImport } from '../../../../workers/export/imports.ts';
import { cases, runCase, TOGGL_HEADER } from '../../../fixtures/imports/corpus.ts';

/** The file's bytes as the app gets them: UTF-8 decoded, BOM kept (the parser must cope with it). */
async function fixture(name: string): Promise<string> {
  const response = await fetch(new URL(`../../../fixtures/imports/${name}`, import.meta.url));
  expect(response.ok, name).to.equal(true);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
}

describe('imports: the corpus', () => {
  for (const c of cases) {
    it(c.title, async () => {
      const text = c.file ? await fixture(c.file) : c.text!;
      expect(runCase(parseImport, c, text)).to.deep.equal([]);
    });
  }
});

describe('imports: the size cap', () => {
  it('refuses a file over 100 MB of text with a sentence', () => {
    const huge = 'a'.repeat(MAX_IMPORT_CHARS + 1);
    expect(() => parseImport({ name: 'huge.csv', text: huge }, { timeZone: 'UTC' }))
      .to.throw(/^The file is too large to import \(100.0 MB of text; the limit is 100 MB\)\. Export a shorter period/)
      .with.property('code', 'VALIDATION');
  });
});

// ---- a small Toggl detailed-CSV writer, independent of the parser, for the round trip
// the OWASP formula guard as LightTrack's presets write it (one more ' before /^'*[=+\-@\t\r]/), then RFC 4180 quoting
const guard = (cell: string) => (/^'*[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
const quote = (cell: string) => (/[",\r\n]/.test(guard(cell)) ? `"${guard(cell).replaceAll('"', '""')}"` : guard(cell));
const pad = (n: number) => String(n).padStart(2, '0');
function wall(ms: number, timeZone: string): [string, string] {
  const p = zonedParts(ms, timeZone);
  return [`${p.y}-${pad(p.m)}-${pad(p.d)}`, `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`];
}
function hms(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}
function writeToggl(sessions: readonly ImportedSession[], timeZone: string): { text: string; lines: number[] } {
  let line = 2;
  const lines: number[] = [];
  const rows = sessions.map((s) => {
    const [sd, st] = wall(s.start, timeZone);
    const [ed, et] = wall(s.end!, timeZone);
    // as LightTrack's preset writes it: sub-projects joined by ' / ', Duration the worked time (pauses left out)
    const row = [
      'Ann',
      'ann@example.com',
      s.client ?? '',
      s.projectPath?.join(' / ') ?? '',
      '',
      s.name,
      s.billable ? 'Yes' : 'No',
      sd,
      st,
      ed,
      et,
      hms(s.end! - s.start - s.pausedMs),
      s.tags.join(', '),
      '',
    ]
      .map(quote)
      .join(',');
    lines.push(line);
    line += 1 + (row.match(/\r\n|\r|\n/g)?.length ?? 0);
    return row;
  });
  return { text: [TOGGL_HEADER, ...rows].join('\r\n') + '\r\n', lines };
}

const CHARS = [
  'a',
  'B',
  'z',
  '0',
  '7',
  ' ',
  '"',
  ',',
  ';',
  "'",
  '=',
  '-',
  '+',
  '@',
  'é',
  'Ω',
  '日',
  '本',
  '😀',
  '👩‍💻',
  '\n',
  '\r\n',
  '\t',
];
const text = (pool: string[], max: number) =>
  fc.array(fc.constantFrom(...pool), { maxLength: max }).map((a) => a.join(''));
const oneLine = CHARS.filter((c) => !/[\r\n\t]/.test(c));
const tag = text(
  oneLine.filter((c) => c !== ','),
  12,
)
  .map((t) => t.trim())
  .filter((t) => t.length > 0);
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
const FROM = Date.UTC(2020, 0, 1) / 1000;
const TO = Date.UTC(2030, 0, 1) / 1000;

const session = fc
  .record({
    name: text(CHARS, 40),
    project: fc.array(text(oneLine, 12), { maxLength: 3 }),
    client: text(oneLine, 20),
    tags: fc.uniqueArray(tag, { maxLength: 4, selector: (t) => t.toLowerCase() }),
    billable: fc.boolean(),
    startS: fc.integer({ min: FROM, max: TO }),
    lengthS: fc.integer({ min: 0, max: 3 * 86_400 }),
    pauseS: fc.integer({ min: 0, max: 86_400 }),
  })
  .map((r): ImportedSession => ({
    name: r.name.replace(/\r\n?/g, '\n').trim(),
    projectPath: r.project.map((p) => p.trim()).filter(Boolean).length
      ? r.project.map((p) => p.trim()).filter(Boolean)
      : null,
    client: r.client.trim() || null,
    tags: r.tags,
    billable: r.billable,
    start: r.startS * 1000,
    end: (r.startS + r.lengthS) * 1000,
    // a pause under a minute is within the file's rounding and not told apart from none
    pausedMs: r.pauseS > 60 && r.pauseS < r.lengthS ? r.pauseS * 1000 : 0,
    description: '',
    sourceId: '',
    line: 0,
  }));

describe('imports: Toggl CSV round trip (property)', () => {
  it('sessions written as a Toggl detailed CSV read back as the same sessions', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(session, { minLength: 1, maxLength: 12, selector: (s) => s.start }),
        fc.constantFrom(...ZONES),
        (sessions, timeZone) => {
          const { text: csv, lines } = writeToggl(sessions, timeZone);
          const preview = parseImport({ name: 'toggl.csv', text: csv }, { timeZone });
          // a wall time the zone repeated cannot name one instant from the file; that case is the corpus's
          fc.pre(!preview.problems.some((p) => /happened twice/.test(p.message)));
          expect(preview.format).to.equal('toggl-csv');
          expect(preview.problems.filter((p) => !/kept as paused time/.test(p.message))).to.deep.equal([]);
          expect(preview.sessions.map(({ sourceId: _, ...s }) => s)).to.deep.equal(
            sessions.map(({ sourceId: _, ...s }, i) => ({ ...s, line: lines[i] })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reading the same file twice gives the same source ids (importing it again adds nothing)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(session, { minLength: 1, maxLength: 8, selector: (s) => s.start }), (sessions) => {
        const { text: csv } = writeToggl(sessions, 'UTC');
        const ids = (name: string) =>
          parseImport({ name, text: csv }, { timeZone: 'UTC' }).sessions.map((s) => s.sourceId);
        const first = ids('a.csv');
        expect(ids('renamed.csv')).to.deep.equal(first);
        expect(new Set(first).size).to.equal(first.length);
      }),
      { numRuns: 100 },
    );
  });
});
