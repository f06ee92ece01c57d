import * as v from 'valibot';

import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { TagSchema, type Tag } from '../../../shared/tag.ts';
import type { Database, Row } from '../storage/sqlite.ts';
import type { Recording } from '../undo/journal.ts';
import type { EditContext } from '../undo/journaled-write.ts';

interface TagRow extends Row {
  id: string;
  name: string;
  color: string | null;
  productivity: string;
  created_at: number;
  updated_at: number;
}

export const MAX_TAGS_LISTED = 20_000;

export async function listTags(
  db: Database,
  onDamaged?: (table: 'tags', id: unknown, issues: string[]) => void,
): Promise<Tag[]> {
  const rows = await db.all<TagRow>(
    `SELECT ${TAG_COLUMNS} FROM tags WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE LIMIT ${MAX_TAGS_LISTED}`,
  );
  const tags: Tag[] = [];
  for (const r of rows) {
    const tag = toTag(r);
    if (tag) tags.push(tag);
    else onDamaged?.('tags', r.id, ['row failed validation']);
  }
  return tags;
}

const TAG_COLUMNS = 'id, name, color, productivity, created_at, updated_at';

function toTag(r: TagRow): Tag | null {
  const parsed = v.safeParse(TagSchema, {
    id: r.id,
    name: r.name,
    color: r.color,
    productivity: r.productivity,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  return parsed.success ? parsed.output : null;
}

export async function requireLiveTag(db: Database, id: string): Promise<Tag> {
  const row = await db.get<TagRow>(`SELECT ${TAG_COLUMNS} FROM tags WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!row) throw new AppError('NOT_FOUND', `No tag with id ${id}`, { id });
  const tag = toTag(row);
  if (!tag) throw new AppError('DAMAGED', 'This tag is damaged on disk and cannot be used', { id });
  return tag;
}

async function requireFreeTagName(db: Database, name: string, except: string | null): Promise<void> {
  const clash = await db.get<{ id: string }>(
    'SELECT id FROM tags WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL AND id IS NOT ?',
    [name, except],
  );
  if (clash) throw new AppError('CONFLICT', `A tag named “${name}” already exists`, { name, id: clash.id });
}

export async function createTag(ctx: EditContext, input: { name: string; color: string | null }): Promise<Tag> {
  const { db, now, journal } = ctx;
  journal.label = `Create tag “${input.name}”`;
  await requireFreeTagName(db, input.name, null);
  const id = newId();
  await journal.touch('tags', [id]);
  await db.run('INSERT INTO tags (id, name, color, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
    id,
    input.name,
    input.color,
    now,
    now,
  ]);
  return requireLiveTag(db, id);
}

export async function updateTag(
  ctx: EditContext,
  id: string,
  patch: { name?: string | undefined; color?: string | null | undefined; productivity?: string | undefined },
): Promise<Tag> {
  const { db, now, journal } = ctx;
  const tag = await requireLiveTag(db, id);
  journal.label = `Edit tag “${tag.name}”`;
  if (patch.name !== undefined) await requireFreeTagName(db, patch.name, id);
  await journal.touch('tags', [id]);
  await db.run(
    `UPDATE tags SET name = coalesce(?, name), color = CASE WHEN ? THEN ? ELSE color END, productivity = coalesce(?, productivity),
       updated_at = ? WHERE id = ?`,
    [patch.name ?? null, patch.color !== undefined ? 1 : 0, patch.color ?? null, patch.productivity ?? null, now, id],
  );
  return requireLiveTag(db, id);
}

/** Soft delete: links stay (hidden), so undo brings the tag back on every session. Goals on it are deleted too. */
export async function deleteTag(ctx: EditContext, id: string): Promise<void> {
  const { db, now, journal } = ctx;
  const tag = await requireLiveTag(db, id);
  journal.label = `Delete tag “${tag.name}”`;
  await journal.touch('tags', [id]);
  const goals = await db.all<{ id: string }>('SELECT id FROM goals WHERE tag_id = ? AND deleted_at IS NULL', [id]);
  await journal.touch(
    'goals',
    goals.map((g) => g.id),
  );
  await db.run('UPDATE goals SET deleted_at = ?, updated_at = ? WHERE tag_id = ? AND deleted_at IS NULL', [
    now,
    now,
    id,
  ]);
  await db.run('UPDATE tags SET deleted_at = ?, updated_at = ? WHERE id = ?', [now, now, id]);
}

export async function mergeTags(ctx: EditContext, fromId: string, intoId: string): Promise<Tag> {
  const { db, now, journal } = ctx;
  const from = await requireLiveTag(db, fromId);
  const into = await requireLiveTag(db, intoId);
  journal.label = `Merge tag “${from.name}” into “${into.name}”`;
  const sessions = await db.all<{ activity_id: string }>('SELECT activity_id FROM activity_tags WHERE tag_id = ?', [
    fromId,
  ]);
  await journal.touch(
    'activities',
    sessions.map((s) => s.activity_id),
  );
  await journal.touch('tags', [fromId]);
  await db.run(
    'INSERT OR IGNORE INTO activity_tags (activity_id, tag_id) SELECT activity_id, ? FROM activity_tags WHERE tag_id = ?',
    [intoId, fromId],
  );
  await db.run('DELETE FROM activity_tags WHERE tag_id = ?', [fromId]);
  await db.run('UPDATE activities SET updated_at = ? WHERE id IN (SELECT value FROM json_each(?))', [
    now,
    JSON.stringify(sessions.map((s) => s.activity_id)),
  ]);
  const goals = await db.all<{ id: string }>('SELECT id FROM goals WHERE tag_id = ? AND deleted_at IS NULL', [fromId]);
  await journal.touch(
    'goals',
    goals.map((g) => g.id),
  );
  await db.run('UPDATE goals SET tag_id = ?, updated_at = ? WHERE tag_id = ? AND deleted_at IS NULL', [
    intoId,
    now,
    fromId,
  ]);
  await db.run('UPDATE tags SET deleted_at = ?, updated_at = ? WHERE id = ?', [now, now, fromId]);
  return requireLiveTag(db, intoId);
}

/**
 * The ids of tags named by the user: live tags matched without case, the rest created (recorded in the action, so
 * undoing the change removes a tag it made). Names are already validated and trimmed.
 */
export async function resolveTagNames(
  db: Database,
  names: readonly string[],
  journal: Recording,
  now: number,
): Promise<string[]> {
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
    await journal.touch(
      'tags',
      create.map((c) => c.id),
    );
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
export async function setSessionTags(db: Database, sessionId: string, tagIds: readonly string[]): Promise<void> {
  await db.run('DELETE FROM activity_tags WHERE activity_id = ?', [sessionId]);
  if (tagIds.length === 0) return;
  await db.run('INSERT OR IGNORE INTO activity_tags (activity_id, tag_id) SELECT ?, value FROM json_each(?)', [
    sessionId,
    JSON.stringify(tagIds),
  ]);
}

/** Adds and removes tags on many sessions at once. */
export async function changeTags(
  db: Database,
  sessionIds: readonly string[],
  add: readonly string[],
  remove: readonly string[],
): Promise<void> {
  const ids = JSON.stringify(sessionIds);
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
