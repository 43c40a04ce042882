// Paragraph layout: itemize ▸ shape ▸ break lines ▸ reorder ▸ align.
// Lines are broken in logical order from shaped advances, and reordered visually (UAX #9 L1–L2)
// only when they are placed. Mirroring (L4) is HarfBuzz's: it mirrors brackets in RTL runs.
import { embeddingLevels, visualOrder, type Direction } from './bidi.js';
import { loadFonts, type FontSet, type LoadedFace } from './fonts.js';
import { hasIgnorable, itemize, isIgnorable, type Run, type RunStyle, type StyledSpan } from './itemize.js';
import { breakOpportunities, type BreakOpportunity } from './linebreak.js';
import { CONTEXT, GlyphFlag, shape, type ShapedGlyph } from './shaper.js';
import { dropOne, planKashida, stretchSpaces, type JustifyMode } from './justify.js';

export type Align = 'start' | 'end' | 'left' | 'right' | 'center' | 'justify';

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
  fonts?: FontSet;
}

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

const WHITESPACE = /[\s\u200B]/;
const isBreakableSpace = (ch: string) => WHITESPACE.test(ch) || isIgnorable(ch);

export function layoutParagraph(input: ParagraphInput): ParagraphLayout {
  const fonts = input.fonts ?? loadFonts();
  const direction = input.direction ?? 'rtl';
  const text = input.text;
  const spans = input.spans?.length ? fillSpans(input.spans, input.style, text.length) : [{ start: 0, end: text.length, style: input.style }];
  const lineHeight = input.lineHeight ?? 1.8;
  if (!text.length) return { lines: [], width: input.width, height: 0, direction };

  const levels = embeddingLevels(text, direction);
  const runs = itemize(text, levels, spans, fonts);
  const language = input.language ?? 'ar';

  // Advance of each UTF-16 offset (its cluster's glyphs), from shaping whole runs.
  const advance = new Float64Array(text.length + 1);
  const clusterStart = new Uint8Array(text.length + 1);
  const runGlyphs = new Map<Run, readonly ShapedGlyph[]>();
  for (const run of runs) {
    const scale = run.style.size / run.face.upem;
    const glyphs = shapeRange(text, run, run.start, run.end, language);
    runGlyphs.set(run, glyphs);
    for (const g of glyphs) {
      advance[g.cluster] += g.ax * scale;
      clusterStart[g.cluster] = 1;
    }
  }
  clusterStart[text.length] = 1;
  const prefix = new Float64Array(text.length + 1);
  for (let i = 0; i < text.length; i++) prefix[i + 1] = prefix[i] + advance[i];

  const align = input.align ?? 'start';
  const opportunities = breakOpportunities(text);
  const ranges = align === 'justify'
    ? breakJustified(text, prefix, clusterStart, input.width, opportunities)
    : breakLines(text, prefix, clusterStart, input.width, opportunities);
  const lines: LineLayout[] = [];
  let top = 0;
  const ctx: LineContext = { text, runs, levels, language, runGlyphs };
  const breakable = new Set(opportunities.map(o => o.position));
  for (let i = 0; i < ranges.length; i++) {
    let range = ranges[i];
    let line = placeLine(ctx, range);
    // Widths were measured on whole runs; a line shaped on its own can come out wider (a kerning
    // pair or a joining form lost at a cut inside a word). Such a line gives its end to the next.
    while (line.width > input.width + 0.01) {
      const cut = earlierCut(text, range, breakable, clusterStart);
      if (cut === null) break;
      const next = ranges[i + 1];
      if (next && !range.last) ranges[i + 1] = { ...next, start: cut };
      else ranges.splice(i + 1, 0, { start: cut, end: range.end, last: range.last });
      range = ranges[i] = { start: range.start, end: cut, last: false };
      line = placeLine(ctx, range);
    }
    if (align === 'justify' && !range.last) line = justifyLine(line, range, ctx, input.width, input.justify ?? 'kashida-spaces');
    const size = Math.max(...line.glyphs.map(g => g.size), input.style.size);
    line.height = size * lineHeight;
    line.top = top;
    line.baseline = top + line.height / 2 + 0.25 * size;
    alignLine(line, align, direction, input.width);
    top += line.height;
    lines.push(line);
  }
  return { lines, width: input.width, height: top, direction };
}

function fillSpans(spans: readonly StyledSpan[], style: RunStyle, length: number): StyledSpan[] {
  const out: StyledSpan[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push({ start: at, end: s.start, style });
    if (s.end > s.start) out.push(s);
    at = Math.max(at, s.end);
  }
  if (at < length) out.push({ start: at, end: length, style });
  return out;
}

