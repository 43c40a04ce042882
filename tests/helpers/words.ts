// Words of a text as copy and search see them: for comparing what a reader gives back with the
// source, word by word, without changing what the reader gave.

/**
 * The words of a text: maximal runs of letters and marks (NFC, so two harakat drawn as one glyph
 * compare equal in either order). Any other character, ZERO WIDTH JOINER and the embedding marks
 * poppler writes around a line included, ends a word.
 */
export const wordsOf = (text: string): string[] =>
  text
    .normalize('NFC')
    .split(/[^\p{L}\p{M}]+/u)
    .filter(Boolean);

/** The share (0–1) of the distinct Arabic words of `source` that `read` gives back whole, and those it does not. */
export function survival(source: string, read: string): { share: number; missing: string[] } {
  const want = new Set(wordsOf(source).filter(w => /\p{Script=Arabic}/u.test(w)));
  const got = new Set(wordsOf(read));
  const missing = [...want].filter(w => !got.has(w));
  return { share: (want.size - missing.length) / want.size, missing };
}

/** poppler's pdftotext writes each right-to-left line inside RLE…PDF and left-to-right runs in it inside LRE…PDF: the only format characters it may give back. */
export const POPPLER_EMBEDDINGS = /[\u202A-\u202C]/u;
