// Laid-out lines → PDF content-stream operators: glyphs exactly where the engine placed them,
// written so that readers extract the text back (pdfkit-free: the fonts and their codes come from
// the PDF writer through GlyphFont).
//
// Text extraction is decided here. Each word is one TJ, glyphs left to right, and words
// are written in logical order: pdf.js and poppler then both read lines back in logical order.
// A glyph's ToUnicode entry is its source text, and its /W width is normally the font's advance.
// Readers split words where a glyph starts far from where that width says the previous glyph
// ends (poppler: more than 0.1 em after, or 0.2 em before). Amiri's GPOS moves some glyphs that
// far, so such a glyph gets a variant code with a width that ends where the next glyph starts.
import type { LoadedFace } from '../text/fonts.js';
import type { LineLayout, PlacedGlyph } from '../text/records.js';

/** A font as drawn into one document: its resource name, and codes for glyphs. */
export interface GlyphFont {
  /** Resource name on the page (F1, F2, …). */
  readonly id: string;
  /** The glyph's advance in the embedded font, in 1/1000 em. */
  naturalWidth(gid: number): number;
  /** The code for a glyph with the given ToUnicode text and /W width (1/1000 em). */
  code(gid: number, text: string, width: number): number;
  /** Whether the glyph has no outline (draws nothing). */
  blank(gid: number): boolean;
}

/** A number for the content stream, rounded to `places` decimals (positions need no more than 0.01 pt). */
const SCALE = [1, 10, 100, 1000];
const fmt = (n: number, places = 3): string => {
  const k = SCALE[places];
  const r = Math.round(n * k) / k;
  return Object.is(r, -0) ? '0' : String(r);
};

/** Gap limits (in em) inside which readers keep two glyphs in one word. */
const MAX_GAP = 0.05;
const MAX_OVERLAP = 0.15;

/**
 * The /W widths of a word's glyphs, in 1/1000 em: each the font's advance, unless that would
 * leave a gap or an overlap before the next glyph large enough for poppler to split the word there.
 */
function pdfWidths(font: GlyphFont, word: readonly PlacedGlyph[], em: number, kashidaHidden: boolean): number[] {
  const marks = word.map(isMark);
  // Readers measure the gap to the next glyph that moves their pen: marks do not count, nor do
  // kashidas that poppler does not see (in a span of their own with empty ActualText).
  // follower[i]: that glyph after word[i], found in one pass from the end (-1: none).
  const follower = new Array<number>(word.length);
  for (let i = word.length - 1, next = -1; i >= 0; i--) {
    follower[i] = next;
    if (!marks[i] && !(kashidaHidden && hiddenGlyph(word[i]))) next = i;
  }
  return word.map((g, i) => {
    // pdf.js moves its pen by nothing for a combining mark, whatever /W says (it does apply the
    // TJ adjustment after it): a width of 0 keeps its pen where the glyphs really are.
    if (marks[i]) return 0;
    const natural = font.naturalWidth(g.gid);
    const distanceTo = (h: PlacedGlyph) => Math.max(0, Math.round((h.x - g.x) * em));
    // pdf.js skips a glyph that stands for no text (an invisible format character) entirely,
    // the TJ adjustment after it included, so such a glyph must end exactly where the next one
    // written (a mark included) begins.
    if ((g.kashida && !kashidaHidden) || !g.text) return word[i + 1] ? distanceTo(word[i + 1]) : natural;
    if (follower[i] < 0) return natural;
    const distance = distanceTo(word[follower[i]]);
    const gap = distance - natural;
    return gap > MAX_GAP * 1000 || gap < -MAX_OVERLAP * 1000 ? distance : natural;
  });
}

/**
 * The operators that draw laid-out lines with the paragraph's top-left corner at (x, y), in
 * top-down coordinates on a page `pageHeight` high. `fontFor` is asked once per word, in order.
 * ActualText in another language than `documentLang` says which (PDF/UA-1, 7.2).
 */
