import * as v from 'valibot';

import type { ExportContext, ExportSession, ImportFormat } from './export-rows.ts';
import { GROUP_KEYS, ReportFiltersSchema } from './reports.ts';
import type { ActionRef } from './session-edits.ts';
import { noNul } from './validate.ts';

/**
 * The data worker's calls for exports and imports (served by workers/data/exports/exports-handlers.ts), and the
 * selection an export is made of. Every list crossing a boundary here is bounded: pages of sessions, batches of rows.
 */

const DayKey = v.pipe(v.string(), v.regex(/^\d{4}-\d\d-\d\d$/, 'must be a date like 2026-01-31'));
const Text = (max: number) =>
  v.pipe(v.string('must be text'), v.maxLength(max, `must be at most ${max} characters`), noNul);
const Ms = v.pipe(
  v.number('must be a time in ms'),
  v.integer('must be whole ms'),
  v.minValue(0),
  v.maxValue(7_258_118_400_000),
);

export const EXPORT_FORMATS = [
  'csv',
  'csv-toggl',
  'csv-clockify',
  'csv-summary',
  'xlsx',
  'pdf',
  'markdown',
  'ics',
  'lighttrack-json',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a report shows, as the export repeats it: range, grouping, filters (rounding comes from settings). */
export const ExportSelectionSchema = v.pipe(
  v.strictObject(
    {
      from: DayKey,
      to: DayKey,
      groupBy: v.optional(v.picklist(GROUP_KEYS), 'project'),
      subGroupBy: v.optional(v.nullable(v.picklist(GROUP_KEYS)), null),
      filters: v.optional(ReportFiltersSchema, {}),
      /** the report's heading as the user saw it */
      title: v.optional(Text(200), 'Report'),
    },
    'is not an export selection',
  ),
  v.check((s) => s.from <= s.to, 'from must not be after to'),
);
export type ExportSelection = v.InferInput<typeof ExportSelectionSchema>;

export const ExportOptionsSchema = v.strictObject(
  {
    delimiter: v.optional(v.picklist([',', ';']), ','),
    bom: v.optional(v.boolean(), false),
    durations: v.optional(v.picklist(['decimal', 'hm']), 'hm'),
  },
  'is not a set of export options',
);
export type ExportOptions = v.InferOutput<typeof ExportOptionsSchema>;

export const MAX_EXPORT_PAGE = 5_000;
export const KeysetSchema = v.strictObject({ start: Ms, id: Text(64) });
export const ExportSessionsInputSchema = v.pipe(
  v.strictObject(
    {
      from: DayKey,
      to: DayKey,
      filters: v.optional(ReportFiltersSchema, {}),
      /** the last row of the page before: rows come in (start, id) order */
      after: v.optional(v.nullable(KeysetSchema), null),
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_EXPORT_PAGE)), 1_000),
      /** the export's own clock: a running session ends here */
      generatedAt: Ms,
    },
    'is not an export page request',
  ),
  v.check((s) => s.from <= s.to, 'from must not be after to'),
);
export type ExportSessionsInput = v.InferInput<typeof ExportSessionsInputSchema>;

export interface ExportPage {
  sessions: ExportSession[];
  /** where the next page starts; null after the last */
  next: { start: number; id: string } | null;
  /** how many sessions the whole selection has (first page only) */
  total?: number;
}

/** A page as the export worker reads it: its sessions as one JSON text (decodeExportRows in export-rows.ts). */
export interface ExportRowsPage {
  rows: string;
  count: number;
  /** where the next page starts; null after the last */
  next: { start: number; id: string } | null;
  /** how many sessions the whole selection has (first page only) */
  total?: number;
}

export const EXPORT_STATUSES = ['ok', 'failed', 'cancelled'] as const;
export const RecordExportInputSchema = v.strictObject(
  {
    at: Ms,
    format: v.picklist(EXPORT_FORMATS),
    selection: ExportSelectionSchema,
    options: v.optional(ExportOptionsSchema, {}),
    rows: v.pipe(v.number(), v.integer(), v.minValue(0)),
    bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
    destination: Text(300),
    status: v.picklist(EXPORT_STATUSES),
    error: v.optional(v.nullable(Text(2_000)), null),
  },
  'is not an export record',
);
export type RecordExportInput = v.InferInput<typeof RecordExportInputSchema>;

export interface ExportHistoryEntry {
  id: number;
  at: number;
  format: ExportFormat;
  selection: v.InferOutput<typeof ExportSelectionSchema>;
  options: ExportOptions;
  rows: number;
  bytes: number;
  destination: string;
  status: (typeof EXPORT_STATUSES)[number];
  error: string | null;
}

