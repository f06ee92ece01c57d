import { expect } from 'chai';
import * as Comlink from 'comlink';
import fc from 'fast-check';

import type { ImportRow } from '../../../../shared/export-contract.ts';
import type { Progress } from '../../../../workers/export/progress.ts';
import { corruptPage, fileSize } from '../../harness/db-fixtures.ts';
import { rejection, startDataWorker, uniqueDbName } from '../../harness/worker-harness.ts';
import { startPair, type Pair } from './export-harness.ts';

const MIN = 60_000;
const T = new Date(2026, 10, 2, 9, 0).getTime();
const ALL = { from: '2026-10-01', to: '2027-01-31' };

/** Three overlapping "files": rows named by their source id, projects and tags shared between them. */
const FILES: ImportRow[][] = [0, 1, 2].map((f) =>
  Array.from({ length: 6 }, (_, i) => {
    const n = f * 3 + i; // file f holds rows f*3 .. f*3+5, so neighbours share three
    return {
      sourceId: `id${n}`,
      name: `id${n}`,
      description: '',
      projectPath: n % 3 === 0 ? null : n % 3 === 1 ? ['Client work', `P${n % 4}`] : [`P${n % 4}`],
      client: null,
      tags: n % 2 ? [`t${n % 3}`] : [],
      billable: false,
      start: T + n * 60 * MIN,
      end: T + n * 60 * MIN + 30 * MIN,
      pausedMs: 0,
    };
  }),
);

async function importFile(pair: Pair, rows: ImportRow[]) {
  const { importId } = await pair.data.api.beginImport({ source: 'toggl-csv', fileName: 'f.csv', total: rows.length });
  for (let i = 0; i < rows.length; i += 4)
    await pair.data.api.importSessions({ importId, sessions: rows.slice(i, i + 4) });
  return pair.data.api.finishImport({ importId });
}

async function liveNames(pair: Pair): Promise<string[]> {
  const page = await pair.data.api.exportSessions({ ...ALL, limit: 5_000, generatedAt: Date.now() });
  return page.sessions.map((s) => s.name).sort();
}