export function glyphRunOps(
  lines: readonly LineLayout[],
  x: number,
  y: number,
  pageHeight: number,
  fontFor: (face: LoadedFace) => GlyphFont,
  documentLang?: string,
): string {
  const ops: string[] = [`q 1 0 0 -1 0 ${fmt(pageHeight)} cm BT`];
  let curFont = '',
    curColor = '';
  for (const line of lines) {
    const baseline = pageHeight - (y + line.baseline);
    for (const drawn of words(line.glyphs)) {
      const first = drawn[0];
      const font = fontFor(first.face);
      const word = writtenGlyphs(drawn, font);
      if (!word.length) continue;
      const size = first.size;
      const fontOp = `/${font.id} ${fmt(size)} Tf`;
      if (fontOp !== curFont) {
        ops.push(fontOp);
        curFont = fontOp;
      }
      const colorOp = `${rgb(first.color)} rg`;
      if (colorOp !== curColor) {
        ops.push(colorOp);
        curColor = colorOp;
      }
      const em = 1000 / size;
      const actual = actualText(word);
      const split = actual === null && word.some(hiddenGlyph);
      const widths = pdfWidths(font, word, em, split);
      const cids = word.map((g, i) => font.code(g.gid, toUnicodeText(g), widths[i]));
      if (actual !== null) ops.push(`/Span <<${langEntry(word, documentLang)}/ActualText ${utf16Hex(actual)}>> BDC`);
      for (const segment of split ? hiddenSegments(word) : [word.map((_, i) => i)]) {
        const hidden = split && hiddenGlyph(word[segment[0]]);
        if (hidden) ops.push('/Span <</ActualText ()>> BDC');
        const startX = Number(fmt(x + word[segment[0]].x, 2));
        ops.push(`1 0 0 1 ${fmt(startX)} ${fmt(baseline, 2)} Tm`);
        // Where the PDF's text position really is, so rounding never accumulates along a word.
        let pen = startX - x;
        let rise = 0;
        let tj: string[] = [];
        const flush = () => {
          if (tj.length) ops.push(`[${tj.join('')}] TJ`);
          tj = [];
        };
        segment.forEach((i, k) => {
          const g = word[i];
          if (g.rise !== rise) {
            flush();
            rise = g.rise;
            ops.push(`${fmt(rise)} Ts`);
          }
          tj.push(`<${cids[i].toString(16).padStart(4, '0')}>`);
          const next = segment[k + 1] === undefined ? undefined : word[segment[k + 1]];
          if (next) {
            const adjust = Number(fmt((pen - next.x) * em + widths[i], 1));
            if (adjust !== 0) tj.push(fmt(adjust, 1));
            pen += (widths[i] - adjust) / em;
          }
        });
        flush();
        if (rise) ops.push('0 Ts');
        if (hidden) ops.push('EMC');
      }
      if (actual !== null) ops.push('EMC');
    }
  }
  ops.push('ET Q');
  return ops.join('\n');
}

/**
 * A glyph drawn for no text of its own: an inserted kashida, or a cluster's extra glyph (Amiri
 * draws lam before kaf, or jeem after heh, with a second glyph in the same cluster). Outside
 * vowelled words it is written in a span with empty ActualText: poppler keeps the ZERO WIDTH
 * JOINER its ToUnicode entry gives (`الممل‍كة`), while it reads nothing for such a span.
 */
const hiddenGlyph = (g: PlacedGlyph): boolean => !!g.kashida || !g.text;

/**
 * The glyphs of a word as written: a glyph that draws nothing and stands for no text (HarfBuzz's
 * stand-in for a default-ignorable character: a bidi mark, an isolate, a joiner) is left out, so it
 * takes no width and no reader sees it; and a cluster drawn with as many glyphs as it has characters
 * gives each glyph one character, in logical order, instead of all of them to one glyph.
 */
function writtenGlyphs(word: readonly PlacedGlyph[], font: GlyphFont): PlacedGlyph[] {
  const kept = word.filter(g => g.kashida || g.text || g.advance !== 0 || !font.blank(g.gid));
  const byCluster = new Map<number, number[]>();
  kept.forEach((g, i) => {
    if (g.kashida) return;
    const members = byCluster.get(g.cluster);
    if (members) members.push(i);
    else byCluster.set(g.cluster, [i]);
  });
  // Only the glyphs given a character of their own are copied: the laid-out lines stay as they are.
  const out = kept.slice();
  for (const members of byCluster.values()) {
    if (members.length < 2) continue;
    const chars = [...members.map(i => kept[i].text).join('')];
    if (chars.length !== members.length) continue;
    const logical = kept[members[0]].rtl ? [...members].reverse() : members;
    logical.forEach((i, k) => {
      out[i] = { ...kept[i], text: chars[k] };
    });
  }
  return out;
}

/** The ToUnicode text of a glyph: its source text, or NO_TEXT when it stands for no character. */
const toUnicodeText = (g: PlacedGlyph): string => (g.kashida || !g.text ? NO_TEXT : g.text);

/** A combining mark: readers give it no width of its own. */
const isMark = (g: PlacedGlyph): boolean => !g.kashida && /^\p{M}+$/u.test(g.text);

const SPACE = /^\s+$/u;

/**
 * Splits a line's glyphs into words: maximal groups of one shaping run with no white space
 * between them (spaces are not drawn: readers infer them from the gaps). Words come back in
 * logical order, each with its glyphs left to right.
 */
