import type { Change } from '../../../shared/changes.ts';
import type { ChangeResult } from '../../../shared/data-contract.ts';
import { AppError } from '../../../shared/errors.ts';
import type { EditResult, Overlap } from '../../../shared/session-edits.ts';
import { endOf, type Span } from '../../../shared/session-math.ts';
import { MAX_SESSION_MS, type Session } from '../../../shared/session.ts';
import type { Core } from '../owner/core.ts';
import * as sessions from '../sessions/sessions.ts';
import type { Database } from '../storage/sqlite.ts';
import { record, type Recording } from './journal.ts';

export interface EditContext {
  db: Database;
  now: number;
  journal: Recording;
}

export interface EditOutcome {
  /** sessions written by the change, in the order the answer lists them */
  written: string[];
  trimmed?: string[];
  overlaps?: Overlap[];
}

export const fmt = (ms: number) => new Date(ms).toISOString();

/** A session's times must make sense whatever the change: ordered, not absurdly long, a running one not in the future. */
export function checkSpan(span: Span, now: number): void {
  const end = span.endTime;
  if (end !== null && end < span.startTime)
    throw new AppError('VALIDATION', 'The end must not be before the start', {
      start: fmt(span.startTime),
      end: fmt(end),
    });
  if (endOf(span, now) - span.startTime > MAX_SESSION_MS)
    throw new AppError('VALIDATION', 'A session cannot be longer than ten years');
  if (end === null && span.startTime > now + 60_000)
    throw new AppError('VALIDATION', 'A running timer cannot start in the future');
}

/**
 * A timer change (start, stop, pause, resume, delete, restore) recorded in the undo journal like every edit; it
 * answers the session as before.
 */
export function journaledTimer<T>(
  core: Core,
  op: Change['op'],
  fn: (ctx: EditContext) => Promise<{ result: T; ids: string[] }>,
): Promise<T> {
  return core.write('activities', op, async (db, now) => {
    const journal = await record(db, now);
    const out = await fn({ db, now, journal });
    await journal.finish(now);
    return out;
  });
}

/**
 * An undoable change to the user's structure (a project, tag or goal): answers the record and the action, and tells
 * other windows about every table the change touched.
 */
export function journaledChange<T>(
  core: Core,
  table: Change['table'],
  fn: (ctx: EditContext) => Promise<T>,
): Promise<ChangeResult<T>> {
  return core.write(table, 'update', async (db, now) => {
    const journal = await record(db, now);
    const value = await fn({ db, now, journal });
    const action = await journal.finish(now);
    const tables = new Set<Change['table']>([table, ...journal.tables]);
    return {
      result: { value, action },
      ids: [],
      also: [...tables].map((t) => ({ table: t, op: 'update' as const, ids: [] })),
    };
  });
}

/** Label text for a session: its name cut short, or a stand-in. */
export function labelName(a: Pick<Session, 'name'>): string {
  const name = a.name.trim() || 'untitled session';
  return `“${name.length > 40 ? `${name.slice(0, 39)}…` : name}”`;
}

/**
 * One undoable change: a write transaction that records the action in the journal, then reads back the sessions it
 * wrote. Other windows hear about it after the commit (sessions, tags and the undo state).
 */
export function journaledWrite(core: Core, fn: (ctx: EditContext) => Promise<EditOutcome>): Promise<EditResult> {
  return core.write('activities', 'update', async (db, now) => {
    const journal = await record(db, now);
    const out = await fn({ db, now, journal });
    const action = await journal.finish(now);
    const written = await sessions.requireSessions(db, out.written);
    const trimmed = await sessions.requireSessions(db, out.trimmed ?? []);
    const ids = [...new Set([...out.written, ...(out.trimmed ?? [])])];
    const also: Omit<Change, 'origin'>[] = journal.tables.has('tags') ? [{ table: 'tags', op: 'insert', ids: [] }] : [];
    // a bulk change is announced without its ids (readers reload the view)
    if (ids.length > 2_000) also.push({ table: 'activities', op: 'update', ids: [] });
    return {
      result: { sessions: written, trimmed, overlaps: out.overlaps ?? [], action },
      ids: ids.length > 2_000 ? [] : ids,
      also,
    };
  });
}
