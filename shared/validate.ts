import * as v from 'valibot';

import { AppError } from './errors.ts';

/**
 * Parses a value that crossed a boundary. On failure throws a VALIDATION AppError whose details list every issue
 * by path, so the caller can show what was wrong; nothing downstream runs.
 */
export function parse<const S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issues = result.issues.map((issue) => ({
    path: v.getDotPath(issue) ?? '',
    message: issue.message,
  }));
  const first = issues[0];
  const where = first && first.path ? ` at ${first.path}` : '';
  throw new AppError('VALIDATION', `Invalid ${what}${where}: ${first?.message ?? 'bad value'}`, { issues });
}

/**
 * Text without NUL characters. SQLite's C strings end at a NUL, so "a\0b" would be stored as "a" with the rest
 * silently lost; it is refused with a clear message instead.
 */
export const noNul = v.check((s: string) => !s.includes('\0'), 'must not contain NUL characters');
