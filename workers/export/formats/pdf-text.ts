import { PDFHexString, type PDFFont, type PDFPage, type RGB } from '@cantoo/pdf-lib';

/**
 * Text in several scripts on a PDF page. pdf-lib draws one font per call and has no fallback, so a line is cut into
 * runs, each in the first embedded font that has its glyphs: Noto Sans (Latin, Greek, Cyrillic), Noto Sans Arabic
 * (shaped and ordered right-to-left by fontkit within the run) and, when a name needs it, a CJK font. Emoji have no
 * font here: they are dropped, and anything else no font has becomes '?', so the rest stays readable.
 */
export interface FontSet {
  regular: PDFFont;
  bold: PDFFont;
  arabic: PDFFont | null;
  cjk: PDFFont | null;
}

interface Run {
  text: string;
  font: PDFFont;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const CJK =
  /[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF\u{20000}-\u{2FA1F}]/u;
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u200D\u20E3]/u;
/** spaces and punctuation stay in the run they are in, so an Arabic phrase is shaped and ordered as one */
const NEUTRAL = /[\s.,:;!?()\-–—'"/]/u;

export const needsCjk = (text: string) => CJK.test(text);

const glyphSets = new WeakMap<PDFFont, Set<number>>();
function has(font: PDFFont | null, cp: number): font is PDFFont {
  if (!font) return false;
  let set = glyphSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    glyphSets.set(font, set);
  }
  return set.has(cp);
}

/** Drops emoji (and their joiners) and squeezes the spaces they leave. */
const EMOJI_ALL = new RegExp(EMOJI.source, 'gu');
export function withoutEmoji(text: string): string {
  return text
    .replace(EMOJI_ALL, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[\r\n\t]+/g, ' ')
    .trim();
}

/** fontkit lays out every measure anew; dates, times and project names repeat on every row, so keep the answers */
const runCache = new WeakMap<FontSet, Map<string, Run[]>>();
const widthCache = new WeakMap<FontSet, Map<string, number>>();
const fitCache = new WeakMap<FontSet, Map<string, string>>();
function cached<T>(caches: WeakMap<FontSet, Map<string, T>>, fonts: FontSet, key: string, make: () => T): T {
  let cache = caches.get(fonts);
  if (!cache) {
    cache = new Map();
    caches.set(fonts, cache);
  }
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size > 20_000) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

export function runs(text: string, fonts: FontSet, bold = false): Run[] {
  return cached(runCache, fonts, `${bold ? 'b' : 'r'}${text}`, () => makeRuns(text, fonts, bold));
}

function makeRuns(text: string, fonts: FontSet, bold: boolean): Run[] {
  const latin = bold ? fonts.bold : fonts.regular;
  const out: Run[] = [];
  const push = (ch: string, font: PDFFont) => {
    const last = out[out.length - 1];
    if (last && last.font === font) last.text += ch;
    else out.push({ text: ch, font });
  };
  for (const ch of withoutEmoji(text)) {
    const cp = ch.codePointAt(0)!;
    const last = out[out.length - 1];
    if (last && last.font !== latin && NEUTRAL.test(ch) && has(last.font, cp)) push(ch, last.font);
    else if (ARABIC.test(ch) && has(fonts.arabic, cp)) push(ch, fonts.arabic);
    else if (CJK.test(ch) && has(fonts.cjk, cp)) push(ch, fonts.cjk);
    else if (has(latin, cp)) push(ch, latin);
    else if (has(fonts.arabic, cp)) push(ch, fonts.arabic);
    else if (has(fonts.cjk, cp)) push(ch, fonts.cjk);
    else push('?', latin);
  }
  return out;
}

export function widthOf(text: string, size: number, fonts: FontSet, bold = false): number {
  return cached(widthCache, fonts, `${bold ? 'b' : 'r'}${size}|${text}`, () =>
    runs(text, fonts, bold).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0),
  );
}

/** The text cut with '…' to fit `maxWidth` (whole characters, so a run is never split inside a glyph cluster). */
export function fit(text: string, size: number, maxWidth: number, fonts: FontSet, bold = false): string {
  return cached(fitCache, fonts, `${bold ? 'b' : 'r'}${size}|${maxWidth}|${text}`, () =>
    fitNew(text, size, maxWidth, fonts, bold),
  );
}

function fitNew(text: string, size: number, maxWidth: number, fonts: FontSet, bold: boolean): string {
  const clean = withoutEmoji(text);
  if (widthOf(clean, size, fonts, bold) <= maxWidth) return clean;
  const chars = [...clean];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (widthOf(chars.slice(0, mid).join('').trimEnd() + '…', size, fonts, bold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + '…';
}

export interface TextStyle {
  size: number;
  color: RGB;
  bold?: boolean;
  /** x is the right edge instead of the left */
  alignRight?: boolean;
}

/**
 * pdf-lib encodes and measures every string anew through fontkit's layout (the bulk of a 5,000-session PDF's time),
 * and a sheet's figures (times, durations, amounts) are mostly unique strings of a few characters. Those made only of
 * digits, capitals and plain punctuation, which no default OpenType feature of our fonts substitutes, are encoded and
 * measured a character at a time from per-character answers (pdf-lib ignores kerning in both, so the result is the
 * same); other strings keep their whole encoding. A subset font maps a glyph to the same id every time, and the first
 * encoding of a character already added its glyph.
 */
const SIMPLE = /^[0-9A-Z :.,()+*\-–/#%]*$/;
const fastFonts = new WeakSet<PDFFont>();
export function speedUp(font: PDFFont): void {
  if (fastFonts.has(font)) return;
  fastFonts.add(font);
  const encode = font.encodeText.bind(font);
  const measure = font.widthOfTextAtSize.bind(font);
  const texts = new Map<string, ReturnType<PDFFont['encodeText']>>();
  const charHex = new Map<string, string>();
  const charWidth = new Map<string, number>();
  const hexOf = (ch: string) => {
    let hex = charHex.get(ch);
    if (hex === undefined) {
      hex = encode(ch).asString();
      charHex.set(ch, hex);
    }
    return hex;
  };
  font.encodeText = (text: string) => {
    let hex = texts.get(text);
    if (hex === undefined) {
      if (texts.size > 20_000) texts.clear();
      if (SIMPLE.test(text)) {
        let codes = '';
        for (let i = 0; i < text.length; i++) codes += hexOf(text[i]!);
        hex = PDFHexString.of(codes);
      } else hex = encode(text);
      texts.set(text, hex);
    }
    return hex;
  };
  font.widthOfTextAtSize = (text: string, size: number) => {
    if (!SIMPLE.test(text)) return measure(text, size);
    let total = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      let w = charWidth.get(ch);
      if (w === undefined) {
        w = measure(ch, 1000);
        charWidth.set(ch, w);
      }
      total += w;
    }
    return total * (size / 1000);
  };
}

export function drawText(page: PDFPage, text: string, x: number, y: number, style: TextStyle, fonts: FontSet): void {
  const parts = runs(text, fonts, style.bold);
  let at = style.alignRight ? x - widthOf(text, style.size, fonts, style.bold) : x;
  for (const r of parts) {
    page.drawText(r.text, { x: at, y, size: style.size, font: r.font, color: style.color });
    if (parts.length > 1) at += r.font.widthOfTextAtSize(r.text, style.size);
  }
}
