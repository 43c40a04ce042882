// Stage 4, justify: a full line made flush with the measure. Kashida (tatweel) inside words
// first, where the mode allows and the font can take it, then wider spaces. The plan is worked
// out from plain figures (slack, tatweel advance, spaces, the joins HarfBuzz marks as safe), so it
// can be checked on its own; the line is then placed again with the tatweels in.
import { kashidaPoints, type KashidaPoint } from './kashida.js';
import { linePieces, placeLine } from './place.js';
import { tatweelAdvance, tatweelSafeOffsets } from './shape.js';
import type { Shaper } from './shaper.js';
import type { JustifyMode, LineLayout, LineRange, Preparation } from './records.js';

export type { JustifyMode } from './records.js';

const STRETCHABLE = /^[ \u00A0]$/;
/** The most a single join is stretched, in em; up to HOLE_CAP_EM when spaces would otherwise gape. */
const CAP_EM = 0.9;
const HOLE_CAP_EM = 2.4;
/** A space stretched past this (in em) reads as a hole in the line. */
const HOLE_EM = 0.5;
/** Slack per space (in em) that spaces absorb alone, without kashida, in kashida-spaces mode. */
const SPACES_SUFFICE_EM = 0.12;

/** What the kashida plan needs to know of a line, in points. */
export interface KashidaLine {
  /** Room left: the measure less the line's natural width. */
  slack: number;
  /** Font size of the line's first Arabic run (its tatweels are that size). */
  size: number;
  /** Advance of one tatweel in that run. */
  tatweel: number;
  /** Spaces on the line that can be stretched. */
  spaces: number;
}

/** Whether kashida is worth asking for: there is room, a tatweel has width, and spaces alone would not do. */
export function wantsKashida(line: KashidaLine, mode: JustifyMode): boolean {
  if (mode === 'spaces' || line.slack <= 0 || !(line.tatweel > 0)) return false;
  return !(mode === 'kashida-spaces' && line.spaces && line.slack / line.spaces <= SPACES_SUFFICE_EM * line.size);
}

/**
 * How many tatweels go before which offsets (best joins first, in insertion order); at most
 * `limit` tatweels in all (the paragraph's share for the line, see justifyParagraph).
 */
export function planKashida(line: KashidaLine, points: readonly KashidaPoint[], limit = Infinity): Map<number, number> {
  const plan = new Map<number, number>();
  const { size, tatweel: tw, spaces } = line;
  const cap = Math.max(1, Math.floor((CAP_EM * size) / tw));
  const holeCap = Math.max(cap, Math.floor((HOLE_CAP_EM * size) / tw));
  let budget = Math.min(Math.floor(line.slack / tw), limit);
  const gaping = () => !spaces || (budget * tw) / spaces > HOLE_EM * size;
  for (let round = 0; budget > 0 && points.length && (round < cap || (round < holeCap && gaping())); round++) {
    for (const p of points) {
      if (budget <= 0) break;
      plan.set(p.offset, (plan.get(p.offset) ?? 0) + 1);
      budget--;
    }
  }
  return plan;
}

/** Takes back the tatweel added last (the lowest-priority join). */
export function dropOne(plan: Map<number, number>): void {
  const keys = [...plan.keys()];
  for (let i = keys.length - 1; i >= 0; i--) {
    const n = plan.get(keys[i])!;
    if (n > 0) {
      if (n === 1) plan.delete(keys[i]);
      else plan.set(keys[i], n - 1);
      return;
    }
  }
}

const stretchable = (line: LineLayout) => line.glyphs.filter(g => STRETCHABLE.test(g.text));

/** Spreads the remaining slack over the line's spaces; false when there is nothing to stretch. */
export function stretchSpaces(line: LineLayout, width: number): boolean {
  const slack = width - line.width;
  if (Math.abs(slack) <= 0.01) return true;
  const spaces = stretchable(line);
  if (slack < 0 || !spaces.length) return false;
  const extra = slack / spaces.length;
  let shift = 0;
  for (const g of line.glyphs) {
    g.x += shift;
    if (STRETCHABLE.test(g.text)) {
      g.advance += extra;
      shift += extra;
    }
  }
  line.width = width;
  return true;
}

