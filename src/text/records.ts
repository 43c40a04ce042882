// The records the paragraph stages hand to one another: what a paragraph asks for, the runs it is
// split into, their shaped glyphs, line ranges, placed glyphs and the finished layout. Types only,
// so every stage can depend on them and none on another stage's internals.
import type { Direction } from './bidi.js';
import type { BreakOpportunity } from './linebreak.js';
import type { LoadedFace, Weight } from './fonts.js';
import type { ShapedGlyph } from './shaper.js';

export type Align = 'start' | 'end' | 'left' | 'right' | 'center' | 'justify';

/** spaces: widen spaces only; kashida: tatweels, spaces only for the remainder; kashida-spaces: tatweels up to a cap per join, then spaces. */
export type JustifyMode = 'spaces' | 'kashida' | 'kashida-spaces';

export interface RunStyle {
  weight: Weight;
  /** Font size in points. */
  size: number;
  /** Fill colour, #rrggbb. */
  color: string;
}

export interface StyledSpan {
  start: number;
  end: number;
  style: RunStyle;
}

export interface ParagraphInput {
  text: string;
  /** Default style, for text no span covers. */
  style: RunStyle;
  /** Styled ranges (sorted, non-overlapping); gaps take `style`. */
  spans?: readonly StyledSpan[];
  /** Measure in points. */
  width: number;
  align?: Align;
  direction?: Direction;
  /** Line height as a multiple of the largest font size on the line. */
  lineHeight?: number;
  language?: string;
  justify?: JustifyMode;
}

/** A stretch of text HarfBuzz shapes in one call: one bidi level, one script, one face, one style. */
export interface Run {
  start: number;
  end: number;
  level: number;
  script: string;
  face: LoadedFace;
  style: RunStyle;
}

/** What line breaking needs to know of a paragraph: its text and the advance of every prefix. */
export interface Measure {
  text: string;
  /** prefix[i]: advance of text[0, i) in points, from the runs shaped whole. */
  prefix: Float64Array;
  /** 1 where a cluster starts (and at the end of the text): the only places a word may be cut. */
  clusterStart: Uint8Array;
  /** UAX #14 break opportunities, in text order. */
  opportunities: readonly BreakOpportunity[];
}

/** The paragraph after itemizing and shaping: what every later stage reads (never writes). */
export interface Preparation extends Measure {
  /** Runs in text order. */
  runs: readonly Run[];
  levels: Uint8Array;
  language: string;
  /** Each run shaped whole, as measured for line breaking. */
  runGlyphs: ReadonlyMap<Run, readonly ShapedGlyph[]>;
  /** Positions of `opportunities`, for looking one up. */
  breakable: ReadonlySet<number>;
}

export interface LineRange {
  start: number;
  end: number;
  last: boolean;
}

/** A line's share of one run. */
export interface LinePiece {
  run: Run;
  start: number;
  end: number;
  level: number;
}

/** Tatweels to insert: original offset → how many go before the character there. */
export type Insertions = ReadonlyMap<number, number>;

/** A shaped glyph, perhaps a tatweel inserted for justification. */
export type PieceGlyph = ShapedGlyph & { kashida?: boolean };

export interface PlacedGlyph {
  face: LoadedFace;
  gid: number;
  /** Left edge of the glyph's origin, in points from the paragraph's left edge. */
  x: number;
  /** Raise above the baseline, in points. */
  rise: number;
  /** HarfBuzz advance, in points (the pen moves this much after the glyph). */
  advance: number;
  size: number;
  color: string;
  /** Source text this glyph stands for, in logical order ('' for extra glyphs of a cluster). */
  text: string;
  /** UTF-16 offset of the glyph's cluster in the paragraph text. */
  cluster: number;
  /** Index of the shaping run on its line: a run never changes font, size or direction. */
  run: number;
  rtl: boolean;
  /** A tatweel inserted for justification: drawn, but not part of the text. */
  kashida?: boolean;
}

export interface LineLayout {
  start: number;
  end: number;
  /** Glyphs in visual order, left to right. */
  glyphs: PlacedGlyph[];
  /** Advance width of the visible content (without trailing white space), in points. */
  width: number;
  /** Left edge of the content after alignment. */
  left: number;
  /** Baseline, in points from the top of the paragraph. */
  baseline: number;
  top: number;
  height: number;
  /** The line ends the paragraph or at a forced break. */
  last: boolean;
  /** Justified: flush on both sides. */
  justified?: boolean;
}

export interface ParagraphLayout {
  lines: LineLayout[];
  width: number;
  height: number;
  direction: Direction;
}
