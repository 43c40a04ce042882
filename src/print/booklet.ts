// Saddle-stitch imposition: the brief's pages two to a sheet side on the next paper size up
// (A5 pages on A4, A4 on A3, half-Letter on Letter, Letter on Tabloid; other sizes on a sheet twice
// as wide), padded with blank pages to a multiple of four, in the order that, printed on both
// sides flipping on the short edge and folded in the middle, gives a booklet bound on the right
// (right to left) or on the left. Pages are copied as form XObjects by pdf-lib with their fonts;
// the output intent, XMP packet and document information of the brief come along, so the booklet
// is PDF/A-2b like the brief. It carries no structure tree: the brief is the copy to read.
import { createHash } from 'node:crypto';
import { type PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFObjectCopier, type PDFEmbeddedPage } from 'pdf-lib';
import { PAPER_SIZES, type PageSize } from '../theme.js';
import type { Direction } from './direction.js';

/** A sheet side: the brief's pages (from 1; beyond the last, a blank) on its left and right halves. */
export interface SheetSide {
  left: number;
  right: number;
}

/**
 * The sheet sides of a booklet of `pages` pages, in printing order (sheet 1 outside, sheet 1
 * inside, sheet 2 outside…). Outside of sheet s (from 0): the first and last pages it carries;
 * a right-bound booklet has the earlier page on the left half, as its cover folds to the left.
 */
export function bookletOrder(pages: number, direction: Direction): SheetSide[] {
  const n = Math.max(4, Math.ceil(pages / 4) * 4);
  const sides: SheetSide[] = [];
  for (let s = 0; s < n / 4; s++) {
    const outside = { early: 1 + 2 * s, late: n - 2 * s };
    const inside = { early: 2 + 2 * s, late: n - 1 - 2 * s };
    if (direction === 'rtl') sides.push({ left: outside.early, right: outside.late }, { left: inside.late, right: inside.early });
    else sides.push({ left: outside.late, right: outside.early }, { left: inside.early, right: inside.late });
  }
  return sides;
}

const A5: PageSize = { width: 419.53, height: 595.28 };
const A3: PageSize = { width: 841.89, height: 1190.55 };
const HALF_LETTER: PageSize = { width: 396, height: 612 };
const TABLOID: PageSize = { width: 792, height: 1224 };

/** Paper sizes (a theme's paper may be any of them) and the size up that holds two of them side by side. */
const NEXT_SIZE_UP: readonly [PageSize, PageSize][] = [
  [A5, PAPER_SIZES.a4],
  [PAPER_SIZES.a4, A3],
  [HALF_LETTER, PAPER_SIZES.letter],
  [PAPER_SIZES.letter, TABLOID],
];

/** The landscape sheet two pages of `page` are imposed on. */
export function sheetFor(page: PageSize): PageSize {
  const near = (a: number, b: number) => Math.abs(a - b) < 1;
  const up = NEXT_SIZE_UP.find(([p]) => near(p.width, page.width) && near(p.height, page.height))?.[1];
  return up ? { width: Math.max(up.width, up.height), height: Math.min(up.width, up.height) } : { width: 2 * page.width, height: page.height };
}

const CATALOG_ENTRIES = ['OutputIntents', 'Metadata', 'Lang'] as const;

/**
 * The booklet of a brief's PDF bytes (see the module comment). Each page is taken at its
 * TrimBox, so a brief made with bleed is imposed at its trimmed size.
 */
export async function imposeBooklet(brief: Uint8Array, direction?: Direction): Promise<Uint8Array> {
  const src = await PDFDocument.load(brief, { updateMetadata: false });
  direction ??= declaredDirection(src);
  const out = await PDFDocument.create({ updateMetadata: false });
  const pages = src.getPages();
  if (!pages.length) throw new Error('the brief has no pages to impose');
  const trims = pages.map(p => p.getTrimBox());
  const embedded = await out.embedPages(
    pages,
    trims.map(t => ({ left: t.x, bottom: t.y, right: t.x + t.width, top: t.y + t.height })),
  );
  const size = { width: trims[0].width, height: trims[0].height };
  const sheet = sheetFor(size);
  for (const side of bookletOrder(pages.length, direction)) {
    const page = out.addPage([sheet.width, sheet.height]);
    const place = (index: number, x: number) => {
      const e: PDFEmbeddedPage | undefined = embedded[index - 1];
      if (e) page.drawPage(e, { x, y: (sheet.height - e.height) / 2, width: e.width, height: e.height });
    };
    // Both pages meet at the fold, the middle of the sheet.
    place(side.left, sheet.width / 2 - size.width);
    place(side.right, sheet.width / 2);
  }
  copyArchivalParts(src, out, brief, direction);
  return out.save();
}

/** The reading direction the brief declares (its /ViewerPreferences /Direction), right to left if none. */
function declaredDirection(doc: PDFDocument): Direction {
  const prefs = doc.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  return prefs?.get(PDFName.of('Direction')) === PDFName.of('L2R') ? 'ltr' : 'rtl';
}

/**
 * What keeps the booklet PDF/A-2b and says what it is: the brief's output intent, XMP packet,
 * language and document information, a file identifier of its own, no claim of tagging, and
 * print preferences (duplex flipped on the short edge, no scaling).
 */
function copyArchivalParts(src: PDFDocument, out: PDFDocument, brief: Uint8Array, direction: Direction): void {
  const copier = PDFObjectCopier.for(src.context, out.context);
  for (const name of CATALOG_ENTRIES) {
    const value = src.catalog.get(PDFName.of(name));
    if (value) out.catalog.set(PDFName.of(name), copier.copy(value));
  }
  const info = src.context.trailerInfo.Info;
  if (info) out.context.trailerInfo.Info = copier.copy(info);
  out.catalog.set(PDFName.of('MarkInfo'), out.context.obj({ Marked: false }));
  out.catalog.set(PDFName.of('PageLayout'), PDFName.of('SinglePage'));
  out.catalog.set(
    PDFName.of('ViewerPreferences'),
    out.context.obj({
      Direction: direction === 'rtl' ? 'R2L' : 'L2R',
      Duplex: 'DuplexFlipShortEdge',
      PrintScaling: 'None',
    }),
  );
  // A new file, made from the brief: its own identifier, the same for the same brief.
  const id = createHash('md5').update(brief).update('booklet').digest('hex');
  out.context.trailerInfo.ID = out.context.obj([PDFHexString.of(id), PDFHexString.of(id)]) as PDFArray;
}
