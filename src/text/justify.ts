// Justification of a full line: widen the inter-word spaces so both edges are flush.
import type { LineLayout } from './paragraph.js';

export type JustifyMode = 'spaces' | 'kashida' | 'kashida-spaces';

const STRETCHABLE = /^[ \u00A0]$/;

/** Spreads the slack over the line's spaces; false when there is nothing to stretch. */
export function justifyLine(line: LineLayout, width: number, _mode: JustifyMode, _text: string, _language: string): boolean {
  const slack = width - line.width;
  if (slack <= 0) return slack === 0;
  const spaces = line.glyphs.filter(g => STRETCHABLE.test(g.text));
  if (!spaces.length) return false;
  const extra = slack / spaces.length;
  let shift = 0;
  for (const g of line.glyphs) {
    g.x += shift;
    if (STRETCHABLE.test(g.text)) { g.advance += extra; shift += extra; }
  }
  line.width = width;
  return true;
}
