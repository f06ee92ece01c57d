/**
 * An RFC 4180 reader that keeps quotes, delimiters and newlines inside quoted cells, accepts \r\n, \n and \r (mixed)
 * and knows the physical line each record starts on, so a problem can name it. (papaparse was measured and left
 * out: it ships only a UMD/CommonJS build, which neither the app's rollup build nor the browser tests load without a
 * CommonJS plugin, and it counts records, not lines.)
 */

export interface CsvRecord {
  /** 1-based physical line the record starts on */
  line: number;
  cells: string[];
}

export interface CsvResult {
  records: CsvRecord[];
  /** set when a quoted cell is never closed: the line where that record began (its record is dropped) */
  unclosedQuoteLine: number | null;
}

/** The delimiter of the header line: the most frequent of , ; and tab outside quotes. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

export function readCsv(text: string, delimiter: string, maxCells = Infinity): CsvResult {
  const records: CsvRecord[] = [];
  const d = delimiter.charCodeAt(0);
  let cells: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  let nextLf = -1;
  let nextCr = -1;
  while (i <= n) {
    // one cell per turn
    if (text.charCodeAt(i) === 34) {
      let value = '';
      let from = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return { records, unclosedQuoteLine: recordLine };
        // newlines inside the cell still count as lines; the next of each is remembered, so the search stays linear
        if (nextLf < i) nextLf = indexOr(text, '\n', i, n);
        if (nextCr < i) nextCr = indexOr(text, '\r', i, n);
        if (nextLf < q || nextCr < q) {
          for (let k = i; k < q; k++) {
            const c = text.charCodeAt(k);
            if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) line++;
          }
        }
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(from, q + 1);
          i = from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      // tolerate text after a closing quote (`"a"b`), as spreadsheet programs do
      let j = i;
      for (let c = text.charCodeAt(j); j < n && c !== d && c !== 10 && c !== 13; c = text.charCodeAt(++j));
      cells.push(j > i ? value + text.slice(i, j) : value);
      i = j;
    } else {
      let j = i;
      for (let c = text.charCodeAt(j); j < n && c !== d && c !== 10 && c !== 13; c = text.charCodeAt(++j));
      cells.push(text.slice(i, j));
      i = j;
    }
    if (cells.length > maxCells) return { records: [...records, { line: recordLine, cells }], unclosedQuoteLine: null };
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    // end of record (newline or end of text)
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
    if (i >= n) break;
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    recordLine = line;
  }
  return { records, unclosedQuoteLine: null };
}

function indexOr(text: string, c: string, from: number, none: number): number {
  const at = text.indexOf(c, from);
  return at < 0 ? none : at;
}

/** Header cells as keys: lower case, trimmed, inner spaces single. */
export function headerKey(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** Finds columns by any of several header names (a format's spellings and locales). */
export class Columns {
  private readonly index = new Map<string, number>();
  constructor(readonly header: readonly string[]) {
    header.forEach((cell, i) => {
      const key = headerKey(cell);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }
  find(...names: string[]): number {
    for (const name of names) {
      const i = this.index.get(name);
      if (i !== undefined) return i;
    }
    return -1;
  }
  /** first column whose key matches, e.g. /^amount \(/ */
  match(pattern: RegExp): number {
    for (const [key, i] of this.index) if (pattern.test(key)) return i;
    return -1;
  }
  has(...names: string[]): boolean {
    return this.find(...names) >= 0;
  }
}
