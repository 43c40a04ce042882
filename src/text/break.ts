// Stage 3, break: line ranges from the measured advances. Greedy first-fit over UAX #14
// opportunities, and for justified text a second pass that keeps the last line from nearly
// filling the measure. Lines are broken in logical order; nothing here knows of glyphs.
import type { LineRange, Measure } from './records.js';
import { isIgnorable } from './coverage.js';

const WHITESPACE = /[\s\u200B]/;
const isBreakableSpace = (ch: string) => WHITESPACE.test(ch) || isIgnorable(ch);

/** End of the visible part of [start, end): trailing white space hangs outside the measure (UAX #9 L1). */
export function visibleEnd(text: string, start: number, end: number): number {
  while (end > start && isBreakableSpace(text[end - 1])) end--;
  return end;
}

/** The paragraph's line ranges at `width`: greedy, or for justified text with its last line kept short. */
export function breakParagraph(measure: Measure, width: number, justified: boolean): LineRange[] {
  return justified ? breakJustified(measure, width) : breakLines(measure, width);
}

/** Greedy first-fit over UAX #14 opportunities; a piece wider than the measure is cut between clusters. */
export function breakLines(measure: Measure, width: number): LineRange[] {
  const { text, prefix, clusterStart, opportunities } = measure;
  const fits = (a: number, b: number) => prefix[visibleEnd(text, a, b)] - prefix[a] <= width + 1e-6;
  const out: LineRange[] = [];
  let start = 0;
  let fit = -1;
  for (let k = 0; k < opportunities.length; k++) {
    const { position, required } = opportunities[k];
    if (fits(start, position)) {
      fit = position;
      if (required) {
        out.push({ start, end: position, last: true });
        start = position;
        fit = -1;
      }
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
    if (required) {
      out.push({ start, end: position, last: true });
      start = position;
      fit = -1;
    }
  }
  if (start < text.length || !out.length) out.push({ start, end: text.length, last: true });
  else out[out.length - 1].last = true;
  return out;
}

/** A last line at least this full reads as a justified line whose paragraph never ends. */
const NEARLY_FULL = 0.9;

/**
 * Line breaks for justified text. A last line that nearly fills the measure reads as a justified
 * line whose paragraph never ends, so such a paragraph is broken again as if the measure were a
 * little narrower (the lines are still justified to the full measure, so the extra word is spread
 * over all of them); failing that, its last word goes down to a line of its own.
 */
export function breakJustified(measure: Measure, width: number): LineRange[] {
  const { text, prefix } = measure;
  const natural = (r: LineRange) => prefix[visibleEnd(text, r.start, r.end)] - prefix[r.start];
  const nearlyFull = (r: LineRange) => r.last && natural(r) >= NEARLY_FULL * width;
  const full = breakLines(measure, width);
  let ranges = full;
  for (const shrink of [0.98, 0.96, 0.94, 0.92]) {
    if (!ranges.some(nearlyFull)) return ranges;
    ranges = breakLines(measure, width * shrink);
  }
  if (!ranges.some(nearlyFull)) return ranges;
  return full.flatMap(r => {
    let cut = visibleEnd(text, r.start, r.end);
    while (cut > r.start && !/\s/.test(text[cut - 1])) cut--;
    if (!nearlyFull(r) || !/\S/.test(text.slice(r.start, cut))) return [r];
    return [
      { start: r.start, end: cut, last: false },
      { start: cut, end: r.end, last: true },
    ];
  });
}

/** The latest place before the end of `range` where it can be cut: a break opportunity, else a cluster boundary. */
export function earlierCut(text: string, range: LineRange, breakable: ReadonlySet<number>, clusterStart: Uint8Array): number | null {
  const end = visibleEnd(text, range.start, range.end);
  for (let p = end - 1; p > range.start; p--) if (breakable.has(p) && visibleEnd(text, range.start, p) > range.start) return p;
  for (let p = end - 1; p > range.start; p--) if (clusterStart[p]) return p;
  return null;
}

/**
 * Moves the end of line `i` back to an earlier cut, giving what it loses to the next line (or
 * to a new one): for a line that came out wider than measured once shaped on its own.
 * Returns false when there is no earlier cut.
 */
export function shortenLine(measure: Measure & { breakable: ReadonlySet<number> }, ranges: LineRange[], i: number): boolean {
  const range = ranges[i];
  const cut = earlierCut(measure.text, range, measure.breakable, measure.clusterStart);
  if (cut === null) return false;
  const next = ranges[i + 1];
  if (next && !range.last) ranges[i + 1] = { ...next, start: cut };
  else ranges.splice(i + 1, 0, { start: cut, end: range.end, last: range.last });
  ranges[i] = { start: range.start, end: cut, last: false };
  return true;
}
