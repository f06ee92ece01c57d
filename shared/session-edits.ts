import * as v from 'valibot';

import { EpochMsSchema, IdSchema } from './ids.ts';
import { MAX_LIST_LIMIT, MAX_LIST_RANGE_MS, PausedMsSchema, SessionNameSchema, type Session } from './session.ts';
import { TagNamesSchema } from './tag.ts';
import { noNul } from './validate.ts';

/**
 * Editing sessions: the inputs of every correction the data worker accepts (edit, add, split, merge, duplicate,
 * continue, bulk) and what each answers. Every input is validated in the worker; a failure changes nothing.
 */

/** What to do when a write would make two live sessions overlap. Without a choice such a write is refused. */
export const OVERLAP_CHOICES = ['keep', 'trim-others', 'trim-this'] as const;
export type OverlapChoice = (typeof OVERLAP_CHOICES)[number];
export const OverlapSchema = v.optional(v.picklist(OVERLAP_CHOICES, 'must be keep, trim-others or trim-this'));

export const DescriptionSchema = v.pipe(
  v.string('must be text'),
  v.maxLength(10_000, 'must be at most 10000 characters'),
  noNul,
);
/** Worked time: the same bounds as any span of a session (whole ms, 0 to ten years). */
export const DurationMsSchema = PausedMsSchema;

/** Fields a user can change on one session. `endTime: null` is allowed only on the running session. */
export const SessionPatchSchema = v.pipe(
  v.object({
    name: v.optional(SessionNameSchema),
    description: v.optional(DescriptionSchema),
    projectId: v.optional(v.nullable(IdSchema)),
    /** replaces the session's tags */
    tags: v.optional(TagNamesSchema),
    billable: v.optional(v.boolean('must be true or false')),
    startTime: v.optional(EpochMsSchema),
    endTime: v.optional(v.nullable(EpochMsSchema)),
    /** worked time; moves the end (pauses stay). Not together with endTime. */
    durationMs: v.optional(DurationMsSchema),
  }),
  v.check((p) => !(p.endTime !== undefined && p.durationMs !== undefined), 'give endTime or durationMs, not both'),
  v.check((p) => Object.values(p).some((x) => x !== undefined), 'nothing to change'),
);
export type SessionPatch = v.InferInput<typeof SessionPatchSchema>;

export const UpdateSessionInputSchema = v.object({ id: IdSchema, patch: SessionPatchSchema, overlap: OverlapSchema });
export type UpdateSessionInput = v.InferInput<typeof UpdateSessionInputSchema>;

/** A manual entry: start + end, or start + duration. */
export const AddSessionInputSchema = v.pipe(
  v.object({
    name: v.optional(SessionNameSchema, ''),
    description: v.optional(DescriptionSchema, ''),
    projectId: v.optional(v.nullable(IdSchema), null),
    tags: v.optional(TagNamesSchema, []),
    billable: v.optional(v.boolean('must be true or false'), false),
    startTime: EpochMsSchema,
    endTime: v.optional(EpochMsSchema),
    durationMs: v.optional(DurationMsSchema),
    source: v.optional(v.picklist(['timer', 'quick-entry', 'import']), 'timer'),
    overlap: OverlapSchema,
  }),
  v.check((s) => (s.endTime === undefined) !== (s.durationMs === undefined), 'give endTime or durationMs'),
);
export type AddSessionInput = v.InferInput<typeof AddSessionInputSchema>;

export const MAX_SPLIT_POINTS = 50;
export const SplitSessionInputSchema = v.object({
  id: IdSchema,
  /** one or more instants strictly inside the session */
  at: v.pipe(
    v.array(EpochMsSchema),
    v.minLength(1, 'give at least one time to split at'),
    v.maxLength(MAX_SPLIT_POINTS),
  ),
});
export type SplitSessionInput = v.InferInput<typeof SplitSessionInputSchema>;

export const MAX_MERGE = 500;
export const MergeSessionsInputSchema = v.object({
  ids: v.pipe(
    v.array(IdSchema),
    v.minLength(2, 'merge needs at least two sessions'),
    v.maxLength(MAX_MERGE, `at most ${MAX_MERGE} sessions per merge`),
    v.check((ids) => new Set(ids).size === ids.length, 'a session is listed twice'),
  ),
  overlap: OverlapSchema,
});
export type MergeSessionsInput = v.InferInput<typeof MergeSessionsInputSchema>;

