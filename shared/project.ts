import * as v from 'valibot';

import { EpochMsSchema, IdSchema } from './ids.ts';
import { noNul } from './validate.ts';

export const ColorSchema = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #3366ff'));

export const PRODUCTIVITY = ['productive', 'neutral', 'distracting'] as const;
export type Productivity = (typeof PRODUCTIVITY)[number];
export const CurrencySchema = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be a currency code like EUR'));
const Minutes = v.pipe(
  v.number('must be a number'),
  v.integer('must be whole minutes'),
  v.minValue(1, 'must be at least a minute'),
  v.maxValue(10_000_000, 'is too large'),
);
const Rate = v.pipe(
  v.number('must be a number'),
  v.minValue(0, 'must not be negative'),
  v.maxValue(1_000_000, 'is too large'),
);

export const ProjectSchema = v.object({
  id: IdSchema,
  name: v.string(),
  color: ColorSchema,
  parentId: v.nullable(IdSchema),
  client: v.nullable(v.string()),
  hourlyRate: v.nullable(Rate),
  currency: v.nullable(CurrencySchema),
  /** new sessions on this project start billable */
  billableDefault: v.boolean(),
  /** a budget in minutes, for the whole project or per calendar month */
  budgetMinutes: v.nullable(Minutes),
  budgetPeriod: v.nullable(v.picklist(['total', 'month'])),
  estimateMinutes: v.nullable(Minutes),
  productivity: v.picklist(PRODUCTIVITY),
  archivedAt: v.nullable(EpochMsSchema),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type Project = v.InferOutput<typeof ProjectSchema>;

export const ProjectNameSchema = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.nonEmpty('must not be empty'),
  v.maxLength(120, 'must be at most 120 characters'),
  noNul,
);

export const CreateProjectInputSchema = v.object({
  name: ProjectNameSchema,
  color: v.optional(ColorSchema),
  parentId: v.optional(v.nullable(IdSchema), null),
  client: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(120), noNul)), null),
});
export type CreateProjectInput = v.InferInput<typeof CreateProjectInputSchema>;

const ClientSchema = v.nullable(
  v.pipe(v.string(), v.trim(), v.maxLength(120, 'must be at most 120 characters'), noNul),
);

export const ProjectPatchSchema = v.pipe(
  v.object({
    name: v.optional(ProjectNameSchema),
    color: v.optional(ColorSchema),
    /** moving under another project; a project cannot be its own ancestor */
    parentId: v.optional(v.nullable(IdSchema)),
    client: v.optional(ClientSchema),
    hourlyRate: v.optional(v.nullable(Rate)),
    currency: v.optional(v.nullable(CurrencySchema)),
    billableDefault: v.optional(v.boolean()),
    budgetMinutes: v.optional(v.nullable(Minutes)),
    budgetPeriod: v.optional(v.nullable(v.picklist(['total', 'month']))),
    estimateMinutes: v.optional(v.nullable(Minutes)),
    productivity: v.optional(v.picklist(PRODUCTIVITY)),
  }),
  v.check((p) => Object.values(p).some((x) => x !== undefined), 'nothing to change'),
);
export type ProjectPatch = v.InferInput<typeof ProjectPatchSchema>;
export const UpdateProjectInputSchema = v.object({ id: IdSchema, patch: ProjectPatchSchema });
export type UpdateProjectInput = v.InferInput<typeof UpdateProjectInputSchema>;

export const ArchiveProjectInputSchema = v.object({ id: IdSchema, archived: v.boolean() });
export type ArchiveProjectInput = v.InferInput<typeof ArchiveProjectInputSchema>;

/** Deleting a project that has sessions asks what happens to them: kept without a project, or moved to another. */
export const DeleteProjectInputSchema = v.pipe(
  v.object({ id: IdSchema, sessions: v.optional(v.picklist(['unassign', 'move'])), moveTo: v.optional(IdSchema) }),
  v.check((d) => (d.sessions === 'move') === (d.moveTo !== undefined), 'moveTo goes with sessions: move'),
  v.check((d) => d.moveTo !== d.id, 'cannot move sessions to the project being deleted'),
);
export type DeleteProjectInput = v.InferInput<typeof DeleteProjectInputSchema>;

/** Typo clean-up: every session and sub-project of `from` goes to `into`, then `from` is deleted. */
export const MergeProjectsInputSchema = v.pipe(
  v.object({ from: IdSchema, into: IdSchema }),
  v.check((m) => m.from !== m.into, 'a project cannot be merged into itself'),
);
export type MergeProjectsInput = v.InferInput<typeof MergeProjectsInputSchema>;

/** Worked time per project for the current week and month and all time, and the budget used (current month for
 *  monthly budgets). Sub-projects are not rolled up here; the UI sums the tree. */
export interface ProjectTotals {
  projectId: string;
  weekMs: number;
  monthMs: number;
  allMs: number;
  /** worked ms counted against the budget, or null without a budget */
  budgetUsedMs: number | null;
}

/** A pleasant default palette; a new project takes the next colour in turn. */
export const PROJECT_PALETTE = [
  '#4f7cff',
  '#22a06b',
  '#e5684e',
  '#a15de8',
  '#d99a00',
  '#0f9fb5',
  '#d1457b',
  '#6b778c',
] as const;
