// Stage 2, shape: each run shaped whole, which gives the advance of every UTF-16 offset for line
// breaking; and a line's share of a run, sliced from the whole run where HarfBuzz says that is
// safe, else shaped again (with tatweels inserted, for a justified line).
import { CONTEXT, GlyphFlag, type ShapedGlyph, type Shaper } from './shaper.js';
import type { Insertions, LinePiece, PieceGlyph, Preparation, Run } from './records.js';

/** Glyphs of each run, and per offset the advance of its cluster, summed into prefix widths. */
export interface ShapedRuns {
  runGlyphs: Map<Run, readonly ShapedGlyph[]>;
  prefix: Float64Array;
  clusterStart: Uint8Array;
}

export function shapeRuns(shaper: Shaper, text: string, runs: readonly Run[], language: string): ShapedRuns {
  const advance = new Float64Array(text.length + 1);
  const clusterStart = new Uint8Array(text.length + 1);
  const runGlyphs = new Map<Run, readonly ShapedGlyph[]>();
  for (const run of runs) {
    const scale = run.style.size / run.face.upem;
    const glyphs = shapeRange(shaper, text, run, run.start, run.end, language);
    runGlyphs.set(run, glyphs);
    for (const g of glyphs) {
      advance[g.cluster] += g.ax * scale;
      clusterStart[g.cluster] = 1;
    }
  }
  clusterStart[text.length] = 1;
  const prefix = new Float64Array(text.length + 1);
  for (let i = 0; i < text.length; i++) prefix[i + 1] = prefix[i] + advance[i];
  return { runGlyphs, prefix, clusterStart };
}

export function shapeRange(shaper: Shaper, text: string, run: Run, start: number, end: number, language: string, tatweelFlags = false): readonly ShapedGlyph[] {
  return shaper.shape({
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

const TATWEEL = '\u0640';

/** The advance of one tatweel in a run's face and size, in points. */
export function tatweelAdvance(shaper: Shaper, run: Run): number {
  const tatweel = shaper.shape({ face: run.face.shaper, faceKey: run.face.key, text: TATWEEL, start: 0, end: 1, rtl: true, script: 'Arab', language: 'ar' })[0];
  return (tatweel.ax * run.style.size) / run.face.upem;
}

/** Offsets HarfBuzz marks as safe for a tatweel, in an Arabic right-to-left piece. */
export function tatweelSafeOffsets(shaper: Shaper, prep: Preparation, piece: LinePiece): Set<number> {
  const safe = new Set<number>();
  if (piece.run.script !== 'Arab' || piece.level % 2 === 0) return safe;
  for (const g of shapePiece(shaper, prep, piece, undefined, true)) if (g.flags & GlyphFlag.SAFE_TO_INSERT_TATWEEL) safe.add(g.cluster);
  return safe;
}

/**
 * Shapes a piece of a line, with tatweels inserted where `insertions` says. The stretched text is
 * shaped as one string (with the same context around it), so the result is exactly HarfBuzz's
 * shaping of the stretched text; clusters are mapped back to offsets in the original text.
 */
export function shapePiece(shaper: Shaper, prep: Preparation, piece: LinePiece, insertions?: Insertions, tatweelFlags = false): readonly PieceGlyph[] {
  const { text, language } = prep;
  const { run, start, end } = piece;
  const here = insertions && [...insertions].some(([o, n]) => n > 0 && o > start && o < end);
  if (!here) return sliceOrShape(shaper, prep, piece, tatweelFlags);
  const from = Math.max(0, start - CONTEXT),
    to = Math.min(text.length, end + CONTEXT);
  const origin: number[] = []; // local index → original offset (negative: a tatweel before -1-offset)
  let local = '';
  for (let i = from; i < to; i++) {
    const n = i > start && i < end ? (insertions!.get(i) ?? 0) : 0;
    for (let k = 0; k < n; k++) {
      local += TATWEEL;
      origin.push(-1 - i);
    }
    local += text[i];
    origin.push(i);
  }
  const localStart = origin.indexOf(start),
    localEnd = origin.indexOf(end - 1) + 1;
  const shaped = shaper.shape({
    face: run.face.shaper,
    faceKey: run.face.key,
    text: local,
    start: localStart,
    end: localEnd,
    rtl: run.level % 2 === 1,
    script: run.script,
    language,
    tatweelFlags,
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
function sliceOrShape(shaper: Shaper, prep: Preparation, piece: LinePiece, tatweelFlags: boolean): readonly ShapedGlyph[] {
  const { text, language } = prep;
  const { run, start, end } = piece;
  const whole = prep.runGlyphs.get(run);
  if ((start === run.start && end === run.end) || tatweelFlags || !whole) return shapeRange(shaper, text, run, start, end, language, tatweelFlags);
  // Clusters run monotonically through a run's glyphs (up for LTR, down for RTL), so a line's
  // share of them is one slice, found by binary search.
  const rtl = run.level % 2 === 1;
  const before = (g: ShapedGlyph, offset: number) => (rtl ? g.cluster >= offset : g.cluster < offset);
  const firstNotBefore = (offset: number) => {
    let lo = 0,
      hi = whole.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(whole[mid], offset)) lo = mid + 1;
      else hi = mid;
    }
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
  if (!safe) return shapeRange(shaper, text, run, start, end, language, tatweelFlags);
  return whole.slice(i0, i1);
}
