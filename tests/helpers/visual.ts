// Reads the visual order of text lines back from a PDF: which characters are drawn where, left to
// right, as a reader that is not mowjaz's code sees them. mupdf's interpreter gives each drawn
// glyph with its ToUnicode text; the tests' own content-stream reader (pdf-reader.ts, checked
// glyph by glyph against mupdf in tests/text/shaping-parity.test.ts) gives the same glyphs with
// their font program and /W advance. A bracket is judged by the outline drawn, since its ToUnicode
// entry is the logical character whichever way it is drawn.
import fs from 'node:fs';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { repoRoot } from './corpus.js';
import { hbShape, openHbFont, outline, type HbFont } from './harfbuzz.js';
import { readDrawnGlyphs, type DrawnGlyph } from './pdf-reader.js';

/** Bidi_Mirroring_Glyph pairs that occur in the tests (from UnicodeData / BidiMirroring.txt). */
export const MIRROR: Readonly<Record<string, string>> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '«': '»', '»': '«', '<': '>', '>': '<' };

/**
 * Gap (in em) between two drawn glyphs above which a reader sees a space. Measured on the specimens
 * of both corpora (glyphGaps): glyphs of one word are from -0.15 to +0.001 em apart (the /W advance
 * of a glyph is close to its positioned advance), words at least 0.29 em.
 */
export const SPACE_GAP = 0.1;

/** A glyph drawn in the PDF: its ToUnicode text (several characters for a ligature) and where it is. */
export interface ReadGlyph {
  page: number;
  text: string;
  x: number;
  /** The /W advance, in points. */
  width: number;
  baseline: number;
  size: number;
  outline: string;
}

/** Every glyph the PDF draws, in content order, with mupdf's ToUnicode text. */
export function readGlyphs(bytes: Uint8Array): ReadGlyph[] {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  const unicode: { gid: number; text: string }[] = [];
  for (let p = 0; p < doc.countPages(); p++) {
    const device = new mupdf.Device({
      fillText(text) {
        text.walk({
          showGlyph(_font, _trm, glyph, uni) {
            // glyph -1 continues the previous glyph's text (a ToUnicode entry of several characters)
            if (glyph < 0) unicode[unicode.length - 1].text += String.fromCodePoint(uni);
            else unicode.push({ gid: glyph, text: String.fromCodePoint(uni) });
          },
        });
      },
    });
    doc.loadPage(p).run(device, mupdf.Matrix.identity);
    device.close();
  }
  const { glyphs } = readDrawnGlyphs(bytes);
  // By font object number: the numbers name fonts of this PDF only.
  const programs = new Map<number, HbFont>();
  if (glyphs.length !== unicode.length || glyphs.some((g, i) => g.cid !== unicode[i].gid))
    throw new Error('mupdf and the content-stream reader disagree on the glyphs drawn');
  return glyphs.map((g: DrawnGlyph, i) => {
    let program = programs.get(g.font.id);
    if (!program) programs.set(g.font.id, (program = openHbFont(g.font.program)));
    return {
      page: g.page,
      text: unicode[i].text,
      x: g.x,
      width: ((g.font.widths.get(g.cid) ?? g.font.dw) / 1000) * g.size,
      baseline: g.baseline,
      size: g.size,
      outline: outline(program, g.cid),
    };
  });
}

/** The glyphs of each drawn line (one page and baseline), lines in drawing order. */
export function readLines(bytes: Uint8Array): ReadGlyph[][] {
  const lines = new Map<string, ReadGlyph[]>();
  for (const g of readGlyphs(bytes)) {
    const key = `${g.page}|${g.baseline.toFixed(2)}`;
    if (!lines.has(key)) lines.set(key, []);
    lines.get(key)!.push(g);
  }
  return [...lines.values()];
}

let sourceFonts: HbFont[] | undefined;
const depictions = new Map<string, Set<string>>();

/**
 * Outlines that depict `ch` in the repository's fonts: its cmap glyph, and what HarfBuzz
 * substitutes for it alone on a left-to-right line in each script the engine uses (Amiri's Latin
 * face, for one, swaps in Latin-style parentheses for script Latn, its Arabic face Arabic-style ones).
 */
function outlinesDepicting(ch: string): Set<string> {
  let set = depictions.get(ch);
  if (!set) {
    sourceFonts ??= fs
      .readdirSync(path.join(repoRoot, 'fonts'))
      .filter(f => f.endsWith('.ttf'))
      .map(f => openHbFont(fs.readFileSync(path.join(repoRoot, 'fonts', f))));
    set = new Set<string>();
    for (const font of sourceFonts) {
      const nominal = font.font.nominalGlyph(ch.codePointAt(0)!);
      if (nominal) set.add(outline(font, nominal));
      for (const script of ['Latn', 'Arab', 'Zyyy']) {
        const shaped = hbShape(font, ch, 10, { rtl: false, script, language: 'en' });
        if (shaped.length === 1 && shaped[0].gid) set.add(outline(font, shaped[0].gid));
      }
    }
    depictions.set(ch, set);
  }
  return set;
}

/** The character a glyph shows: a mirrorable one by its outline (`?` when the outline does not tell), any other by its ToUnicode text. */
export function shownText(g: ReadGlyph): string {
  const mirror = MIRROR[g.text];
  if (!mirror) return g.text;
  const own = outlinesDepicting(g.text).has(g.outline);
  const mirrored = outlinesDepicting(mirror).has(g.outline);
  return own !== mirrored ? (own ? g.text : mirror) : `?${g.text}`;
}

/** Text compared for visual order: combining marks (drawn over their base, at no place of their own) and format controls (drawn as nothing) left out. */
export const visualKey = (text: string): string =>
  text
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .replace(/ +/g, ' ')
    .trim();

/**
 * A drawn line as the characters it shows from left to right, with a space wherever two glyphs are
 * more than SPACE_GAP em apart. A ligature's ToUnicode text is in logical order: an Arabic one is
 * reversed, as it is drawn right to left. Marks and format controls are left out (visualKey).
 */
export function visualText(line: readonly ReadGlyph[]): string {
  const glyphs = line.map(g => ({ g, text: visualKey(shownText(g)) })).filter(({ text }) => text !== '');
  glyphs.sort((a, b) => a.g.x - b.g.x);
  let out = '';
  let right = -Infinity;
  for (const { g, text } of glyphs) {
    if (out && g.x - right > SPACE_GAP * g.size) out += ' ';
    out += [...text].length > 1 && /\p{Script=Arabic}/u.test(text) ? [...text].reverse().join('') : text;
    right = Math.max(right, g.x + g.width);
  }
  return out;
}

/** Gaps between neighbouring glyphs of a line, in em, left to right (for measuring SPACE_GAP). */
export function glyphGaps(line: readonly ReadGlyph[]): number[] {
  const glyphs = line.filter(g => visualKey(g.text) !== '').sort((a, b) => a.x - b.x);
  return glyphs.slice(1).map((g, i) => (g.x - (glyphs[i].x + glyphs[i].width)) / g.size);
}
