import { v7 as uuidv7 } from 'uuid';
import * as v from 'valibot';

/**
 * Record ids are UUIDs so that rows made on different machines never collide when synced later. Version 7 ids start
 * with the creation time, so new rows land at the end of the primary-key B-tree instead of on random pages: a batch
 * insert dirties (and journals, and writes to OPFS) a handful of pages rather than most of the index.
 */
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
  return uuidv7();
}
