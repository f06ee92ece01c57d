import * as v from 'valibot';

import { IdSchema } from './ids.ts';

/** BroadcastChannel on which every data worker announces each committed write, so every window refreshes. */
export const CHANGES_CHANNEL = 'lighttrack:changes';

export const CHANGED_TABLES = ['activities', 'projects', 'tags', 'goals', 'settings', 'away_gaps'] as const;

export const ChangeSchema = v.object({
  table: v.picklist(CHANGED_TABLES),
  op: v.picklist(['insert', 'update', 'delete']),
  /** ids touched; empty for bulk changes (readers then reload the whole view) */
  ids: v.array(IdSchema),
  /** which connection made the change, so a window can tell its own writes apart */
  origin: v.string(),
});
export type Change = v.InferOutput<typeof ChangeSchema>;
