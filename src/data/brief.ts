// The shape of a brief's data file. It mirrors data/brief.schema.json property for property
// (the schema's descriptions are the reference for each field); loadBrief() only returns values
// that passed the schema, so these types can be trusted.

/** A calendar date written YYYY-MM-DD, e.g. "2025-08-15". */
export type IsoDate = string;

/** The data behind one brief: the root context of the templates. */
export interface Brief {
  /** Path or URL of the JSON Schema, for editors; ignored by the renderer. */
  $schema?: string;
  /** A theme file, relative to the data file's folder. */
  theme?: string;
  title: string;
  subtitle?: string;
  /** Running header; the title when absent. */
  shortTitle?: string;
  /** Series or kind of document, shown above the title on the cover. */
  series?: string;
  issuer?: Issuer;
  /** A classification level of the theme (e.g. "official"): a banner on every page. */
  classification?: string;
  reference?: string;
  /** Date of issue, also the PDF creation date. */
  issued?: IsoDate;
  /** BCP 47 tag choosing the locale file; "ar" when absent. */
  language?: string;
  direction?: 'rtl';
  authors?: Author[];
  keywords?: string[];
  /** false: no cover page; the masthead opens the first page. */
  cover?: boolean;
  /** The closing page, always last. */
  backPage?: BackPage;
  /** Headings and labels replacing the locale's defaults. */
  labels?: Labels;
  /** A template folder's own fields, checked by its schema.json. */
  custom?: Record<string, unknown>;
  /** Addresses for sending the brief by e-mail; the command line's win. */
  mail?: MailAddresses;
  /** The content, rendered in this order. */
  blocks: Block[];
}

export interface MailAddresses {
  from?: string;
  replyTo?: string;
  to?: string[];
  cc?: string[];
}

export interface Issuer {
  name: string;
  department?: string;
  /** Path of a logo image, relative to the data file: drawn on the cover and in the running header. */
  logo?: string;
  address?: string;
  contact?: string;
  /** Shown on the back page, each read left to right inside Arabic (src/template/isolate.ts). */
  phone?: string;
  email?: string;
  url?: string;
}

/** The closing page: the issuer's contact block and a note on the source. */
export interface BackPage {
  note?: string;
}

export interface Author {
  name: string;
  role?: string;
}

/** Every heading and label a template takes from the locale, by name. */
export type LabelName =
  | 'summary'
  | 'facts'
  | 'roster'
  | 'key-points'
  | 'recommendations'
  | 'programme'
  | 'timeline'
  | 'sources'
  | 'issuer'
  | 'issued'
  | 'reference'
  | 'classification'
  | 'authors'
  | 'address'
  | 'contact'
  | 'phone'
  | 'email'
  | 'web'
  | 'classification-public'
  | 'classification-official'
  | 'classification-restricted'
  | 'classification-secret'
  | 'classification-top-secret'
  | 'name'
  | 'role'
  | 'source-note'
  | 'page'
  | 'of'
  | 'separator'
  | 'contents';

export type Labels = Partial<Record<LabelName, string>>;

export type Block =
  | SummaryBlock
  | FactsBlock
  | TableBlock
  | RosterBlock
  | KeyPointsBlock
  | RecommendationsBlock
  | QuotationBlock
  | ProgrammeBlock
  | TimelineBlock
  | SectionBlock
  | SourcesBlock
  | FigureBlock
  | CalloutBlock
  | ContentsBlock;

export type BlockType = Block['type'];

/** An image file relative to the data file, described by `alt`, with an optional caption. */
export interface FigureBlock extends Titled {
  type: 'figure';
  src: string;
  alt: string;
  caption?: string;
  /** "200", "200pt", "80mm", "8cm" or "60%" of the column. */
  width?: string;
}

/** A callout box; a key figure's first paragraph is the figure, the others its label. */
export interface CalloutBlock extends Titled {
  type: 'callout';
  variant: 'summary' | 'key-figure' | 'quote';
  paragraphs: string[];
  attribution?: string;
  /** The box's language when not the brief's ("en"): set left to right. */
  language?: string;
}

/** The contents of the brief (its section headings with their pages). */
export interface ContentsBlock extends Titled {
  type: 'contents';
}

/** What every block may carry: a heading replacing the locale's default for its type. */
interface Titled {
  title?: string;
}

export interface SummaryBlock extends Titled {
  type: 'summary';
  paragraphs: string[];
}

export interface FactsBlock extends Titled {
  type: 'facts';
  caption?: string;
  items: Fact[];
}

export interface Fact {
  label: string;
  value: FactValue;
  unit?: string;
}

/** A text, a number, a list of texts, or a date. */
export type FactValue = string | number | string[] | DateValue;

export interface DateValue {
  date: IsoDate;
  hijri?: boolean;
}

export interface TableBlock extends Titled {
  type: 'table';
  caption?: string;
  columns: Column[];
  header?: Cell[][];
  rows: Cell[][];
  rowHeaders?: boolean;
  notes?: string[];
}

export interface Column {
  label?: string;
  /** Relative width. */
  width?: number;
}

export type Cell = string | number | SpanningCell;

export interface SpanningCell {
  value: string | number;
  colspan?: number;
}

export interface RosterBlock extends Titled {
  type: 'roster';
  groups: Group[];
}

export interface Group {
  name: string;
  members: Person[];
}

export interface Person {
  name: string;
  latin?: string;
  role?: string;
}

export interface KeyPointsBlock extends Titled {
  type: 'key-points';
  items: string[];
}

export interface RecommendationsBlock extends Titled {
  type: 'recommendations';
  items: string[];
}

export interface QuotationBlock extends Titled {
  type: 'quotation';
  text: string;
  speaker?: string;
  role?: string;
  source?: string;
}

export interface ProgrammeBlock extends Titled {
  type: 'programme';
  items: DatedItem[];
}

export interface TimelineBlock extends Titled {
  type: 'timeline';
  items: DatedItem[];
}

export interface DatedItem {
  date?: IsoDate;
  time?: string;
  text: string;
}

export interface SectionBlock {
  type: 'section';
  /** The section's heading (required, unlike other blocks' titles). */
  title: string;
  paragraphs?: SectionParagraph[];
  sections?: Subsection[];
}

export interface Subsection {
  title: string;
  paragraphs?: SectionParagraph[];
  sections?: Subsection[];
}

/** A section's paragraph: plain text, or text with the notes it carries (marked at its end). */
export type SectionParagraph = string | { text: string; notes: string[] };

/** A section paragraph's own text, without its notes. */
export function paragraphText(p: SectionParagraph): string {
  return typeof p === 'string' ? p : p.text;
}

/** The paragraph with its text changed by `change`, notes kept. */
export function withParagraphText(p: SectionParagraph, change: (text: string) => string): SectionParagraph {
  return typeof p === 'string' ? change(p) : { ...p, text: change(p.text) };
}

export interface SourcesBlock extends Titled {
  type: 'sources';
  items?: Source[];
  note?: string;
}

export interface Source {
  name: string;
  latin?: string;
  detail?: string;
}

/** The blocks of one type, in data order. */
export function blocksOf<T extends BlockType>(brief: Brief, type: T): Extract<Block, { type: T }>[] {
  return brief.blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);
}
