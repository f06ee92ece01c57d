import type { Remote } from 'comlink';

import type { DataApi } from '../../shared/data-contract.ts';
import { generateSessions } from './sessions.ts';

export interface EditsResult {
  rows: number;
  bulk: number;
  /** bulk change of fields only (project, billable, tag): set-based statements */
  bulkFieldsMs: number;
  bulkFieldsUndoMs: number;
  /** bulk shift by 15 minutes: times change, so each session's overlaps are checked */
  bulkShiftMs: number;
  bulkShiftUndoMs: number;
  redoMs: number;
  /** one in-place edit and one split, committed (medians of 20) */
  editP50: number;
  splitP50: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Corrections on a filled file through the public API: a 10,000-session bulk change and its undo, small edits. */
export async function editsBench(
  newDataWorker: () => { worker: Worker; api: Remote<DataApi> },
  rows: number,
  bulk: number,
): Promise<EditsResult> {
  const name = `bench-edits-${Date.now()}.sqlite3`;
  const { worker, api } = newDataWorker();
  try {
    await api.open({ name });
    const projects = [];
    for (let i = 0; i < 5; i++) projects.push((await api.createProject({ name: `Edit project ${i}` })).id);
    const sessions = generateSessions(rows, projects, 7);
    for (let i = 0; i < sessions.length; i += 10_000) await api.insertSessions(sessions.slice(i, i + 10_000));
    const mid = sessions[Math.floor(rows / 2)]!.startTime;
    const page = await api.listSessions({ from: mid, to: mid + 400 * 86_400_000, limit: bulk });
    const ids = page.sessions.map((s) => s.id);
    const time = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      return performance.now() - t;
    };
    const bulkFieldsMs = await time(() =>
      api.bulkUpdate({ ids, change: { projectId: projects[0]!, billable: true, addTags: ['bench'] } }),
    );
    const bulkFieldsUndoMs = await time(() => api.undo());
    const redoMs = await time(() => api.redo());
    const bulkShiftMs = await time(() => api.bulkUpdate({ ids, change: { shiftMs: 15 * 60_000 }, overlap: 'keep' }));
    const bulkShiftUndoMs = await time(() => api.undo());
    const edits: number[] = [];
    const splits: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = page.sessions[i * 10]!;
      edits.push(await time(() => api.updateSession({ id: s.id, patch: { name: `edited ${i}` } })));
      splits.push(await time(() => api.splitSession({ id: s.id, at: [s.startTime + 60_000] })));
    }
    return {
      rows,
      bulk: ids.length,
      bulkFieldsMs,
      bulkFieldsUndoMs,
      bulkShiftMs,
      bulkShiftUndoMs,
      redoMs,
      editP50: median(edits),
      splitP50: median(splits),
    };
  } finally {
    await api.close().catch(() => undefined);
    worker.terminate();
    const root = await navigator.storage.getDirectory();
    for (const suffix of ['', '-journal', '-wal']) await root.removeEntry(name + suffix).catch(() => undefined);
  }
}
