// How a brief looks, as one value: page geometry, type sizes, colours and spacing. This module
// holds the types and the defaults; theme files (themes/*.json, read by src/theme-file.ts) are
// merged over the defaults, and which theme a brief uses is decided once, in the engine context
// (src/context.ts), from where every stage reads it.
import type { Weight } from './text/fonts.js';
import type { Align } from './text/paragraph.js';
import type { JustifyMode } from './text/justify.js';

export type Paper = 'a4' | 'letter' | 'a5';
export type Orientation = 'portrait' | 'landscape';

/** A page size in points. */
export interface PageSize {
  width: number;
  height: number;
}

/**
 * A colour: `#rrggbb`, or the name of a palette entry. Names are replaced by the palette's value
 * when the context is made (resolveColours), so changing a palette entry recolours every use.
 */
export type Colour = string;

export interface TextStyle {
  size: number;
  weight: Weight;
  color: Colour;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  align: Align;
  spaceBefore: number;
  spaceAfter: number;
}

export const PALETTE_NAMES = ['ink', 'accent', 'muted', 'rule', 'band', 'bandLight'] as const;
export type PaletteName = (typeof PALETTE_NAMES)[number];
export type Palette = Record<PaletteName, string>;

export const STYLE_NAMES = [
  'body',
  'summary',
  'h1',
  'h2',
  'h3',
  'note',
  'list-item',
  'cell',
  'cell-head',
  'cell-label',
  'cell-group',
  'caption',
  'cover-kicker',
  'cover-title',
  'cover-subtitle',
  'cover-meta',
  'cover-meta-label',
  'classification',
  'latin',
  'header',
  'footer',
  'footnote',
  'callout-title',
  'key-figure',
  'key-figure-label',
  'pull-quote',
  'attribution',
  'toc-1',
  'toc-2',
  'figure-caption',
] as const;

export type StyleName = (typeof STYLE_NAMES)[number];

/** Every length is in points. */
export interface Theme {
  /** A named paper or a size; `orientation` decides which side runs across. */
  paper: Paper | PageSize;
  orientation: Orientation;
  /** Content box margins; nothing is drawn within `bleedSafe` of the page edge. */
  margin: { top: number; bottom: number; side: number };
  bleedSafe: number;
  /** The running header: whether it is drawn, what the template puts in it, where. */
  header: { show: boolean; shortTitle: boolean; baselineFromTop: number; ruleGap: number; ruleWidth: number; ruleColor: Colour };
  footer: { show: boolean; pageNumbers: boolean; baselineFromBottom: number };
  palette: Palette;
  styles: Record<StyleName, TextStyle>;
  /** How `justify` stretches lines. */
  justify: JustifyMode;
  list: { indent: number; bullet: string; gap: number; labelColor: Colour };
  table: {
    padX: number;
    padY: number;
    spaceBefore: number;
    spaceAfter: number;
    rule: number;
    ruleColor: Colour;
    headRule: number;
    headRuleColor: Colour;
    headBandColor: Colour;
    groupBandColor: Colour;
  };
  /** A horizontal rule (`<hr/>`) and the space around it. */
  rule: { spaceBefore: number; spaceAfter: number; width: number; color: Colour };
  /** Lines of the next block that must fit below a heading for it to stay on the page. */
  keepWithNextLines: number;
  /** Fewest lines of a paragraph left alone on either side of a page break. */
  widowLines: number;
  /**
   * The cover: a band at the top, the title block from `titleTop` (raised, then set smaller down
   * to `minScale`, when it would not fit below), a rule `ruleOffset` below the content box.
   */
  cover: {
    bandHeight: number;
    bandColor: Colour;
    titleTop: number;
    titleGap: number;
    minScale: number;
    ruleOffset: number;
    ruleWidth: number;
    ruleColor: Colour;
  };
  /**
   * The classification marking: a band of `height` at the top and at the foot of every page (the
   * cover included), `bleedSafe` from the edge, the level's wording centred on it in the
   * `classification` style. The brief's data names the level, which must be one of `levels`;
   * each level's colours are the theme's, its wording the locale's unless the level gives one. The running header and footer move `height + gap` towards the text.
   */
  classification: { height: number; gap: number; levels: Record<string, ClassificationLevel> };
  /** Callout boxes (`<aside class>`): padding, space around, and each variant's colours. */
  callout: { padding: number; spaceBefore: number; spaceAfter: number } & Record<'summary' | 'key-figure' | 'quote', CalloutLook>;
  /** Notes: where they go, the marker's size and raise (in em of the text), the rule above them, link texts for assistive technology. */
  notes: {
    placement: 'foot' | 'end';
    markerScale: number;
    markerRise: number;
    markerColor: Colour;
    separatorGap: number;
    ruleLength: number;
    labelSuffix: string;
    /** Contents of the link annotations: marker → note, note → marker; the heading of end notes. */
    linkLabel: string;
    backLabel: string;
    endTitle: string;
  };
  /** The contents: leader text, second-level indent, gap around the leader, digits reserved for page numbers. */
  toc: { leader: string; indent: number; gap: number; numberDigits: number; linkLabel: string };
  /** Figures (`<figure>`, `<img>`): space around them and between an image and its caption. */
  figure: { spaceBefore: number; spaceAfter: number; captionGap: number };
  /** The data's “ ” in right-to-left runs: drawn mirrored, as « », or as typed. */
  quotes: 'mirror' | 'guillemets' | 'as-typed';
  print: PrintSettings;
}

