// Headings and paragraphs: one paragraph of text each, split between lines at page breaks
// (never leaving a widow), headings kept with the start of what follows them.
import type { Heading, Paragraph } from '../../markup/tree.js';
import type { ParagraphLayout } from '../../text/paragraph.js';
import { styleFor, type StyleName, type TextStyle } from '../../theme.js';
import { linesHeight, type Cursor } from '../cursor.js';
import { struct, type StructNode, type StructType } from '../page.js';
import { layoutInlines, plainText } from '../text.js';
import type { BlockKind } from './kind.js';

export interface PreparedText {
  layout: ParagraphLayout;
  style: TextStyle;
  struct: StructType;
  title?: string;
  bookmarkLevel?: number;
  /** Printed on both sides, the heading starts on a front page. */
  frontPage?: boolean;
  anchor?: string;
}

export const headingKind: BlockKind<Heading, PreparedText> = {
  prepare(block, { context, width, region }) {
    const name = `h${block.level}` as StyleName;
    const style = block.className ? styleFor(context.theme, block.className, name) : context.theme.styles[name];
    return {
      layout: layoutInlines(context, block.inlines, style, width, undefined, undefined, block.dir),
      style,
      struct: `H${block.level}`,
      anchor: block.anchor,
      title: plainText(block.inlines),
      bookmarkLevel: region === 'cover' ? undefined : block.level,
      frontPage: region === 'body' && block.level === 1 && context.theme.print.duplex && context.theme.print.frontPage.h1,
    };
  },
  // A heading followed by a heading: both stay with the text that follows them.
  minStart: (p, _theme, next) => p.style.spaceBefore + p.layout.height + p.style.spaceAfter + next(),
  place: (p, cursor, root, next) => {
    if (p.frontPage) cursor.startOnFrontPage();
    placeText(cursor, p, cursor.left, struct(p.struct, root), next());
  },
};

export const paragraphKind: BlockKind<Paragraph, PreparedText> = {
  prepare(block, { context, width }) {
    const style = styleFor(context.theme, block.className, 'body');
    return { layout: layoutInlines(context, block.inlines, style, width, undefined, undefined, block.dir), style, struct: 'P' };
  },
  minStart: (p, theme) => p.style.spaceBefore + linesHeight(p.layout.lines.slice(0, theme.keepWithNextLines)),
  place: (p, cursor, root) => placeText(cursor, p, cursor.left, struct(p.struct, root)),
};

/** Places text from the cursor on, starting a new page first if `keepWithNext` more would not fit after it. */
export function placeText(cursor: Cursor, text: PreparedText, x: number, node: StructNode, keepWithNext = 0): void {
  const { layout, style } = text;
  cursor.space(style.spaceBefore);
  if (!cursor.atTop && linesHeight(layout.lines) + keepWithNext > cursor.room() && keepWithNext > 0) cursor.newPage();
  cursor.flowLines(layout.lines, x, node, (_share, first) => {
    if (!first) return;
    // On the page where the heading's first line lands, which may not be where it was started.
    if (text.bookmarkLevel && text.title) cursor.page.bookmarks.push({ title: text.title, level: text.bookmarkLevel, y: cursor.y });
    if (text.anchor) cursor.page.destinations.push({ name: text.anchor, y: cursor.y });
  });
  cursor.y += style.spaceAfter;
}
