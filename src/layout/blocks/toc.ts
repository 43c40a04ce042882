// The contents (`<toc/>`): each body h1 and h2 with its page number at the end edge and a dot
// leader between, the whole entry a link to the heading. The numbers come from an earlier pass of
// layout (Measure.pages); their width is reserved, so filling them in moves no line.
import { formatCounter } from '../../digits.js';
import type { Toc } from '../../markup/tree.js';
import type { LineLayout, ParagraphLayout } from '../../text/paragraph.js';
import { linesHeight } from '../cursor.js';
import { struct } from '../page.js';
import { layoutInlines } from '../text.js';
import type { BlockKind } from './kind.js';
import { placeText, type PreparedText } from './text.js';
import { styleFor } from '../../theme.js';

interface Entry {
  text: ParagraphLayout;
  number?: ParagraphLayout;
  leader?: ParagraphLayout;
  indent: number;
  anchor: string;
  spaceBefore: number;
  label: string;
}
export interface PreparedToc {
  /** The title, placed with the entries so that a contents started on a front page takes it along. */
  title?: PreparedText;
  entries: Entry[];
  reserve: number;
  gap: number;
  ltr: boolean;
  linkLabel: string;
}

export const tocKind: BlockKind<Toc, PreparedToc> = {
  prepare(toc, { context, width, digits, pages }) {
    const { theme } = context;
    const { gap, indent, leader, numberDigits } = theme.toc;
    const ltr = toc.dir === 'ltr';
    const plain = (text: string, level: 1 | 2, w: number, align: 'left' | 'right') =>
      layoutInlines(context, [{ text, bold: false }], theme.styles[`toc-${level}`], w, align);
    const reserve = plain(formatCounter(8, digits).repeat(numberDigits), 1, width, 'left').lines[0].width;
    const entries = toc.entries.map(e => {
      const style = theme.styles[`toc-${e.level}`];
      const entryIndent = e.level === 2 ? indent : 0;
      const textWidth = width - entryIndent - reserve - 4 * gap;
      const text = layoutInlines(context, e.inlines, style, textWidth, undefined, undefined, toc.dir);
      const page = pages?.get(e.anchor);
      const entry: Entry = { text, indent: entryIndent, anchor: e.anchor, spaceBefore: style.spaceBefore, label: e.inlines.map(i => i.text).join('') };
      if (page !== undefined) {
        entry.number = plain(formatCounter(page, digits), e.level, reserve, ltr ? 'right' : 'left');
        // Dots from the end of the entry's last line to the number, as many as the room takes.
        const last = text.lines[text.lines.length - 1];
        const room = textWidth - last.width + 2 * gap + reserve - entry.number.lines[0].width;
        const one = plain(leader, e.level, width, 'left').lines[0].width;
        const pitch = plain(`${leader} ${leader}`, e.level, width, 'left').lines[0].width - one;
        const count = Math.floor((room - one) / Math.max(pitch, 0.1));
        if (count > 0) entry.leader = plain(Array(count).fill(leader).join(' '), e.level, room, ltr ? 'left' : 'right');
      }
      return entry;
    });
    // Styled as a level-1 heading, tagged as a paragraph: a heading would list itself.
    const titleStyle = styleFor(theme, 'h1', 'body');
    const title: PreparedText | undefined = toc.title && {
      layout: layoutInlines(context, toc.title, titleStyle, width, undefined, undefined, toc.dir),
      style: titleStyle,
      struct: 'P',
    };
    return { ...(title ? { title } : {}), entries, reserve, gap, ltr, linkLabel: theme.toc.linkLabel };
  },

  minStart: p =>
    (p.title ? p.title.style.spaceBefore + linesHeight(p.title.layout.lines) + p.title.style.spaceAfter : 0) +
    (p.entries[0] ? linesHeight(p.entries[0].text.lines) : 0),

  place(p, cursor, root) {
    // Printed on both sides, the contents may start on a front page (theme print.frontPage.contents).
    const { print } = cursor.theme;
    if (print.duplex && print.frontPage.contents) cursor.startOnFrontPage();
    if (p.title) placeText(cursor, p.title, cursor.left, struct('P', root), p.entries[0] ? linesHeight(p.entries[0].text.lines) : 0);
    const node = struct('TOC', root);
    for (const e of p.entries) {
      const height = linesHeight(e.text.lines);
      cursor.space(e.spaceBefore);
      if (!cursor.atTop && height > cursor.room()) cursor.newPage();
      const link = struct('Link', struct('TOCI', node));
      const lines = e.text.lines;
      const textWidth = e.text.width;
      // Right to left: the text from the right edge (less the indent), the number at the left edge.
      const textX = p.ltr ? cursor.left + e.indent : cursor.left + cursor.width - e.indent - textWidth;
      const y = cursor.y - lines[0].top;
      cursor.page.items.push({ kind: 'text', lines, x: textX, y, struct: link });
      const last = lines[lines.length - 1];
      const onLast = (l: LineLayout) => y + last.baseline - l.baseline;
      if (e.number) {
        const n = e.number.lines[0];
        cursor.page.items.push({ kind: 'text', lines: [n], x: p.ltr ? cursor.left + cursor.width - p.reserve : cursor.left, y: onLast(n), struct: link });
      }
      if (e.leader) {
        const l = e.leader.lines[0];
        const x = p.ltr ? textX + last.left + last.width + p.gap : cursor.left + (e.number?.lines[0].width ?? 0) + p.gap;
        cursor.page.items.push({ kind: 'text', lines: [l], x, y: onLast(l), artifact: true });
      }
      cursor.page.items.push({
        kind: 'link',
        x: cursor.left,
        y: cursor.y,
        w: cursor.width,
        h: height,
        dest: e.anchor,
        label: `${p.linkLabel} ${e.label}`,
        struct: link,
      });
      cursor.y += height;
    }
    cursor.y += cursor.theme.styles.body.spaceAfter;
  },
};