/** How the brief is printed: both sides, bleed and marks for a print shop, black and white. */
export interface PrintSettings {
  /** Printed on both sides: an inner (binding) and an outer margin instead of two side margins. */
  duplex: boolean;
  /** Under duplex: the margin at the binding edge and the one at the opposite edge, in points. */
  innerMargin: number;
  outerMargin: number;
  /**
   * Under duplex: what starts on a front page, after an intentionally blank page when needed.
   * `backPage`: the back page on a front page (then a blank back page ends the brief) instead
   * of on the outside back cover, a back page.
   */
  frontPage: { h1: boolean; contents: boolean; backPage: boolean };
  /** The wording on an intentionally blank page (the locale's, when the brief has a locale file). */
  blankPage: string;
  /** Bleed beyond the trimmed page on every side, in points (0: none). */
  bleed: number;
  /** Crop marks outside the bleed. */
  marks: boolean;
  /** The palette mapped to greys for black-and-white printing (images are left as they are). */
  greyscale: boolean;
}

/** One classification level: its wording, and the colours of the text and of the band behind it. */
export interface ClassificationLevel {
  /** The wording; when left out, the locale's `classification-<level>` (or the brief's label of that name). */
  label?: string;
  color: Colour;
  fillColor: Colour;
}

/** A callout variant's box: fill (or none), border all round, and a bar on the start side. */
export interface CalloutLook {
  fillColor?: Colour;
  borderColor?: Colour;
  borderWidth: number;
  barColor?: Colour;
  barWidth: number;
}

/** Any part of a theme, merged over another (objects key by key; values and arrays replaced). */
export type ThemeOverride = { [K in keyof Theme]?: K extends 'paper' ? Theme[K] : Overlay<Theme[K]> };
type Overlay<T> = T extends string | number | boolean ? T : { [K in keyof T]?: Overlay<T[K]> };

/** Portrait sizes in points. */
export const PAPER_SIZES: Readonly<Record<Paper, PageSize>> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
  a5: { width: 419.53, height: 595.28 },
};

/** The page size of a theme: its paper, the longer side down (portrait) or across (landscape). */
export function pageSize(theme: Pick<Theme, 'paper' | 'orientation'>): PageSize {
  const size = typeof theme.paper === 'string' ? PAPER_SIZES[theme.paper] : theme.paper;
  const [short, long] = size.width <= size.height ? [size.width, size.height] : [size.height, size.width];
  return theme.orientation === 'landscape' ? { width: long, height: short } : { width: short, height: long };
}

export const MM = 72 / 25.4;

const palette: Palette = {
  ink: '#1a1d21',
  accent: '#0f3554',
  muted: '#55606b',
  rule: '#9aa7b4',
  band: '#e6ebf0',
  bandLight: '#f3f5f7',
};

const body: TextStyle = { size: 12, weight: 'regular', color: 'ink', lineHeight: 1.9, align: 'justify', spaceBefore: 0, spaceAfter: 8 };

