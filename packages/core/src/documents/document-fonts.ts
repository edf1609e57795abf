import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';

/** The fonts every document is set in, as pdfkit registers them. */
export type DocumentFontName = 'body' | 'bold';

/** Printed in place of a character the fonts have no glyph for. */
export const MISSING_GLYPH = '?';

// Literal `new URL(…, import.meta.url)` (no template): Next's bundler copies each file beside
// the server chunk and rewrites the URL to that copy, so the same code reads them under Vitest
// and in a built route.
const FILES: Record<DocumentFontName, URL> = {
  body: new URL('./fonts/DejaVuSans.ttf', import.meta.url),
  bold: new URL('./fonts/DejaVuSans-Bold.ttf', import.meta.url),
};

type LoadedFont = { bytes: Buffer; font: Font };
let loaded: Record<DocumentFontName, LoadedFont> | undefined;

function loadFont(file: URL): LoadedFont {
  const bytes = readFileSync(file);
  const font = create(bytes);
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file.pathname} is a font collection`);
  return { bytes, font };
}

/** The font files, read and parsed once per process (about 1.5 MB). */
export function documentFonts(): Record<DocumentFontName, LoadedFont> {
  loaded ??= { body: loadFont(FILES.body), bold: loadFont(FILES.bold) };
  return loaded;
}

const printed = new Map<string, string>();

function hasGlyph(character: string): boolean {
  const { body, bold } = documentFonts();
  const codePoint = character.codePointAt(0) ?? 0;
  return body.font.hasGlyphForCodePoint(codePoint) && bold.font.hasGlyphForCodePoint(codePoint);
}

/** A character as printed: itself, its compatibility form ("￥" → "¥", "１" → "1") or "?". */
function printedCharacter(character: string): string {
  if (character === '\n' || character === '\t' || hasGlyph(character)) return character;
  const compatible = character.normalize('NFKC');
  if (compatible !== character && [...compatible].every(hasGlyph)) return compatible;
  return MISSING_GLYPH;
}

/**
 * The text as the fonts can print it: NFC-composed ("Zoë" typed as e + U+0308 becomes one
 * glyph); a character neither font has is printed as its compatibility form when the fonts
 * have that (the full-width yen sign ja-JP writes amounts with becomes "¥"), else as "?"
 * (CJK ideographs, emoji), so nothing is silently dropped or drawn as an empty box.
 */
export function printable(text: string): string {
  let result = '';
  for (const character of text.normalize('NFC')) {
    let shown = printed.get(character);
    if (shown === undefined) {
      shown = printedCharacter(character);
      printed.set(character, shown);
    }
    result += shown;
  }
  return result;
}
