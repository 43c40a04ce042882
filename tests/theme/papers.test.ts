// Every shipped paper in both orientations, cover included: the summit renders, every page has
// the paper's size (read back by mupdf), nothing is drawn within the safe margin of the edge
// (neither in what the PDF draws nor in the rendered pixels), and the cover's title block sits
// between the band and the closing rule with room on both sides.
import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderValidBrief } from '../../src/index.js';
import { MM, themeDefaults, type Orientation, type Paper } from '../../src/theme.js';
import { drawnOnPage, drawnOutside, inkedBorder, summit } from '../pdf/support.js';

/** The papers' sizes as their standards give them, portrait, in millimetres. */
const STANDARD: Record<Paper, [number, number]> = { a4: [210, 297], letter: [215.9, 279.4], a5: [148, 210] };
const SAFE = themeDefaults.bleedSafe;

const cases = (Object.keys(STANDARD) as Paper[]).flatMap(paper => (['portrait', 'landscape'] as Orientation[]).map(orientation => ({ paper, orientation })));

describe.each(cases)('$paper $orientation', ({ paper, orientation }) => {
  let doc: mupdf.Document;
  let pages: ReturnType<typeof drawnOnPage>[];

  beforeAll(async () => {
    doc = mupdf.Document.openDocument(await renderValidBrief(summit(), { theme: { paper, orientation } }), 'application/pdf');
    pages = Array.from({ length: doc.countPages() }, (_, i) => drawnOnPage(doc, i));
  });

  it("has pages of the paper's size, turned as asked", () => {
    const [short, long] = STANDARD[paper].map(mm => mm * MM);
    const [w, h] = orientation === 'portrait' ? [short, long] : [long, short];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(w, 0);
      expect(page.height).toBeCloseTo(h, 0);
    }
  });

  it('draws nothing within the safe margin of the edge', () => {
    expect(drawnOutside(pages, SAFE - 0.01)).toEqual([]);
    for (let p = 0; p < pages.length; p++) expect(inkedBorder(doc, p, SAFE - 1), `page ${p + 1}`).toBe(0);
  });

  it('composes the cover: text between the band and the closing rule, with space above and below', () => {
    const cover = pages[0];
    const band = cover.drawn.find(d => d.kind === 'fill')!;
    const closing = cover.drawn.filter(d => d.kind === 'stroke').sort((a, b) => b.bounds[1] - a.bounds[1])[0];
    const text = cover.drawn.filter(d => d.kind === 'text');
    const top = Math.min(...text.map(d => d.bounds[1]));
    const bottom = Math.max(...text.map(d => d.bounds[3]));
    expect(band.bounds[1]).toBeCloseTo(SAFE, 1);
    const above = top - band.bounds[3];
    const below = closing.bounds[1] - bottom;
    expect(above).toBeGreaterThanOrEqual(themeDefaults.cover.titleGap - 1);
    expect(below).toBeGreaterThan(0);
    // The block is not pushed against either end: the larger gap is at most five times the smaller
    // (A4 portrait, the design the defaults were drawn for, is near 1:1).
    expect(Math.max(above, below) / Math.min(above, below)).toBeLessThan(5);
    // The title is on the cover, not moved to a page of its own.
    expect(text.length).toBeGreaterThan(10);
  });
});