/** A full line's kashida figures and the joins HarfBuzz allows, or null when kashida cannot help. */
interface LineKashida {
  figures: KashidaLine;
  points: KashidaPoint[];
  wanted: boolean;
  full: number;
}

function lineKashida(shaper: Shaper, prep: Preparation, line: LineLayout, range: LineRange, width: number, mode: JustifyMode): LineKashida | null {
  const pieces = mode !== 'spaces' && width - line.width > 0.01 ? linePieces(prep, range) : [];
  const arabic = pieces.find(p => p.run.script === 'Arab' && p.run.level % 2 === 1);
  if (!arabic) return null;
  const figures = { slack: width - line.width, size: arabic.run.style.size, tatweel: tatweelAdvance(shaper, arabic.run), spaces: stretchable(line).length };
  if (!(figures.tatweel > 0)) return null;
  // Asking HarfBuzz where tatweels may go takes one more shaping of the line.
  const points = pieces.flatMap(p => kashidaPoints(prep.text, p.start, p.end, tatweelSafeOffsets(shaper, prep, p)));
  return { figures, points, wanted: wantsKashida(figures, mode), full: total(planKashida(figures, points)) };
}

const total = (plan: ReadonlyMap<number, number>): number => [...plan.values()].reduce((a, b) => a + b, 0);

/** The middle value (the lower of the two middle ones for an even count); 0 for none. */
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : 0;
};

/**
 * Tatweels each full line of a paragraph may take, so that texture is even. Once some line of the
 * paragraph takes kashida, and the median line could (its slack and joins allow some), every line
 * takes what its own slack and joins allow, whether or not spaces alone would do, but at most twice
 * the median line's tatweels, unless its spaces would then stretch past HOLE_EM: then as many more
 * as keep them to it. Otherwise each line keeps its own plan.
 */
export function paragraphShares(lines: readonly (LineKashida | null)[]): number[] {
  const own = lines.map(l => (l?.wanted ? l.full : 0));
  if (own.every(n => n === 0)) return own;
  const m = median(lines.map(l => l?.full ?? 0));
  if (m === 0) return own;
  return lines.map(l => {
    if (!l) return 0;
    const { slack, tatweel, spaces, size } = l.figures;
    const bound = 2 * m;
    const gaping = !spaces || (slack - bound * tatweel) / spaces > HOLE_EM * size;
    const needed = spaces ? Math.ceil((slack - HOLE_EM * size * spaces) / tatweel) : l.full;
    return Math.min(l.full, gaping ? Math.max(bound, needed) : bound);
  });
}

/** Kashida between letters (when the mode allows), then wider spaces, until each full line of the paragraph is flush. */
export function justifyParagraph(
  shaper: Shaper,
  prep: Preparation,
  lines: readonly LineLayout[],
  ranges: readonly LineRange[],
  width: number,
  mode: JustifyMode,
): LineLayout[] {
  const full = lines.map((_line, i) => !ranges[i].last);
  const kashida = lines.map((line, i) => (full[i] ? lineKashida(shaper, prep, line, ranges[i], width, mode) : null));
  const shares = paragraphShares(kashida.filter((_, i) => full[i]));
  let k = 0;
  return lines.map((line, i) => {
    if (!full[i]) return line;
    const share = shares[k++];
    const lk = kashida[i];
    let out = line;
    if (lk && share > 0) {
      const plan = planKashida(lk.figures, lk.points, share);
      // Widths in context can differ from the plan by a kerning pair: take tatweels back until it fits.
      for (let tries = 0; plan.size && tries < 8; tries++) {
        const stretched = placeLine(shaper, prep, ranges[i], plan);
        if (stretched.width <= width + 0.01) {
          out = stretched;
          break;
        }
        dropOne(plan);
      }
    }
    if (stretchSpaces(out, width)) out.justified = true;
    return out;
  });
}
