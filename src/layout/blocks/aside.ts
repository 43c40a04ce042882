// Callout boxes (`<aside class="summary|key-figure|quote">`): their blocks set inside the box's
// padding, on a fill with a border or a bar on the start side, all from the theme. A box is kept
// whole on one page; only one taller than a page continues, its fill drawn on every page it covers.
import type { Aside, Block, CalloutVariant } from '../../markup/tree.js';
import { pageSize, type CalloutLook } from '../../theme.js';
import { Cursor } from '../cursor.js';
import { struct, type StructNode } from '../page.js';
import type { BlockKind, Measure, PreparedBlock } from './kind.js';

interface Child {
  block: PreparedBlock;
  quoted: boolean;
}
export interface PreparedAside {
  look: CalloutLook;
  children: Child[];
  padding: number;
  height: number;
  ltr: boolean;
  variant: CalloutVariant;
}

/** The style a block of a variant takes when it names none. */
function styled(variant: CalloutVariant, block: Aside['blocks'][number], index: number): Block {
  if (block.className) return block;
  if (block.kind === 'heading') return { ...block, className: 'callout-title' };
  if (block.kind !== 'paragraph') return block;
  const className = variant === 'summary' ? 'summary' : variant === 'quote' ? 'pull-quote' : index === 0 ? 'key-figure' : 'key-figure-label';
  return { ...block, className };
}

/** The callout kind, given the dispatcher that prepares the blocks it holds. */
export const asideKind = (prepareBlock: (block: Block, at: Measure) => PreparedBlock): BlockKind<Aside, PreparedAside> => ({
  prepare(aside, at) {
    const { theme } = at.context;
    const look = theme.callout[aside.variant];
    const padding = theme.callout.padding;
    const inner = { ...at, width: at.width - 2 * padding - look.barWidth };
    const children = aside.blocks.map((b, i) => ({
      block: prepareBlock(styled(aside.variant, b, i), inner),
      quoted: aside.variant === 'quote' && b.className !== 'attribution',
    }));
    const p: PreparedAside = { look, children, padding, height: 0, ltr: aside.dir === 'ltr', variant: aside.variant };
    // Measured by placing the content once on a page with no foot, at the column's width.
    const size = pageSize(theme);
    const scratch = new Cursor(theme, { width: size.width, height: 1e7 });
    scratch.newPage();
    scratch.inset(0, scratch.width - at.width, () => {
      scratch.y += padding;
      placeContent(scratch, p, struct('Aside'));
    });
    p.height = scratch.y - scratch.top + padding;
    return p;
  },

  minStart: p => p.height,

  place(p, cursor, root) {
    const { theme } = cursor;
    const node = struct('Aside', root);
    cursor.space(theme.callout.spaceBefore);
    if (!cursor.atTop && p.height > cursor.room()) cursor.newPage();
    const first = cursor.pages.length - 1;
    const top = cursor.y;
    const at = cursor.page.items.length;
    cursor.y += p.padding;
    placeContent(cursor, p, node);
    cursor.y += p.padding;
    // The box behind the content on each page it covers: all of it when it fits.
    cursor.pages.slice(first).forEach((page, i, all) => {
      const y0 = i === 0 ? top : cursor.top;
      const y1 = i === all.length - 1 ? cursor.y : cursor.bottom;
      page.items.splice(i === 0 ? at : 0, 0, ...box(p, cursor.left, y0, cursor.width, y1 - y0));
    });
    cursor.y += theme.callout.spaceAfter;
  },
});

/** The box's fill and border, and its bar on the start side (the right in a right-to-left box). */
function box(p: PreparedAside, x: number, y: number, w: number, h: number) {
  const { look } = p;
  const items = [];
  if (look.fillColor || look.borderColor)
    items.push({
      kind: 'rect' as const,
      x,
      y,
      w,
      h,
      fill: look.fillColor ?? 'none',
      ...(look.borderColor && look.borderWidth ? { stroke: { color: look.borderColor, width: look.borderWidth } } : {}),
    });
  if (look.barColor && look.barWidth) items.push({ kind: 'rect' as const, x: p.ltr ? x : x + w - look.barWidth, y, w: look.barWidth, h, fill: look.barColor });
  return items;
}

/** The box's blocks inside its padding; a pull quote's lines in a BlockQuote, its attribution after it. */
function placeContent(cursor: Cursor, p: PreparedAside, node: StructNode): void {
  const bar = p.look.barWidth;
  let quote: StructNode | undefined;
  cursor.inset(p.padding + (p.ltr ? 0 : bar), p.padding + (p.ltr ? bar : 0), () => {
    p.children.forEach(({ block, quoted }, i) => {
      const parent = quoted ? (quote ??= struct('BlockQuote', node)) : node;
      block.place(cursor, parent, () => p.children[i + 1]?.block.minStart(() => 0) ?? 0);
    });
  });
}
