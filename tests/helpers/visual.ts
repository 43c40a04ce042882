// Reads a laid-out line back as visual tokens, to compare with hand-written UAX #9 expectations.
import type { LineLayout, PlacedGlyph } from '../../src/text/paragraph.js';
import { hbShape, openHbFont, type HbFont } from './harfbuzz.js';

/** Bidi_Mirroring_Glyph pairs that occur in the tests (from UnicodeData / BidiMirroring.txt). */
const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '«': '»', '»': '«', '<': '>', '>': '<' };

const fonts = new Map<string, HbFont>();
function fontOf(g: PlacedGlyph): HbFont {
  let f = fonts.get(g.face.key);
  if (!f) {
    f = openHbFont(g.face.bytes);
    fonts.set(g.face.key, f);
  }
  return f;
}

/**
 * Glyph ids that depict `ch` in a font: its cmap glyph, and what HarfBuzz substitutes for it alone
 * on a left-to-right line in each script the engine uses (Amiri's Latin face, for one, swaps
 * in Latin-style parentheses for script Latn).
 */
const depictions = new Map<string, Set<number>>();
function glyphsDepicting(key: string, font: HbFont, ch: string): Set<number> {
  const k = `${key}|${ch}`;
  let set = depictions.get(k);
  if (!set) {
    set = new Set<number>();
    const nominal = font.font.nominalGlyph(ch.codePointAt(0)!);
    if (nominal !== undefined) set.add(nominal);
    for (const script of ['Latn', 'Arab', 'Zyyy']) {
      const shaped = hbShape(font, ch, 10, { rtl: false, script, language: 'en' });
      if (shaped.length === 1) set.add(shaped[0].gid);
    }
    depictions.set(k, set);
  }
  return set;
}

/**
 * The character a glyph shows. For a mirrorable character, the glyph id says whether a glyph of
 * the character itself or of its mirror was drawn; anything else is flagged with `?`.
 */
export function drawnText(g: PlacedGlyph): string {
  const mirror = MIRROR[g.text];
  if (!mirror) return g.text;
  const font = fontOf(g);
  const own = glyphsDepicting(g.face.key, font, g.text).has(g.gid);
  const mirrored = glyphsDepicting(g.face.key, font, mirror).has(g.gid);
  if (own !== mirrored) return own ? g.text : mirror;
  return `?${g.text}`;
}

export interface VisualToken {
  rtl: boolean;
  glyphs: PlacedGlyph[];
}

/**
 * Splits a line (glyphs left to right) into tokens: maximal runs of glyphs with the same
 * direction and no white space between them. Glyphs that stand for no text (extra glyphs of a
 * cluster, ignorable controls) belong to no token.
 */
export function visualTokens(line: LineLayout): VisualToken[] {
  const out: VisualToken[] = [];
  let cur: VisualToken | null = null;
  for (const g of line.glyphs) {
    if (g.text === '') continue;
    if (/^\s+$/u.test(g.text)) {
      cur = null;
      continue;
    }
    if (!cur || cur.rtl !== g.rtl) {
      cur = { rtl: g.rtl, glyphs: [] };
      out.push(cur);
    }
    cur.glyphs.push(g);
  }
  return out;
}

/**
 * `R:text` or `L:text` per token, left to right on the line. A token's text is in logical order
 * (its glyphs sorted by source offset), each glyph showing the character it draws, so a bracket
 * that an RTL run draws mirrored appears as its mirror.
 */
export function describeLine(line: LineLayout): string[] {
  return visualTokens(line).map(
    t =>
      `${t.rtl ? 'R' : 'L'}:${[...t.glyphs]
        .sort((a, b) => a.cluster - b.cluster)
        .map(drawnText)
        .join('')}`,
  );
}

/** Source offsets of a token's glyphs must fall from left to right in RTL tokens and rise in LTR ones. */
export function misorderedTokens(line: LineLayout): string[] {
  return visualTokens(line).flatMap(t => {
    const c = t.glyphs.map(g => g.cluster);
    const ok = c.every((v, i) => i === 0 || (t.rtl ? v <= c[i - 1] : v >= c[i - 1]));
    return ok ? [] : [`${t.rtl ? 'R' : 'L'} token with clusters ${c.join(',')} left to right`];
  });
}
