// The document tree: what the markup means, independent of how it is laid out.

export interface Inline {
  text: string;
  bold: boolean;
  className?: string;
  /** BCP 47 language of the span; Arabic unless stated. */
  lang?: string;
  /** A field filled in at layout time (running header and footer only). */
  field?: 'page' | 'pages';
}

interface BlockBase {
  className?: string;
  /** Where the element came from: `templates/x.hbs:12`, for messages. */
  src: string;
}

export interface Heading extends BlockBase { kind: 'heading'; level: 1 | 2 | 3; inlines: Inline[] }
export interface Paragraph extends BlockBase { kind: 'paragraph'; inlines: Inline[] }
export interface List extends BlockBase { kind: 'list'; ordered: boolean; items: Inline[][] }
export interface Cell { inlines: Inline[]; header: boolean; colspan: number; className?: string; scope?: 'Row' | 'Column' }
export interface Row { cells: Cell[]; className?: string }
export interface Table extends BlockBase {
  kind: 'table';
  /** Column widths as fractions, first column (the rightmost in a right-to-left brief) first. */
  columns?: number[];
  caption?: Inline[];
  /** Rows repeated at the top of every page the table continues on. */
  head: Row[];
  body: Row[];
}
export interface PageBreak extends BlockBase { kind: 'page-break' }
export interface Rule extends BlockBase { kind: 'rule' }

export type Block = Heading | Paragraph | List | Table | PageBreak | Rule;

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

export interface DocumentTree {
  meta: DocumentMeta;
  header?: Inline[];
  footer?: Inline[];
  cover: Block[];
  body: Block[];
}
