import { expect } from 'chai';
import fc from 'fast-check';

import type { ExportSession } from '../../../../shared/export-rows.ts';
import { createWriter } from '../../../../workers/export/formats/index.ts';
import { parseImport } from '../../../../workers/export/imports.ts';
import { context, report, sessions } from './fixture.ts';

/**
 * LightTrack's Toggl and Clockify CSV presets import back exactly (issue 17): what the user hands to those tools comes
 * back in LightTrack with the same names, projects, clients, tags, billable flag, times and paused time.
 */
async function write(format: 'csv-toggl' | 'csv-clockify', rows: readonly ExportSession[]): Promise<string> {
  const writer = await createWriter(format, context, {});
  const parts = [await writer.page(rows), await writer.finish(report)];
  return parts.map((p) => new TextDecoder().decode(p)).join('');
}

const expected = (s: ExportSession) => ({
  name: s.name,
  projectPath: s.projectPath.length ? s.projectPath : null,
  client: s.client,
  tags: [...s.tags].sort(),
  billable: s.billable,
  start: s.start,
  end: s.end,
  pausedMs: s.end - s.start - s.workedMs,
});
const got = (s: {
  name: string;
  projectPath: string[] | null;
  client: string | null;
  tags: string[];
  billable: boolean;
  start: number;
  end: number | null;
  pausedMs: number;
}) => ({
  name: s.name,
  projectPath: s.projectPath,
  client: s.client,
  tags: [...s.tags].sort(),
  billable: s.billable,
  start: s.start,
  end: s.end,
  pausedMs: s.pausedMs,
});

describe('our Toggl and Clockify CSV presets import back exactly', () => {
  for (const format of ['csv-toggl', 'csv-clockify'] as const) {
    it(`${format}: the fixture week (DST, midnight, pauses, quotes, formula-looking text, unicode)`, async () => {
      const text = await write(format, sessions);
      const preview = parseImport({ name: 'export.csv', text }, { timeZone: context.timeZone });
      expect(preview.format).to.equal(format === 'csv-toggl' ? 'toggl-csv' : 'clockify-csv');
      // times are written to the second: the fixture is whole seconds
      expect(preview.sessions.map(got)).to.deep.equal(sessions.map(expected));
    });

    it(`${format}: any names, paths and times (property)`, async () => {
      const text = fc
        .string({ minLength: 1, maxLength: 40 })
        .filter(
          (t) => t.trim() === t && !t.includes('\u0000') && !t.includes(' / ') && !/[\r\n]/.test(t) && t.length > 0,
        );
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              name: text,
              project: fc.option(text, { nil: null }),
              client: fc.option(text, { nil: null }),
              tag: fc.option(
                text.filter((t) => !t.includes(',')),
                { nil: null },
              ),
              billable: fc.boolean(),
              startSec: fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }),
              lengthSec: fc.integer({ min: 60, max: 20 * 3600 }),
              // the importers take under a minute's difference as rounding (Kimai's decimal hours), not a pause
              pauseMin: fc.oneof(fc.constant(0), fc.integer({ min: 2, max: 30 })),
            }),
            { minLength: 1, maxLength: 8 },
          ),
          async (drafts) => {
            const rows: ExportSession[] = drafts.map((d, i) => {
              const start = d.startSec * 1000;
              const end = start + d.lengthSec * 1000;
              const room = Math.floor(d.lengthSec / 180) * 60_000;
              const paused = room > 60_000 ? Math.min(d.pauseMin * 60_000, room) : 0;
              return {
                ...sessions[0]!,
                id: `id-${i}`,
                name: d.name,
                description: '',
                projectPath: d.project ? [d.project] : [],
                client: d.project ? d.client : null,
                tags: d.tag ? [d.tag] : [],
                billable: d.billable,
                start,
                end,
                pauses: paused ? [{ start: start + 1000, end: start + 1000 + paused }] : [],
                workedMs: end - start - paused,
                roundedMs: end - start - paused,
                hourlyRate: null,
                currency: null,
                amount: null,
                amountRounded: null,
                running: false,
              };
            });
            const preview = parseImport(
              { name: 'x.csv', text: await write(format, rows) },
              { timeZone: context.timeZone },
            );
            // a wall time inside the spring-forward gap cannot be written in Berlin time at all: those rows are refused in words
            const readable = rows.filter(
              (r) =>
                !preview.problems.some(
                  (p) =>
                    p.line !== null && /gap|does not exist|skipped/i.test(p.message) && p.line === rows.indexOf(r) + 2,
                ),
            );
            expect(preview.sessions.map(got)).to.deep.equal(readable.map(expected));
          },
        ),
        { numRuns: 40 },
      );
    });
  }
});
