import * as v from 'valibot';

import { AppError } from '../../../shared/errors.ts';
import {
  BeginImportInputSchema,
  ExportSessionsInputSchema,
  ImportBatchInputSchema,
  ImportCheckInputSchema,
  ImportIdSchema,
  ImportNamesInputSchema,
  ImportRowSchema,
  RecordExportInputSchema,
  type ExportPage,
  type ExportRowsPage,
  type ExportsApi,
  type ImportOutcome,
} from '../../../shared/export-contract.ts';
import { decodeExportRows } from '../../../shared/export-rows.ts';
import { parse } from '../../../shared/validate.ts';
import { startBackup, type Schedule } from '../database/backups.ts';
import { WAL_AUTOCHECKPOINT_PAGES } from '../database/migrations.ts';
import type { Core } from '../owner/core.ts';
import { dayNumberOf, dayStartMs } from '../reports/days.ts';
import { journalReplayed } from '../reports/dirty.ts';
import { readSettings } from '../settings/settings.ts';
import { record, type Recording } from '../undo/journal.ts';
import { labelName } from '../undo/journaled-write.ts';
import { countSessions, insertHistory, listHistory, sessionsPage } from './exports.ts';
import { checkRows, matchNames, removeUnfinished, writeBatch } from './import-writes.ts';
import type { RestoreMaps } from './restore.ts';