// Table cells are set at 1.45: poppler reads lines more than 1.5 em apart as separate blocks,
// and a cell's second line would then come out after the next row.
const styles: Record<StyleName, TextStyle> = {
  body,
  summary: { ...body, size: 12.5, spaceAfter: 6 },
  h1: { ...body, size: 16.5, weight: 'bold', color: 'accent', lineHeight: 1.7, align: 'start', spaceBefore: 18, spaceAfter: 8 },
  h2: { ...body, size: 13.5, weight: 'bold', color: 'accent', lineHeight: 1.7, align: 'start', spaceBefore: 12, spaceAfter: 4 },
  h3: { ...body, size: 12, weight: 'bold', lineHeight: 1.7, align: 'start', spaceBefore: 8, spaceAfter: 2 },
  note: { ...body, size: 9.5, color: 'muted', lineHeight: 1.7, align: 'start', spaceBefore: 6, spaceAfter: 4 },
  'list-item': { ...body, align: 'start', spaceAfter: 4 },
  cell: { ...body, size: 11, lineHeight: 1.45, align: 'start', spaceAfter: 0 },
  'cell-head': { ...body, size: 11, weight: 'bold', color: 'accent', lineHeight: 1.45, align: 'start', spaceAfter: 0 },
  'cell-label': { ...body, size: 11, weight: 'bold', lineHeight: 1.45, align: 'start', spaceAfter: 0 },
  'cell-group': { ...body, size: 11, weight: 'bold', color: 'accent', lineHeight: 1.45, align: 'start', spaceAfter: 0 },
  caption: { ...body, size: 10, color: 'muted', lineHeight: 1.6, align: 'start', spaceAfter: 4 },
  'cover-kicker': { ...body, size: 11.5, color: 'accent', lineHeight: 1.6, align: 'start', spaceAfter: 10 },
  'cover-title': { ...body, size: 25, weight: 'bold', color: 'accent', lineHeight: 1.65, align: 'start', spaceAfter: 12 },
  'cover-subtitle': { ...body, size: 14.5, color: 'muted', lineHeight: 1.7, align: 'start', spaceAfter: 18 },
  'cover-meta': { ...body, size: 11, lineHeight: 1.7, align: 'start', spaceAfter: 0 },
  'cover-meta-label': { ...body, size: 11, weight: 'bold', color: 'muted', lineHeight: 1.7, align: 'start', spaceAfter: 0 },
  // The colour is the level's (theme.classification.levels): this one is never drawn.
  classification: { ...body, size: 10, weight: 'bold', color: 'ink', lineHeight: 1.3, align: 'center', spaceAfter: 0 },
  latin: { ...body, size: 9.5, color: 'muted', lineHeight: 1.6, align: 'start', spaceAfter: 0 },
  header: { ...body, size: 9, color: 'muted', lineHeight: 1.5, align: 'start', spaceAfter: 0 },
  footer: { ...body, size: 9, color: 'muted', lineHeight: 1.5, align: 'center', spaceAfter: 0 },
  footnote: { ...body, size: 9.5, color: 'ink', lineHeight: 1.5, align: 'start', spaceAfter: 0 },
  'callout-title': { ...body, size: 12.5, weight: 'bold', color: 'accent', lineHeight: 1.6, align: 'start', spaceBefore: 0, spaceAfter: 4 },
  'key-figure': { ...body, size: 26, weight: 'bold', color: 'accent', lineHeight: 1.3, align: 'center', spaceAfter: 2 },
  'key-figure-label': { ...body, size: 11, color: 'muted', lineHeight: 1.6, align: 'center', spaceAfter: 0 },
  'pull-quote': { ...body, size: 15, color: 'accent', lineHeight: 1.7, align: 'start', spaceAfter: 4 },
  attribution: { ...body, size: 10.5, color: 'muted', lineHeight: 1.6, align: 'end', spaceAfter: 0 },
  'toc-1': { ...body, size: 12, weight: 'bold', lineHeight: 1.8, align: 'start', spaceBefore: 4, spaceAfter: 0 },
  'toc-2': { ...body, size: 11, lineHeight: 1.7, align: 'start', spaceAfter: 0 },
  'figure-caption': { ...body, size: 10, color: 'muted', lineHeight: 1.6, align: 'center', spaceAfter: 0 },
};

