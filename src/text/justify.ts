// Justification of a full line: kashida (tatweel) inside words first, where the mode allows and
// the font can take it, then wider spaces, so both edges are flush.
import type { LineLayout } from './paragraph.js';
import type { Run } from './itemize.js';
import { kashidaPoints } from './kashida.js';
import { shape } from './shaper.js';

/** spaces: widen spaces only; kashida: tatweels, spaces only for the remainder; kashida-spaces: tatweels up to a cap per join, then spaces. */
export type JustifyMode = 'spaces' | 'kashida' | 'kashida-spaces';

const STRETCHABLE = /^[ \u00A0]$/;
/** The most a single join is stretched, in em; up to HOLE_CAP_EM when spaces would otherwise gape. */
const CAP_EM = 0.9;
const HOLE_CAP_EM = 2.4;
/** A space stretched past this (in em) reads as a hole in the line. */
const HOLE_EM = 0.5;
/** Slack per space (in em) that spaces absorb alone, without kashida, in kashida-spaces mode. */
const SPACES_SUFFICE_EM = 0.12;

interface PlanPiece { run: Run; start: number; end: number }

/** How many tatweels go before which offsets (best joins first, in insertion order). */
export function planKashida(line: LineLayout, width: number, mode: JustifyMode, text: string, pieces: readonly PlanPiece[], safeOffsets: (piece: PlanPiece) => ReadonlySet<number>): Map<number, number> {
  const plan = new Map<number, number>();
  const slack = width - line.width;
  const arabic = pieces.find(p => p.run.script === 'Arab' && p.run.level % 2 === 1);
  if (!arabic || slack <= 0) return plan;
  const { run } = arabic;
  const size = run.style.size;
  const tatweel = shape({ face: run.face.shaper, faceKey: run.face.key, text: '\u0640', start: 0, end: 1, rtl: true, script: 'Arab', language: 'ar' })[0];
  const tw = tatweel.ax * size / run.face.upem;
  if (!(tw > 0)) return plan;
  const spaces = line.glyphs.filter(g => STRETCHABLE.test(g.text)).length;
  if (mode === 'kashida-spaces' && spaces && slack / spaces <= SPACES_SUFFICE_EM * size) return plan;
  // Only now ask HarfBuzz where tatweels may go: it takes one more shaping of the line.
  const points = pieces.flatMap(p => kashidaPoints(text, p.start, p.end, safeOffsets(p)));
  const cap = Math.max(1, Math.floor(CAP_EM * size / tw));
  const holeCap = Math.max(cap, Math.floor(HOLE_CAP_EM * size / tw));
  let budget = Math.floor(slack / tw);
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

/** Spreads the remaining slack over the line's spaces; false when there is nothing to stretch. */
export function stretchSpaces(line: LineLayout, width: number): boolean {
  const slack = width - line.width;
  if (Math.abs(slack) <= 0.01) return true;
  const spaces = line.glyphs.filter(g => STRETCHABLE.test(g.text));
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