export const DuplicateSessionInputSchema = v.object({
  id: IdSchema,
  /** where the copy starts; by default right after the original ends */
  startTime: v.optional(EpochMsSchema),
  overlap: OverlapSchema,
});
export type DuplicateSessionInput = v.InferInput<typeof DuplicateSessionInputSchema>;

export const ContinueSessionInputSchema = v.object({ id: IdSchema });
export type ContinueSessionInput = v.InferInput<typeof ContinueSessionInputSchema>;

export const MAX_BULK = 10_000;
const BulkIdsSchema = v.pipe(
  v.array(IdSchema),
  v.minLength(1, 'select at least one session'),
  v.maxLength(MAX_BULK, `at most ${MAX_BULK} sessions at once`),
  v.check((ids) => new Set(ids).size === ids.length, 'a session is listed twice'),
);

export const BulkChangeSchema = v.pipe(
  v.object({
    projectId: v.optional(v.nullable(IdSchema)),
    addTags: v.optional(TagNamesSchema),
    removeTags: v.optional(TagNamesSchema),
    billable: v.optional(v.boolean('must be true or false')),
    name: v.optional(SessionNameSchema),
    /** moves every session by this many ms (whole minutes), within ± one year */
    shiftMs: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(-366 * 86_400_000),
        v.maxValue(366 * 86_400_000),
        v.check((n) => n % 60_000 === 0, 'shift by whole minutes'),
      ),
    ),
    /** sets each (finished) session's worked time */
    durationMs: v.optional(DurationMsSchema),
  }),
  v.check((c) => Object.values(c).some((x) => x !== undefined), 'nothing to change'),
);
export type BulkChange = v.InferInput<typeof BulkChangeSchema>;

export const BulkUpdateInputSchema = v.object({ ids: BulkIdsSchema, change: BulkChangeSchema, overlap: OverlapSchema });
export type BulkUpdateInput = v.InferInput<typeof BulkUpdateInputSchema>;

export const BulkDeleteInputSchema = v.object({ ids: BulkIdsSchema });
export type BulkDeleteInput = v.InferInput<typeof BulkDeleteInputSchema>;

/** Sessions of any range, filtered, in pages (keyset: pass the last row's startTime and id as `after`). */
export const ListSessionsInputSchema = v.pipe(
  v.object({
    from: EpochMsSchema,
    to: EpochMsSchema,
    projectIds: v.optional(v.pipe(v.array(v.nullable(IdSchema)), v.maxLength(1000))),
    tagIds: v.optional(v.pipe(v.array(IdSchema), v.maxLength(1000))),
    /** matched case-insensitively in name and description */
    text: v.optional(v.pipe(v.string(), v.maxLength(500), noNul)),
    billable: v.optional(v.boolean()),
    after: v.optional(v.object({ startTime: EpochMsSchema, id: IdSchema })),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_LIST_LIMIT)), 500),
  }),
  v.check((r) => r.from < r.to, 'from must be before to'),
  v.check((r) => r.to - r.from <= MAX_LIST_RANGE_MS * 30, 'a list covers at most 30 years'),
);
export type ListSessionsInput = v.InferInput<typeof ListSessionsInputSchema>;

export interface SessionPage {
  sessions: Session[];
  damaged: number;
  /** pass as `after` for the next page; null on the last page */
  next: { startTime: number; id: string } | null;
}

/** Two live sessions sharing time. */
export interface Overlap {
  /** the session written */
  id: string;
  /** the session it overlaps */
  otherId: string;
  otherName: string;
  /** the shared time */
  from: number;
  to: number;
  /** the other session lies wholly inside the written one: trimming the others removes it */
  covered: boolean;
}

/** The undoable action a change recorded; its label names it for the Undo toast ("Split ‘Write report’"). */
export interface ActionRef {
  id: number;
  label: string;
}

/** What every editing call answers. */
export interface EditResult {
  /** the sessions written by the change (new pieces, the merged session, the copy…), oldest first */
  sessions: Session[];
  /** other sessions this change trimmed or removed (overlap 'trim-others') */
  trimmed: Session[];
  /** overlaps left in place (overlap 'keep') */
  overlaps: Overlap[];
  /** null when the call changed nothing (nothing to undo) */
  action: ActionRef | null;
}
