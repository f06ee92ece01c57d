import { expect } from 'chai';
import * as Comlink from 'comlink';

import type { Progress } from '../../../../workers/export/progress.ts';
import { rejection } from '../../harness/worker-harness.ts';
import { readTemp, startPair, tempFiles, type Pair } from './export-harness.ts';

const MIN = 60_000;
const T = new Date(2026, 10, 2, 9, 0).getTime(); // Monday 2 November 2026, local (America/New_York)
const selection = { from: '2026-11-01', to: '2026-11-30', title: 'November' };

describe('export worker with a real data worker on OPFS', () => {
  let pair: Pair;
  beforeEach(async () => {
    pair = await startPair('export');
  });
  afterEach(() => pair.stop());

  it('pages by (start, id): equal start times are neither repeated nor dropped', async () => {
    const project = await pair.data.api.createProject({ name: 'Website' });
    const sessions = Array.from({ length: 53 }, (_, i) => ({
      name: `s${i}`,
      projectId: i % 2 ? project.id : null,
      startTime: T + Math.floor(i / 10) * MIN,
      endTime: T + Math.floor(i / 10) * MIN + 30_000,
    }));
    await pair.data.api.insertSessions(sessions);
    const seen: string[] = [];
    let after: { start: number; id: string } | null = null;
    let total = -1;
    for (let pages = 0; pages < 20; pages++) {
      const page: Awaited<ReturnType<typeof pair.data.api.exportSessions>> = await pair.data.api.exportSessions({
        from: selection.from,
        to: selection.to,
        after,
        limit: 7,
        generatedAt: Date.now(),
      });
      if (page.total !== undefined) total = page.total;
      seen.push(...page.sessions.map((s) => s.name));
      after = page.next;
      if (!after) break;
    }
    expect(total).to.equal(53);
    expect(seen).to.have.length(53);
    expect(new Set(seen).size).to.equal(53);
    const first = (
      await pair.data.api.exportSessions({ from: selection.from, to: selection.to, limit: 2, generatedAt: Date.now() })
    ).sessions[1]!;
    expect(first).to.include({ workedMs: 30_000, billable: false });
  });

  it('resolves project path, inherited client and rate, tags and pauses in SQL', async () => {
    const parent = await pair.data.api.createProject({ name: 'Acme', client: 'Acme Corp' });
    await pair.data.api.updateProject({ id: parent.id, patch: { hourlyRate: 100, currency: 'EUR' } });
    const child = await pair.data.api.createProject({ name: 'Design', parentId: parent.id });
    const s = (
      await pair.data.api.addSession({
        startTime: T,
        endTime: T + 60 * MIN,
        name: 'Logo',
        projectId: child.id,
        billable: true,
        tags: ['b', 'A'],
      })
    ).sessions[0]!;
    const page = await pair.data.api.exportSessions({
      from: selection.from,
      to: selection.to,
      generatedAt: Date.now(),
    });
    expect(page.sessions[0]).to.deep.include({
      id: s.id,
      projectPath: ['Acme', 'Design'],
      client: 'Acme Corp',
      hourlyRate: 100,
      currency: 'EUR',
      amount: 100,
      tags: ['A', 'b'],
      workedMs: 60 * MIN,
    });
  });

  it('streams a CSV to an OPFS temp file with progress, and records it in the history', async () => {
    await pair.data.api.insertSessions(
      Array.from({ length: 4_500 }, (_, i) => ({
        name: `row ${i}, "quoted"`,
        projectId: null,
        startTime: T + i * MIN,
        endTime: T + i * MIN + 30_000,
      })),
    );
    const calls: Progress[] = [];
    const result = await pair.exporter.exportReport(
      { format: 'csv', selection },
      await pair.port(),
      { kind: 'download', name: 'timesheet.csv' },
      Comlink.proxy((p: Progress) => void calls.push(p)),
    );
    expect(result).to.include({ rows: 4_500, destination: 'timesheet.csv' });
    const text = await readTemp(result.tempName!);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).to.have.length(4_501);
    expect(lines[1]).to.contain('"row 0, ""quoted"""');
    expect(result.bytes).to.equal(new TextEncoder().encode(text).byteLength);
    expect(calls.length).to.be.greaterThan(0);
    expect(calls.at(-1)).to.include({ done: 4_500, total: 4_500, leftMs: 0 });
    await pair.exporter.removeTemp(result.tempName!);
    expect(await tempFiles()).to.not.include(result.tempName);
    const history = await pair.data.api.listExportHistory();
    expect(history[0]).to.include({ format: 'csv', rows: 4_500, destination: 'timesheet.csv', status: 'ok' });
    expect(history[0]!.selection).to.include({ from: selection.from, to: selection.to });
  });

  it('a cancelled export leaves no temp file, an existing picked file untouched, and a new picked file removed', async () => {
    await pair.data.api.insertSessions(
      Array.from({ length: 6_000 }, (_, i) => ({
        name: `r${i}`,
        projectId: null,
        startTime: T + i * MIN,
        endTime: T + i * MIN + 1_000,
      })),
    );
    const before = await tempFiles();
    const cancelOnFirst = async (target: Parameters<typeof pair.exporter.exportReport>[2]) => {
      const controller = new AbortController();
      const error = await rejection(
        pair.exporter.exportReport(
          { format: 'csv', selection },
          await pair.port(),
          target,
          Comlink.proxy(() => controller.abort()),
          controller.signal,
        ),
      );
      expect(error).to.include({ code: 'CONFLICT' });
      expect(error.details).to.include({ cancelled: true });
    };
    await cancelOnFirst({ kind: 'download', name: 'big.csv' });
    expect(await tempFiles()).to.deep.equal(before);
    const root = await navigator.storage.getDirectory();
    const existing = await root.getFileHandle('picked-existing.csv', { create: true });
    const w = await existing.createWritable();
    await w.write('ORIGINAL');
    await w.close();
    await cancelOnFirst({ kind: 'file', handle: existing });
    expect(await (await existing.getFile()).text()).to.equal('ORIGINAL');
    const fresh = await root.getFileHandle('picked-new.csv', { create: true });
    await cancelOnFirst({ kind: 'file', handle: fresh });
    expect(await rejection(root.getFileHandle('picked-new.csv'))).to.have.property('name', 'NotFoundError');
    const history = await pair.data.api.listExportHistory();
    expect(history.slice(0, 3).map((h) => h.status)).to.deep.equal(['cancelled', 'cancelled', 'cancelled']);
    await root.removeEntry('picked-existing.csv');
  });

  it('refuses bad requests with a sentence and changes nothing', async () => {
    expect(
      (await rejection(pair.data.api.exportSessions({ from: '2026-11-30', to: '2026-11-01', generatedAt: 0 } as never)))
        .code,
    ).to.equal('VALIDATION');
    expect(
      (
        await rejection(
          pair.data.api.exportSessions({ from: '2026-11-01', to: '2026-11-30', limit: 1e9, generatedAt: 0 }),
        )
      ).code,
    ).to.equal('VALIDATION');
    const error = await rejection(
      pair.exporter.exportReport(
        { format: 'docx' as never, selection },
        await pair.port(),
        { kind: 'download', name: 'a.docx' },
        Comlink.proxy(() => undefined),
      ),
    );
    expect(error).to.include({ code: 'VALIDATION' });
    expect(await pair.data.api.listExportHistory()).to.deep.equal([]);
  });
});
