import { AppError } from '../../../shared/errors.ts';

/**
 * JSON.parse behind a cheap nesting scan: a "JSON bomb" of a million brackets is refused before the parser recurses
 * into it. Real exports nest a handful of levels (Super Productivity ~6); 64 leaves room for any of them.
 */
export const MAX_JSON_DEPTH = 64;

export function parseJson(text: string): unknown {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_JSON_DEPTH) {
        throw new AppError(
          'VALIDATION',
          `The file nests deeper than ${MAX_JSON_DEPTH} levels (at line ${lineAt(text, i)}), which no time tracker's export does; it was not read.`,
        );
      }
    } else if (c === 93 || c === 125) depth--;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('VALIDATION', 'The file nests too deeply to be read.');
    const at = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    const where = at ? ` near line ${lineAt(text, Number(at[1]))}` : '';
    throw new AppError(
      'VALIDATION',
      `The file looks like JSON but is damaged${where} (cut short or edited by hand?); nothing was read.`,
    );
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
