// The only module that talks to bidi-js: UAX #9 embedding levels for a paragraph.
import bidiFactory from 'bidi-js';

export type Direction = 'rtl' | 'ltr';

const bidi = bidiFactory();

/** One level per UTF-16 code unit, resolved by rules P2–I2 for a paragraph of the given direction. */
export function embeddingLevels(text: string, direction: Direction): Uint8Array {
  return bidi.getEmbeddingLevels(text, direction).levels;
}

const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Characters UAX #9 rule X9 removes, and that HarfBuzz draws as nothing. */
export function isBidiControl(ch: string): boolean {
  return BIDI_CONTROL.test(ch);
}

/**
 * Rule L2 on a line: runs (each one level) in logical order → their visual order.
 * Reverses every maximal sequence at level ≥ k, from the highest level down to the lowest odd one.
 */
export function visualOrder<T extends { level: number }>(runs: readonly T[]): T[] {
  const out = runs.slice();
  if (!out.length) return out;
  let max = 0,
    minOdd = Infinity;
  for (const r of out) {
    max = Math.max(max, r.level);
    if (r.level % 2) minOdd = Math.min(minOdd, r.level);
  }
  for (let lvl = max; lvl >= minOdd; lvl--) {
    for (let i = 0; i < out.length; i++) {
      if (out[i].level < lvl) continue;
      let j = i;
      while (j + 1 < out.length && out[j + 1].level >= lvl) j++;
      const reversed = out.slice(i, j + 1).reverse();
      out.splice(i, reversed.length, ...reversed);
      i = j;
    }
  }
  return out;
}

/** The Bidi_Mirroring_Glyph of a character (rule L4), or null. */
export function mirrorOf(ch: string): string | null {
  return bidi.getMirroredCharacter(ch);
}
