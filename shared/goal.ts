import * as v from 'valibot';

import { EpochMsSchema, IdSchema } from './ids.ts';
import { noNul } from './validate.ts';

/**
 * Goals: a target of worked time per day, week or month, for all work, one project (its sub-projects included) or
 * one tag. "at-least" goals are met by reaching the target, "at-most" goals by staying at or under it.
 */
export const GOAL_PERIODS = ['day', 'week', 'month'] as const;
export const GOAL_KINDS = ['at-least', 'at-most'] as const;

export const GoalSchema = v.object({
  id: IdSchema,
  name: v.string(),
  period: v.picklist(GOAL_PERIODS),
  kind: v.picklist(GOAL_KINDS),
  targetMinutes: v.pipe(v.number(), v.integer(), v.minValue(1)),
  projectId: v.nullable(IdSchema),
  tagId: v.nullable(IdSchema),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type Goal = v.InferOutput<typeof GoalSchema>;

const GoalFields = {
  name: v.pipe(v.string('must be text'), v.trim(), v.maxLength(120, 'must be at most 120 characters'), noNul),
  period: v.picklist(GOAL_PERIODS, 'must be day, week or month'),
  kind: v.picklist(GOAL_KINDS, 'must be at-least or at-most'),
  targetMinutes: v.pipe(
    v.number('must be a number'),
    v.integer('must be whole minutes'),
    v.minValue(1, 'must be at least a minute'),
    v.maxValue(31 * 24 * 60, 'is longer than a month'),
  ),
  projectId: v.nullable(IdSchema),
  tagId: v.nullable(IdSchema),
};

export const CreateGoalInputSchema = v.pipe(
  v.object({
    name: v.optional(GoalFields.name, ''),
    period: GoalFields.period,
    kind: v.optional(GoalFields.kind, 'at-least'),
    targetMinutes: GoalFields.targetMinutes,
    projectId: v.optional(GoalFields.projectId, null),
    tagId: v.optional(GoalFields.tagId, null),
  }),
  v.check((g) => !(g.projectId && g.tagId), 'a goal is for all work, one project or one tag'),
);
export type CreateGoalInput = v.InferInput<typeof CreateGoalInputSchema>;

export const UpdateGoalInputSchema = v.object({
  id: IdSchema,
  patch: v.pipe(
    v.partial(v.object(GoalFields)),
    v.check((p) => Object.values(p).some((x) => x !== undefined), 'nothing to change'),
  ),
});
export type UpdateGoalInput = v.InferInput<typeof UpdateGoalInputSchema>;

export interface GoalProgress {
  goalId: string;
  /** the current period, local time: [from, to) */
  from: number;
  to: number;
  /** worked ms in the period so far, the running timer included */
  doneMs: number;
  targetMs: number;
  /** at-least: done ≥ target; at-most: done ≤ target (so far) */
  met: boolean;
  /** periods in a row before this one that met the goal (this one too when met, for at-least goals) */
  streak: number;
}
