// Where a justified Arabic line may be lengthened with kashida (U+0640 TATWEEL), and in what order.
//
// HarfBuzz decides where a tatweel can go without changing the shaping around it: shaped with
// PRODUCE_SAFE_TO_INSERT_TATWEEL, a glyph carries SAFE_TO_INSERT_TATWEEL when a tatweel may be
// inserted before its cluster. Among those joins, the order is the classic one typesetters and
// Microsoft's Arabic justification rules use (also cited by the W3C Arabic Layout Requirements):
//   1. after an initial or medial seen or sad (س ش ص ض);
//   2. before a final heh, teh marbuta or dal (ه ة د ذ);
//   3. before a final alef, tah, lam, kaf or gaf (ا أ إ آ ٱ ط ظ ل ك گ);
//   4. before a final reh, yeh or alef maksura joined to a medial beh-like letter (the bowl joins);
//   5. before a final waw, ain, qaf or feh (و ؤ ع غ ق ف);
//   6. any other join HarfBuzz marks as safe.
// At most one join per word is stretched. A tatweel only ever goes before a letter, and never after
// a letter carrying a mark, so HarfBuzz keeps every mark on its own letter, over unstretched ink.

export interface KashidaPoint {
  /** UTF-16 offset of the character the tatweel goes before. */
  offset: number;
  /** 1 (best) … 6. */
  priority: number;
  /** Offset of the word's first character: one point per word. */
  word: number;
}

const SEEN_SAD = /[سشصض]/;
const HEH_DAL = /[هةدذ]/;
const ALEF_LAM = /[اأإآٱطظلكگ]/;
const REH_YEH = /[رزيىئ]/;
const BEH_LIKE = /[بتثنيئپ]/;
const WAW_AIN = /[وؤعغقف]/;
const MARK = /\p{M}/u;
const LETTER = /\p{L}/u;

/** The letter before `offset`, skipping marks; and whether the letter at `offset` ends its word. */
function neighbours(text: string, offset: number, wordEnd: number): { before: string; after: string; final: boolean } {
  let b = offset - 1;
  while (b >= 0 && MARK.test(text[b])) b--;
  let n = offset + 1;
  while (n < wordEnd && MARK.test(text[n])) n++;
  return { before: text[b] ?? '', after: text[offset], final: n >= wordEnd || !LETTER.test(text[n]) };
}

export function priorityOf(text: string, offset: number, wordEnd: number): number {
  const { before, after, final } = neighbours(text, offset, wordEnd);
  if (SEEN_SAD.test(before)) return 1;
  if (final && HEH_DAL.test(after)) return 2;
  if (final && ALEF_LAM.test(after)) return 3;
  if (final && REH_YEH.test(after) && BEH_LIKE.test(before)) return 4;
  if (final && WAW_AIN.test(after)) return 5;
  return 6;
}

/**
 * The best point of each word in [start, end), given the offsets HarfBuzz flagged as safe.
 * Returned best first; among equal priorities, points alternate from both ends of the line so the
 * stretching spreads evenly rather than piling up on one side.
 */
export function kashidaPoints(text: string, start: number, end: number, safe: ReadonlySet<number>): KashidaPoint[] {
  const best: KashidaPoint[] = [];
  let i = start;
  while (i < end) {
    while (i < end && /\s/.test(text[i])) i++;
    const word = i;
    while (i < end && !/\s/.test(text[i])) i++;
    const wordEnd = i;
    const slice = text.slice(word, wordEnd);
    if (!slice || !/\p{Script=Arabic}/u.test(slice)) continue;
    let pick: KashidaPoint | undefined;
    for (let k = word + 1; k < wordEnd; k++) {
      // Only before a letter: marks stay with the letter they follow, never cross a tatweel.
      // Not after a letter with a mark: the mark would hang over the stretched join, where it reads
      // badly and where pdf.js, which gives a mark no advance, sees a word gap.
      if (!safe.has(k) || !LETTER.test(text[k]) || MARK.test(text[k - 1])) continue;
      const priority = priorityOf(text, k, wordEnd);
      // Later joins win ties: stretching near the end of a word reads most naturally.
      if (!pick || priority <= pick.priority) pick = { offset: k, priority, word };
    }
    if (pick) best.push(pick);
  }
  const byPriority = new Map<number, KashidaPoint[]>();
  for (const p of best) byPriority.set(p.priority, [...(byPriority.get(p.priority) ?? []), p]);
  return [...byPriority.keys()].sort((a, b) => a - b).flatMap(k => interleave(byPriority.get(k)!));
}

/** a, z, b, y, c, … : alternates from both ends. */
function interleave<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (let lo = 0, hi = items.length - 1; lo <= hi; lo++, hi--) {
    out.push(items[lo]);
    if (hi !== lo) out.push(items[hi]);
  }
  return out;
}