/** One imported session as the data worker writes it (names, not ids: projects and tags are matched or created). */
export const ImportRowSchema = v.strictObject(
  {
    sourceId: Text(200),
    name: Text(10_000),
    description: v.optional(Text(20_000), ''),
    projectPath: v.nullable(
      v.pipe(v.array(v.pipe(Text(200), v.trim(), v.nonEmpty('must not be empty'))), v.maxLength(10)),
    ),
    client: v.optional(v.nullable(Text(200)), null),
    tags: v.optional(v.pipe(v.array(v.pipe(Text(100), v.trim(), v.nonEmpty())), v.maxLength(50)), []),
    billable: v.optional(v.boolean(), false),
    start: Ms,
    end: Ms,
    pausedMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  },
  'is not an imported session',
);
export type ImportRow = v.InferOutput<typeof ImportRowSchema>;

export const MAX_IMPORT_BATCH = 2_000;
const Source = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{1,40}$/, 'must be an import format name'));

export const ImportCheckInputSchema = v.strictObject(
  {
    source: Source,
    rows: v.pipe(
      v.array(v.strictObject({ sourceId: Text(200), start: Ms, end: Ms })),
      v.maxLength(MAX_IMPORT_BATCH * 5),
    ),
  },
  'is not an import check',
);
export interface ImportCheck {
  /** source ids of these rows already imported (and still there) */
  duplicates: string[];
  /** rows overlapping existing live sessions: how many, and the first few */
  overlaps: number;
  examples: { sourceId: string; existing: { id: string; name: string; start: number; end: number | null } }[];
}

export const ImportNamesInputSchema = v.strictObject(
  {
    projectPaths: v.pipe(v.array(v.pipe(v.array(Text(200)), v.minLength(1), v.maxLength(10))), v.maxLength(20_000)),
    tags: v.pipe(v.array(Text(100)), v.maxLength(20_000)),
  },
  'is not a list of names',
);
export interface ImportNames {
  /** each path: the existing project it matches (case-insensitive, by path), or null when the import creates it */
  projects: { path: string[]; match: string | null }[];
  tags: { name: string; match: string | null }[];
}

export const BeginImportInputSchema = v.strictObject(
  {
    source: Source,
    fileName: Text(300),
    total: v.pipe(v.number(), v.integer(), v.minValue(0)),
  },
  'is not an import start',
);
export const ImportBatchInputSchema = v.strictObject(
  {
    importId: v.pipe(v.number(), v.integer(), v.minValue(1)),
    sessions: v.pipe(
      v.array(v.unknown()),
      v.maxLength(MAX_IMPORT_BATCH, `at most ${MAX_IMPORT_BATCH} sessions a batch`),
    ),
  },
  'is not an import batch',
);
export const ImportIdSchema = v.strictObject(
  { importId: v.pipe(v.number(), v.integer(), v.minValue(1)) },
  'is not an import id',
);

export interface ImportOutcome {
  added: number;
  /** already imported before (same source and id) */
  skipped: number;
  projectsCreated: number;
  tagsCreated: number;
  /** the one undoable action; null when nothing was added */
  action: ActionRef | null;
  /** the backup made before the import */
  backup: string | null;
}

/**
 * The calls, listed so the owner serves them and proxies forward them (api.ts spreads this list into its own).
 * An import is one undoable action written in batches: beginImport (backup, opens the action), importSessions per
 * batch (each its own transaction, so other calls run between), finishImport (closes the action) or cancelImport
 * (removes every row the batches added, and the action).
 */
export interface ExportsApi {
  exportSessions(input: ExportSessionsInput): Promise<ExportPage>;
  exportRows(input: ExportSessionsInput): Promise<ExportRowsPage>;
  exportContext(input: { from: string; to: string; title: string; generatedAt: number }): Promise<ExportContext>;
  listExportHistory(input?: { limit?: number }): Promise<ExportHistoryEntry[]>;
  recordExport(input: RecordExportInput): Promise<ExportHistoryEntry>;
  importCheck(input: v.InferInput<typeof ImportCheckInputSchema>): Promise<ImportCheck>;
  importNames(input: v.InferInput<typeof ImportNamesInputSchema>): Promise<ImportNames>;
  beginImport(input: v.InferInput<typeof BeginImportInputSchema>): Promise<{ importId: number; backup: string | null }>;
  importSessions(input: {
    importId: number;
    sessions: v.InferInput<typeof ImportRowSchema>[];
  }): Promise<{ added: number; skipped: number }>;
  finishImport(input: { importId: number }): Promise<ImportOutcome>;
  cancelImport(input: { importId: number }): Promise<void>;
}

export const EXPORTS_METHODS = [
  'exportSessions',
  'exportRows',
  'exportContext',
  'listExportHistory',
  'recordExport',
  'importCheck',
  'importNames',
  'beginImport',
  'importSessions',
  'finishImport',
  'cancelImport',
] as const satisfies readonly (keyof ExportsApi)[];

/** Import sources the data worker accepts: the parsers' formats. */
export type ImportSource = ImportFormat;
