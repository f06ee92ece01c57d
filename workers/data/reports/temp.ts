import type { Database } from '../storage/sqlite.ts';

/**
 * Per-connection temp tables a report or a bake sums facts into (`%T` is the table's name): day facts (tag and name
 * columns '' unless split by them), hour facts, day stats.
 */
export const TEMP = `
  CREATE TEMP TABLE IF NOT EXISTS %T (day INTEGER NOT NULL, project_id TEXT NOT NULL, billable INTEGER NOT NULL,
    class INTEGER NOT NULL, tag_id TEXT NOT NULL DEFAULT '', name TEXT NOT NULL DEFAULT '', ms INTEGER NOT NULL,
    rounded_ms INTEGER NOT NULL, sessions INTEGER NOT NULL, PRIMARY KEY (day, project_id, billable, class, tag_id, name));`;
export const TEMP_HOURS = `CREATE TEMP TABLE IF NOT EXISTS %T (day INTEGER NOT NULL, hour INTEGER NOT NULL, ms INTEGER NOT NULL,
  productive_ms INTEGER NOT NULL, PRIMARY KEY (day, hour));`;
export const TEMP_STATS = `CREATE TEMP TABLE IF NOT EXISTS %T (day INTEGER PRIMARY KEY, sessions INTEGER NOT NULL, short INTEGER NOT NULL,
  switches INTEGER NOT NULL, longest_ms INTEGER NOT NULL, worked_ms INTEGER NOT NULL);`;

/** Creates temp.`name` with `ddl` if missing and empties it; returns its qualified name. */
export async function temp(db: Database, ddl: string, name: string): Promise<string> {
  await db.exec(ddl.replace('%T', `temp.${name}`));
  await db.run(`DELETE FROM temp.${name}`);
  return `temp.${name}`;
}
