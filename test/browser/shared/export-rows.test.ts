import { expect } from 'chai';

import { decodeExportRows } from '../../../shared/export-rows.ts';

const T = Date.UTC(2026, 10, 2, 14);
const row = () => ['id1', 'Name', '', null, T, T + 3_600_000, [[T + 60_000, T + 120_000]], null, 1, 0, 'timer'];

describe('decodeExportRows: an export page crossing from the data worker as JSON text', () => {
  it('reads a row into a session with its pauses, path, tags and amounts', () => {
    const tuple = [...row().slice(0, 11), ['Web', 'Design'], 'Acme', 80, 'USD', ['b', 'a'], 3_540_000, 3_600_000];
    const [s] = decodeExportRows(JSON.stringify([tuple]), T + 7_200_000);
    expect(s).to.deep.include({
      id: 'id1',
      projectPath: ['Web', 'Design'],
      tags: ['b', 'a'],
      pauses: [{ start: T + 60_000, end: T + 120_000 }],
      workedMs: 3_540_000,
      amount: 78.67,
      amountRounded: 80,
      running: false,
    });
  });

  it('a running session ends at the export clock; a pause still open runs to it', () => {
    const tuple = [...row().slice(0, 5), null, [], T + 1_800_000, 0, 0, 'timer', null, null, null, null, [], 1, 1];
    const [s] = decodeExportRows(JSON.stringify([tuple]), T + 3_600_000);
    expect(s).to.deep.include({ end: T + 3_600_000, running: true, amount: null });
    expect(s!.pauses).to.deep.equal([{ start: T + 1_800_000, end: T + 3_600_000 }]);
  });

  it('refuses a page that is not a list and rows of the wrong shape or types, with what it saw', () => {
    expect(() => decodeExportRows('{"a":1}', T)).to.throw(/not a list/);
    expect(() => decodeExportRows('[[1,2,3]]', T)).to.throw(/malformed: \[1,2,3\]/);
    const good = [...row().slice(0, 11), null, null, null, null, [], 0, 0];
    for (const [i, bad] of [
      [0, 7],
      [4, '2026-11-02'],
      [5, 'later'],
      [16, null],
      [13, '80'],
    ] as const) {
      const tuple = [...good];
      tuple[i] = bad;
      expect(() => decodeExportRows(JSON.stringify([tuple]), T), `field ${i}`).to.throw(/malformed/);
    }
    expect(() => decodeExportRows('[', T)).to.throw(SyntaxError);
  });
});
