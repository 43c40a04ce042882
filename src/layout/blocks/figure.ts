// Figures (`<figure>` with an `<img>` and an optional `<figcaption>`, or a bare `<img>`): the image
// centred in the column at the size the markup asks for (its aspect ratio kept when one side is
// given), never wider than the column nor taller than the text area, with the caption under it.
// Image and caption are kept together: a figure that does not fit moves whole to the next page.
import type { Figure, Image, Length } from '../../markup/tree.js';
import type { ParagraphLayout } from '../../text/paragraph.js';
import { pageSize, styleFor, type Theme } from '../../theme.js';
import { struct } from '../page.js';
import { layoutInlines } from '../text.js';
import type { BlockKind } from './kind.js';

export interface PreparedFigure {
  image: Image;
  w: number;
  h: number;
  caption?: ParagraphLayout;
  height: number;
}

/** A markup length in points, for a column `measure` wide. */
const points = (length: Length, measure: number): number => ('pt' in length ? length.pt : length.fraction * measure);

/**
 * The size an image is drawn at: as asked (one side given: the other from the image's aspect
 * ratio; none: its natural size), then scaled down, keeping its proportions, to `maxW` × `maxH`.
 */
export function imageBox(image: Image, maxW: number, maxH: number): { w: number; h: number } {
  const asset = image.asset;
  if (!asset) throw new Error(`${image.at}: image ${image.src} was not loaded before layout`);
  const ratio = asset.height / asset.width;
  let w = image.width ? points(image.width, maxW) : undefined;
  let h = image.height ? points(image.height, maxW) : undefined;
  if (w === undefined && h === undefined) [w, h] = [asset.width, asset.height];
  else if (w === undefined) w = h! / ratio;
  else if (h === undefined) h = w * ratio;
  const scale = Math.min(1, maxW / w!, maxH / h!);
  return { w: w! * scale, h: h! * scale };
}

/** Height of the text area of a page of the theme. */
const textAreaHeight = (theme: Theme): number => pageSize(theme).height - theme.margin.top - theme.margin.bottom;

export const figureKind: BlockKind<Figure, PreparedFigure> = {
  prepare(block, { context, width }) {
    const { theme } = context;
    const style = styleFor(theme, block.className, 'figure-caption');
    const caption = block.caption?.length ? layoutInlines(context, block.caption, style, width, undefined, undefined, block.dir) : undefined;
    const below = caption ? theme.figure.captionGap + caption.height : 0;
    // The caption stays under the image on the same page, so the image gives up the caption's room.
    const { w, h } = imageBox(block.image, width, Math.max(textAreaHeight(theme) - below, textAreaHeight(theme) / 2));
    return { image: block.image, w, h, caption, height: h + below };
  },

  minStart: p => p.height,

  place(p, cursor, root) {
    const { theme } = cursor;
    cursor.space(theme.figure.spaceBefore);
    if (!cursor.atTop && p.height > cursor.room()) cursor.newPage();
    // Caption and image are grouped in a Div, the caption after the Figure: readers stop at a
    // Figure's /Alt and read nothing inside it (Tagged PDF Best Practice Guide, 2019, 4.3.1).
    const group = p.caption ? struct('Div', root) : root;
    const figure = p.image.decorative ? undefined : struct('Figure', group, { alt: p.image.alt });
    const x = cursor.left + (cursor.width - p.w) / 2;
    cursor.page.items.push({
      kind: 'image',
      asset: p.image.asset!,
      x,
      y: cursor.y,
      w: p.w,
      h: p.h,
      ...(figure ? { struct: figure } : { artifact: 'Layout' as const }),
    });
    cursor.y += p.h;
    if (p.caption) {
      cursor.y += theme.figure.captionGap;
      cursor.text(p.caption.lines, cursor.left, struct('Caption', group));
    }
    cursor.y += theme.figure.spaceAfter;
  },
};