/** The defaults, colours still named by palette entry (themes/default.json says the same). */
export const themeDefaults: Theme = {
  paper: 'a4',
  orientation: 'portrait',
  margin: { top: 30 * MM, bottom: 26 * MM, side: 22 * MM },
  bleedSafe: 12 * MM,
  header: { show: true, shortTitle: true, baselineFromTop: 16 * MM, ruleGap: 4, ruleWidth: 0.5, ruleColor: 'rule' },
  footer: { show: true, pageNumbers: true, baselineFromBottom: 14 * MM },
  palette,
  styles,
  justify: 'kashida-spaces',
  list: { indent: 16, bullet: '•', gap: 7, labelColor: 'accent' },
  table: {
    padX: 7,
    padY: 4,
    spaceBefore: 10,
    spaceAfter: 14,
    rule: 0.6,
    ruleColor: 'rule',
    headRule: 1.2,
    headRuleColor: 'accent',
    headBandColor: 'band',
    groupBandColor: 'bandLight',
  },
  rule: { spaceBefore: 6, spaceAfter: 8, width: 0.6, color: 'rule' },
  keepWithNextLines: 2,
  widowLines: 2,
  cover: { bandHeight: 7 * MM, bandColor: 'accent', titleTop: 86 * MM, titleGap: 10 * MM, minScale: 0.7, ruleOffset: 6, ruleWidth: 1.2, ruleColor: 'accent' },
  // Levels from the least to the most guarded; the guarded ones are white on a strong colour, each
  // at least 4.5:1 (tests/layout/banner.test.ts computes it), so they read as a marking from afar.
  classification: {
    height: 6 * MM,
    gap: 2 * MM,
    levels: {
      public: { color: 'ink', fillColor: 'bandLight' },
      official: { color: 'accent', fillColor: 'band' },
      restricted: { color: '#ffffff', fillColor: '#8a4b00' },
      secret: { color: '#ffffff', fillColor: '#a3161a' },
      'top-secret': { color: '#ffffff', fillColor: '#5c0a0d' },
    },
  },
  callout: {
    padding: 10,
    spaceBefore: 10,
    spaceAfter: 14,
    summary: { fillColor: 'bandLight', borderColor: 'rule', borderWidth: 0.6, barWidth: 0 },
    'key-figure': { fillColor: 'band', borderWidth: 0, barColor: 'accent', barWidth: 3 },
    quote: { borderWidth: 0, barColor: 'accent', barWidth: 2 },
  },
  notes: {
    placement: 'foot',
    markerScale: 0.65,
    markerRise: 0.38,
    markerColor: 'accent',
    separatorGap: 10,
    ruleLength: 0.3,
    labelSuffix: '. ',
    linkLabel: 'الحاشية',
    backLabel: 'العودة إلى موضع الحاشية',
    endTitle: 'الحواشي',
  },
  toc: { leader: '.', indent: 14, gap: 4, numberDigits: 3, linkLabel: 'انتقل إلى' },
  figure: { spaceBefore: 10, spaceAfter: 12, captionGap: 6 },
  quotes: 'mirror',
  // The inner and outer margins add up to the two side margins, so duplex keeps the text width
  // (and every line break) and only moves the column towards the outer edge.
  print: {
    duplex: false,
    innerMargin: 26 * MM,
    outerMargin: 18 * MM,
    frontPage: { h1: false, contents: true, backPage: false },
    blankPage: 'صفحة متروكة فارغة عمدًا',
    bleed: 0,
    marks: false,
    greyscale: false,
  },
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isPaletteName = (c: string): c is PaletteName => (PALETTE_NAMES as readonly string[]).includes(c);

/** A colour as drawn: palette names replaced by the palette's value. */
export const colourOf = (palette: Palette, c: Colour): string => (isPaletteName(c) ? palette[c] : c);

/**
 * The theme with every colour a value: each property named `color` or ending in `Color` that
 * names a palette entry takes that entry's colour.
 */
export function resolveColours(theme: Theme): Theme {
  return mapColours(theme, value => colourOf(theme.palette, value as Colour));
}

/**
 * The theme with `fn` applied to every colour: the palette's entries and each property named
 * `color` or ending in `Color`, wherever it stands (the greyscale mapping goes through here too).
 */
export function mapColours(theme: Theme, fn: (colour: string) => string): Theme {
  const walk = (value: unknown, key: string, inPalette: boolean): unknown => {
    if (typeof value === 'string') return inPalette || key === 'color' || key.endsWith('Color') ? fn(value) : value;
    if (!isRecord(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k, key === 'palette')]));
  };
  return walk(theme, '', false) as Theme;
}

/** The default theme with its colours resolved. */
export const defaultTheme: Theme = resolveColours(themeDefaults);

/** What templates may read of a theme: the paper and orientation, what the running header and footer show. */
export function templateValues(theme: Theme): Record<string, unknown> {
  return {
    paper: typeof theme.paper === 'string' ? theme.paper : 'custom',
    orientation: theme.orientation,
    theme: { header: theme.header, footer: theme.footer },
  };
}

/** The theme's style of that name (templates pick styles by class name), else the fallback's. */
export function styleFor(theme: Theme, name: string | undefined, fallback: StyleName): TextStyle {
  return name && Object.hasOwn(theme.styles, name) ? theme.styles[name as StyleName] : theme.styles[fallback];
}

/** `override` over `base`: nested objects merged key by key, anything else replaced. */
export function mergeTheme(base: Theme, override: ThemeOverride = {}): Theme {
  return merge(base, override) as Theme;
}

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isRecord(base) || !isRecord(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}
