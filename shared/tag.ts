import * as v from 'valibot';

import { EpochMsSchema, IdSchema } from './ids.ts';
import { noNul } from './validate.ts';

/** Tags label sessions across projects ("meeting", "deep work"). Names are unique among live tags, without case. */
export const TagSchema = v.object({
  id: IdSchema,
  name: v.string(),
  color: v.nullable(v.string()),
  productivity: v.picklist(['productive', 'neutral', 'distracting']),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type Tag = v.InferOutput<typeof TagSchema>;

export const TagNameSchema = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.nonEmpty('a tag name must not be empty'),
  v.maxLength(60, 'a tag name must be at most 60 characters'),
  v.check((s) => !/[\n\r\t]/.test(s), 'a tag name must be one line'),
  noNul,
);

/** Tags named by the user: an existing tag (matched without case) or a new one, created with the change. */
export const TagNamesSchema = v.pipe(v.array(TagNameSchema), v.maxLength(50, 'at most 50 tags per session'));

const TagColorSchema = v.nullable(v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #3366ff')));
export const CreateTagInputSchema = v.object({ name: TagNameSchema, color: v.optional(TagColorSchema, null) });
export type CreateTagInput = v.InferInput<typeof CreateTagInputSchema>;
export const UpdateTagInputSchema = v.object({
  id: IdSchema,
  patch: v.pipe(
    v.object({
      name: v.optional(TagNameSchema),
      color: v.optional(TagColorSchema),
      productivity: v.optional(v.picklist(['productive', 'neutral', 'distracting'])),
    }),
    v.check((p) => Object.values(p).some((x) => x !== undefined), 'nothing to change'),
  ),
});
export type UpdateTagInput = v.InferInput<typeof UpdateTagInputSchema>;
export const MergeTagsInputSchema = v.pipe(
  v.object({ from: IdSchema, into: IdSchema }),
  v.check((m) => m.from !== m.into, 'a tag cannot be merged into itself'),
);
export type MergeTagsInput = v.InferInput<typeof MergeTagsInputSchema>;
