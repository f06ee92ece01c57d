import * as v from 'valibot';
import { EpochMsSchema, IdSchema } from './ids.ts';
import { noNul } from './validate.ts';

export const ColorSchema = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #3366ff'));

export const ProjectSchema = v.object({
  id: IdSchema,
  name: v.string(),
  color: ColorSchema,
  parentId: v.nullable(IdSchema),
  client: v.nullable(v.string()),
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

/** A pleasant default palette; a new project takes the next colour in turn. */
export const PROJECT_PALETTE = ['#4f7cff', '#22a06b', '#e5684e', '#a15de8', '#d99a00', '#0f9fb5', '#d1457b', '#6b778c'] as const;
