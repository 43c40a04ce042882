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
  print: PrintSettings;
}

/** How the brief is printed: both sides, bleed and marks for a print shop, black and white. */
export interface PrintSettings {
  /** Printed on both sides: an inner (binding) and an outer margin instead of two side margins. */
  duplex: boolean;
  /** Under duplex: the margin at the binding edge and the one at the opposite edge, in points. */
  innerMargin: number;
  outerMargin: number;
  /** Under duplex: what starts on a front page, after an intentionally blank page when needed. */
  frontPage: { h1: boolean; contents: boolean };
  /** The wording on an intentionally blank page (the locale's, when the brief has a locale file). */
  blankPage: string;
  /** Bleed beyond the trimmed page on every side, in points (0: none). */
  bleed: number;
  /** Crop marks outside the bleed. */
  marks: boolean;
  /** The palette mapped to greys for black-and-white printing (images are left as they are). */
  greyscale: boolean;
}

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
  // The inner and outer margins add up to the two side margins, so duplex keeps the text width
  // (and every line break) and only moves the column towards the outer edge.
  print: {
    duplex: false,
    innerMargin: 26 * MM,
    outerMargin: 18 * MM,
    frontPage: { h1: false, contents: true },
    blankPage: 'صفحة متروكة فارغة عمدًا',
    bleed: 0,
    marks: false,
    greyscale: false,
  },
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
