// A printed page's boxes: the trimmed page (TrimBox), the bleed around it (BleedBox) and the
// media, which also holds the crop marks. Without bleed or marks all three are the page.
import { MARK_SLUG } from './crop-marks.js';

export interface PageBoxes {
  /** Where the trimmed page's corner lies in the media, from its top-left corner (on both axes). */
  offset: number;
  media: { width: number; height: number };
  /** [x0, y0, x1, y1] in PDF coordinates (origin at the media's bottom left). */
  trim: [number, number, number, number];
  bleed: [number, number, number, number];
}

export interface BoxOptions {
  /** Bleed on every side, in points. */
  bleed: number;
  marks: boolean;
}

/** The boxes of a page `width` × `height`; undefined when nothing goes beyond the page. */
export function pageBoxes(width: number, height: number, options: BoxOptions): PageBoxes | undefined {
  const bleed = Math.max(0, options.bleed);
  if (bleed === 0 && !options.marks) return undefined;
  const offset = bleed + (options.marks ? MARK_SLUG : 0);
  const trim: PageBoxes['trim'] = [offset, offset, offset + width, offset + height];
  return {
    offset,
    media: { width: width + 2 * offset, height: height + 2 * offset },
    trim,
    bleed: [trim[0] - bleed, trim[1] - bleed, trim[2] + bleed, trim[3] + bleed],
  };
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export type Edge = 'top' | 'bottom' | 'left' | 'right';

/**
 * A background meant to run off `edges` of a page `width` × `height`, drawn out to them and
 * `bleed` beyond (top-down coordinates, the trimmed page's corner at 0, 0).
 */
export function intoBleed(box: Box, edges: readonly Edge[], width: number, height: number, bleed: number): Box {
  let { x, y } = box;
  let right = box.x + box.w,
    bottom = box.y + box.h;
  for (const edge of edges) {
    if (edge === 'left') x = -bleed;
    if (edge === 'top') y = -bleed;
    if (edge === 'right') right = width + bleed;
    if (edge === 'bottom') bottom = height + bleed;
  }
  return { x, y, w: right - x, h: bottom - y };
}
