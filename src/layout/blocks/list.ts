// Lists: a label (bullet or number) on each item's first line, flush with the start edge, the
// item's text beside it; items split between lines like paragraphs.
import { formatCounter } from '../../digits.js';
import type { Inline, List } from '../../markup/tree.js';
import type { ParagraphLayout } from '../../text/paragraph.js';
import { styleFor, type TextStyle } from '../../theme.js';
import { struct } from '../page.js';
import { layoutInlines } from '../text.js';
import type { BlockKind } from './kind.js';

export interface PreparedList {
  items: { label: ParagraphLayout; body: ParagraphLayout }[];
  ordered: boolean;
  style: TextStyle;
  indent: number;
  bodySpaceAfter: number;
  ltr?: boolean;
}

export const listKind: BlockKind<List, PreparedList> = {
  prepare(list, { context, width, digits }) {
    const { theme } = context;
    const style = styleFor(theme, list.className, 'list-item');
    const labelStyle = { ...style, color: theme.list.labelColor };
    const labelText = (i: number): Inline[] => [{ text: list.ordered ? `${formatCounter(i + 1, digits)}.` : theme.list.bullet, bold: false }];
    // Labels at their natural width ("10." is wider than "9."); the indent grows to the widest.
    const natural = list.items.map((_, i) => layoutInlines(context, labelText(i), labelStyle, width, 'start').lines[0]?.width ?? 0);
    const indent = Math.max(theme.list.indent, Math.max(0, ...natural) + theme.list.gap);
    const items = list.items.map((inlines, i) => ({
      label: layoutInlines(context, labelText(i), labelStyle, natural[i], 'start'),
      body: layoutInlines(context, inlines, style, width - indent, undefined, undefined, list.dir),
    }));
    // A left-to-right list (dir="ltr", or "auto" on left-to-right text) hangs its labels on the left.
    const ltr = items[0]?.body.direction === 'ltr';
    return { items, ordered: list.ordered, style, indent, bodySpaceAfter: theme.styles.body.spaceAfter, ltr };
  },

  // The first lines of the list, across items when the first item is a single line.
  minStart(p, theme) {
    let h = 0,
      n = 0;
    for (const item of p.items) {
      for (const line of item.body.lines) {
        if (n++ === theme.keepWithNextLines) return h;
        h += line.height;
      }
      h += p.style.spaceAfter;
    }
    return h;
  },

  place(list, cursor, root) {
    const node = struct('L', root);
    cursor.space(list.style.spaceBefore);
    for (const item of list.items) {
      const li = struct('LI', node);
      const lbl = struct('Lbl', li);
      const body = struct('LBody', li);
      cursor.flowLines(item.body.lines, list.ltr ? cursor.left + list.indent : cursor.left, body, ([line], first) => {
        if (!first) return;
        // The label shares the first line's baseline, flush with the start (right) edge.
        const labelLine = item.label.lines[0];
        const shift = line.baseline - line.top - (labelLine.baseline - labelLine.top);
        cursor.page.items.push({
          kind: 'text',
          lines: [labelLine],
          x: list.ltr ? cursor.left : cursor.left + cursor.width - item.label.width,
          y: cursor.y + shift - labelLine.top,
          struct: lbl,
        });
      });
      cursor.y += list.style.spaceAfter;
    }
    // The space after the list is a paragraph's, not an item's.
    cursor.y += list.bodySpaceAfter - list.style.spaceAfter;
  },
};
