// Stage 5, place: a line range → glyphs in visual order at their x positions. The line is cut
// into its share of each run, the pieces reordered (UAX #9 L1–L2; mirroring, L4, is HarfBuzz's),
// each piece's glyphs placed along the pen, and the finished line boxed and aligned.
import { visualOrder, type Direction } from './bidi.js';
import { hasIgnorable, isIgnorable } from './coverage.js';
import { shortenLine, visibleEnd } from './break.js';
import { shapePiece } from './shape.js';
import type { Shaper } from './shaper.js';
import type { Align, Insertions, LineLayout, LinePiece, LineRange, PieceGlyph, PlacedGlyph, Preparation } from './records.js';

/** The line's share of each run it reaches into, in text order, trailing white space left out. */
export function linePieces(prep: Preparation, range: LineRange): LinePiece[] {
  const end = visibleEnd(prep.text, range.start, range.end);
  const pieces: LinePiece[] = [];
  // Runs are in text order: start from the first one that reaches into the line.
  let lo = 0,
    hi = prep.runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (prep.runs[mid].end <= range.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < prep.runs.length && prep.runs[k].start < end; k++) {
    const run = prep.runs[k];
    const a = Math.max(run.start, range.start),
      b = Math.min(run.end, end);
    if (a < b) pieces.push({ run, start: a, end: b, level: prep.levels[a] });
  }
  return pieces;
}

/** Glyphs of a line range, left to right from x = 0, with tatweels inserted where `insertions` says. */
export function placeLine(shaper: Shaper, prep: Preparation, range: LineRange, insertions?: Insertions): LineLayout {
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  visualOrder(linePieces(prep, range)).forEach((piece, runIndex) => {
    const { run } = piece;
    const scale = run.style.size / run.face.upem;
    const shaped = shapePiece(shaper, prep, piece, insertions);
    const texts = clusterTexts(prep.text, shaped, piece.end);
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

/**
 * Places line `i`. Widths were measured on whole runs; a line shaped on its own can come out
 * wider (a kerning pair or a joining form lost at a cut inside a word). Such a line gives its
 * end to the next, in `ranges`, until it fits or cannot be cut earlier.
 */
export function fitLine(shaper: Shaper, prep: Preparation, ranges: LineRange[], i: number, width: number): LineLayout {
  let line = placeLine(shaper, prep, ranges[i]);
  while (line.width > width + 0.01 && shortenLine(prep, ranges, i)) line = placeLine(shaper, prep, ranges[i]);
  return line;
}

/**
 * The source text of each glyph: a cluster's characters go to its widest glyph (the base or the
 * ligature), so copy and search see each character exactly once.
 */
function clusterTexts(text: string, glyphs: readonly PieceGlyph[], end: number): string[] {
  // Where each cluster's text ends: at the next cluster up, or at `end` (a typed array sorts numerically).
  const starts = new Float64Array(glyphs.length);
  for (let i = 0; i < glyphs.length; i++) starts[i] = glyphs[i].cluster;
  starts.sort();
  const next = new Map<number, number>();
  for (let i = starts.length - 1, after = end; i >= 0; i--) {
    if (next.has(starts[i])) continue;
    next.set(starts[i], after);
    after = starts[i];
  }
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

/** The line's box below `top`: its height from the largest size on it, the baseline inside it. Returns the next line's top. */
export function boxLine(line: LineLayout, top: number, minSize: number, lineHeight: number): number {
  const size = Math.max(...line.glyphs.map(g => g.size), minSize);
  line.height = size * lineHeight;
  line.top = top;
  line.baseline = top + line.height / 2 + 0.25 * size;
  return top + line.height;
}

export function alignLine(line: LineLayout, align: Align, direction: Direction, width: number): void {
  const rtl = direction === 'rtl';
  let side: 'left' | 'right' | 'center';
  switch (align) {
    case 'left':
    case 'right':
    case 'center':
      side = align;
      break;
    case 'end':
      side = rtl ? 'left' : 'right';
      break;
    case 'justify':
      if (line.justified) return;
      side = rtl ? 'right' : 'left';
      break;
    default:
      side = rtl ? 'right' : 'left';
  }
  const left = side === 'left' ? 0 : side === 'right' ? width - line.width : (width - line.width) / 2;
  line.left = left;
  for (const g of line.glyphs) g.x += left;
}
