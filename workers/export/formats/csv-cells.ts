/**
 * RFC 4180 cells and rows, with OWASP's CSV-injection guard for text a user typed. Numbers we write ourselves are
 * never touched (a spreadsheet must still read them as numbers).
 */

export interface CsvOptions {
  /** ',' (default) or ';' (Excel in comma-decimal locales; LightTrack's own number columns then use a decimal comma) */
  delimiter?: ',' | ';';
  /** a UTF-8 byte-order mark first, so Excel reads the file as UTF-8 */
  bom?: boolean;
}

/** A cell: text the user typed (guarded), or a value we made (numbers, dates, ids), written as it is. */
export type CsvCell = { text: string } | string;

// `'=…` is risky too: guarding it as well keeps the guard reversible (the import takes exactly one ' off)
const RISKY_START = /^'*[=+\-@\t\r]/;

/** A leading ' makes a spreadsheet show the text instead of running it as a formula; a human still reads it. */
export function neutralise(text: string): string {
  // most text starts with none of ' = + - @ tab CR: one char code, no regex
  const c = text.charCodeAt(0);
  if (c !== 39 && c !== 61 && c !== 43 && c !== 45 && c !== 64 && c !== 9 && c !== 13) return text;
  return RISKY_START.test(text) ? `'${text}` : text;
}

const NEEDS_QUOTES = { ',': /[",\r\n]/, ';': /[";\r\n]/ } as Record<string, RegExp>;

export function quote(value: string, delimiter: string): string {
  const needs = NEEDS_QUOTES[delimiter] ?? new RegExp(`["\r\n${delimiter}]`);
  return needs.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, CRLF-terminated as RFC 4180 says. */
export function csvRow(cells: readonly CsvCell[], delimiter: string): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (i > 0) out += delimiter;
    out += quote(typeof c === 'string' ? c : neutralise(c.text), delimiter);
  }
  return out + '\r\n';
}

export const BOM = '\uFEFF';

/** A number for LightTrack's own columns: a decimal comma when the delimiter is ';'. */
export function localNumber(text: string, delimiter: string): string {
  return delimiter === ';' ? text.replace('.', ',') : text;
}

/** A streaming CSV writer: the header (after an optional BOM) with the first page, then one record per session. */
export function csvStream<T>(header: readonly string[], rowOf: (item: T) => CsvCell[], options: CsvOptions) {
  const delimiter = options.delimiter ?? ',';
  const encoder = new TextEncoder();
  let started = false;
  const start = () => {
    if (started) return '';
    started = true;
    return (options.bom ? BOM : '') + csvRow(header, delimiter);
  };
  return {
    delimiter,
    page(items: readonly T[]): Uint8Array {
      // one string per page, one encode: a page is ~100 KB, so no per-row buffers
      const rows = new Array<string>(items.length + 1);
      rows[0] = start();
      for (let i = 0; i < items.length; i++) rows[i + 1] = csvRow(rowOf(items[i]!), delimiter);
      return encoder.encode(rows.join(''));
    },
    /** an empty export is still a file with its header */
    finish(): Uint8Array {
      return encoder.encode(start());
    },
  };
}

/** The import side's inverse of neutralise(): a `'` we added before a risky first character is taken off again. */
export function restoreNeutralised(text: string): string {
  return text.length > 1 && text[0] === "'" && /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
