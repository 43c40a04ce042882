// The cover: a page region rather than a block kind. Its blocks are ordinary kinds placed with
// the cover's styles below a colour band, and the whole must fit on one page with no header or
// footer; a rule closes it at the foot.
import type { Digits } from '../digits.js';
import { InputError } from '../errors.js';
import type { Block } from '../markup/tree.js';
import { placeBlocks, prepareBlock } from './blocks/index.js';
import type { Cursor } from './cursor.js';
import type { EngineContext } from '../context.js';
import type { StructNode } from './page.js';

export function placeCover(context: EngineContext, cursor: Cursor, blocks: readonly Block[], root: StructNode, digits: Digits): void {
  const { theme } = context;
  cursor.newPage(true);
  const band = theme.cover.bandHeight;
  cursor.page.items.push({ kind: 'rect', x: theme.bleedSafe, y: theme.bleedSafe, w: cursor.size.width - 2 * theme.bleedSafe, h: band, fill: theme.palette.accent, edges: ['left', 'right'] });
  cursor.y = theme.cover.titleTop;
  placeBlocks(cursor, blocks.map(b => prepareBlock(b, { context, width: cursor.width, region: 'cover', digits })), root);
  if (cursor.pages.length > 1) {
    throw new InputError(`${blocks[0].src}: the cover does not fit on one page; shorten its text (the title, the subtitle or the facts in its table)`);
  }
  cursor.rule(cursor.bottom + 6, theme.palette.accent, 1.2);
}