describe('importSessions: one undoable, idempotent action (real data worker on OPFS)', () => {
  let pair: Pair;
  afterEach(() => pair?.stop());

  it('any sequence of import / undo / redo leaves exactly the modelled sessions, projects and tags', async function () {
    this.timeout(240_000);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('import' as const), file: fc.integer({ min: 0, max: 2 }) }),
            fc.constant({ op: 'undo' as const }),
            fc.constant({ op: 'redo' as const }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        async (commands) => {
          pair?.stop();
          pair = await startPair('import-prop');
          const done: string[][] = [];
          const undone: string[][] = [];
          const live = new Set<string>();
          for (const c of commands) {
            if (c.op === 'import') {
              const expected = FILES[c.file]!.map((r) => r.sourceId).filter((id) => !live.has(id));
              const outcome = await importFile(pair, FILES[c.file]!);
              expect(outcome.added).to.equal(expected.length);
              expect(outcome.skipped).to.equal(FILES[c.file]!.length - expected.length);
              undone.length = 0; // a new action empties the redo stack, even one that added nothing
              if (expected.length > 0) {
                done.push(expected);
                expected.forEach((id) => live.add(id));
              } else expect(outcome.action).to.equal(null);
            } else if (c.op === 'undo') {
              const top = done.pop();
              if (!top) {
                expect((await rejection(pair.data.api.undo())).code).to.equal('NOT_FOUND');
                continue;
              }
              await pair.data.api.undo();
              top.forEach((id) => live.delete(id));
              undone.push(top);
            } else {
              const next = undone.pop();
              if (!next) {
                expect((await rejection(pair.data.api.redo())).code).to.equal('NOT_FOUND');
                continue;
              }
              await pair.data.api.redo();
              next.forEach((id) => live.add(id));
              done.push(next);
            }
            expect(await liveNames(pair)).to.deep.equal([...live].sort());
            // a project or tag exists exactly while a live imported session uses it (undo removes what it created)
            const rows = FILES.flat().filter(
              (r, i, all) => live.has(r.sourceId) && all.findIndex((x) => x.sourceId === r.sourceId) === i,
            );
            const projects = new Set(rows.flatMap((r) => r.projectPath ?? []));
            const tags = new Set(rows.flatMap((r) => r.tags));
            expect((await pair.data.api.listProjects()).map((p) => p.name).sort()).to.deep.equal([...projects].sort());
            expect((await pair.data.api.listTags()).map((t) => t.name).sort()).to.deep.equal([...tags].sort());
          }
          // and whatever happened, the file imported once more adds only what is not there
          const again = await importFile(pair, FILES[0]!);
          expect(again.added).to.equal(FILES[0]!.filter((r) => !live.has(r.sourceId)).length);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('keeps sub-projects by path and matches existing projects and tags without case', async () => {
    pair = await startPair('import-names');
    await pair.data.api.createProject({ name: 'client work' });
    await pair.data.api.createTag({ name: 'T1' });
    const names = await pair.data.api.importNames({
      projectPaths: [['Client Work'], ['Client Work', 'P1'], ['P2']],
      tags: ['t1', 'new'],
    });
    expect(names.projects.map((p) => p.match !== null)).to.deep.equal([true, false, false]);
    expect(names.tags.map((t) => t.match !== null)).to.deep.equal([true, false]);
    const outcome = await importFile(pair, FILES[0]!);
    expect(outcome).to.include({ added: 6 });
    const projects = await pair.data.api.listProjects();
    const parent = projects.find((p) => p.name === 'client work')!;
    expect(projects.find((p) => p.name === 'P1')?.parentId).to.equal(parent.id);
    const check = await pair.data.api.importCheck({
      source: 'toggl-csv',
      rows: FILES[1]!.map((r) => ({ sourceId: r.sourceId, start: r.start, end: r.end })),
    });
    expect(check.duplicates.sort()).to.deep.equal(['id3', 'id4', 'id5']);
    expect(check.overlaps).to.equal(0);
  });

  it('refuses a bad batch whole, and a cancelled import leaves nothing behind', async () => {
    pair = await startPair('import-cancel');
    const { importId } = await pair.data.api.beginImport({ source: 'toggl-csv', fileName: 'x.csv', total: 12 });
    await pair.data.api.importSessions({ importId, sessions: FILES[0]! });
    const bad = await rejection(
      pair.data.api.importSessions({ importId, sessions: [{ ...FILES[1]![5]!, sourceId: 'bad', name: 'a\0b' }] }),
    );
    expect(bad.code).to.equal('VALIDATION');
    expect(
      (
        await rejection(
          pair.data.api.importSessions({
            importId,
            sessions: [{ ...FILES[1]![5]!, sourceId: 'bad2', end: FILES[1]![5]!.start - 1 }],
          }),
        )
      ).message,
    ).to.match(/ends before it starts/);
    await pair.data.api.cancelImport({ importId });
    expect(await liveNames(pair)).to.deep.equal([]);
    expect(await pair.data.api.listProjects()).to.deep.equal([]);
    expect(await pair.data.api.listTags()).to.deep.equal([]);
    expect((await pair.data.api.undoState()).undoCount).to.equal(0);
    expect((await rejection(pair.data.api.finishImport({ importId }))).code).to.equal('NOT_FOUND');
  });

  it('an import left unfinished by a worker that died is taken back by the next import', async () => {
    const name = uniqueDbName('import-crash');
    let data = startDataWorker();
    await data.api.open({ name });
    const { importId } = await data.api.beginImport({ source: 'toggl-csv', fileName: 'half.csv', total: 6 });
    await data.api.importSessions({ importId, sessions: FILES[0]!.slice(0, 3) });
    data.worker.terminate(); // the window closed mid-import
    data = startDataWorker();
    try {
      await data.api.open({ name });
      const next = await data.api.beginImport({ source: 'toggl-csv', fileName: 'other.csv', total: 1 });
      await data.api.importSessions({ importId: next.importId, sessions: [FILES[2]![5]!] });
      const outcome = await data.api.finishImport({ importId: next.importId });
      expect(outcome.added).to.equal(1);
      const page = await data.api.exportSessions({ ...ALL, generatedAt: Date.now() });
      expect(page.sessions.map((s) => s.name)).to.deep.equal(['id11']);
      expect((await data.api.undoState()).undoCount).to.equal(1);
    } finally {
      data.worker.terminate();
    }
  });
});

const TOGGL = (rows: string[]) =>
  `\uFEFFUser,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)\n${rows.join('\n')}\n`;
const row = (i: number) =>
  `Ann,ann@example.com,Acme,Website,,"Task ${i}, part",Yes,2026-11-0${1 + (i % 5)},${String(8 + (i % 8)).padStart(2, '0')}:00:00,2026-11-0${1 + (i % 5)},${String(8 + (i % 8)).padStart(2, '0')}:30:00,00:30:00,"a, b",`;

describe('an import over a backup that fails its check', () => {
  it('is taken back at its finish: the check ran beside the batches and found the copy damaged', async function () {
    this.timeout(60_000);
    const name = uniqueDbName('import-badcopy');
    const first = startDataWorker();
    await first.api.open({ name });
    const old = Array.from({ length: 30_000 }, (_, i) => ({
      name: `old ${i}`,
      projectId: null,
      startTime: T - (i + 1) * 60 * MIN,
      endTime: T - (i + 1) * 60 * MIN + 30 * MIN,
    }));
    await first.api.insertSessions(old);
    await first.api.close();
    first.worker.terminate();
    // a damaged page amid the old sessions, which the import's own statements never read (the copy's check does)
    const pages = Math.floor((await fileSize(name))! / 65536);
    await corruptPage(name, Math.floor(pages * 0.4));
    const w = startDataWorker();
    try {
      expect((await w.api.open({ name })).status).to.equal('ready');
      const { importId, backup } = await w.api.beginImport({ source: 'toggl-csv', fileName: 'f.csv', total: 6 });
      expect(backup).to.match(/pre-bulk/);
      await w.api.importSessions({ importId, sessions: FILES[0]! });
      const refused = await rejection(w.api.finishImport({ importId }));
      expect(refused.code).to.equal('DAMAGED');
      expect(refused.message).to.match(/backup failed its check/);
      // the damaged copy is not kept as a backup
      expect((await w.api.listBackups()).map((b) => b.name)).to.not.include(backup);
      // taking the batch back met the damaged page too, so the worker is in recovery: nothing more is written, and
      // the next launch offers the backups; had it not, the import's rows are gone
      const status = await w.api.status();
      if (status.status === 'ready') {
        const { sessions } = await w.api.sessionsInRange({ from: T, to: T + 30 * 24 * 60 * MIN });
        expect(sessions, 'the import was taken back').to.deep.equal([]);
      } else expect(status.status).to.equal('recovery');
    } finally {
      w.worker.terminate();
    }
  });
});

describe('import through the export worker: preview, confirm, cancel', () => {
  let pair: Pair;
  beforeEach(async () => {
    pair = await startPair('import-worker');
  });
  afterEach(() => pair.stop());

  it('previews a Toggl CSV in the worker, writes it on confirm, and a second preview says it is all imported', async () => {
    const file = new File(
      [TOGGL([row(0), row(1), 'Ann,x,,,,Broken,No,2026-02-30,09:00:00,2026-02-30,10:00:00,,,'])],
      'toggl.csv',
    );
    const preview = await pair.exporter.previewImport(file, await pair.port(), 'America/New_York');
    expect(preview).to.include({ format: 'toggl-csv', found: 2, toAdd: 2, alreadyImported: 0, totalMs: 60 * MIN });
    expect(preview.projects).to.deep.equal([{ path: ['Website'], sessions: 2, ms: 60 * MIN, exists: false }]);
    expect(preview.tags.map((t) => t.name)).to.deep.equal(['a', 'b']);
    // (the wording is the parser's; the line is the row's)
    expect(preview.problems.map((p) => p.line)).to.include(4);
    const calls: Progress[] = [];
    const outcome = await pair.exporter.confirmImport(
      preview.previewId,
      await pair.port(),
      Comlink.proxy((p: Progress) => void calls.push(p)),
    );
    expect(outcome).to.include({ added: 2, projectsCreated: 1, tagsCreated: 2 });
    expect(outcome.backup).to.match(/pre-bulk/);
    expect(outcome.action?.label).to.equal('Import 2 sessions from “toggl.csv”');
    expect(calls.at(-1)).to.include({ done: 2, total: 2 });
    const again = await pair.exporter.previewImport(file, await pair.port(), 'America/New_York');
    expect(again).to.include({ found: 2, toAdd: 0, alreadyImported: 2 });
  });

  it('previews a 120,000-row file, counting overlaps with short, long and running sessions', async function () {
    this.timeout(120_000);
    // (Math.min(...starts) over ~100k rows overflowed the stack; the overlap check was quadratic in the file's rows
    // against long sessions)
    const at = (day: number, h: number, m = 0) => new Date(2026, 10, day, h, m).getTime();
    await pair.data.api.insertSessions([
      { name: 'long', projectId: null, startTime: at(1, 0), endTime: at(1, 14) }, // 14 h: from the long index
      { name: 'short', projectId: null, startTime: at(2, 9, 10), endTime: at(2, 9, 20) },
    ]);
    await pair.data.api.startTimer({ name: 'running', projectId: null, startTime: at(5, 15, 10) });
    const rows = Array.from({ length: 120_000 }, (_, i) => row(i));
    let expected = 0;
    for (let i = 0; i < rows.length; i++) {
      const [day, hour] = [1 + (i % 5), 8 + (i % 8)];
      if ((day === 1 && hour < 14) || (day === 2 && hour === 9) || (day === 5 && hour === 15)) expected++;
    }
    const preview = await pair.exporter.previewImport(
      new File([TOGGL(rows)], 'big.csv'),
      await pair.port(),
      'America/New_York',
    );
    expect(preview).to.include({ found: 120_000, toAdd: 120_000, overlaps: expected });
    expect(preview.first).to.equal(at(1, 8));
    expect(preview.last).to.equal(at(5, 15));
  });

  it('a cancelled import adds nothing', async () => {
    const file = new File([TOGGL(Array.from({ length: 5_000 }, (_, i) => row(i)))], 'big.csv');
    const preview = await pair.exporter.previewImport(file, await pair.port(), 'America/New_York');
    expect(preview.toAdd).to.be.greaterThan(2_000);
    const controller = new AbortController();
    const error = await rejection(
      pair.exporter.confirmImport(
        preview.previewId,
        await pair.port(),
        Comlink.proxy(() => controller.abort()),
        controller.signal,
      ),
    );
    expect(error.details).to.include({ cancelled: true });
    expect(await liveNames(pair)).to.deep.equal([]);
    expect(await pair.data.api.listProjects()).to.deep.equal([]);
  });

  it('says what is wrong with an empty file, another format, NUL bytes, UTF-16 and a huge file', async () => {
    const preview = async (parts: BlobPart[], name = 'x.csv') =>
      pair.exporter.previewImport(new File(parts, name), await pair.port(), 'UTC');
    // a parser may refuse the whole file (a rejection) or name it as the preview's first problem: the user reads either
    const said = async (parts: BlobPart[]) => {
      try {
        const p = await preview(parts);
        expect(p.toAdd).to.equal(0);
        return p.problems[0]?.message ?? '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(await said([''])).to.match(/empty|nothing to import/i);
    expect(await said(['{"a": 1}'])).to.match(/not a .*(import|export)/i);
    expect(await said(['Description,Start date\0'])).to.match(/NUL|not a .*(import|export)/i);
    expect((await rejection(preview([new Uint8Array([0xff, 0xfe, 0x41, 0])]))).message).to.match(/UTF-16/);
    const huge = new Blob([new Uint8Array(101 * 1024 * 1024)]);
    expect((await rejection(preview([huge]))).message).to.match(/up to 100 MB/);
  });
});
