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

/** How many tatweels go before which offsets (best joins first, in insertion order). */
export function planKashida(line: KashidaLine, points: readonly KashidaPoint[]): Map<number, number> {
  const plan = new Map<number, number>();
  const { size, tatweel: tw, spaces } = line;
  const cap = Math.max(1, Math.floor(CAP_EM * size / tw));
  const holeCap = Math.max(cap, Math.floor(HOLE_CAP_EM * size / tw));
  let budget = Math.floor(line.slack / tw);
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
    if (n > 0) { if (n === 1) plan.delete(keys[i]); else plan.set(keys[i], n - 1); return; }
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
    if (STRETCHABLE.test(g.text)) { g.advance += extra; shift += extra; }
  }
  line.width = width;
  return true;
}

/** Kashida between letters (when the mode allows), then wider spaces, until the line is flush. */
export function justifyLine(shaper: Shaper, prep: Preparation, line: LineLayout, range: LineRange, width: number, mode: JustifyMode): LineLayout {
  let out = line;
  const pieces = mode !== 'spaces' && width - line.width > 0.01 ? linePieces(prep, range) : [];
  const arabic = pieces.find(p => p.run.script === 'Arab' && p.run.level % 2 === 1);
  const figures = arabic && { slack: width - line.width, size: arabic.run.style.size, tatweel: tatweelAdvance(shaper, arabic.run), spaces: stretchable(line).length };
  if (figures && wantsKashida(figures, mode)) {
    // Only now ask HarfBuzz where tatweels may go: it takes one more shaping of the line.
    const points = pieces.flatMap(p => kashidaPoints(prep.text, p.start, p.end, tatweelSafeOffsets(shaper, prep, p)));
    const plan = planKashida(figures, points);
    // Widths in context can differ from the plan by a kerning pair: take tatweels back until it fits.
    for (let tries = 0; plan.size && tries < 8; tries++) {
      const stretched = placeLine(shaper, prep, range, plan);
      if (stretched.width <= width + 0.01) { out = stretched; break; }
      dropOne(plan);
    }
  }
  if (stretchSpaces(out, width)) out.justified = true;
  return out;
}
