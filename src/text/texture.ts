// How even the kashida of justified paragraphs is: per full line (not a paragraph's last), the
// tatweels drawn; per paragraph, their median. A line over twice its paragraph's median is over
// the bound (allowed only where its spaces would otherwise stretch past 0.5 em), and a line with
// none in a paragraph whose median line has some is bare. The bench prints these figures.
import type { ParagraphLayout } from './records.js';

export interface KashidaTexture {
  /** Full lines of justified paragraphs. */
  lines: number;
  /** Of those, lines with at least one tatweel. */
  stretched: number;
  /** Lines with more than twice their paragraph's median tatweels. */
  overBound: number;
  /** Lines without kashida in a paragraph whose median line has some. */
  bare: number;
  /** The largest ratio of a line's tatweels to its paragraph's median (0 when no paragraph has kashida). */
  worstRatio: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : 0;
};

export function kashidaTexture(paragraphs: readonly ParagraphLayout[]): KashidaTexture {
  const out: KashidaTexture = { lines: 0, stretched: 0, overBound: 0, bare: 0, worstRatio: 0 };
  for (const p of paragraphs) {
    const counts = p.lines.filter(l => !l.last).map(l => l.glyphs.filter(g => g.kashida).length);
    const m = median(counts);
    out.lines += counts.length;
    for (const t of counts) {
      if (t > 0) out.stretched++;
      if (m > 0) {
        if (t > 2 * m) out.overBound++;
        if (t === 0) out.bare++;
        out.worstRatio = Math.max(out.worstRatio, t / m);
      }
    }
  }
  return out;
}
