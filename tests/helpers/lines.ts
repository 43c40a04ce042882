// Geometry and text of laid-out lines, computed from the glyphs alone.
import type { LineLayout, ParagraphLayout, PlacedGlyph } from '../../src/text/paragraph.js';
import { openHbFont, type HbFont } from './harfbuzz.js';

const fonts = new Map<string, HbFont>();

/** The glyph's own advance width in the font (hmtx), in points: the width of its box. */
export function naturalAdvance(g: PlacedGlyph): number {
  let f = fonts.get(g.face.key);
  if (!f) {
    f = openHbFont(g.face.bytes);
    fonts.set(g.face.key, f);
  }
  return (f.font.glyphHAdvance(g.gid) * g.size) / f.upem;
}

/**
 * Horizontal extent of what a line draws: the union of its glyph boxes. A glyph's box starts at
 * its origin `x` and is as wide as the smaller of its own advance (hmtx) and its positioned
 * advance: in RTL runs HarfBuzz applies a kern to both the offset and the advance of a glyph, so
 * `x + advance` would count the kern twice, and a negative kern narrows the box the same way.
 * White space and zero-advance glyphs (marks, hidden controls) are left out.
 */
export function inkExtent(line: LineLayout): { left: number; right: number } {
  const boxes = line.glyphs.filter(g => g.advance > 0 && !/^\s+$/u.test(g.text)).map(g => ({ left: g.x, right: g.x + Math.min(naturalAdvance(g), g.advance) }));
  if (!boxes.length) return { left: line.left, right: line.left };
  return { left: Math.min(...boxes.map(b => b.left)), right: Math.max(...boxes.map(b => b.right)) };
}

/** A line's text in logical order: its glyphs' source text sorted by source offset. */
export function lineText(line: LineLayout): string {
  return [...line.glyphs]
    .sort((a, b) => a.cluster - b.cluster)
    .map(g => g.text)
    .join('');
}

export const paragraphText = (layout: ParagraphLayout): string[] => layout.lines.map(lineText);

/**
 * `n` laid-out lines made by hand, `height` points each and no glyphs, numbered by their start
 * offsets from `from`: pagination tests get exact page shares from the geometry alone.
 */
export const fixedLines = (n: number, height: number, from = 0): LineLayout[] =>
  Array.from({ length: n }, (_, i) => ({
    start: from + i,
    end: from + i + 1,
    glyphs: [],
    width: 100,
    left: 0,
    baseline: i * height + 15,
    top: i * height,
    height,
    last: i === n - 1,
  }));
