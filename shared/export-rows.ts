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

/**
 * One session of an export page as the data worker's SQL writes it (json_array, in this order): a page travels
 * between the workers as one JSON text, which costs a copy, not a structured clone of every object.
 */
export type ExportRowTuple = [
  id: string,
  name: string,
  description: string,
  projectId: string | null,
  start: number,
  end: number | null,
  pauses: unknown,
  pauseStartedAt: number | null,
  billable: number,
  isManual: number,
  source: string,
  path: unknown,
  client: string | null,
  rate: number | null,
  currency: string | null,
  tags: unknown,
  ms: number,
  rms: number,
];

/**
 * A page's JSON text as sessions. `now` is the export's clock (a running session ends there). Rows come from our own
 * SQL, yet every field is checked for its type: a row that is not what it should be is refused, never half read.
 */
export function decodeExportRows(json: string, now: number): ExportSession[] {
  const rows: unknown = JSON.parse(json);
  if (!Array.isArray(rows)) throw new TypeError('an export page is not a list');
  return rows.map((row: unknown) => toExportSession(checkRow(row), now));
}

const text = (x: unknown) => typeof x === 'string';
const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
const optional = (test: (x: unknown) => boolean) => (x: unknown) => x === null || test(x);
const any = () => true;
const FIELDS: ((x: unknown) => boolean)[] = [
  text,
  text,
  text,
  optional(text),
  num,
  optional(num),
  any,
  optional(num),
  num,
  num,
  text,
  any,
  optional(text),
  optional(num),
  optional(text),
  any,
  num,
  num,
];

function checkRow(row: unknown): ExportRowTuple {
  if (!Array.isArray(row) || row.length !== FIELDS.length || !FIELDS.every((ok, i) => ok(row[i])))
    throw new TypeError(`an export row is malformed: ${JSON.stringify(row).slice(0, 200)}`);
  return row as ExportRowTuple;
}

function toExportSession(row: ExportRowTuple, now: number): ExportSession {
  const [id, name, description, projectId, startTime, endTime, rawPauses, pauseStartedAt] = row;
  const [billableBit, isManual, source, path, client, rawRate, currency, tags, ms, rms] = row.slice(8) as [
    number,
    number,
    string,
    unknown,
    string | null,
    number | null,
    string | null,
    unknown,
    number,
    number,
  ];
  const end = endTime ?? Math.max(now, startTime);
  const pauses = pairs(rawPauses)
    .filter((p) => p.end > p.start && p.start < end)
    .map((p) => ({ start: Math.max(p.start, startTime), end: Math.min(p.end, end) }));
  if (pauseStartedAt !== null && pauseStartedAt < end) pauses.push({ start: pauseStartedAt, end });
  const workedMs = Math.max(0, ms);
  const roundedMs = Math.max(0, rms);
  const billable = billableBit === 1;
  const rate = rawRate ?? null;
  const money = (ms: number) => (billable && rate !== null ? Math.round((ms / 3_600_000) * rate * 100) / 100 : null);
  return {
    id,
    name,
    description,
    projectId,
    projectPath: strings(path),
    client,
    tags: strings(tags),
    billable,
    start: startTime,
    end,
    pauses,
    workedMs,
    roundedMs,
    hourlyRate: rate,
    currency: rate === null ? null : currency,
    amount: money(workedMs),
    amountRounded: money(roundedMs),
    source: isManual === 1 && source === 'timer' ? 'manual' : source,
    running: endTime === null,
  };
}

const strings = (list: unknown): string[] =>
  Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];

const pairs = (list: unknown): { start: number; end: number }[] =>
  Array.isArray(list)
    ? list
        .filter((p): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number')
        .map(([start, end]) => ({ start, end }))
    : [];
