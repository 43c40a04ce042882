// Pages from the document tree: the cover region, then the body's blocks laid out at the
// content width and placed top-down by their kinds (src/layout/blocks), then the running
// header and footer. Every value of the look comes from the context's theme.
import type { EngineContext } from '../context.js';
import type { Digits } from '../digits.js';
import type { DocumentTree } from '../markup/tree.js';
import { directionOf } from '../print/direction.js';
import { pageSize } from '../theme.js';
import { placeBlocks, prepareBlock } from './blocks/index.js';
import { columnBox, finishDuplexPages } from './columns.js';
import { placeCover } from './cover.js';
import { Cursor } from './cursor.js';
import { struct, type StructNode, type Page } from './page.js';
import { addRunningHeads } from './running.js';

export interface LayoutOptions {
  /** Digits of page numbers and list labels. */
  digits: Digits;
}

export interface LaidOutDocument { pages: Page[]; root: StructNode }

export function layoutDocument(context: EngineContext, tree: DocumentTree, options: LayoutOptions): LaidOutDocument {
  const { digits } = options;
  const size = pageSize(context.theme.paper);
  const direction = directionOf(tree.meta.lang);
  // Every page is set in the first (front) page's column; duplex moves the back pages' columns after.
  const cursor = new Cursor(context.theme, size, columnBox(context.theme, size.width, 0, direction));
  const root = struct('Document');
  if (tree.cover.length) placeCover(context, cursor, tree.cover, root, digits);
  cursor.newPage();
  placeBlocks(cursor, tree.body.map(b => prepareBlock(b, { context, width: cursor.width, region: 'body', digits })), root);
  if (cursor.page.items.length === 0 && cursor.pages.length > 1) cursor.pages.pop();
  if (context.theme.print.duplex) finishDuplexPages(context, cursor.pages, direction);
  addRunningHeads(context, cursor.pages, tree, digits, direction);
  return { pages: cursor.pages, root };
}
