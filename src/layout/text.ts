// Inline runs of the document tree → one paragraph of the text engine, styled from the context's
// theme. The one place layout calls the text engine. Two things the engine does not know are
// done around it here: note markers (smaller, raised, remembered per line for the note area) and
// the theme's quotation marks in right-to-left runs (drawn mirrored or as «», copied as typed).
import type { EngineContext } from '../context.js';
import type { Dir, Inline } from '../markup/tree.js';
import { embeddingLevels, type Direction } from '../text/bidi.js';
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
  const layout = withArabicQuotes(text, direction ?? 'rtl', theme.quotes, lay);
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
 * The paragraph with the theme's quotation marks where “ ” fall in right-to-left runs, each
 * glyph's text put back to the character typed, which is what copying gives back. The swap
 * changes no bidi class, so the marks in right-to-left runs are those at odd embedding levels,
 * known before layout: the paragraph is laid out once, with the marks already swapped. Should a
 * swapped mark not come back as a right-to-left glyph of its own (a ligature taking it in), the
 * paragraph is laid out as typed first and the marks are read from its glyphs (`fromGlyphs`).
 */
function withArabicQuotes(
  text: string,
  direction: Direction,
  mode: 'mirror' | 'guillemets' | 'as-typed',
  lay: (t: string) => ParagraphLayout,
): ParagraphLayout {
  if (mode === 'as-typed' || !/[\u201C\u201D]/.test(text)) return lay(text);
  const shapes = QUOTE_SHAPES[mode];
  const levels = embeddingLevels(text, direction);
  const swapped = new Set<number>();
  for (let i = 0; i < text.length; i++) if (shapes[text[i]] && levels[i] % 2) swapped.add(i);
  if (!swapped.size) return lay(text);
  const again = swappedLayout(text, swapped, shapes, lay);
  const drawn = new Set(
    again.lines.flatMap(l => l.glyphs.filter(g => swapped.has(g.cluster) && g.rtl && g.text === shapes[text[g.cluster]]).map(g => g.cluster)),
  );
  return drawn.size === swapped.size ? restoreTyped(again, text, swapped) : fromGlyphs(lay(text), text, shapes, lay);
}

/** The marks to swap read from the paragraph laid out as typed: those drawn as right-to-left glyphs of their own. */
function fromGlyphs(layout: ParagraphLayout, text: string, shapes: Record<string, string>, lay: (t: string) => ParagraphLayout): ParagraphLayout {
  const swapped = new Set(layout.lines.flatMap(l => l.glyphs.filter(g => g.rtl && shapes[g.text]).map(g => g.cluster)));
  return swapped.size ? restoreTyped(swappedLayout(text, swapped, shapes, lay), text, swapped) : layout;
}

function swappedLayout(text: string, swapped: ReadonlySet<number>, shapes: Record<string, string>, lay: (t: string) => ParagraphLayout): ParagraphLayout {
  return lay(
    text
      .split('')
      .map((ch, i) => (swapped.has(i) ? shapes[ch] : ch))
      .join(''),
  );
}

function restoreTyped(layout: ParagraphLayout, text: string, swapped: ReadonlySet<number>): ParagraphLayout {
  for (const line of layout.lines) for (const g of line.glyphs) if (swapped.has(g.cluster) && g.text) g.text = text[g.cluster];
  return layout;
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
