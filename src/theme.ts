// How a brief looks, as one value: page geometry, type sizes, colours and spacing. This module
// holds the types and the default; which theme a brief uses is decided once, in the engine
// context (src/context.ts), and every stage reads it from there.
import type { Weight } from './text/fonts.js';
import type { Align } from './text/paragraph.js';
import type { JustifyMode } from './text/justify.js';

export type Paper = 'a4' | 'letter';

/** A page size in points. */
export interface PageSize { width: number; height: number }

export interface TextStyle {
  size: number;
  weight: Weight;
  color: string;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  align: Align;
  spaceBefore: number;
  spaceAfter: number;
}

export interface Palette {
  ink: string;
  accent: string;
  muted: string;
  rule: string;
  band: string;
  bandLight: string;
}

export const STYLE_NAMES = [
  'body', 'summary', 'h1', 'h2', 'h3', 'note', 'list-item', 'cell', 'cell-head', 'cell-label', 'cell-group', 'caption',
  'cover-kicker', 'cover-title', 'cover-subtitle', 'cover-meta', 'cover-meta-label', 'cover-classification',
  'latin', 'header', 'footer',
  'footnote', 'callout-title', 'key-figure', 'key-figure-label', 'pull-quote', 'attribution', 'toc-1', 'toc-2',
] as const;

export type StyleName = (typeof STYLE_NAMES)[number];

export interface Theme {
  /** A named paper or a size in points. */
  paper: Paper | PageSize;
  /** Content box margins; nothing is drawn within `bleedSafe` of the page edge. */
  margin: { top: number; bottom: number; side: number };
  bleedSafe: number;
  header: { baselineFromTop: number; ruleGap: number };
  footer: { baselineFromBottom: number };
  palette: Palette;
  styles: Record<StyleName, TextStyle>;
  /** How `justify` stretches lines. */
  justify: JustifyMode;
  list: { indent: number; bullet: string; gap: number };
  table: { padX: number; padY: number; rule: number; headRule: number; spaceAfter: number };
  /** Lines of the next block that must fit below a heading for it to stay on the page. */
  keepWithNextLines: number;
  /** Fewest lines of a paragraph left alone on either side of a page break. */
  widowLines: number;
  cover: { bandHeight: number; titleTop: number };
  /** Callout boxes (`<aside class>`): padding, space around, and each variant's colours. */
  callout: { padding: number; spaceBefore: number; spaceAfter: number } & Record<'summary' | 'key-figure' | 'quote', CalloutLook>;
  /** Notes: where they go, the marker's size and raise (in em of the text), the rule above them, link texts for assistive technology. */
  notes: {
    placement: 'foot' | 'end';
    markerScale: number; markerRise: number; markerColor: string;
    separatorGap: number; ruleLength: number; labelSuffix: string;
    /** Contents of the link annotations: marker → note, note → marker; the heading of end notes. */
    linkLabel: string; backLabel: string; endTitle: string;
  };
  /** The contents: leader text, second-level indent, gap around the leader, digits reserved for page numbers. */
  toc: { leader: string; indent: number; gap: number; numberDigits: number; linkLabel: string };
  /** The data's “ ” in right-to-left runs: drawn mirrored, as « », or as typed. */
  quotes: 'mirror' | 'guillemets' | 'as-typed';
}

/** A callout variant's box: fill (or none), border all round, and a bar on the start side. */
export interface CalloutLook { fill?: string; border?: string; borderWidth: number; bar?: string; barWidth: number }

/** Any part of a theme, merged over another (objects key by key; values and arrays replaced). */
export type ThemeOverride = { [K in keyof Theme]?: K extends 'paper' ? Theme[K] : Overlay<Theme[K]> };
type Overlay<T> = T extends string | number ? T : { [K in keyof T]?: Overlay<T[K]> };

export const PAPER_SIZES: Readonly<Record<Paper, PageSize>> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

export const pageSize = (paper: Paper | PageSize): PageSize => (typeof paper === 'string' ? PAPER_SIZES[paper] : paper);

const MM = 72 / 25.4;

const palette: Palette = {
  ink: '#1a1d21',
  accent: '#0f3554',
  muted: '#55606b',
  rule: '#9aa7b4',
  band: '#e6ebf0',
  bandLight: '#f3f5f7',
};

const body: TextStyle = { size: 12, weight: 'regular', color: palette.ink, lineHeight: 1.9, align: 'justify', spaceBefore: 0, spaceAfter: 8 };

