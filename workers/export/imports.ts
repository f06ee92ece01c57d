import { AppError, toAppError } from '../../shared/errors.ts';
import type { ImportedSession, ImportFormat, ImportPreview, ImportProblem } from '../../shared/export-rows.ts';
import { safeTimeZone } from '../../shared/quick-entry/zoned.ts';
import { clockifyFormat, isClockify } from './imports/clockify.ts';
import { Columns, readCsv, sniffDelimiter } from './imports/csv.ts';
import { isObject, parseJson } from './imports/json.ts';
import { isKimai, kimaiFormat } from './imports/kimai.ts';
import { isSuperProductivity, parseSuperProductivity } from './imports/super-productivity.ts';
import { MAX_IMPORT_CHARS, prepareText } from './imports/text.ts';
import { isTimewarrior, parseTimewarrior, type TimewarriorProjectRule } from './imports/timewarrior.ts';
import { isToggl, togglFormat } from './imports/toggl.ts';
import { readWallRows, type WallFormat } from './imports/wall-rows.ts';
import { isWatsonFrames, isWatsonLog, parseWatsonFrames, parseWatsonLog } from './imports/watson.ts';

/**
 * Reads a time tracker's export into sessions for the import preview. Pure (no DOM, no worker globals): the export
 * worker, the preview and the Node tests all call it.
 *
 * Errors: a file that cannot be read as any known format as a whole (empty, too large, binary, UTF-16 read as
 * UTF-8, damaged or too deeply nested JSON, a CSV whose columns are no known export's, over 1,000 columns) throws an
 * AppError with code 'VALIDATION' and a sentence for the user; nothing is returned. A file of a known format always
 * returns a preview: rows that cannot be used are left out and each is named in `problems` with its line (CSV) or
 * entry number (JSON), as are the cuts and notes (names cut to the app's limits, NULs removed, DST repeats).
 *
 * LightTrack's own JSON is detected and returned with no sessions and a problem pointing to the restore, which owns
 * that format (it carries projects, goals and settings this preview does not).
 */
export interface ImportOptions {
  /** IANA zone the wall-clock files (Toggl, Clockify, Kimai, Super Productivity days) were recorded in */
  timeZone: string;
  /** which Timewarrior tag becomes the project; default 'first-tag' */
  timewarriorProjectRule?: TimewarriorProjectRule;
  /** the size cap in characters; default MAX_IMPORT_CHARS (100 M) */
  maxChars?: number;
}

export { MAX_IMPORT_CHARS };
/** The rules the preview offers for Timewarrior's tags (see imports/timewarrior.ts). */
export const TIMEWARRIOR_PROJECT_RULES: readonly TimewarriorProjectRule[] = ['first-tag', 'none'];
export type { TimewarriorProjectRule };
export const MAX_CSV_COLUMNS = 1000;

export function parseImport(file: { name: string; text: string }, options: ImportOptions): ImportPreview {
  try {
    return read(file, options);
  } catch (error) {
    // anything else thrown is our bug; the user still gets a sentence, never a raw stack
    if (error instanceof AppError) throw error;
    const e = toAppError(error);
    throw new AppError('INTERNAL', `The file could not be read because of an error in LightTrack (${e.message}).`);
  }
}

function read(file: { name: string; text: string }, options: ImportOptions): ImportPreview {
  const timeZone = options.timeZone;
  if (safeTimeZone(timeZone) !== timeZone)
    throw new AppError(
      'VALIDATION',
      `"${String(timeZone)}" is not a time zone LightTrack knows; choose one like Europe/Berlin.`,
    );
  const { text, problems } = prepareText(file.text, options.maxChars ?? MAX_IMPORT_CHARS);
  const head = text.trimStart();
  const done = (format: ImportFormat, sessions: ImportedSession[]): ImportPreview => ({
    format,
    sessions: dedupe(sessions, format.endsWith('-csv') ? 'line' : 'entry', problems),
    problems,
  });
  if (head.startsWith('{') || head.startsWith('[')) {
    const json = parseJson(text);
    if (isObject(json) && json['format'] === 'lighttrack') {
      problems.push({
        line: null,
        message:
          'This is a LightTrack export. It is brought back as a whole, with its projects, goals and settings, by restoring it from the LightTrack JSON file, not through this preview.',
      });
      return { format: 'lighttrack-json', sessions: [], problems };
    }
    if (Array.isArray(json) && json.length === 0)
      throw new AppError('VALIDATION', 'The file holds an empty list: there is nothing to import.');
    if (isTimewarrior(json))
      return done(
        'timewarrior-json',
        parseTimewarrior(json as unknown[], options.timewarriorProjectRule ?? 'first-tag', problems),
      );
    if (isWatsonFrames(json)) return done('watson-json', parseWatsonFrames(json as unknown[], problems));
    if (isWatsonLog(json)) return done('watson-json', parseWatsonLog(json as unknown[], problems));
    if (isSuperProductivity(json))
      return done(
        'super-productivity-json',
        parseSuperProductivity(json as Record<string, unknown>, timeZone, problems),
      );
    throw new AppError(
      'VALIDATION',
      'This JSON file is not a Timewarrior, Watson, Super Productivity or LightTrack export.',
    );
  }
  const delimiter = sniffDelimiter(text);
  const csv = readCsv(text, delimiter, MAX_CSV_COLUMNS);
  const header = csv.records[0];
  if (!header)
    throw new AppError(
      'VALIDATION',
      `The file's first quote (line ${csv.unclosedQuoteLine ?? 1}) is never closed, so it cannot be read as CSV.`,
    );
  const tooWide = csv.records.find((r) => r.cells.length > MAX_CSV_COLUMNS);
  if (tooWide)
    throw new AppError(
      'VALIDATION',
      `Line ${tooWide.line} has more than ${MAX_CSV_COLUMNS.toLocaleString('en-US')} columns, which no time tracker's export has; the file was not read.`,
    );
  const columns = new Columns(header.cells);
  const kind: [ImportFormat, WallFormat] | null = isClockify(columns)
    ? ['clockify-csv', clockifyFormat(columns)]
    : isToggl(columns)
      ? ['toggl-csv', togglFormat(columns)]
      : isKimai(columns)
        ? ['kimai-csv', kimaiFormat(columns)]
        : null;
  if (!kind) {
    const shown = header.cells
      .slice(0, 4)
      .map((c) => c.trim().slice(0, 40))
      .join(', ');
    throw new AppError(
      'VALIDATION',
      `This is not a Toggl Track, Clockify, Kimai, Timewarrior, Watson or Super Productivity export (its first line starts "${shown}").`,
    );
  }
  const sessions = readWallRows(csv.records, columns, kind[1], timeZone, problems);
  if (csv.unclosedQuoteLine !== null) {
    problems.push({
      line: csv.unclosedQuoteLine,
      message:
        'A quoted cell starting on this line is never closed (the file may be cut short); this row and everything after it were not read.',
    });
  }
  if (csv.records.length === 1) problems.push({ line: null, message: 'The file has a header but no rows.' });
  return done(kind[0], sessions);
}

/** The same entry twice in one file (same source id) is counted once, so the preview's totals are right. */
function dedupe(sessions: ImportedSession[], unit: string, problems: ImportProblem[]): ImportedSession[] {
  const first = new Map<string, number>();
  const out: ImportedSession[] = [];
  for (const s of sessions) {
    const line = first.get(s.sourceId);
    if (line !== undefined) {
      problems.push({ line: s.line, message: `It repeats the entry on ${unit} ${line}; it is counted once.` });
      continue;
    }
    first.set(s.sourceId, s.line);
    out.push(s);
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return out;
}