export function shapeRange(text: string, run: Run, start: number, end: number, language: string, tatweelFlags = false): readonly ShapedGlyph[] {
  return shape({
    face: run.face.shaper,
    faceKey: run.face.key,
    text,
    start,
    end,
    rtl: run.level % 2 === 1,
    script: run.script,
    language,
    tatweelFlags,
  });
}

interface LineRange { start: number; end: number; last: boolean }

/** End of the visible part of [start, end): trailing white space hangs outside the measure (UAX #9 L1). */
function visibleEnd(text: string, start: number, end: number): number {
  while (end > start && isBreakableSpace(text[end - 1])) end--;
  return end;
}

/** Greedy first-fit over UAX #14 opportunities; a piece wider than the measure is cut between clusters. */
function breakLines(text: string, prefix: Float64Array, clusterStart: Uint8Array, width: number, opportunities: readonly BreakOpportunity[]): LineRange[] {
  const fits = (a: number, b: number) => prefix[visibleEnd(text, a, b)] - prefix[a] <= width + 1e-6;
  const out: LineRange[] = [];
  let start = 0;
  let fit = -1;
  for (let k = 0; k < opportunities.length; k++) {
    const { position, required } = opportunities[k];
    if (fits(start, position)) {
      fit = position;
      if (required) { out.push({ start, end: position, last: true }); start = position; fit = -1; }
      continue;
    }
    if (fit > start) {
      out.push({ start, end: fit, last: false });
      start = fit;
      fit = -1;
      k--;
      continue;
    }
    // Emergency break: nothing fits before this opportunity, so cut the piece between clusters.
    while (!fits(start, position)) {
      let cut = start + 1;
      for (let i = start + 1; i < position; i++) {
        if (!clusterStart[i]) continue;
        if (!fits(start, i)) break;
        cut = i;
      }
      while (cut < position && !clusterStart[cut]) cut++;
      out.push({ start, end: cut, last: false });
      start = cut;
    }
    fit = position;
    if (required) { out.push({ start, end: position, last: true }); start = position; fit = -1; }
  }
  if (start < text.length || !out.length) out.push({ start, end: text.length, last: true });
  else out[out.length - 1].last = true;
  return out;
}

/** The latest place before the end of `range` where it can be cut: a break opportunity, else a cluster boundary. */
function earlierCut(text: string, range: LineRange, breakable: ReadonlySet<number>, clusterStart: Uint8Array): number | null {
  const end = visibleEnd(text, range.start, range.end);
  for (let p = end - 1; p > range.start; p--) if (breakable.has(p) && visibleEnd(text, range.start, p) > range.start) return p;
  for (let p = end - 1; p > range.start; p--) if (clusterStart[p]) return p;
  return null;
}

/** A last line at least this full reads as a justified line whose paragraph never ends. */
const NEARLY_FULL = 0.9;

/**
 * Line breaks for justified text. A last line that nearly fills the measure reads as a justified
 * line whose paragraph never ends, so such a paragraph is broken again as if the measure were a
 * little narrower (the lines are still justified to the full measure, so the extra word is spread
 * over all of them); failing that, its last word goes down to a line of its own.
 */
function breakJustified(text: string, prefix: Float64Array, clusterStart: Uint8Array, width: number, opportunities: readonly BreakOpportunity[]): LineRange[] {
  const natural = (r: LineRange) => prefix[visibleEnd(text, r.start, r.end)] - prefix[r.start];
  const nearlyFull = (r: LineRange) => r.last && natural(r) >= NEARLY_FULL * width;
  const full = breakLines(text, prefix, clusterStart, width, opportunities);
  let ranges = full;
  for (const shrink of [0.98, 0.96, 0.94, 0.92]) {
    if (!ranges.some(nearlyFull)) return ranges;
    ranges = breakLines(text, prefix, clusterStart, width * shrink, opportunities);
  }
  if (!ranges.some(nearlyFull)) return ranges;
  return full.flatMap(r => {
    let cut = visibleEnd(text, r.start, r.end);
    while (cut > r.start && !/\s/.test(text[cut - 1])) cut--;
    if (!nearlyFull(r) || !/\S/.test(text.slice(r.start, cut))) return [r];
    return [{ start: r.start, end: cut, last: false }, { start: cut, end: r.end, last: true }];
  });
}

interface LineRun { run: Run; start: number; end: number; level: number }

