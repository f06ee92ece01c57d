import type Fuzzysort from 'fuzzysort';
import type { SnapshotKey } from 'fuzzysort';

/**
 * fuzzysort is handed in (setFuzzysort) rather than imported: the quick-entry page loads it after its first paint to
 * stay within its script budget. Until then names resolve exactly and by prefix only.
 */
let fuzzysort: typeof Fuzzysort | null = null;
export function setFuzzysort(impl: typeof Fuzzysort): void {
  fuzzysort = impl;
}
export function fuzzy(): typeof Fuzzysort | null {
  return fuzzysort;
}

/**
 * A project or tag as the parser sees it; projects may name a parent (shown and matched as "Parent/Child") and a
 * client (matched as "Client/Project" too, since people say "Acme/Website" for Website of client Acme).
 */
export interface NamedItem {
  id: string;
  name: string;
  parentId?: string | null;
  client?: string | null;
}

/**
 * An existing item, or one to create with the entry: `parentId` when `@Parent/New` names an existing parent, `client`
 * when `@Client/New` names an existing client (spelled as it is stored).
 */
export type NameRef = { id: string } | { newName: string; parentId?: string; client?: string };

export interface IndexedItem {
  id: string;
  /** "Parent/Child" for sub-projects, else the name */
  label: string;
  lower: string;
  leafLower: string;
}

export interface NameIndex {
  items: IndexedItem[];
  byLabel: Map<string, IndexedItem>;
  byLeaf: Map<string, IndexedItem[]>;
  /** "client/label" in lower case → the item, for items whose project has a client */
  byClientLabel: Map<string, IndexedItem>;
  /** lower case → the client as stored */
  clients: Map<string, string>;
  /** made on first fuzzy use */
  snapshot: SnapshotKey<IndexedItem> | null;
}

/** Fuzzy matches below this score are too loose to guess from ("acme" should not become "Backend Machine"). */
export const FUZZY_THRESHOLD = 0.3;

const indexes = new WeakMap<readonly NamedItem[], NameIndex>();

/** An index of the list, built once per list object (the caller keeps the same array while it is unchanged). */
export function nameIndex(list: readonly NamedItem[]): NameIndex {
  const cached = indexes.get(list);
  if (cached) return cached;
  const byId = new Map(list.map((p) => [p.id, p]));
  const labelOf = (p: NamedItem): string => {
    const parts = [p.name];
    let parent = p.parentId ? byId.get(p.parentId) : undefined;
    for (let depth = 0; parent && depth < 10; depth++) {
      parts.unshift(parent.name);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    return parts.join('/');
  };
  const items = list.map((p) => {
    const label = labelOf(p);
    return { id: p.id, label, lower: label.toLowerCase(), leafLower: p.name.toLowerCase() };
  });
  const byLabel = new Map<string, IndexedItem>();
  const byLeaf = new Map<string, IndexedItem[]>();
  const byClientLabel = new Map<string, IndexedItem>();
  const clients = new Map<string, string>();
  items.forEach((item, i) => {
    if (!byLabel.has(item.lower)) byLabel.set(item.lower, item);
    const same = byLeaf.get(item.leafLower);
    if (same) same.push(item);
    else byLeaf.set(item.leafLower, [item]);
    const client = list[i]!.client?.trim();
    if (client) {
      const key = `${client.toLowerCase()}/${item.lower}`;
      if (!byClientLabel.has(key)) byClientLabel.set(key, item);
      if (!clients.has(client.toLowerCase())) clients.set(client.toLowerCase(), client);
    }
  });
  const index: NameIndex = { items, byLabel, byLeaf, byClientLabel, clients, snapshot: null };
  indexes.set(list, index);
  return index;
}

/**
 * `@name` / `#name` to an item, without case: the exact name first, then a unique prefix, then the best fuzzy match;
 * nothing found → a new one. A quoted name matches only exactly, so `@"Acme"` can always create "Acme".
 */
export function resolveName(query: string, list: readonly NamedItem[], quoted: boolean): NameRef {
  const index = nameIndex(list);
  const lower = query.toLowerCase();
  const exact = index.byLabel.get(lower) ?? single(index.byLeaf.get(lower)) ?? index.byClientLabel.get(lower);
  if (exact) return { id: exact.id };
  if (!quoted && lower.length <= 200) {
    let prefix: IndexedItem | null = null;
    let count = 0;
    for (const item of index.items) {
      if (item.lower.startsWith(lower) || item.leafLower.startsWith(lower)) {
        prefix = item;
        if (++count > 1) break;
      }
    }
    if (count === 1 && prefix) return { id: prefix.id };
    const best = fuzzyMatches(query, index, 1, FUZZY_THRESHOLD)[0];
    if (best) return { id: best.obj.id };
  }
  const slash = query.lastIndexOf('/');
  if (slash > 0 && slash < query.length - 1) {
    const parent = index.byLabel.get(lower.slice(0, slash));
    if (parent) return { newName: query.slice(slash + 1), parentId: parent.id };
    const client = index.clients.get(lower.slice(0, slash));
    if (client) return { newName: query.slice(slash + 1), client };
  }
  return { newName: query };
}

function single(items: IndexedItem[] | undefined): IndexedItem | undefined {
  return items && items.length === 1 ? items[0] : undefined;
}

/** The best fuzzy matches of the query, or none while fuzzysort is not loaded. */
export function fuzzyMatches(query: string, index: NameIndex, limit: number, threshold: number) {
  if (!fuzzysort) return [];
  index.snapshot ??= fuzzysort.snapshot(index.items, { key: 'label' });
  return fuzzysort.go(query, index.snapshot, { limit, threshold });
}
