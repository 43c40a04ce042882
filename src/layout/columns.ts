// Where the text column stands across each page. Printed on one side, between the two side
// margins. Printed on both sides (duplex), the inner margin lies at the binding edge: for a
// right-to-left document the front pages bind on the right and the back pages on the left, for a
// left-to-right one the other way round. Layout sets every page's text in the front page's column
// and moves the back pages' columns afterwards: both columns have the same width, so no line
// breaks differently, and a block split over pages need not know which side it is on.
import type { EngineContext } from '../context.js';
import type { Direction } from '../print/direction.js';
import type { Theme } from '../theme.js';
import type { Item, Page } from './page.js';
import { layoutInlines } from './text.js';

export interface ColumnBox {
  left: number;
  width: number;
}

/** Page `index` (from 0) is a front page: the cover, and every other page after it. */
export const isFrontPage = (index: number): boolean => index % 2 === 0;

export function columnBox(theme: Theme, pageWidth: number, index: number, direction: Direction): ColumnBox {
  if (!theme.print.duplex) return { left: theme.margin.side, width: pageWidth - 2 * theme.margin.side };
  const { innerMargin, outerMargin } = theme.print;
  // The binding is on the right of a front page of a right-to-left document.
  const bindsRight = isFrontPage(index) === (direction === 'rtl');
  return { left: bindsRight ? outerMargin : innerMargin, width: pageWidth - innerMargin - outerMargin };
}

/**
 * Duplex pages finished: an even count (a blank back page at the end if needed), every back
 * page's column moved to its side, and the blank pages given their wording.
 */
export function finishDuplexPages(context: EngineContext, pages: Page[], direction: Direction): void {
  const { theme } = context;
  if (pages.length % 2 === 1) {
    const last = pages[pages.length - 1];
    pages.push({ width: last.width, height: last.height, cover: false, blank: true, items: [], bookmarks: [], destinations: [] });
  }
  const front = columnBox(theme, pages[0].width, 0, direction).left;
  pages.forEach((page, i) => {
    const column = columnBox(theme, page.width, i, direction);
    const dx = column.left - front;
    if (dx) for (const item of page.items) moveAcross(item, dx);
    if (page.blank) page.items.push(blankPageText(context, page, column));
  });
}

function moveAcross(item: Item, dx: number): void {
  if (item.kind === 'text') item.x += dx;
  else if (item.kind === 'line') {
    item.x1 += dx;
    item.x2 += dx;
  } else if (item.kind !== 'rect' || !item.edges) item.x += dx;
}

/**
 * The wording of an intentionally blank page, centred in the page's text column halfway down:
 * an artifact, so a screen reader passes over the page.
 */
function blankPageText(context: EngineContext, page: Page, column: ColumnBox): Item {
  const style = { ...context.theme.styles.note, align: 'center' as const };
  const laid = layoutInlines(context, [{ text: context.theme.print.blankPage, bold: false }], style, column.width);
  return { kind: 'text', lines: laid.lines, x: column.left, y: (page.height - laid.height) / 2 - laid.lines[0].top, artifact: true };
}