/** Tatweels to insert: original offset → how many go before the character there. */
export type Insertions = ReadonlyMap<number, number>;

interface LineContext {
  text: string;
  /** Runs in text order. */
  runs: readonly Run[];
  levels: Uint8Array;
  language: string;
  /** Each run shaped whole, as measured for line breaking. */
  runGlyphs: ReadonlyMap<Run, readonly ShapedGlyph[]>;
}

function linePieces(ctx: LineContext, range: LineRange): LineRun[] {
  const end = visibleEnd(ctx.text, range.start, range.end);
  const pieces: LineRun[] = [];
  // Runs are in text order: start from the first one that reaches into the line.
  let lo = 0, hi = ctx.runs.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ctx.runs[mid].end <= range.start) lo = mid + 1; else hi = mid; }
  for (let k = lo; k < ctx.runs.length && ctx.runs[k].start < end; k++) {
    const run = ctx.runs[k];
    const a = Math.max(run.start, range.start), b = Math.min(run.end, end);
    if (a < b) pieces.push({ run, start: a, end: b, level: ctx.levels[a] });
  }
  return pieces;
}

function placeLine(ctx: LineContext, range: LineRange, insertions?: Insertions): LineLayout {
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  visualOrder(linePieces(ctx, range)).forEach((piece, runIndex) => {
    const { run } = piece;
    const scale = run.style.size / run.face.upem;
    const shaped = shapePiece(ctx, piece, insertions);
    const texts = clusterTexts(ctx.text, shaped, piece.end);
    shaped.forEach((g, i) => {
      glyphs.push({
        face: run.face,
        gid: g.gid,
        x: pen + g.dx * scale,
        rise: g.dy * scale,
        advance: g.ax * scale,
        size: run.style.size,
        color: run.style.color,
        text: g.kashida ? '' : texts[i],
        cluster: g.cluster,
        run: runIndex,
        rtl: run.level % 2 === 1,
        ...(g.kashida ? { kashida: true } : {}),
      });
      pen += g.ax * scale;
    });
  });
  return { start: range.start, end: range.end, glyphs, width: pen, left: 0, baseline: 0, top: 0, height: 0, last: range.last };
}

const TATWEEL = '\u0640';

/**
 * Shapes a piece of a line, with tatweels inserted where `insertions` says. The stretched text is
 * shaped as one string (with the same context around it), so the result is exactly HarfBuzz's
 * shaping of the stretched text; clusters are mapped back to offsets in the original text.
 */
function shapePiece(ctx: LineContext, piece: LineRun, insertions?: Insertions, tatweelFlags = false): readonly (ShapedGlyph & { kashida?: boolean })[] {
  const { text, language } = ctx;
  const { run, start, end } = piece;
  const here = insertions && [...insertions].some(([o, n]) => n > 0 && o > start && o < end);
  if (!here) return sliceOrShape(ctx, piece, tatweelFlags);
  const from = Math.max(0, start - CONTEXT), to = Math.min(text.length, end + CONTEXT);
  const origin: number[] = []; // local index → original offset (negative: a tatweel before -1-offset)
  let local = '';
  for (let i = from; i < to; i++) {
    const n = i > start && i < end ? insertions!.get(i) ?? 0 : 0;
    for (let k = 0; k < n; k++) { local += TATWEEL; origin.push(-1 - i); }
    local += text[i];
    origin.push(i);
  }
  const localStart = origin.indexOf(start), localEnd = origin.indexOf(end - 1) + 1;
  const shaped = shape({
    face: run.face.shaper, faceKey: run.face.key, text: local, start: localStart, end: localEnd,
    rtl: run.level % 2 === 1, script: run.script, language, tatweelFlags,
    plainTatweelAt: origin.flatMap((o, i) => (o < 0 ? [i] : [])),
  });
  return shaped.map(g => {
    const o = origin[g.cluster];
    return o >= 0 ? { ...g, cluster: o } : { ...g, cluster: -1 - o, kashida: true };
  });
}

/**
 * A line's share of a run: the run's own glyphs when HarfBuzz says the line's edges are safe to
 * break (UNSAFE_TO_BREAK clear), so most lines need no second shaping; else the piece reshaped.
 */
