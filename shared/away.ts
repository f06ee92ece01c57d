import * as v from 'valibot';

import { EpochMsSchema, IdSchema } from './ids.ts';
import { DescriptionSchema, type ActionRef } from './session-edits.ts';
import { SessionNameSchema } from './session.ts';
import { TagNamesSchema } from './tag.ts';

/**
 * Away time: a gap in presence while a timer ran (idle, a locked screen, sleep, the wall clock jumping, the app gone
 * while a timer ran). The data worker records each gap as its events arrive, so a reload in the middle loses
 * nothing, and the user reviews it once, whichever window saw it.
 */
export const GAP_SOURCES = ['idle', 'lock', 'suspend', 'clock-jump', 'app-gone'] as const;
export type GapSource = (typeof GAP_SOURCES)[number];

/**
 * keep: it was work · discard: stop the session at the gap's start · discard-continue: cut the gap out as a pause ·
 * log-other: cut it out and log it as another entry · break: cut it out, remembered as a break.
 */
export const GAP_CHOICES = ['keep', 'discard', 'discard-continue', 'log-other', 'break'] as const;
export type GapChoice = (typeof GAP_CHOICES)[number];

/**
 * open: started, not ended yet · pending: waiting for the review · resolved: the user (or a setting) chose ·
 * orphan: an end that arrived before its start (resume before suspend); a later start pairs with it.
 */
export const GAP_STATES = ['open', 'pending', 'resolved', 'orphan'] as const;
export type GapState = (typeof GAP_STATES)[number];

export const AwayGapSchema = v.object({
  id: IdSchema,
  source: v.picklist(GAP_SOURCES),
  start: EpochMsSchema,
  /** null while open */
  end: v.nullable(EpochMsSchema),
  state: v.picklist(GAP_STATES),
  choice: v.nullable(v.picklist(GAP_CHOICES)),
  /** the session the timer was running when the gap began */
  sessionId: v.nullable(IdSchema),
  /** the entry logged for it (choice log-other) */
  loggedId: v.nullable(IdSchema),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type AwayGap = v.InferOutput<typeof AwayGapSchema>;

/** What happens to a gap of a kind when it ends: the review asks, or it is decided at once. */
export const AWAY_POLICIES = ['ask', 'discard', 'keep'] as const;
export type AwayPolicy = (typeof AWAY_POLICIES)[number];

/** Two windows see the same OS event within moments of each other; their records are one gap. */
export const GAP_DEDUPE_MS = 90_000;
/** How often a window with a running timer writes its heartbeat (each write is an OPFS commit of a few ms). */
export const HEARTBEAT_EVERY_MS = 60_000;
/** A heartbeat older than this (and never under the idle threshold) means no window was there: the app was gone. */
export const APP_GONE_AFTER_MS = 3 * HEARTBEAT_EVERY_MS;

const SourceSchema = v.picklist(GAP_SOURCES, 'must be idle, lock, suspend, clock-jump or app-gone');

export const GapEventInputSchema = v.object({
  source: SourceSchema,
  at: EpochMsSchema,
  /** an end only for a gap still open, never kept as an orphan: a window launching (whoever opened it is back) */
  ifOpen: v.optional(v.boolean('must be true or false')),
});
export type GapEventInput = v.InferInput<typeof GapEventInputSchema>;

/** A gap known whole at once (a clock jump, found at the next tick). */
export const RecordGapInputSchema = v.pipe(
  v.object({ source: SourceSchema, start: EpochMsSchema, end: EpochMsSchema }),
  v.check((g) => g.end > g.start, 'a gap must end after it starts'),
);
export type RecordGapInput = v.InferInput<typeof RecordGapInputSchema>;

export const HeartbeatInputSchema = v.object({ at: EpochMsSchema });
export type HeartbeatInput = v.InferInput<typeof HeartbeatInputSchema>;

/** The entry a gap is logged as: what the quick-entry line said, and the range it gives (default: the gap). */
export const GapEntrySchema = v.pipe(
  v.object({
    name: v.optional(SessionNameSchema, ''),
    description: v.optional(DescriptionSchema, ''),
    projectId: v.optional(v.nullable(IdSchema), null),
    tags: v.optional(TagNamesSchema, []),
    billable: v.optional(v.boolean('must be true or false'), false),
    startTime: v.optional(EpochMsSchema),
    endTime: v.optional(EpochMsSchema),
  }),
  v.check(
    (e) => e.startTime === undefined || e.endTime === undefined || e.endTime > e.startTime,
    'must end after it starts',
  ),
);
export type GapEntry = v.InferInput<typeof GapEntrySchema>;

export const ResolveGapInputSchema = v.pipe(
  v.object({
    id: IdSchema,
    choice: v.picklist(GAP_CHOICES, 'must be keep, discard, discard-continue, log-other or break'),
    entry: v.optional(GapEntrySchema),
  }),
  v.check((r) => r.choice !== 'log-other' || r.entry !== undefined, 'logging a gap as something else needs the entry'),
);
export type ResolveGapInput = v.InferInput<typeof ResolveGapInputSchema>;

/** "Apply to all": one choice for many gaps, one undoable action. Logging needs an entry per gap, so not here. */
export const ResolveGapsInputSchema = v.object({
  ids: v.pipe(v.array(IdSchema), v.minLength(1, 'no gaps given'), v.maxLength(500, 'at most 500 gaps at once')),
  choice: v.picklist(
    ['keep', 'discard', 'discard-continue', 'break'] as const,
    'must be keep, discard, discard-continue or break',
  ),
});
export type ResolveGapsInput = v.InferInput<typeof ResolveGapsInputSchema>;

/** What a gap event answers: the gap as stored now (null when there was nothing to record). */
export interface GapOutcome {
  gap: AwayGap | null;
  /** the action a setting took at once (lock/sleep "discard automatically"), for the Undo toast */
  action: ActionRef | null;
}

export interface ResolveOutcome {
  gaps: AwayGap[];
  /** null when nothing changed */
  action: ActionRef | null;
}

/** The part of [start, end] a session still covers (null: none). */
export function clipToSession(
  gap: { start: number; end: number },
  session: { startTime: number; endTime: number | null; deletedAt: number | null },
): { start: number; end: number } | null {
  if (session.deletedAt !== null) return null;
  const start = Math.max(gap.start, session.startTime);
  const end = Math.min(gap.end, session.endTime ?? gap.end);
  return end > start ? { start, end } : null;
}
