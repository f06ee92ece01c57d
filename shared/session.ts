import * as v from 'valibot';

import { EpochMsSchema, IdSchema } from './ids.ts';
import { TagNamesSchema } from './tag.ts';
import { noNul } from './validate.ts';

export const SESSION_SOURCES = ['timer', 'quick-entry', 'import', 'split', 'merge'] as const;

/** Ten years: far beyond any real session, small enough that sums over years stay exact integers. */
export const MAX_SESSION_MS = 10 * 366 * 86_400_000;
export const PausedMsSchema = v.pipe(
  v.number('must be a number'),
  v.integer('must be whole milliseconds'),
  v.minValue(0, 'must not be negative'),
  v.maxValue(MAX_SESSION_MS, 'is longer than ten years'),
);

/** A closed pause inside a session, [start, end). Old rows (schema v1/v2) have only a `pausedMs` total. */
export const PauseSchema = v.pipe(
  v.object({ start: EpochMsSchema, end: EpochMsSchema }),
  v.check((p) => p.end > p.start, 'a pause must end after it starts'),
);
export type Pause = v.InferOutput<typeof PauseSchema>;
/** Pauses of one session; bounded so one row stays small. */
export const MAX_PAUSES = 500;

export const SessionSchema = v.object({
  id: IdSchema,
  name: v.string(),
  description: v.string(),
  projectId: v.nullable(IdSchema),
  startTime: EpochMsSchema,
  /** null while the timer runs */
  endTime: v.nullable(EpochMsSchema),
  /** paused time already closed off, in ms */
  pausedMs: PausedMsSchema,
  /** set while paused: when the current pause began */
  pauseStartedAt: v.nullable(EpochMsSchema),
  /**
   * The closed pauses as intervals, oldest first, inside [startTime, endTime]. Their total is part of `pausedMs`;
   * the rest of `pausedMs` (old rows) is paused time whose place is unknown ("unplaced").
   */
  pauses: v.pipe(v.array(PauseSchema), v.maxLength(MAX_PAUSES)),
  billable: v.boolean(),
  /** tag ids, sorted */
  tagIds: v.array(IdSchema),
  isManual: v.boolean(),
  source: v.picklist(SESSION_SOURCES),
  deletedAt: v.nullable(EpochMsSchema),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type Session = v.InferOutput<typeof SessionSchema>;

export const SessionNameSchema = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.maxLength(500, 'must be at most 500 characters'),
  noNul,
);

export const StartTimerInputSchema = v.object({
  name: v.optional(SessionNameSchema, ''),
  projectId: v.optional(v.nullable(IdSchema), null),
  /** defaults to now; allows "started 15 minutes ago" */
  startTime: v.optional(EpochMsSchema),
  source: v.optional(v.picklist(SESSION_SOURCES), 'timer'),
  tags: v.optional(TagNamesSchema, []),
  billable: v.optional(v.boolean('must be true or false'), false),
  description: v.optional(v.pipe(v.string('must be text'), v.maxLength(10_000), noNul), ''),
  /** what to do when a back-dated start reaches into the previous session (see shared/sessions.ts) */
  overlap: v.optional(v.picklist(['keep', 'trim-others', 'trim-this'])),
});
export type StartTimerInput = v.InferInput<typeof StartTimerInputSchema>;

export const StopTimerInputSchema = v.object({
  id: IdSchema,
  /** defaults to now */
  endTime: v.optional(EpochMsSchema),
});
export type StopTimerInput = v.InferInput<typeof StopTimerInputSchema>;

export const TimerIdInputSchema = v.object({ id: IdSchema, at: v.optional(EpochMsSchema) });
export type TimerIdInput = v.InferInput<typeof TimerIdInputSchema>;

export const TimeRangeSchema = v.pipe(
  v.object({ from: EpochMsSchema, to: EpochMsSchema }),
  v.check((r) => r.from < r.to, 'from must be before to'),
);
export type TimeRange = v.InferOutput<typeof TimeRangeSchema>;

/** A finished session as imported or generated in bulk (bench, import, tests). */
export const NewSessionSchema = v.pipe(
  v.object({
    name: SessionNameSchema,
    projectId: v.nullable(IdSchema),
    startTime: EpochMsSchema,
    endTime: EpochMsSchema,
    pausedMs: v.optional(PausedMsSchema, 0),
    source: v.optional(v.picklist(SESSION_SOURCES), 'import'),
  }),
  v.check((s) => s.endTime >= s.startTime, 'endTime must not be before startTime'),
  v.check((s) => s.endTime - s.startTime <= MAX_SESSION_MS, 'a session cannot be longer than ten years'),
  v.check((s) => (s.pausedMs ?? 0) <= s.endTime - s.startTime, 'pausedMs cannot exceed the session'),
);
export type NewSession = v.InferInput<typeof NewSessionSchema>;
export const NewSessionsSchema = v.pipe(
  v.array(NewSessionSchema),
  v.maxLength(50_000, 'at most 50000 sessions per batch'),
);

/** Day, week and month views list sessions; reports use aggregates. 400 days bounds any list a view asks for. */
export const MAX_LIST_RANGE_MS = 400 * 86_400_000;
export const DEFAULT_LIST_LIMIT = 2_000;
export const MAX_LIST_LIMIT = 10_000;

export const SessionsInRangeInputSchema = v.pipe(
  v.object({
    from: EpochMsSchema,
    to: EpochMsSchema,
    /** at most this many sessions (oldest first); `truncated` tells when more matched */
    limit: v.optional(
      v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_LIST_LIMIT, `must be at most ${MAX_LIST_LIMIT}`)),
      DEFAULT_LIST_LIMIT,
    ),
  }),
  v.check((r) => r.from < r.to, 'from must be before to'),
  v.check((r) => r.to - r.from <= MAX_LIST_RANGE_MS, 'a list covers at most 400 days; use a report for longer ranges'),
);
export type SessionsInRangeInput = v.InferInput<typeof SessionsInRangeInputSchema>;

export interface SessionsInRange {
  sessions: Session[];
  /** rows in the range that failed validation when read from disk: hidden, and written to the error log */
  damaged: number;
  /** more sessions matched than `limit` */
  truncated: boolean;
}
