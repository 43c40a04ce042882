// Pages from the document tree: the cover region, then the body's blocks laid out at the
// content width and placed top-down by their kinds (src/layout/blocks), the back page last,
// then the running header and footer and the classification banners on every page. Every
// value of the look comes from the context's theme. A document with
// contents is laid out again once the headings' pages are known (the contents' lines do not
// depend on the numbers, so the second pass has the same pages; it is checked, not assumed).
import type { EngineContext } from '../context.js';
import type { Digits } from '../digits.js';
import type { DocumentTree } from '../markup/tree.js';
import { directionOf } from '../print/direction.js';
import { pageSize } from '../theme.js';
import { placeBlocks, prepareBlock } from './blocks/index.js';
import { columnBox, finishDuplexPages } from './columns.js';
import { placeBackPage } from './back-page.js';
import { addBanners, bannerReach } from './banner.js';
import { placeCover } from './cover.js';
import { Cursor } from './cursor.js';
import { NoteArea } from './notes.js';
import { struct, type StructNode, type Page } from './page.js';
import { addRunningHeads } from './running.js';

export interface LayoutOptions {
  /** Digits of page numbers and list labels. */
  digits: Digits;
}

export interface LaidOutDocument {
  pages: Page[];
  root: StructNode;
}

/** More passes than this would mean the contents change the pages they list. */
const MAX_PASSES = 4;

export function layoutDocument(context: EngineContext, tree: DocumentTree, options: LayoutOptions): LaidOutDocument {
  let laid = layoutPass(context, tree, options);
  if (!tree.body.some(b => b.kind === 'toc')) return finish(context, tree, options, laid);
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const pages = destinationPages(laid.pages);
    laid = layoutPass(context, tree, options, pages);
    const again = destinationPages(laid.pages);
    if ([...again].every(([name, page]) => pages.get(name) === page)) break;
  }
  return finish(context, tree, options, laid);
}

function finish(context: EngineContext, tree: DocumentTree, options: LayoutOptions, laid: LaidOutDocument): LaidOutDocument {
  const direction = directionOf(tree.meta.lang);
  if (context.theme.print.duplex) finishDuplexPages(context, laid.pages, direction);
  addRunningHeads(context, laid.pages, tree, options.digits, direction);
  // Last, on the pages as they will be printed (blank ones included), where duplex no longer moves anything.
  addBanners(context, laid.pages, tree.classification, laid.root);
  return laid;
}

/** Page number (1-based) of every named destination. */
function destinationPages(pages: readonly Page[]): Map<string, number> {
  return new Map(pages.flatMap((page, i) => page.destinations.map(d => [d.name, i + 1] as const)));
}

function layoutPass(context: EngineContext, tree: DocumentTree, { digits }: LayoutOptions, pages?: ReadonlyMap<string, number>): LaidOutDocument {
  const size = pageSize(context.theme);
  // Every page is set in the first (front) page's column; duplex moves the back pages' columns after.
  const cursor = new Cursor(context.theme, size, columnBox(context.theme, size.width, 0, directionOf(tree.meta.lang)));
  const root = struct('Document');
  if (tree.cover.length) placeCover(context, cursor, tree.cover, root, digits, bannerReach(context.theme, tree.classification));
  cursor.newPage();
  const notes = tree.notes?.length ? new NoteArea(context, tree.notes, cursor.width, digits) : undefined;
  cursor.notes = notes;
  placeBlocks(
    cursor,
    tree.body.map(b => prepareBlock(b, { context, width: cursor.width, region: 'body', digits, pages })),
    root,
  );
  if (notes?.placement === 'end') placeEndNotes(context, cursor, notes, root);
  if (tree.backPage) placeBackPage(context, cursor, tree.backPage, root, digits);
  cursor.finishPage();
  if (cursor.page.items.length === 0 && cursor.pages.length > 1) cursor.pages.pop();
  return { pages: cursor.pages, root };
}

/** The theme's `end` placement: the notes after the body under their own heading, each kept whole. */
function placeEndNotes(context: EngineContext, cursor: Cursor, notes: NoteArea, root: StructNode): void {
  const placed = notes.endNotes();
  if (!placed.length) return;
  const { theme } = context;
  const heading = prepareBlock(
    { kind: 'heading', level: 2, inlines: [{ text: theme.notes.endTitle, bold: false }], src: '' },
    { context, width: cursor.width, region: 'body', digits: 'latn' },
  );
  heading.place(cursor, root, () => notes.heightOf(placed[0]));
  for (const p of placed) {
    if (notes.heightOf(p) > cursor.room() && !cursor.atTop) cursor.newPage();
    cursor.y = notes.draw(cursor.page, p, cursor.left, cursor.y) + theme.styles.footnote.spaceAfter + 4;
  }
}
