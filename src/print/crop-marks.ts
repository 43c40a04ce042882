// Crop marks: short hairlines in line with the trimmed page's edges, drawn at each corner outside
// the bleed so that none of them shows once the sheet is cut.
const MM = 72 / 25.4;

/** Gap between the bleed's edge and the start of a mark. */
export const MARK_GAP = 2 * MM;
/** Length of a mark. */
export const MARK_LENGTH = 5 * MM;
/** Width of a mark's line (a hairline as print shops draw them). */
export const MARK_WIDTH = 0.25;
/** Room a page needs beyond its bleed for the marks: gap, mark and a millimetre of margin. */
export const MARK_SLUG = MARK_GAP + MARK_LENGTH + 1 * MM;

export interface MarkLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The eight marks of a trimmed page `width` × `height` with `bleed` around it, in the page's
 * top-down coordinates (the trimmed page's corner at 0, 0): two per corner, one on the line of
 * each edge meeting there.
 */
export function cropMarks(width: number, height: number, bleed: number): MarkLine[] {
  const near = bleed + MARK_GAP;
  const far = near + MARK_LENGTH;
  const marks: MarkLine[] = [];
  for (const x of [0, width]) {
    const out = x === 0 ? -1 : 1;
    for (const y of [0, height]) {
      const down = y === 0 ? -1 : 1;
      marks.push({ x1: x + out * near, y1: y, x2: x + out * far, y2: y }); // on the line of the top or bottom edge
      marks.push({ x1: x, y1: y + down * near, x2: x, y2: y + down * far }); // on the line of the side edge
    }
  }
  return marks;
}
