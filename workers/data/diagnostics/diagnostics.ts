import * as v from 'valibot';

import { ERROR_LOG_CAP, ErrorLogEntrySchema, type ErrorLogEntry } from '../../../shared/error-log.ts';
import type { Database, Row } from '../storage/sqlite.ts';

/** The error_log table: append, read newest first, cap. Rows read back are validated like every other row. */

export type NewErrorLogEntry = Omit<ErrorLogEntry, 'id'>;

export async function insertError(db: Database, e: NewErrorLogEntry): Promise<void> {
  await db.run(
    `INSERT INTO error_log (time, code, message, details, correlation_id, source) VALUES (?, ?, ?, ?, ?, ?)`,
    [e.time, e.code, e.message, e.details, e.correlationId, e.source],
  );
  // ids only grow, so everything at or below max - cap is the oldest beyond the cap
  await db.run(`DELETE FROM error_log WHERE id <= (SELECT max(id) FROM error_log) - ?`, [ERROR_LOG_CAP]);
}

interface ErrorRow extends Row {
  id: number;
  time: number;
  code: string;
  message: string;
  details: string | null;
  correlation_id: string | null;
  source: string;
}

export async function listErrors(db: Database, limit: number, before?: number): Promise<ErrorLogEntry[]> {
  const rows = await db.all<ErrorRow>(
    `SELECT id, time, code, message, details, correlation_id, source FROM error_log
     WHERE id < ? ORDER BY id DESC LIMIT ?`,
    [before ?? Number.MAX_SAFE_INTEGER, limit],
  );
  const entries: ErrorLogEntry[] = [];
  for (const r of rows) {
    const parsed = v.safeParse(ErrorLogEntrySchema, {
      id: r.id,
      time: r.time,
      code: r.code,
      message: r.message,
      details: r.details,
      correlationId: r.correlation_id,
      source: r.source,
    });
    if (parsed.success) entries.push(parsed.output);
  }
  return entries;
}

export async function countErrors(db: Database): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM error_log'))?.n ?? 0;
}

export async function clearErrors(db: Database): Promise<void> {
  await db.run('DELETE FROM error_log');
}

/** Details as bounded JSON text (the column must hold valid JSON; unserialisable values become their string). */
export function detailsJson(details: unknown): string | null {
  if (details === undefined || details === null) return null;
  let text: string;
  try {
    text =
      JSON.stringify(details, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)) ?? 'null';
  } catch {
    text = JSON.stringify(String(details));
  }
  return text.length <= 20_000 ? text : JSON.stringify({ truncated: text.slice(0, 19_000) });
}