// Table cells are set at 1.45: poppler reads lines more than 1.5 em apart as separate blocks,
// and a cell's second line would then come out after the next row.
const styles: Record<StyleName, TextStyle> = {
  body,
  summary: { ...body, size: 12.5, color: palette.ink, spaceAfter: 6 },
  h1: { ...body, size: 16.5, weight: 'bold', color: palette.accent, lineHeight: 1.7, align: 'start', spaceBefore: 18, spaceAfter: 8 },
  h2: { ...body, size: 13.5, weight: 'bold', color: palette.accent, lineHeight: 1.7, align: 'start', spaceBefore: 12, spaceAfter: 4 },
  h3: { ...body, size: 12, weight: 'bold', color: palette.ink, lineHeight: 1.7, align: 'start', spaceBefore: 8, spaceAfter: 2 },
  note: { ...body, size: 9.5, color: palette.muted, lineHeight: 1.7, align: 'start', spaceBefore: 6, spaceAfter: 4 },
  'list-item': { ...body, align: 'start', spaceAfter: 4 },
  cell: { ...body, size: 11, lineHeight: 1.45, align: 'start', spaceAfter: 0 },
  'cell-head': { ...body, size: 11, weight: 'bold', color: palette.accent, lineHeight: 1.45, align: 'start', spaceAfter: 0 },
  'cell-label': { ...body, size: 11, weight: 'bold', color: palette.ink, lineHeight: 1.45, align: 'start', spaceAfter: 0 },
  'cell-group': { ...body, size: 11, weight: 'bold', color: palette.accent, lineHeight: 1.45, align: 'start', spaceAfter: 0 },
  caption: { ...body, size: 10, color: palette.muted, lineHeight: 1.6, align: 'start', spaceBefore: 0, spaceAfter: 4 },
  'cover-kicker': { ...body, size: 11.5, weight: 'regular', color: palette.accent, lineHeight: 1.6, align: 'start', spaceAfter: 10 },
  'cover-title': { ...body, size: 25, weight: 'bold', color: palette.accent, lineHeight: 1.65, align: 'start', spaceAfter: 12 },
  'cover-subtitle': { ...body, size: 14.5, color: palette.muted, lineHeight: 1.7, align: 'start', spaceAfter: 18 },
  'cover-meta': { ...body, size: 11, lineHeight: 1.7, align: 'start', spaceAfter: 0 },
  'cover-meta-label': { ...body, size: 11, weight: 'bold', color: palette.muted, lineHeight: 1.7, align: 'start', spaceAfter: 0 },
  'cover-classification': { ...body, size: 10.5, weight: 'bold', color: palette.accent, lineHeight: 1.6, align: 'center', spaceAfter: 0 },
  latin: { ...body, size: 9.5, color: palette.muted, lineHeight: 1.6, align: 'start', spaceAfter: 0 },
  header: { ...body, size: 9, color: palette.muted, lineHeight: 1.5, align: 'start', spaceAfter: 0 },
  footer: { ...body, size: 9, color: palette.muted, lineHeight: 1.5, align: 'center', spaceAfter: 0 },
  footnote: { ...body, size: 9.5, color: palette.ink, lineHeight: 1.5, align: 'start', spaceAfter: 0 },
  'callout-title': { ...body, size: 12.5, weight: 'bold', color: palette.accent, lineHeight: 1.6, align: 'start', spaceBefore: 0, spaceAfter: 4 },
  'key-figure': { ...body, size: 26, weight: 'bold', color: palette.accent, lineHeight: 1.3, align: 'center', spaceAfter: 2 },
  'key-figure-label': { ...body, size: 11, color: palette.muted, lineHeight: 1.6, align: 'center', spaceAfter: 0 },
  'pull-quote': { ...body, size: 15, color: palette.accent, lineHeight: 1.7, align: 'start', spaceAfter: 4 },
  attribution: { ...body, size: 10.5, color: palette.muted, lineHeight: 1.6, align: 'end', spaceAfter: 0 },
  'toc-1': { ...body, size: 12, weight: 'bold', lineHeight: 1.8, align: 'start', spaceBefore: 4, spaceAfter: 0 },
  'toc-2': { ...body, size: 11, lineHeight: 1.7, align: 'start', spaceAfter: 0 },
};

export const defaultTheme: Theme = {
  paper: 'a4',
  margin: { top: 30 * MM, bottom: 26 * MM, side: 22 * MM },
  bleedSafe: 12 * MM,
  header: { baselineFromTop: 16 * MM, ruleGap: 4 },
  footer: { baselineFromBottom: 14 * MM },
  palette,
  styles,
  justify: 'kashida-spaces',
  list: { indent: 16, bullet: '•', gap: 7 },
  table: { padX: 7, padY: 4, rule: 0.6, headRule: 1.2, spaceAfter: 14 },
  keepWithNextLines: 2,
  widowLines: 2,
  cover: { bandHeight: 7 * MM, titleTop: 86 * MM },
  callout: {
    padding: 10, spaceBefore: 10, spaceAfter: 14,
    summary: { fill: palette.bandLight, border: palette.rule, borderWidth: 0.6, barWidth: 0 },
    'key-figure': { fill: palette.band, borderWidth: 0, bar: palette.accent, barWidth: 3 },
    quote: { borderWidth: 0, bar: palette.accent, barWidth: 2 },
  },
  notes: {
    placement: 'foot', markerScale: 0.65, markerRise: 0.38, markerColor: palette.accent,
    separatorGap: 10, ruleLength: 0.3, labelSuffix: '. ',
    linkLabel: 'الحاشية', backLabel: 'العودة إلى موضع الحاشية', endTitle: 'الحواشي',
  },
  toc: { leader: '.', indent: 14, gap: 4, numberDigits: 3, linkLabel: 'انتقل إلى' },
  quotes: 'mirror',
};

/** The theme's style of that name (templates pick styles by class name), else the fallback's. */
export function styleFor(theme: Theme, name: string | undefined, fallback: StyleName): TextStyle {
  return name && Object.hasOwn(theme.styles, name) ? theme.styles[name as StyleName] : theme.styles[fallback];
}

/** `override` over `base`: nested objects merged key by key, anything else replaced. */
export function mergeTheme(base: Theme, override: ThemeOverride = {}): Theme {
  return merge(base, override) as Theme;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isRecord(base) || !isRecord(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}
