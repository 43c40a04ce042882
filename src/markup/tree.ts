// The document tree: what the markup means, independent of how it is laid out.

export interface Inline {
  text: string;
  bold: boolean;
  className?: string;
  /** BCP 47 language of the span; Arabic unless stated. */
  lang?: string;
  /** A field filled in at layout time (running header and footer only). */
  field?: 'page' | 'pages';
  /** A note's marker: `text` is its number in the document's digits. */
  note?: Note;
}

/** Paragraph direction: `auto` takes the first strong character's (UAX #9 P2–P3). */
export type Dir = 'ltr' | 'rtl' | 'auto';

/** A `<note>`: numbered in document order, its text set at the foot of the page or at the end. */
export interface Note {
  number: number;
  inlines: Inline[];
  src: string;
}

interface BlockBase {
  className?: string;
  /** Where the element came from: `templates/x.hbs:12`, for messages. */
  src: string;
  dir?: Dir;
}

export interface Heading extends BlockBase {
  kind: 'heading';
  level: 1 | 2 | 3;
  inlines: Inline[];
  /** Destination name of a body h1/h2, for the contents. */
  anchor?: string;
}
export interface Paragraph extends BlockBase {
  kind: 'paragraph';
  inlines: Inline[];
}
export interface List extends BlockBase {
  kind: 'list';
  ordered: boolean;
  items: Inline[][];
}
export interface Cell {
  inlines: Inline[];
  header: boolean;
  colspan: number;
  className?: string;
  scope?: 'Row' | 'Column';
}
export interface Row {
  cells: Cell[];
  className?: string;
}
export interface Table extends BlockBase {
  kind: 'table';
  /** Column widths as fractions, first column (the rightmost in a right-to-left brief) first. */
  columns?: number[];
  caption?: Inline[];
  /** Rows repeated at the top of every page the table continues on. */
  head: Row[];
  body: Row[];
}
export interface PageBreak extends BlockBase {
  kind: 'page-break';
}
export interface Rule extends BlockBase {
  kind: 'rule';
}

export type CalloutVariant = 'summary' | 'key-figure' | 'quote';
/** A callout box: its blocks kept together on one page, in the theme's colours. */
export interface Aside extends BlockBase {
  kind: 'aside';
  variant: CalloutVariant;
  blocks: (Heading | Paragraph | List)[];
}
export interface TocEntry {
  level: 1 | 2;
  inlines: Inline[];
  anchor: string;
}
/** The contents: every body h1 and h2, filled in when the document is parsed. */
export interface Toc extends BlockBase {
  kind: 'toc';
  entries: TocEntry[];
  /** The contents' own title (`<toc title>`), set like a level-1 heading but not listed. */
  title?: Inline[];
}

/** Where an image's `src` is looked up: the template folder, or the data file's folder (`from="data"`). */
export type ImageFolder = 'template' | 'data';

/** An `<img>`: its file as written, how it is described, and its size as the markup asks for it. */
export interface Image {
  src: string;
  from: ImageFolder;
  /** Text for readers of the Figure; empty for a decorative image (an artifact). */
  alt: string;
  decorative: boolean;
  /** In points, or a fraction of the column's width (`"50%"`). */
  width?: Length;
  height?: Length;
  /** Where the element came from: `templates/x.hbs:12`, for messages. */
  at: string;
  /** The file, read and checked (src/images/load.ts fills it in before layout). */
  asset?: ImageAsset;
}

/** A length of the markup: points, or a fraction of the column's width. */
export type Length = { pt: number } | { fraction: number };

/** An image file read and checked: each file read once per brief, so each is embedded once. */
export interface ImageAsset {
  /** The real path: the same file named twice is one asset. */
  key: string;
  format: 'png' | 'jpeg' | 'svg';
  /** The file's bytes; for an SVG, its text as drawn (the root made to fill the box it is drawn in). */
  bytes: Uint8Array;
  /** Natural size in points: a pixel is 1/96 inch (raster images; an SVG from its width and height, or its viewBox). */
  width: number;
  height: number;
}

/** A figure: an image, kept on one page with its caption (a bare `<img>` is a figure without one). */
export interface Figure extends BlockBase {
  kind: 'figure';
  image: Image;
  caption?: Inline[];
}

export type Block = Heading | Paragraph | List | Table | PageBreak | Rule | Aside | Toc | Figure;

export interface DocumentMeta {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  lang: string;
  shortTitle?: string;
  /** ISO date (YYYY-MM-DD or a full timestamp): the PDF's creation date. */
  date?: string;
}

/** The classification marking: its level (the theme's colours) and its wording. */
export interface Classification {
  level: string;
  inlines: Inline[];
  src: string;
}

export interface DocumentTree {
  meta: DocumentMeta;
  header?: Inline[];
  /** An image at the start of the running header (a logo): always an artifact there. */
  headerImage?: Image;
  footer?: Inline[];
  /** Set as a banner at the top and foot of every page. */
  classification?: Classification;
  cover: Block[];
  body: Block[];
  /** The closing page (`<back-page>`): always the last page, with no running header or page number. */
  backPage?: Block[];
  /** Every note, in document order. */
  notes?: Note[];
}
