import type { Report } from './reports.ts';

/**
 * What the export formats read: sessions already resolved (names, not ids) by the data worker, in pages, and the
 * context the user's settings give a document. The formatters (workers/export/formats/) are pure over these, so the
 * export worker streams them and the tests feed them fixtures.
 */
export interface ExportSession {
  id: string;
  name: string;
  description: string;
  projectId: string | null;
  /** names from the root project down, e.g. ['Website', 'Design']; [] when the session has no project */
  projectPath: string[];
  /** the project's client (its own, else its nearest parent's); null when none */
  client: string | null;
  tags: string[];
  billable: boolean;
  /** epoch ms, UTC */
  start: number;
  /** epoch ms; a running session is exported as ending at the export's `generatedAt` */
  end: number;
  /** closed pauses inside [start, end) */
  pauses: { start: number; end: number }[];
  /** end − start − pauses */
  workedMs: number;
  /** workedMs rounded per session as the report's rounding says */
  roundedMs: number;
  /** the rate applied (the project's own, else its nearest parent's); null when none */
  hourlyRate: number | null;
  currency: string | null;
  /** billable amount for workedMs / roundedMs; null when not billable or no rate */
  amount: number | null;
  amountRounded: number | null;
  /** timer | quick-entry | import | split | merge | manual */
  source: string;
  /** true while the session was still running when exported */
  running: boolean;
}

export interface ExportContext {
  /** IANA zone the user's days and clock times are shown in */
  timeZone: string;
  /** the report's heading as the user sees it, e.g. 'This month' */
  title: string;
  /** first and last local day, inclusive (YYYY-MM-DD) */
  from: string;
  to: string;
  /** from settings; null when not set */
  person: string | null;
  client: string | null;
  hour12: boolean;
  /** PDF paper */
  paper: 'a4' | 'letter';
  /** settings' report rounding, as Report.rounding */
  rounding: Report['rounding'];
  /** epoch ms the export was made (also the end of a running session) */
  generatedAt: number;
}

/** A format's writer: fed pages of sessions, it yields the file's bytes in pieces (so memory stays flat). */
export interface ExportWriter {
  /** bytes to write for this page (may be empty) */
  page(sessions: readonly ExportSession[]): Uint8Array | Promise<Uint8Array>;
  /** the rest of the file; `report` is the summary (groups, totals) of the same selection */
  finish(report: Report): Uint8Array | Promise<Uint8Array>;
}

/** One session as an import file gives it (see workers/export/imports.ts). */
export interface ImportedSession {
  name: string;
  /** names from the root project down; null when the row has no project */
  projectPath: string[] | null;
  client: string | null;
  tags: string[];
  billable: boolean;
  /** epoch ms */
  start: number;
  /** null when the file says it is still running */
  end: number | null;
  pausedMs: number;
  description: string;
  /** the file's own id for the row, else a content hash: importing the same file twice adds nothing */
  sourceId: string;
  /** 1-based line (CSV) or entry index (JSON) it came from, for messages */
  line: number;
  /** true for entries that are per-day totals rather than real sessions (Super Productivity) */
  durationOnly?: boolean;
}

export interface ImportProblem {
  /** 1-based line or entry; null for the whole file */
  line: number | null;
  message: string;
}

export type ImportFormat =
  | 'toggl-csv'
  | 'clockify-csv'
  | 'timewarrior-json'
  | 'watson-json'
  | 'kimai-csv'
  | 'super-productivity-json'
  | 'lighttrack-json';

export interface ImportPreview {
  format: ImportFormat;
  sessions: ImportedSession[];
  problems: ImportProblem[];
}
