// What layout hands to the painter: pages of positioned items, and the logical structure
// (for tagged PDF) that text items point into. Coordinates are points, top-down, page origin.
import type { Edge } from '../print/page-boxes.js';
import type { ImageAsset } from '../markup/tree.js';
import type { LineLayout } from '../text/paragraph.js';

export type StructType =
  | 'Document'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Caption'
  | 'Aside'
  | 'BlockQuote'
  | 'Note'
  | 'Reference'
  | 'Link'
  | 'TOC'
  | 'TOCI'
  | 'Sect'
  | 'Figure'
  | 'Div';

export interface StructNode {
  type: StructType;
  parent?: StructNode;
  /** TH scope. */
  scope?: 'Row' | 'Column';
  /** Table cells spanning several columns. */
  colSpan?: number;
  /** Element identifier (a Note's, which PDF/UA requires). */
  id?: string;
  /** A Figure's alternative text. */
  alt?: string;
}

export interface TextItem {
  kind: 'text';
  lines: LineLayout[];
  /** Left edge and top of the paragraph box; line baselines are relative to `y`. */
  x: number;
  y: number;
  /** The structure element this text belongs to; none for artifacts. */
  struct?: StructNode;
  /** Running header or footer, a repeated banner: marked as a pagination artifact, not content. */
  artifact?: boolean;
  /** The edge a pagination artifact belongs to (the artifact's /Attached): header and top banner, footer and bottom banner. */
  attached?: 'Top' | 'Bottom';
}

export interface RectItem {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  /**
   * A background placed on the page rather than in the text column (it does not move with the
   * column under duplex), meant to run off these edges: printed with bleed, it is drawn out to
   * them and into the bleed beyond. Without bleed it keeps its place, clear of the unprintable edge.
   */
  edges?: readonly Edge[];
  stroke?: { color: string; width: number };
}
/** A link to a named destination over a box of the page, part of a Link element. */
export interface LinkItem {
  kind: 'link';
  x: number;
  y: number;
  w: number;
  h: number;
  dest: string;
  label: string;
  struct: StructNode;
}
export interface LineItem {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
}

/** An image drawn in a box of the page; tagged as its Figure (whose BBox the box is), or an artifact. */
export interface ImageItem {
  kind: 'image';
  asset: ImageAsset;
  x: number;
  y: number;
  w: number;
  h: number;
  struct?: StructNode;
  /** Decorative (role="presentation") or page furniture: which kind of artifact. */
  artifact?: 'Layout' | 'Pagination';
  /** The edge a pagination artifact belongs to (a logo in the running header: Top). */
  attached?: 'Top' | 'Bottom';
}

export type Item = TextItem | RectItem | LineItem | LinkItem | ImageItem;

export interface Bookmark {
  title: string;
  level: number;
  y: number;
}

export interface Page {
  width: number;
  height: number;
  cover: boolean;
  /** Left blank on purpose (duplex: so that what follows starts on a front page); no running heads. */
  blank?: boolean;
  /** The back page (`<back-page>`): the last page with content, no running header or page number. */
  back?: boolean;
  items: Item[];
  bookmarks: Bookmark[];
  /** Named destinations on the page (headings, notes, markers), `y` from the top. */
  destinations: { name: string; y: number }[];
}

export function struct(type: StructType, parent?: StructNode, extra: Partial<StructNode> = {}): StructNode {
  return { type, parent, ...extra };
}

/** Ink extent of laid-out lines, for checks that nothing runs outside the margins. */
export function inkWidth(lines: readonly LineLayout[]): { left: number; right: number } {
  let left = Infinity,
    right = -Infinity;
  for (const l of lines)
    for (const g of l.glyphs) {
      left = Math.min(left, g.x);
      right = Math.max(right, g.x + g.advance);
    }
  return { left, right };
}