const ContextInputSchema = v.strictObject({
  from: v.pipe(v.string(), v.regex(/^\d{4}-\d\d-\d\d$/)),
  to: v.pipe(v.string(), v.regex(/^\d{4}-\d\d-\d\d$/)),
  title: v.pipe(v.string(), v.maxLength(200)),
  generatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
const HistoryInputSchema = v.optional(
  v.strictObject({ limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 50) }),
  {},
);

export interface OpenImport {
  journal: Recording;
  source: string;
  fileName: string;
  outcome: Omit<ImportOutcome, 'action'>;
  /** a LightTrack JSON restore: where the file's projects and tags went */
  maps: RestoreMaps;
  /** the backup made at beginImport checked ok (see startBackup) */
  backupVerified: Promise<unknown>;
}

const EXPORT_SLICE = 500;
/**
 * The backup before an import copies in longer steps than other backups (100 ms, not 20): the user is waiting for the
 * import, whose batches hold the queue longer anyway, and 20-ms steps made the copy of 250k sessions ~1.5 s slower.
 */
const PRE_IMPORT_STEP_MS = 100;
/**
 * While an import runs, its batches commit without an fsync each (synchronous NORMAL) and the WAL is copied back
 * into the file less often (1,024 pages, 64 MiB instead of 256). Measured at 50k sessions + a 20k-row import on
 * this busy 2-core machine: commits of 20-300 ms (growing) became 20-67 ms, the write 4.0 s -> 2.2 s. Nothing is
 * risked that the import does not take back anyway: an unfinished import is removed at the next launch, WAL mode
 * stays consistent without the syncs, and the mode is reset before the finishing commit, whose sync covers every
 * frame before it (a timer started meanwhile too).
 */
const IMPORT_MODE = 'PRAGMA wal_autocheckpoint = 1024; PRAGMA synchronous = NORMAL;';
const NORMAL_MODE = `PRAGMA wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}; PRAGMA synchronous = FULL;`;

/**
 * Exports and imports at the data worker's boundary: pages of resolved sessions for the export worker, the export
 * history, and imports as one undoable action written in batches (each batch its own queued transaction, so a timer
 * started meanwhile commits between two batches instead of after the whole file).
 */
export class Exports implements ExportsApi {
  readonly #imports = new Map<number, OpenImport>();

  constructor(private readonly core: Core) {}

  /** A page of resolved sessions (exportRows decoded here: for tests and callers that want objects). */
  async exportSessions(input: Parameters<ExportsApi['exportSessions']>[0]): Promise<ExportPage> {
    const p = parse(ExportSessionsInputSchema, input, 'export page request');
    const { rows, next, total } = await this.exportRows(p);
    const sessions = decodeExportRows(rows, p.generatedAt);
    return total === undefined ? { sessions, next } : { sessions, next, total };
  }

  /**
   * A page as JSON text. It is read in slices, each its own queued read, so a timer started meanwhile commits
   * between two slices instead of after the whole page (a slice of 500 holds the queue a few ms).
   */
  async exportRows(input: Parameters<ExportsApi['exportRows']>[0]): Promise<ExportRowsPage> {
    const p = parse(ExportSessionsInputSchema, input, 'export page request');
    const parts: string[] = [];
    let count = 0;
    let after = p.after;
    let total: number | undefined;
    do {
      const slice = await this.core.read(async (db) => {
        const { reportRounding } = await readSettings(db, this.core.onBadSetting);
        const request = {
          from: dayStartMs(dayNumberOf(p.from)),
          to: dayStartMs(dayNumberOf(p.to) + 1),
          filters: p.filters,
          after,
          limit: Math.min(EXPORT_SLICE, p.limit - count),
          now: p.generatedAt,
          rounding: reportRounding,
        };
        if (!p.after && total === undefined) total = await countSessions(db, request);
        return sessionsPage(db, request);
      });
      if (slice.count > 0) parts.push(slice.rows.slice(1, -1)); // the arrays' insides, joined below
      count += slice.count;
      after = slice.next;
      // the SQL is synchronous: without a task boundary here the next slice would queue before a timer start that
      // arrived meanwhile, and the page would hold the queue as one piece
      if (after && count < p.limit) await new Promise((resolve) => setTimeout(resolve, 0));
    } while (after && count < p.limit);
    const rows = `[${parts.join(',')}]`;
    return total === undefined ? { rows, count, next: after } : { rows, count, next: after, total };
  }

  exportContext(input: Parameters<ExportsApi['exportContext']>[0]) {
    const p = parse(ContextInputSchema, input, 'export context request');
    return this.core.read(async (db) => {
      const settings = await readSettings(db, this.core.onBadSetting);
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      return {
        timeZone,
        title: p.title,
        from: p.from,
        to: p.to,
        person: settings.exportPerson.trim() || null,
        client: settings.exportClient.trim() || null,
        hour12: settings.clock === '12h',
        paper: settings.paper,
        rounding: settings.reportRounding,
        generatedAt: p.generatedAt,
      };
    });
  }

  listExportHistory(input?: Parameters<ExportsApi['listExportHistory']>[0]) {
    const { limit } = parse(HistoryInputSchema, input, 'history request');
    return this.core.read((db) => listHistory(db, limit));
  }

  recordExport(input: Parameters<ExportsApi['recordExport']>[0]) {
    const p = parse(RecordExportInputSchema, input, 'export record');
    // (not announced: ids empty on an update; the history panel reloads after its own exports)
    return this.core.write('settings', 'update', async (db) => {
      const entry = { ...p, error: p.error ?? null };
      const id = await insertHistory(db, entry);
      return { result: { id, ...entry }, ids: [] };
    });
  }

  importCheck(input: Parameters<ExportsApi['importCheck']>[0]) {
    const p = parse(ImportCheckInputSchema, input, 'import check');
    return this.core.read((db) => checkRows(db, p.source, p.rows, this.core.clock()));
  }

  importNames(input: Parameters<ExportsApi['importNames']>[0]) {
    const p = parse(ImportNamesInputSchema, input, 'import names');
    return this.core.read((db) => matchNames(db, p.projectPaths, p.tags));
  }

  /**
   * A backup first (a failed copy stops the import), then the action the batches are recorded in. The copy's check
   * runs in the check worker beside the first batches; finishImport waits for it, and a copy that fails its check
   * takes the import back.
   */
  async beginImport(input: Parameters<ExportsApi['beginImport']>[0]) {
    const p = parse(BeginImportInputSchema, input, 'import start');
    const db = await this.core.serial(async () => this.core.requireDb());
    const backup =
      p.total > 0
        ? await startBackup(db, this.core.name, 'pre-bulk', this.core.clock(), this.#queued, PRE_IMPORT_STEP_MS)
        : null;
    const backupVerified: Promise<unknown> = backup?.verified ?? Promise.resolve();
    backupVerified.catch(() => undefined); // awaited by finishImport; not an unhandled rejection meanwhile
    const journal = await this.core.write('activities', 'update', async (db, now) => {
      // an import left unfinished by an earlier worker (its window closed mid-import) is taken back first
      for (const stale of await db.all<{ id: number }>(
        `SELECT id FROM undo_actions WHERE label LIKE 'Import of % (in progress)'`,
      )) {
        if (!this.#imports.has(stale.id)) await removeUnfinished(db, stale.id);
      }
      const journal = await record(db, now);
      // named while it runs, so an undo reaching it meanwhile says what it is (it refuses: nothing is finished yet)
      await db.run('UPDATE undo_actions SET label = ? WHERE id = ?', [
        `Import of ${labelName({ name: p.fileName })} (in progress)`,
        journal.id,
      ]);
      return { result: journal, ids: [] };
    });
    if (this.#imports.size === 0) await this.#mode(IMPORT_MODE);
    this.#imports.set(journal.id, {
      journal,
      source: p.source,
      fileName: p.fileName,
      outcome: { added: 0, skipped: 0, projectsCreated: 0, tagsCreated: 0, backup: backup?.name ?? null },
      maps: { projects: new Map(), tags: new Map() },
      backupVerified,
    });
    return { importId: journal.id, backup: backup?.name ?? null };
  }

  importSessions(input: Parameters<ExportsApi['importSessions']>[0]) {
    const p = parse(ImportBatchInputSchema, input, 'import batch');
    const open = this.openImport(p.importId);
    const rows = p.sessions.map((s, i) => parse(ImportRowSchema, s, `imported session ${i + 1}`));
    for (const r of rows)
      if (r.end < r.start)
        throw new AppError('VALIDATION', `The session “${r.name.slice(0, 40)}” ends before it starts`, {
          sourceId: r.sourceId,
        });
    // batches are not announced (views would reload fifty times during a big file): finishImport and cancelImport are
    return this.core.write('activities', 'update', async (db, now) => {
      const out = await writeBatch(db, open.journal, open.source, rows, now);
      await open.journal.settle(); // (an import only adds rows: their after-images are final now)
      const o = open.outcome;
      [o.added, o.skipped, o.projectsCreated, o.tagsCreated] = [
        o.added + out.added,
        o.skipped + out.skipped,
        o.projectsCreated + out.projectsCreated,
        o.tagsCreated + out.tagsCreated,
      ];
      return { result: { added: out.added, skipped: out.skipped }, ids: [] };
    });
  }

  async finishImport(input: Parameters<ExportsApi['finishImport']>[0]) {
    const { importId } = parse(ImportIdSchema, input, 'import id');
    const open = this.openImport(importId);
    // finished only over a backup that checked ok; one that did not takes the import back
    try {
      await open.backupVerified;
    } catch (error) {
      await this.cancelImport({ importId }).catch(() => undefined); // what the user must hear is why: the backup
      throw error;
    }
    this.#imports.delete(importId);
    void this.#modeAfterImports();
    const finished = this.core.write('activities', 'insert', async (db, now) => {
      const o = open.outcome;
      open.journal.label = `Import ${o.added.toLocaleString('en')} session${o.added === 1 ? '' : 's'} from ${labelName({ name: open.fileName })}`;
      const action = await open.journal.finish(now);
      // the roll-up may have read this action before its rows had after-images: read it again
      if (action) await journalReplayed(db, action.id);
      return {
        result: { ...o, action },
        ids: [],
        also: [
          { table: 'projects', op: 'update', ids: [] },
          { table: 'tags', op: 'update', ids: [] },
          { table: 'goals', op: 'update', ids: [] },
        ],
      };
    });
    return finished;
  }

  cancelImport(input: Parameters<ExportsApi['cancelImport']>[0]) {
    const { importId } = parse(ImportIdSchema, input, 'import id');
    const open = this.#imports.get(importId);
    this.#imports.delete(importId);
    if (!open) return Promise.resolve();
    void this.#modeAfterImports();
    const cancelled = this.core.write('activities', 'delete', async (db) => {
      await removeUnfinished(db, importId);
      const also = (['activities', 'projects', 'tags', 'goals', 'settings'] as const).map((table) => ({
        table,
        op: 'delete' as const,
        ids: [],
      }));
      return { result: undefined, ids: [], also };
    });
    return cancelled;
  }

  /** An open import, for the restore's calls (restore-handlers.ts), which write into it. */
  openImport(importId: number): OpenImport {
    const open = this.#imports.get(importId);
    if (!open)
      throw new AppError(
        'NOT_FOUND',
        'That import is no longer open (it finished, was cancelled, or the worker restarted)',
      );
    return open;
  }

  #mode(pragmas: string): Promise<void> {
    return this.core.serial(() => this.core.requireDb().exec(pragmas));
  }

  /** back to synced commits once no import is open, queued before the finishing write so that one is synced */
  #modeAfterImports(): Promise<void> {
    if (this.#imports.size > 0) return Promise.resolve();
    return this.#mode(NORMAL_MODE).catch(() => undefined); // a reopened file starts with CONNECTION_PRAGMAS anyway
  }

  readonly #queued: Schedule = <T>(step: () => Promise<T>) => this.core.serial(step);
}
