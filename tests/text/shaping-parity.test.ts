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

/** Why a line cannot be compared against the Arabic font alone, or null. */
function skipReason(line: string): string | null {
  if (/\p{Nd}/u.test(line)) return 'contains digits';
  const missing = [...new Set([...line].filter(ch => !/\s/.test(ch) && !arabic.coverage.has(ch.codePointAt(0)!)))];
  if (missing.length) return `needs fallback fonts for ${missing.map(ch => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ')}`;
  return null;
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
    const reference = (text: string) =>
      hbShape(arabic, text, SIZE, { rtl: true, script: 'Arab', language: 'ar' })
        .filter(g => !/\s/.test(text[g.cluster]))
        .map(g => ({ outline: outline(arabic, g.gid), x: g.x, y: g.y }));
    const ok = reference(lines[0]);
    expect(differences(ok, reference(lines[0]))).toEqual([]);
    expect(differences(ok, reference(lines[1])).length).toBeGreaterThan(0);
    const moved = ok.map((g, i) => (i === 3 ? { ...g, x: g.x + 0.05 } : g));
    expect(differences(moved, ok).length).toBeGreaterThan(0);
    const raised = ok.map((g, i) => (i === 3 ? { ...g, y: g.y + 0.05 } : g));
    expect(differences(raised, ok).length).toBeGreaterThan(0);
  });

  lines.forEach((line, index) => {
    const reason = skipReason(line);
    if (reason) {
      it.skip(`line ${index + 1} skipped (${reason}): ${line}`, () => {});
      return;
    }
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
      const reference = hbShape(arabic, line, SIZE, { rtl: true, script: 'Arab', language: 'ar' })
        .filter(g => !/\s/.test(line[g.cluster]))
        .map(g => ({ outline: outline(arabic, g.gid), x: g.x, y: g.y }));
      expect(reference.length).toBeGreaterThan(0);
      expect(differences(placed, reference)).toEqual([]);
    });
  });
});
