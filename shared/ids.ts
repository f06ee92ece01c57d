import * as v from 'valibot';

/** Record ids are random UUIDs so that rows made on different machines never collide when synced later. */
export const IdSchema = v.pipe(v.string(), v.uuid('must be a UUID'));
export type Id = v.InferOutput<typeof IdSchema>;

/** Milliseconds since the Unix epoch (UTC). Bounded to years 1970..2200 to catch seconds/microseconds mix-ups. */
export const EpochMsSchema = v.pipe(
  v.number(),
  v.integer('must be whole milliseconds'),
  v.minValue(0, 'must not be before 1970'),
  v.maxValue(7_258_118_400_000, 'must be before 2200'),
);

export function newId(): Id {
  return crypto.randomUUID();
}
