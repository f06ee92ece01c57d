import * as v from 'valibot';
import { newId } from '../../shared/ids.ts';
import { TagSchema, type Tag } from '../../shared/tag.ts';
import type { Recording } from './journal.ts';
import type { Database, Row } from './sqlite.ts';

interface TagRow extends Row {
  id: string;
  name: string;
  color: string | null;
  created_at: number;
  updated_at: number;
}

export const MAX_TAGS_LISTED = 20_000;

export async function listTags(db: Database, onDamaged?: (table: 'tags', id: unknown, issues: string[]) => void): Promise<Tag[]> {
  const rows = await db.all<TagRow>(
    `SELECT id, name, color, created_at, updated_at FROM tags WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE
     LIMIT ${MAX_TAGS_LISTED}`,
  );
  const tags: Tag[] = [];
  for (const r of rows) {
    const parsed = v.safeParse(TagSchema, { id: r.id, name: r.name, color: r.color, createdAt: r.created_at, updatedAt: r.updated_at });
    if (parsed.success) tags.push(parsed.output);
    else onDamaged?.('tags', r.id, parsed.issues.map((i) => i.message));
  }
  return tags;
}

/**
 * The ids of tags named by the user: live tags matched without case, the rest created (recorded in the action, so
 * undoing the change removes a tag it made). Names are already validated and trimmed.
 */
export async function resolveTagNames(db: Database, names: readonly string[], journal: Recording, now: number): Promise<string[]> {
  const wanted = new Map<string, string>();
  for (const name of names) if (!wanted.has(asciiLower(name))) wanted.set(asciiLower(name), name);
  if (wanted.size === 0) return [];
  const found = await db.all<{ id: string; key: string }>(
    `SELECT t.id, lower(t.name) AS key FROM tags t WHERE t.deleted_at IS NULL
       AND t.name COLLATE NOCASE IN (SELECT value FROM json_each(?))`,
    [JSON.stringify([...wanted.values()])],
  );
  const ids = new Map(found.map((f) => [f.key, f.id]));
  const create: { id: string; name: string }[] = [];
  for (const [key, name] of wanted) if (!ids.has(key)) create.push({ id: newId(), name });
  if (create.length > 0) {
    await journal.touch('tags', create.map((c) => c.id));
    for (const c of create) {
      await db.run('INSERT INTO tags (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)', [c.id, c.name, now, now]);
      ids.set(asciiLower(c.name), c.id);
    }
  }
  return [...wanted.keys()].map((k) => ids.get(k)!).filter((id, i, all) => all.indexOf(id) === i);
}

/** Case folding as SQLite's NOCASE (and so the unique index on live tag names) does it: ASCII letters only. */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Replaces a session's tags. */
export async function setSessionTags(db: Database, activityId: string, tagIds: readonly string[]): Promise<void> {
  await db.run('DELETE FROM activity_tags WHERE activity_id = ?', [activityId]);
  if (tagIds.length === 0) return;
  await db.run('INSERT OR IGNORE INTO activity_tags (activity_id, tag_id) SELECT ?, value FROM json_each(?)', [
    activityId,
    JSON.stringify(tagIds),
  ]);
}

/** Adds and removes tags on many sessions at once. */
export async function changeTags(db: Database, activityIds: readonly string[], add: readonly string[], remove: readonly string[]): Promise<void> {
  const ids = JSON.stringify(activityIds);
  if (remove.length > 0) {
    await db.run(
      `DELETE FROM activity_tags WHERE activity_id IN (SELECT value FROM json_each(?)) AND tag_id IN (SELECT value FROM json_each(?))`,
      [ids, JSON.stringify(remove)],
    );
  }
  if (add.length > 0) {
    await db.run(
      `INSERT OR IGNORE INTO activity_tags (activity_id, tag_id) SELECT a.value, t.value FROM json_each(?) a, json_each(?) t`,
      [ids, JSON.stringify(add)],
    );
  }
}

/** Ids of existing live tags by name (for removal: an unknown name removes nothing). */
export async function findTagIds(db: Database, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await db.all<{ id: string }>(
    `SELECT id FROM tags WHERE deleted_at IS NULL AND name COLLATE NOCASE IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(names)],
  );
  return rows.map((r) => r.id);
}
