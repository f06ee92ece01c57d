import * as v from 'valibot';

import { noNul } from './validate.ts';

/** The assistant's parts of the settings (endpoints, assistants): small, as the main window's first paint reads them. */

const Text = (max: number) =>
  v.pipe(v.string('must be text'), v.maxLength(max, `must be at most ${max} characters`), noNul);

export const EndpointSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[\w-]{1,40}$/, 'must be a short id')),
  name: v.pipe(Text(80), v.nonEmpty('needs a name')),
  /** e.g. https://api.openai.com/v1 or http://localhost:11434/v1 */
  baseURL: v.pipe(Text(2048), v.url('must be a URL')),
  model: v.pipe(Text(200), v.nonEmpty('needs a model')),
  /** whether a key is kept for it behind the shell's secrets (the key itself is never here) */
  hasKey: v.optional(v.boolean(), false),
});
export type Endpoint = v.InferOutput<typeof EndpointSchema>;

/**
 * Assistants (the seeds call them agents): named presets with instructions, an optional model and temperature, and
 * the tools they may use. Shipped defaults below; the user's edited list lives in settings (so it travels with the
 * settings file).
 */
export const AssistantPresetSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[\w-]{1,40}$/, 'must be a short id')),
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('needs a name'), v.maxLength(60), noNul),
  instructions: v.pipe(v.string(), v.maxLength(20_000), noNul),
  /** overrides the endpoint's model; null keeps it */
  model: v.nullable(v.pipe(v.string(), v.maxLength(200), noNul)),
  temperature: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(2))),
  /** tool names it may call; the worker ignores names it does not know */
  tools: v.pipe(v.array(v.pipe(v.string(), v.maxLength(60))), v.maxLength(40)),
});
export type AssistantPreset = v.InferOutput<typeof AssistantPresetSchema>;
