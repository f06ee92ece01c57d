import * as v from 'valibot';
import { EpochMsSchema, IdSchema } from './ids.ts';

export const ACTIVITY_SOURCES = ['timer', 'quick-entry', 'import', 'split', 'merge'] as const;

export const ActivitySchema = v.object({
  id: IdSchema,
  name: v.string(),
  description: v.string(),
  projectId: v.nullable(IdSchema),
  startTime: EpochMsSchema,
  /** null while the timer runs */
  endTime: v.nullable(EpochMsSchema),
  /** paused time already closed off, in ms */
  pausedMs: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** set while paused: when the current pause began */
  pauseStartedAt: v.nullable(EpochMsSchema),
  isManual: v.boolean(),
  source: v.picklist(ACTIVITY_SOURCES),
  deletedAt: v.nullable(EpochMsSchema),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type Activity = v.InferOutput<typeof ActivitySchema>;

export const ActivityNameSchema = v.pipe(v.string('must be text'), v.trim(), v.maxLength(500, 'must be at most 500 characters'));

export const StartTimerInputSchema = v.object({
  name: v.optional(ActivityNameSchema, ''),
  projectId: v.optional(v.nullable(IdSchema), null),
  /** defaults to now; allows "started 15 minutes ago" */
  startTime: v.optional(EpochMsSchema),
  source: v.optional(v.picklist(ACTIVITY_SOURCES), 'timer'),
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
    name: ActivityNameSchema,
    projectId: v.nullable(IdSchema),
    startTime: EpochMsSchema,
    endTime: EpochMsSchema,
    pausedMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
    source: v.optional(v.picklist(ACTIVITY_SOURCES), 'import'),
  }),
  v.check((s) => s.endTime >= s.startTime, 'endTime must not be before startTime'),
);
export type NewSession = v.InferInput<typeof NewSessionSchema>;
export const NewSessionsSchema = v.pipe(v.array(NewSessionSchema), v.maxLength(50_000, 'at most 50000 sessions per batch'));
