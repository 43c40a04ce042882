// What reaches the PDF is what HarfBuzz shapes: for each line of the shaping corpus, the glyphs
// drawn in the specimen PDF (read back from the content stream and the embedded font program)
// have the same outlines at the same positions as a direct HarfBuzz call on the Arabic font.
import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSpecimen } from '../../src/specimen.js';
import { loadFonts } from '../../src/text/fonts.js';
import { readCorpus } from '../helpers/corpus.js';
import { fontFile, hbShape, openHbFont, outline, type HbFont } from '../helpers/harfbuzz.js';
import { readDrawnGlyphs, type DrawnGlyph } from '../helpers/pdf-reader.js';

const SIZE = 14; // the specimen's type size
const TOLERANCE = 0.01; // points

interface Placed {
  outline: string;
  x: number;
  y: number;
}

/**
 * Positions relative to the leftmost glyph, in a canonical order: by x, and glyphs whose x differ
 * by less than the tolerance (a base and its marks) by outline then y, so that two equal sets of
 * glyphs list the same way whatever order they were written in.
 */
function canonical(glyphs: Placed[]): Placed[] {
  if (!glyphs.length) return [];
  const minX = Math.min(...glyphs.map(g => g.x));
  const sorted = glyphs.map(g => ({ ...g, x: g.x - minX })).sort((a, b) => a.x - b.x);
  const out: Placed[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].x - sorted[j - 1].x < 2 * TOLERANCE) j++;
    out.push(...sorted.slice(i, j).sort((a, b) => (a.outline < b.outline ? -1 : a.outline > b.outline ? 1 : a.y - b.y)));
    i = j;
  }
  return out;
}

function differences(drawn: Placed[], expected: Placed[]): string[] {
  const a = canonical(drawn),
    b = canonical(expected);
  const out: string[] = [];
  if (a.length !== b.length) out.push(`${a.length} glyphs drawn, HarfBuzz gives ${b.length}`);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i].outline !== b[i].outline) out.push(`glyph ${i}: outline differs (drawn ${a[i].outline.slice(0, 24)}…, expected ${b[i].outline.slice(0, 24)}…)`);
    else if (Math.abs(a[i].x - b[i].x) > TOLERANCE || Math.abs(a[i].y - b[i].y) > TOLERANCE) {
      out.push(`glyph ${i}: drawn at (${a[i].x.toFixed(3)}, ${a[i].y.toFixed(3)}), expected (${b[i].x.toFixed(3)}, ${b[i].y.toFixed(3)})`);
    }
  }
  return out;
}

const lines = readCorpus('shaping.txt');
loadFonts(); // makes sure fonts/*.ttf exist (they are generated from the @fontsource package)
const arabic: HbFont = openHbFont(fontFile('amiri-arabic-400.ttf'));

const latin: HbFont = openHbFont(fontFile('amiri-latin-400.ttf'));

interface RefRun {
  text: string;
  font: HbFont;
  rtl: boolean;
}

/**
 * Lines that are not one right-to-left run of the Arabic font, as runs written out by hand, LEFT TO
 * RIGHT as drawn. Each run is shaped on its own (as the engine shapes each item) and the runs are
 * placed side by side.
 * - The guillemets and the en dash are not in the Arabic font, only in the Latin one; a space stays
 *   with the font of the run it follows when that font has one (the itemizer's rule), so the space
 *   after «–» and «»» goes with the Latin font. All of it is at level 1 (brackets and dash are
 *   neutrals between Arabic letters), so the runs are drawn right to left: the last one leftmost.
 * - The digits line: Arabic-Indic digits and the Arabic decimal and thousands separators are AN
 *   (level 2, drawn left to right); ٪ is ET, which W5 joins to EN only, so it becomes ON and, between
 *   two ANs (which count as R), R at level 1 (N1); the spaces and ؛ ؟ ، ۔ are level 1. GNU FriBidi
 *   gives the same levels: 2×10, 1 1 1, 2, 1, 2, 1×8.
 */
const RUNS: Record<string, RefRun[]> = {
  'تُعقد القمة بقاعدة «إلمندورف – ريتشاردسون» العسكرية': [
    { text: 'العسكرية', font: arabic, rtl: true },
    { text: '» ', font: latin, rtl: true },
    { text: 'ريتشاردسون', font: arabic, rtl: true },
    { text: '– ', font: latin, rtl: true },
    { text: 'إلمندورف ', font: arabic, rtl: true },
    { text: '«', font: latin, rtl: true },
    { text: 'تُعقد القمة بقاعدة ', font: arabic, rtl: true },
  ],
  '٠١٢٣٤٥٦٧٨٩ ٪ ٫ ٬ ؛ ؟ ، ۔': [
    { text: ' ؛ ؟ ، ۔', font: arabic, rtl: true },
    { text: '٬', font: arabic, rtl: false },
    { text: ' ', font: arabic, rtl: true },
    { text: '٫', font: arabic, rtl: false },
    { text: ' ٪ ', font: arabic, rtl: true },
    { text: '٠١٢٣٤٥٦٧٨٩', font: arabic, rtl: false },
  ],
};

/** Whether the Arabic font alone draws the line as one right-to-left run (no fallback font, no digits). */
const oneArabicRun = (line: string): boolean => !/\p{Nd}/u.test(line) && [...line].every(ch => /\s/.test(ch) || arabic.coverage.has(ch.codePointAt(0)!));