function sliceOrShape(ctx: LineContext, piece: LineRun, tatweelFlags: boolean): readonly ShapedGlyph[] {
  const { text, language } = ctx;
  const { run, start, end } = piece;
  const whole = ctx.runGlyphs.get(run);
  if ((start === run.start && end === run.end) || tatweelFlags || !whole) return shapeRange(text, run, start, end, language, tatweelFlags);
  // Clusters run monotonically through a run's glyphs (up for LTR, down for RTL), so a line's
  // share of them is one slice, found by binary search.
  const rtl = run.level % 2 === 1;
  const before = (g: ShapedGlyph, offset: number) => (rtl ? g.cluster >= offset : g.cluster < offset);
  const firstNotBefore = (offset: number) => {
    let lo = 0, hi = whole.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (before(whole[mid], offset)) lo = mid + 1; else hi = mid; }
    return lo;
  };
  // In visual order an RTL slice starts at the glyphs of `end` and stops before those of `start`.
  const [i0, i1] = rtl ? [firstNotBefore(end), firstNotBefore(start)] : [firstNotBefore(start), firstNotBefore(end)];
  // The glyph on each side of a cut must start the cluster there and be safe to break before.
  const safeAt = (k: number, offset: number) => {
    if (offset <= run.start || offset >= run.end) return true;
    const g = whole[k];
    return g !== undefined && g.cluster === offset && !(g.flags & GlyphFlag.UNSAFE_TO_BREAK);
  };
  const safe = rtl ? safeAt(i1 - 1, start) && safeAt(i0 - 1, end) : safeAt(i0, start) && safeAt(i1, end);
  if (!safe) return shapeRange(text, run, start, end, language, tatweelFlags);
  return whole.slice(i0, i1);
}

/**
 * The source text of each glyph: a cluster's characters go to its widest glyph (the base or the
 * ligature), so copy and search see each character exactly once.
 */
function clusterTexts(text: string, glyphs: readonly (ShapedGlyph & { kashida?: boolean })[], end: number): string[] {
  const starts = [...new Set(glyphs.map(g => g.cluster))].sort((a, b) => a - b);
  const next = new Map<number, number>();
  starts.forEach((c, i) => next.set(c, starts[i + 1] ?? end));
  const owner = new Map<number, number>();
  glyphs.forEach((g, i) => {
    if (g.kashida) return;
    const o = owner.get(g.cluster);
    if (o === undefined || g.ax > glyphs[o].ax) owner.set(g.cluster, i);
  });
  return glyphs.map((g, i) => {
    if (owner.get(g.cluster) !== i) return '';
    const source = text.slice(g.cluster, next.get(g.cluster));
    return hasIgnorable(source) ? [...source].filter(ch => !isIgnorable(ch)).join('') : source;
  });
}

function alignLine(line: LineLayout, align: Align, direction: Direction, width: number): void {
  const rtl = direction === 'rtl';
  let side: 'left' | 'right' | 'center';
  switch (align) {
    case 'left': case 'right': case 'center': side = align; break;
    case 'end': side = rtl ? 'left' : 'right'; break;
    case 'justify':
      if (line.justified) return;
      side = rtl ? 'right' : 'left';
      break;
    default: side = rtl ? 'right' : 'left';
  }
  const left = side === 'left' ? 0 : side === 'right' ? width - line.width : (width - line.width) / 2;
  line.left = left;
  for (const g of line.glyphs) g.x += left;
}

/** Kashida between letters (when the mode allows), then wider spaces, until the line is flush. */
function justifyLine(line: LineLayout, range: LineRange, ctx: LineContext, width: number, mode: JustifyMode): LineLayout {
  let out = line;
  if (mode !== 'spaces' && width - line.width > 0.01) {
    const plan = planKashida(line, width, mode, ctx.text, linePieces(ctx, range), piece => safeOffsets(ctx, piece as LineRun));
    // Widths in context can differ from the plan by a kerning pair: take tatweels back until it fits.
    for (let tries = 0; plan.size && tries < 8; tries++) {
      const stretched = placeLine(ctx, range, plan);
      if (stretched.width <= width + 0.01) { out = stretched; break; }
      dropOne(plan);
    }
  }
  if (stretchSpaces(out, width)) out.justified = true;
  return out;
}

/** Offsets HarfBuzz marks as safe for a tatweel, in an Arabic right-to-left piece. */
function safeOffsets(ctx: LineContext, piece: LineRun): Set<number> {
  const safe = new Set<number>();
  if (piece.run.script !== 'Arab' || piece.level % 2 === 0) return safe;
  for (const g of shapePiece(ctx, piece, undefined, true)) if (g.flags & GlyphFlag.SAFE_TO_INSERT_TATWEEL) safe.add(g.cluster);
  return safe;
}

