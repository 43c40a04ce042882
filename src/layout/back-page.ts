// The back page: a region of its own after everything else, so it is the last page whatever
// the template's order. Its blocks (the issuer's contact block, a note on the source) take the
// cover's styles, stand at the foot of the text area, and carry no running header or page
// number. Printed on both sides it is the outside back cover: a back page, after an
// intentionally blank one if need be, so the count comes out even; the theme's
// print.frontPage.backPage sets it on a front page instead. Tagged as one Sect, in reading order.
import type { EngineContext } from '../context.js';
import type { Digits } from '../digits.js';
import { InputError } from '../errors.js';
import type { Block } from '../markup/tree.js';
import { placeBlocks, prepareBlock } from './blocks/index.js';
import type { Cursor } from './cursor.js';
import { struct, type Item, type StructNode } from './page.js';

export function placeBackPage(context: EngineContext, cursor: Cursor, blocks: readonly Block[], root: StructNode, digits: Digits): void {
  const { print } = context.theme;
  // Finishes the last body page (its foot notes) before the back page, which has none.
  if (cursor.page.items.length > 0) cursor.newPage();
  cursor.notes = undefined;
  if (print.duplex) cursor.startOnSide(print.frontPage.backPage);
  const page = cursor.page;
  page.back = true;
  const top = cursor.y;
  placeBlocks(
    cursor,
    blocks.map(b => prepareBlock(b, { context, width: cursor.width, region: 'back', digits })),
    struct('Sect', root),
  );
  if (cursor.page !== page) throw new InputError(`${blocks[0].src}: the back page does not fit on one page; shorten its text`);
  // Set at the foot of the text area, where a back cover's colophon stands.
  const dy = Math.max(0, cursor.bottom - cursor.y);
  if (cursor.y > top) for (const item of page.items) moveDown(item, dy);
}

function moveDown(item: Item, dy: number): void {
  if (item.kind === 'line') {
    item.y1 += dy;
    item.y2 += dy;
  } else item.y += dy;
}