/** HarfBuzz's glyphs for runs given left to right, each shaped alone, placed side by side; spaces are not drawn. */
function reference(runs: readonly RefRun[]): Placed[] {
  const out: Placed[] = [];
  let pen = 0;
  for (const run of runs) {
    const shaped = hbShape(run.font, run.text, SIZE, { rtl: run.rtl, script: 'Arab', language: 'ar' });
    for (const g of shaped) if (!/\s/.test(run.text[g.cluster])) out.push({ outline: outline(run.font, g.gid), x: pen + g.x, y: g.y });
    pen += shaped.reduce((sum, g) => sum + g.advance, 0);
  }
  return out;
}

describe('shaping parity: glyphs drawn in the PDF = HarfBuzz on amiri-arabic-400', () => {
  let pdf: Uint8Array;
  let drawnLines: DrawnGlyph[][] = [];
  const subsetFonts = new Map<number, HbFont>();

  beforeAll(async () => {
    pdf = await renderSpecimen(lines);
    const { glyphs } = readDrawnGlyphs(pdf);
    // One laid-out line per corpus line; lines are drawn top to bottom, page after page.
    const groups = new Map<string, DrawnGlyph[]>();
    for (const g of glyphs) {
      const key = `${g.page}|${g.baseline.toFixed(2)}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(g);
    }
    drawnLines = [...groups.values()];
  });

  it('the specimen draws every corpus line as exactly one line of text', () => {
    expect(drawnLines.length).toBe(lines.length);
  });

  it("the content-stream reader agrees with MuPDF's interpreter, glyph by glyph", () => {
    const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
    const mine = readDrawnGlyphs(pdf).glyphs;
    const theirs: { page: number; gid: number; x: number; y: number }[] = [];
    for (let p = 0; p < doc.countPages(); p++) {
      const page = doc.loadPage(p);
      const height = page.getBounds()[3] - page.getBounds()[1];
      const device = new mupdf.Device({
        fillText(text, ctm) {
          text.walk({
            showGlyph(_font, trm, glyph) {
              // glyph -1 continues the previous glyph's Unicode text (a multi-character ToUnicode entry)
              if (glyph < 0) return;
              const x = trm[4] * ctm[0] + trm[5] * ctm[2] + ctm[4],
                y = trm[4] * ctm[1] + trm[5] * ctm[3] + ctm[5];
              theirs.push({ page: p, gid: glyph, x, y: height - y });
            },
          });
        },
      });
      page.run(device, mupdf.Matrix.identity);
      device.close();
    }
    expect(mine.length).toBe(theirs.length);
    const mismatches = mine.flatMap((g, i) => {
      const t = theirs[i];
      return g.page === t.page && g.cid === t.gid && Math.abs(g.x - t.x) < 0.01 && Math.abs(g.y - t.y) < 0.01
        ? []
        : [`#${i}: reader ${g.cid}@(${g.x.toFixed(3)}, ${g.y.toFixed(3)}) mupdf ${t.gid}@(${t.x.toFixed(3)}, ${t.y.toFixed(3)})`];
    });
    expect(mismatches).toEqual([]);
  });

  it('the comparison is not vacuous: another line, or one glyph moved by 0.05 pt, is reported', () => {
    const one = (text: string) => reference([{ text, font: arabic, rtl: true }]);
    const ok = one(lines[0]);
    expect(differences(ok, one(lines[0]))).toEqual([]);
    expect(differences(ok, one(lines[1])).length).toBeGreaterThan(0);
    const moved = ok.map((g, i) => (i === 3 ? { ...g, x: g.x + 0.05 } : g));
    expect(differences(moved, ok).length).toBeGreaterThan(0);
    const raised = ok.map((g, i) => (i === 3 ? { ...g, y: g.y + 0.05 } : g));
    expect(differences(raised, ok).length).toBeGreaterThan(0);
  });

  it('every line is one Arabic run or has its runs written out (RUNS), and RUNS lists only corpus lines', () => {
    expect(lines.filter(l => !oneArabicRun(l) && !(l in RUNS))).toEqual([]);
    expect(Object.keys(RUNS).filter(l => !lines.includes(l) || oneArabicRun(l))).toEqual([]);
    for (const [line, runs] of Object.entries(RUNS))
      expect(
        [...runs]
          .reverse()
          .map(r => r.text)
          .join(''),
        'runs spell the line',
      ).toBe(line);
  });

  lines.forEach((line, index) => {
    it(`line ${index + 1}: ${line}`, () => {
      const drawn = drawnLines[index];
      expect(drawn, 'line not found in the PDF').toBeDefined();
      const placed = drawn.map(g => {
        let font = subsetFonts.get(g.font.id);
        if (!font) {
          font = openHbFont(g.font.program);
          subsetFonts.set(g.font.id, font);
        }
        return { outline: outline(font, g.cid), x: g.x, y: g.y - g.baseline };
      });
      // Spaces are not drawn (readers infer them from gaps); every other glyph is.
      const expected = reference(RUNS[line] ?? [{ text: line, font: arabic, rtl: true }]);
      expect(expected.length).toBeGreaterThan(0);
      expect(differences(placed, expected)).toEqual([]);
    });
  });
});
