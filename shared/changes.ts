import * as v from 'valibot';

import { IdSchema } from './ids.ts';

/** BroadcastChannel on which every data worker announces each committed write, so every window refreshes. */
export const CHANGES_CHANNEL = 'lighttrack:changes';

export const CHANGED_TABLES = ['activities', 'projects', 'tags', 'goals', 'settings', 'away_gaps'] as const;
/** The assistant's conversations change often (every answer) and bear on no time figure: watched by their view only. */
export const CONVERSATIONS_TABLE = 'conversations' as const;
/** The Jira bookings' states change as the sender works: watched by the Jira panel only. */
export const JIRA_TABLE = 'jira_worklogs' as const;

export const ChangeSchema = v.object({
  table: v.picklist([...CHANGED_TABLES, CONVERSATIONS_TABLE, JIRA_TABLE]),
  op: v.picklist(['insert', 'update', 'delete']),
  /** ids touched; empty for bulk changes (readers then reload the whole view) */
  ids: v.array(IdSchema),
  /** which connection made the change, so a window can tell its own writes apart */
  origin: v.string(),
});
export type Change = v.InferOutput<typeof ChangeSchema>;
