import * as v from 'valibot';

/** Lifecycle messages every window listens to (a restore swaps the file under everyone: all windows reload). */
export const LIFECYCLE_CHANNEL = 'lighttrack:lifecycle';
export const LifecycleMessageSchema = v.object({
  type: v.literal('reload'),
  /** plain words, shown briefly by the window before it reloads */
  reason: v.pipe(v.string(), v.maxLength(500)),
});
export type LifecycleMessage = v.InferOutput<typeof LifecycleMessageSchema>;
