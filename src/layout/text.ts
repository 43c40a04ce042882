// Inline runs of the document tree → one paragraph of the text engine, styled from the context's
// theme. The one place layout calls the text engine.
import type { EngineContext } from '../context.js';
import type { Inline } from '../markup/tree.js';
import { layoutParagraph, type Align, type ParagraphLayout } from '../text/paragraph.js';
import type { StyledSpan } from '../text/records.js';
import { styleFor, type TextStyle } from '../theme.js';

export interface Fields { page: string; pages: string }

export function layoutInlines(context: EngineContext, inlines: readonly Inline[], style: TextStyle, width: number, align: Align = style.align, fields?: Fields): ParagraphLayout {
  let text = '';
  const spans: StyledSpan[] = [];
  for (const inline of inlines) {
    const piece = inline.field ? fields?.[inline.field] ?? '' : inline.text;
    if (!piece) continue;
    const own = inline.className ? styleFor(context.theme, inline.className, 'body') : style;
    spans.push({
      start: text.length,
      end: text.length + piece.length,
      style: { size: own.size, color: own.color, weight: inline.bold ? 'bold' : own === style ? style.weight : own.weight },
    });
    text += piece;
  }
  return layoutParagraph(context.engine, {
    text,
    spans,
    style: { size: style.size, color: style.color, weight: style.weight },
    width,
    align,
    lineHeight: style.lineHeight,
    justify: context.theme.justify,
  });
}

/** Plain text of inline runs (bookmark titles, alternate text). */
export function plainText(inlines: readonly Inline[]): string {
  return inlines.map(i => i.text).join('').replace(/\s+/g, ' ').trim();
}
