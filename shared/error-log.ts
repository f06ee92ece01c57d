import * as v from 'valibot';

import { ERROR_CODES } from './errors.ts';
import { EpochMsSchema } from './ids.ts';

/** The error log: every error the data worker reports and every unexpected error in a window, kept for Diagnostics. */

/** Oldest entries are dropped past this many. */
export const ERROR_LOG_CAP = 10_000;

export const ErrorLogEntrySchema = v.object({
  id: v.pipe(v.number(), v.integer(), v.minValue(1)),
  time: EpochMsSchema,
  /** an AppError code, or a window's 'WINDOW' for uncaught errors */
  code: v.pipe(v.string(), v.maxLength(40)),
  message: v.pipe(v.string(), v.maxLength(2000)),
  /** JSON text, or null */
  details: v.nullable(v.pipe(v.string(), v.maxLength(20_000))),
  correlationId: v.nullable(v.pipe(v.string(), v.maxLength(100))),
  /** where it happened: 'worker:startTimer', 'window:main', … */
  source: v.pipe(v.string(), v.maxLength(100)),
});
export type ErrorLogEntry = v.InferOutput<typeof ErrorLogEntrySchema>;

const Text = (max: number) =>
  v.pipe(
    v.string('must be text'),
    v.transform((s) => s.replaceAll('\0', '\uFFFD').slice(0, max)),
  );

/** What a window sends for an error it caught (window.onerror, unhandledrejection). Long text is cut, not refused. */
export const ReportErrorInputSchema = v.object({
  code: v.optional(v.picklist([...ERROR_CODES, 'WINDOW']), 'WINDOW'),
  message: Text(2000),
  details: v.optional(v.unknown()),
  correlationId: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(100))), null),
  source: v.pipe(v.string('must be text'), v.regex(/^[\w:.\- ]{1,100}$/, 'must name where it happened')),
});
export type ReportErrorInput = v.InferInput<typeof ReportErrorInputSchema>;

export const ListErrorsInputSchema = v.optional(
  v.object({
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 200),
    /** entries with id < before (paging backwards) */
    before: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  }),
  {},
);
export type ListErrorsInput = v.InferInput<typeof ListErrorsInputSchema>;

export interface ErrorLogPage {
  entries: ErrorLogEntry[];
  /** entries in the log in all */
  total: number;
  /** entries kept in memory because the database could not be written (recovery mode) */
  unsaved: number;
}
