// Inline runs of the document tree → one paragraph of the text engine, styled from the context's
// theme. The one place layout calls the text engine. Two things the engine does not know are
// done around it here: note markers (smaller, raised, remembered per line for the note area) and
// the theme's quotation marks in right-to-left runs (drawn mirrored or as «», copied as typed).
import type { EngineContext } from '../context.js';
import type { Dir, Inline } from '../markup/tree.js';
import type { Direction } from '../text/bidi.js';
import { layoutParagraph, type Align, type ParagraphLayout } from '../text/paragraph.js';
import type { StyledSpan } from '../text/records.js';
import { styleFor, type TextStyle } from '../theme.js';
import { attachMarkers, type NoteMarker } from './note-markers.js';

export interface Fields {
  page: string;
  pages: string;
}

export function layoutInlines(
  context: EngineContext,
  inlines: readonly Inline[],
  style: TextStyle,
  width: number,
  align: Align = style.align,
  fields?: Fields,
  dir?: Dir,
): ParagraphLayout {
  const { theme } = context;
  let text = '';
  const spans: StyledSpan[] = [];
  const markers: NoteMarker[] = [];
  for (const inline of inlines) {
    const piece = inline.field ? (fields?.[inline.field] ?? '') : inline.text;
    if (!piece) continue;
    const own = inline.className ? styleFor(theme, inline.className, 'body') : style;
    const marker = inline.note !== undefined;
    if (inline.note) markers.push({ note: inline.note, start: text.length, end: text.length + piece.length });
    spans.push({
      start: text.length,
      end: text.length + piece.length,
      style: {
        size: marker ? style.size * theme.notes.markerScale : own.size,
        color: marker ? theme.notes.markerColor : own.color,
        weight: inline.bold ? 'bold' : own === style ? style.weight : own.weight,
      },
    });
    text += piece;
  }
  const direction = dir === 'ltr' || dir === 'rtl' ? dir : dir === 'auto' ? firstStrong(text) : undefined;
  const lay = (t: string) =>
    layoutParagraph(context.engine, {
      text: t,
      spans,
      style: { size: style.size, color: style.color, weight: style.weight },
      width,
      align,
      lineHeight: style.lineHeight,
      justify: theme.justify,
      ...(direction ? { direction } : {}),
    });
  const layout = withArabicQuotes(lay(text), text, theme.quotes, lay);
  if (markers.length) {
    for (const line of layout.lines)
      for (const g of line.glyphs) {
        if (markers.some(m => g.cluster >= m.start && g.cluster < m.end)) g.rise += style.size * theme.notes.markerRise;
      }
    attachMarkers(layout.lines, markers);
  }
  return layout;
}

const QUOTE_SHAPES: Record<'mirror' | 'guillemets', Record<string, string>> = {
  // U+201C/U+201D are not Bidi_Mirrored and Amiri draws them alike in both directions: in a
  // right-to-left run each is drawn with the other's glyph, the mirror image of the English pair.
  mirror: { '\u201C': '\u201D', '\u201D': '\u201C' },
  // « » are Bidi_Mirrored: HarfBuzz mirrors them in right-to-left runs itself.
  guillemets: { '\u201C': '\u00AB', '\u201D': '\u00BB' },
};

/**
 * The paragraph again with the theme's quotation marks where “ ” fall in right-to-left runs (the
 * runs are known only once laid out; the swap changes no bidi class, so no run moves), each
 * glyph's text put back to the character typed, which is what copying gives back.
 */
function withArabicQuotes(
  layout: ParagraphLayout,
  text: string,
  mode: 'mirror' | 'guillemets' | 'as-typed',
  lay: (t: string) => ParagraphLayout,
): ParagraphLayout {
  if (mode === 'as-typed' || !/[\u201C\u201D]/.test(text)) return layout;
  const shapes = QUOTE_SHAPES[mode];
  const swapped = new Set(layout.lines.flatMap(l => l.glyphs.filter(g => g.rtl && shapes[g.text]).map(g => g.cluster)));
  if (!swapped.size) return layout;
  const again = lay(
    text
      .split('')
      .map((ch, i) => (swapped.has(i) ? shapes[ch] : ch))
      .join(''),
  );
  for (const line of again.lines) for (const g of line.glyphs) if (swapped.has(g.cluster) && g.text) g.text = text[g.cluster];
  return again;
}

const STRONG_RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
const ISOLATED = /[\u2066-\u2068][^\u2069]*\u2069?/g;

/** UAX #9 P2–P3: the direction of the first strong character outside isolates; right-to-left when there is none. */
function firstStrong(text: string): Direction {
  const strong = /\p{L}/u.exec(text.replace(ISOLATED, ''));
  return strong && !STRONG_RTL.test(strong[0]) ? 'ltr' : 'rtl';
}

/** Plain text of inline runs (bookmark titles, alternate text). */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map(i => i.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
