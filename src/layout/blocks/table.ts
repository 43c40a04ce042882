// Tables: columns from the first cell rightwards-to-left, head rows repeated on every page the
// table continues on, rows kept whole when they fit on a page and split line by line when not.
// On the cover a table is a list of facts: cover styles, no bands, no rules.
import type { Row, Table } from '../../markup/tree.js';
import type { ParagraphLayout } from '../../text/paragraph.js';
import { styleFor, type StyleName, type Theme } from '../../theme.js';
import type { Cursor } from '../cursor.js';
import { struct, type StructNode } from '../page.js';
import { layoutInlines } from '../text.js';
import type { BlockKind } from './kind.js';
import { placeText, type PreparedText } from './text.js';

interface PreparedCell {
  layout: ParagraphLayout;
  x: number;
  w: number;
  header: boolean;
  scope?: 'Row' | 'Column';
  colSpan: number;
}
interface PreparedRow {
  cells: PreparedCell[];
  height: number;
  band?: string;
  head: boolean;
}
export interface PreparedTable {
  caption?: PreparedText;
  head: PreparedRow[];
  body: PreparedRow[];
  cover: boolean;
}

export const tableKind: BlockKind<Table, PreparedTable> = {
  prepare(table, { context, width, region }) {
    const { theme } = context;
    const cover = region !== 'body';
    const widths = columnWidths(table, width);
    const { padX, padY } = theme.table;
    const prepareRow = (row: Row, head: boolean): PreparedRow => {
      let col = 0;
      let right = width; // columns start from the right: the first cell is the rightmost
      const group = row.className === 'group' || (row.cells.length === 1 && row.cells[0].colspan === widths.length && widths.length > 1);
      const cells = row.cells.map(cell => {
        const w = widths.slice(col, col + cell.colspan).reduce((a, b) => a + b, 0);
        col += cell.colspan;
        right -= w;
        const styleName: StyleName = cover
          ? cell.header
            ? 'cover-meta-label'
            : 'cover-meta'
          : head
            ? 'cell-head'
            : group
              ? 'cell-group'
              : cell.header
                ? 'cell-label'
                : 'cell';
        const style = cell.className ? styleFor(theme, cell.className, styleName) : theme.styles[styleName];
        const layout = layoutInlines(context, cell.inlines, style, Math.max(1, w - 2 * padX), undefined, undefined, table.dir);
        // A left-to-right table starts its columns from the left.
        return {
          layout,
          x: table.dir === 'ltr' ? width - right - w : right,
          w,
          header: cell.header,
          scope: cell.scope,
          colSpan: cell.colspan,
        } satisfies PreparedCell;
      });
      const height = Math.max(0, ...cells.map(c => c.layout.height)) + 2 * padY;
      return { cells, height, head, band: head && !cover ? theme.table.headBandColor : group && !cover ? theme.table.groupBandColor : undefined };
    };
    const captionStyle = theme.styles.caption;
    const caption = table.caption
      ? { layout: layoutInlines(context, table.caption, captionStyle, width), style: captionStyle, struct: 'Caption' as const }
      : undefined;
    return { caption, head: table.head.map(r => prepareRow(r, true)), body: table.body.map(r => prepareRow(r, false)), cover };
  },

  minStart: t => (t.caption ? t.caption.layout.height : 0) + t.head.reduce((h, r) => h + r.height, 0) + (t.body[0]?.height ?? 0),

  place(table, cursor, root) {
    const { theme } = cursor;
    const node = struct('Table', root);
    cursor.space(table.cover ? 0 : theme.table.spaceBefore);
    const headHeight = table.head.reduce((h, r) => h + r.height, 0);
    const firstRow = table.body[0]?.height ?? 0;
    const captionHeight = table.caption ? table.caption.layout.height + table.caption.style.spaceAfter : 0;
    if (!cursor.atTop && captionHeight + headHeight + firstRow > cursor.room()) cursor.newPage();
    if (table.caption) placeText(cursor, table.caption, cursor.left, struct('Caption', node));
    const drawRow = (row: PreparedRow, rowNode?: StructNode) => {
      const top = cursor.y;
      if (row.band) cursor.page.items.push({ kind: 'rect', x: cursor.left, y: top, w: cursor.width, h: row.height, fill: row.band });
      for (const cell of row.cells) {
        const cellNode = rowNode && cellStruct(cell, rowNode);
        const lines = cell.layout.lines;
        if (lines.length)
          cursor.page.items.push({
            kind: 'text',
            lines,
            x: cursor.left + cell.x + theme.table.padX,
            y: top + theme.table.padY - lines[0].top,
            struct: cellNode,
            artifact: !rowNode,
          });
      }
      cursor.y = top + row.height;
      if (!table.cover) cursor.rule(cursor.y, row.head ? theme.table.headRuleColor : theme.table.ruleColor, row.head ? theme.table.headRule : theme.table.rule);
    };
    // Repeated head rows are artifacts: the structure has the head once.
    const drawHead = (repeat: boolean) => {
      for (const row of table.head) drawRow(row, repeat ? undefined : struct('TR', node));
    };
    drawHead(false);
    for (const row of table.body) {
      if (row.height > cursor.room() && !cursor.atTop) {
        cursor.newPage();
        drawHead(true);
      }
      if (row.height > cursor.room()) {
        splitRow(cursor, theme, row, struct('TR', node), () => drawHead(true));
        continue;
      }
      drawRow(row, struct('TR', node));
    }
    cursor.y += table.cover ? 0 : theme.table.spaceAfter;
  },
};

function columnWidths(table: Table, width: number): number[] {
  const count = Math.max(1, ...[...table.head, ...table.body].map(r => r.cells.reduce((n, c) => n + c.colspan, 0)));
  const fractions = table.columns && table.columns.length === count ? table.columns : Array(count).fill(1 / count);
  return fractions.map(f => f * width);
}

/** The TH or TD element of a cell, with its scope and column span. */
function cellStruct(cell: PreparedCell, row: StructNode): StructNode {
  return struct(cell.header ? 'TH' : 'TD', row, {
    ...(cell.header ? { scope: cell.scope ?? 'Column' } : {}),
    ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
  });
}

/** A row taller than a whole page: its cells continue line by line on the following pages. */
function splitRow(cursor: Cursor, theme: Theme, row: PreparedRow, rowNode: StructNode, drawHead: () => void): void {
  const nodes = row.cells.map(c => cellStruct(c, rowNode));
  const { padX, padY } = theme.table;
  let remaining = row.cells.map(c => c.layout.lines);
  while (remaining.some(l => l.length)) {
    const room = cursor.room() - 2 * padY;
    const top = cursor.y;
    let used = 0;
    remaining = remaining.map((lines, i) => {
      let k = 0,
        h = 0;
      while (k < lines.length && h + lines[k].height <= room) h += lines[k++].height;
      if (k === 0 && lines.length && cursor.atTop) {
        k = 1;
        h = lines[0].height;
      }
      if (k)
        cursor.page.items.push({
          kind: 'text',
          lines: lines.slice(0, k),
          x: cursor.left + row.cells[i].x + padX,
          y: top + padY - lines[0].top,
          struct: nodes[i],
        });
      used = Math.max(used, h);
      return lines.slice(k);
    });
    cursor.y = top + used + 2 * padY;
    cursor.rule(cursor.y, theme.table.ruleColor, theme.table.rule);
    if (remaining.some(l => l.length)) {
      cursor.newPage();
      drawHead();
    }
  }
}