function words(glyphs: readonly PlacedGlyph[]): PlacedGlyph[][] {
  const out: PlacedGlyph[][] = [];
  let cur: PlacedGlyph[] = [];
  for (const g of glyphs) {
    const blank = SPACE.test(g.text);
    if (blank || (cur.length && cur[0].run !== g.run)) {
      if (cur.length) out.push(cur);
      cur = [];
    }
    if (!blank) cur.push(g);
  }
  if (cur.length) out.push(cur);
  // pdf.js reverses a text item only when it holds right-to-left letters: right-to-left punctuation
  // alone (`”.` closing a sentence) would read backwards, so it is written one glyph at a time.
  const split = out.flatMap(w => (w[0].rtl && w.length > 1 && !w.some(g => RTL_LETTER.test(g.text)) ? w.map(g => [g]) : [w]));
  const first = (w: PlacedGlyph[]) => {
    let min = Infinity;
    for (const g of w) if (g.cluster < min) min = g.cluster;
    return min;
  };
  // Each word's first cluster worked out once, not at every comparison (the sort is stable either way).
  return split
    .map(w => ({ w, at: first(w) }))
    .sort((a, b) => a.at - b.at)
    .map(k => k.w);
}

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

const MARKS = /\p{M}/u;

/**
 * A word without harakat, cut around its hidden glyphs (kashidas, a cluster's extra glyphs):
 * glyph indices of each piece, the pieces in logical order. Each hidden glyph is drawn in a span
 * with empty ActualText, so poppler reads nothing for it; pdf.js starts a new text item at every marked-content boundary and
 * reverses each item on its own, which gives the word back whole when the pieces come in
 * logical order.
 */
function hiddenSegments(word: readonly PlacedGlyph[]): number[][] {
  const out: number[][] = [];
  word.forEach((g, i) => {
    const last = out[out.length - 1];
    if (last && !hiddenGlyph(g) && !hiddenGlyph(word[last[0]])) last.push(i);
    else out.push([i]);
  });
  return word[0].rtl ? out.reverse() : out;
}

/**
 * ToUnicode text of a glyph that stands for no character (an inserted kashida, a cluster's extra
 * glyph). pdfkit would write `<>`, which pdf.js reads as a stray letter; ZERO WIDTH JOINER is a
 * format character that pdf.js drops, and poppler reads such glyphs through ActualText (empty for
 * the glyph, or the vowelled word's).
 */
const NO_TEXT = '\u200D';

/**
 * ActualText for a right-to-left word with harakat, or null for every other word.
 *
 * poppler starts a new word at a mark raised off the baseline (or within 0.1 em of its letter),
 * so vowelled words came back in pieces and out of order. With ActualText it reads the span as
 * one piece of text; but poppler lays ActualText out left to right and then reverses right-to-left
 * lines character by character, so the text given here is the word's characters in visual
 * (reversed) order, which poppler turns back into logical order. pdf.js ignores ActualText and
 * reads each glyph's ToUnicode text in drawing order, which it reassembles correctly by itself.
 * Kashidas are not part of the text. (This visual-order ActualText suits poppler and misleads
 * readers that take ActualText in logical order; it is limited to words with harakat.)
 */
function actualText(word: readonly PlacedGlyph[]): string | null {
  if (!word[0].rtl || !word.some(g => MARKS.test(g.text))) return null;
  // Glyphs come left to right: in logical order, a cluster's own glyphs go right to left.
  const logical = word
    .map((g, i) => ({ g, i }))
    .filter(({ g }) => !g.kashida)
    .sort((a, b) => a.g.cluster - b.g.cluster || b.i - a.i);
  return [...logical.map(({ g }) => g.text).join('')].reverse().join('');
}

/** `/Lang (ar) ` for an ActualText span whose word is not in the document's language, else nothing. */
function langEntry(word: readonly PlacedGlyph[], documentLang: string | undefined): string {
  const text = word.map(g => g.text).join('');
  const lang = /\p{Script=Arabic}/u.test(text) ? 'ar' : /\p{Script=Hebrew}/u.test(text) ? 'he' : undefined;
  return lang && documentLang && documentLang.split('-')[0].toLowerCase() !== lang ? `/Lang (${lang}) ` : '';
}

function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** Operands of `rg` for each colour used so far: a document has a handful, and every word asks. */
const RGB = new Map<string, string>();

function rgb(hex: string): string {
  let op = RGB.get(hex);
  if (op === undefined) {
    const v = parseInt(hex.replace('#', ''), 16);
    op = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map(c => fmt(c / 255)).join(' ');
    if (RGB.size < 1024) RGB.set(hex, op);
  }
  return op;
}
