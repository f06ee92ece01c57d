import { AppError } from '../../../shared/errors.ts';
import type { ImportProblem } from '../../../shared/export-rows.ts';

/**
 * Whole-file checks that run before any format is tried: size, UTF-16 read as UTF-8, binary data, stray NULs and
 * the byte-order mark. A file failing one is refused as a whole (a thrown VALIDATION AppError), because no row of it
 * could be trusted.
 */

/** 100 M characters: several times the largest real exports (a 100k-row Toggl CSV is ~20 MB), still parseable in a worker. */
export const MAX_IMPORT_CHARS = 100 * 1024 * 1024;

const refuse = (message: string): never => {
  throw new AppError('VALIDATION', message);
};

/** The text ready for a format's parser, with whole-file notes (e.g. NULs removed). Throws when it cannot be read. */
export function prepareText(text: string, maxChars = MAX_IMPORT_CHARS): { text: string; problems: ImportProblem[] } {
  if (typeof text !== 'string') refuse('The file could not be read as text.');
  if (text.length > maxChars) {
    const mb = (n: number, digits: number) => `${(n / 1024 / 1024).toFixed(digits)} MB`;
    refuse(
      `The file is too large to import (${mb(text.length, 1)} of text; the limit is ${mb(maxChars, 0)}). Export a shorter period and import the parts one by one.`,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim().length === 0) refuse('The file is empty: there is nothing to import.');
  const head = text.slice(0, 4096);
  let nuls = 0;
  let binary = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) nuls++;
    else if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || (c === 0xfffd && i > 1)) binary++;
  }
  // UTF-16 text decoded as UTF-8 has a NUL beside nearly every ASCII character (and its BOM became two U+FFFD).
  if (nuls > head.length / 4 && binary <= head.length / 50)
    refuse(
      'The file looks like UTF-16 text read as UTF-8. Save it as UTF-8 (in Excel: "CSV UTF-8") and import it again.',
    );
  if ((binary > 8 && binary > head.length / 100) || nuls > head.length / 4)
    refuse(
      'The file is not text (it looks like binary data, such as an image or a spreadsheet). Choose a CSV or JSON export.',
    );
  const problems: ImportProblem[] = [];
  if (text.includes('\0')) {
    const lines = new Map<number, number>();
    let line = 1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
      else if (c === 0) lines.set(line, (lines.get(line) ?? 0) + 1);
    }
    let shown = 0;
    for (const [at, count] of lines) {
      if (shown++ === 20) {
        problems.push({ line: null, message: `NUL characters were also removed on ${lines.size - 20} more lines.` });
        break;
      }
      problems.push({
        line: at,
        message: `${count === 1 ? 'A NUL character was' : `${count} NUL characters were`} removed (LightTrack cannot store them).`,
      });
    }
    text = text.replaceAll('\0', '');
  }
  return { text, problems };
}

/**
 * 64-bit FNV-1a over the UTF-8 bytes of `s`, as 16 hex digits. Synchronous and pure (crypto.subtle is async), with
 * the 64-bit product done in four 16-bit limbs so it stays exact in doubles.
 */
export function fnv1a64(s: string): string {
  let v0 = 0x2325,
    v1 = 0x8422,
    v2 = 0x9ce4,
    v3 = 0xcbf2;
  // the UTF-8 bytes made on the fly (as TextEncoder would: a lone surrogate is U+FFFD), so hashing a 100k-row file
  // allocates nothing per row
  const step = (byte: number) => {
    v0 ^= byte;
    const t0 = v0 * 435,
      t1 = v1 * 435;
    let t2 = v2 * 435;
    const t3 = v3 * 435 + (v1 << 8);
    t2 += v0 << 8;
    const c1 = t1 + (t0 >>> 16);
    v0 = t0 & 0xffff;
    t2 += c1 >>> 16;
    v1 = c1 & 0xffff;
    v3 = (t3 + (t2 >>> 16)) & 0xffff;
    v2 = t2 & 0xffff;
  };
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      step(c);
      continue;
    }
    if (c < 0x800) {
      step(0xc0 | (c >> 6));
      step(0x80 | (c & 0x3f));
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        step(0xf0 | (c >> 18));
        step(0x80 | ((c >> 12) & 0x3f));
        step(0x80 | ((c >> 6) & 0x3f));
        step(0x80 | (c & 0x3f));
        continue;
      }
      c = 0xfffd;
    }
    step(0xe0 | (c >> 12));
    step(0x80 | ((c >> 6) & 0x3f));
    step(0x80 | (c & 0x3f));
  }
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return hex(v3) + hex(v2) + hex(v1) + hex(v0);
}
