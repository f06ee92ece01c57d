import { fuzzy, fuzzyMatches, nameIndex, type NamedItem } from '../../../shared/quick-entry/names.ts';
import { splitWords } from '../../../shared/quick-entry/words.ts';

/**
 * Pure: what to offer for the `@project` or `#tag` word under the caret, or for a word that starts a Jira issue key
 * (`ABC`, `ABC-1`: the cached issues with their summaries), and how picking one rewrites the line.
 */

export interface Suggestion {
  id: string;
  /** "Parent/Child" for sub-projects */
  label: string;
  /** matched character positions in label, for bold */
  indexes: readonly number[];
  /** an issue's summary, shown beside its key */
  detail?: string;
}

export interface Suggestions {
  /** 'key': a Jira issue key, written as it is (no marker) */
  marker: '@' | '#' | 'key';
  /** the marker word's span in the text */
  from: number;
  to: number;
  query: string;
  items: Suggestion[];
}

export const MAX_SUGGESTIONS = 8;

/** The `@…`/`#…` word the caret is in or just after (split as the parser splits, so quotes keep spaces), or null. */
export function markerAt(
  text: string,
  caret: number,
): { marker: '@' | '#'; from: number; to: number; query: string } | null {
  const word = splitWords(text).find((w) => w.from < caret && caret <= w.to);
  if (!word) return null;
  const marker = word.text[0];
  if (marker !== '@' && marker !== '#') return null;
  const quoted = word.text[1] === '"';
  const query = quoted ? word.text.slice(2).replace(/"$/, '') : word.text.slice(1);
  return { marker, from: word.from, to: word.to, query };
}

/** A word that can only be the start of an issue key: capitals (two or more), maybe a dash and digits. */
const KEY_START = /^[A-Z][A-Z0-9_]+(?:-\d*)?$/;

export function suggest(
  text: string,
  caret: number,
  projects: readonly NamedItem[],
  tags: readonly NamedItem[],
  issues: readonly { key: string; summary: string }[] = [],
): Suggestions | null {
  const at = markerAt(text, caret);
  if (!at) {
    const word = issues.length ? splitWords(text).find((w) => w.from < caret && caret <= w.to) : undefined;
    if (!word || !KEY_START.test(word.text)) return null;
    const items = issues
      .filter((i) => i.key.startsWith(word.text) && i.key !== word.text)
      .slice(0, MAX_SUGGESTIONS)
      .map((i) => ({ id: i.key, label: i.key, indexes: [], detail: i.summary }));
    return { marker: 'key', from: word.from, to: word.to, query: word.text, items };
  }
  const index = nameIndex(at.marker === '@' ? projects : tags);
  // a bare marker offers the list in the order given (the caller puts recent ones first)
  const lower = at.query.trim().toLowerCase();
  const items: Suggestion[] =
    lower === '' || !fuzzy()
      ? index.items
          .filter((i) => i.lower.includes(lower))
          .slice(0, MAX_SUGGESTIONS)
          .map((i) => ({ id: i.id, label: i.label, indexes: [] }))
      : fuzzyMatches(at.query, index, MAX_SUGGESTIONS, 0.2).map((r) => ({
          id: r.obj.id,
          label: r.obj.label,
          indexes: r.indexes,
        }));
  return { ...at, items };
}

/** The line with the marker word replaced by the picked name (quoted when it has spaces), and the caret after it. */
export function applySuggestion(text: string, s: Suggestions, label: string): { text: string; caret: number } {
  const word = s.marker === 'key' ? label : `${s.marker}${/\s|"/.test(label) ? `"${label.replace(/"/g, '')}"` : label}`;
  const after = text.slice(s.to);
  const spacer = after.startsWith(' ') ? '' : ' ';
  return { text: text.slice(0, s.from) + word + spacer + after, caret: s.from + word.length + 1 };
}
