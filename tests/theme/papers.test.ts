// Every shipped paper in both orientations, cover included: the summit renders, every page has
// the paper's size (read back by mupdf), nothing is drawn within the safe margin of the edge
// (neither in what the PDF draws nor in the rendered pixels), and the cover is composed: the kind
// of document under the band and the classification banner, the title block, the metadata on the
// closing rule.
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

  it('composes the cover: the kind of document under the band, the title block, the metadata on the closing rule', () => {
    const cover = pages[0];
    const { cover: look, classification } = themeDefaults;
    const fills = cover.drawn.filter(d => d.kind === 'fill');
    // The classification banner at the safe edge, top and foot; the cover band right below the top one.
    const banners = fills.filter(d => Math.abs(d.bounds[3] - d.bounds[1] - classification.height) < 0.5);
    expect(banners.map(b => Math.round(b.bounds[1]))).toEqual([Math.round(SAFE), Math.round(cover.height - SAFE - classification.height)]);
    const band = fills.filter(d => !banners.includes(d)).sort((a, b) => a.bounds[1] - b.bounds[1])[0];
    expect(band.bounds[1]).toBeCloseTo(SAFE + classification.height + classification.gap, 1);
    const closing = cover.drawn.filter(d => d.kind === 'stroke').sort((a, b) => b.bounds[1] - a.bounds[1])[0];
    const middle = (d: (typeof cover.drawn)[number]) => (d.bounds[1] + d.bounds[3]) / 2;
    const inBanner = (d: (typeof cover.drawn)[number]) => banners.some(b => middle(d) > b.bounds[1] && middle(d) < b.bounds[3]);
    const text = cover.drawn.filter(d => d.kind === 'text' && !inBanner(d));
    const top = Math.min(...text.map(d => d.bounds[1]));
    const bottom = Math.max(...text.map(d => d.bounds[3]));
    expect(top - band.bounds[3]).toBeGreaterThanOrEqual(look.titleGap * look.minScale - 1);
    expect(closing.bounds[1]).toBeGreaterThan(bottom);
    // The page is used: from under the band to the closing rule, no empty third at the top.
    expect(top - band.bounds[3]).toBeLessThan(look.titleGap + 4);
    expect(closing.bounds[1] - bottom).toBeLessThan(6 * MM);
    // The title (the largest type) stands apart from what is above it and from the metadata below.
    const heights = text.map(d => d.bounds[3] - d.bounds[1]).sort((a, b) => a - b);
    const title = text.filter(d => d.bounds[3] - d.bounds[1] > 1.6 * heights[Math.floor(heights.length / 2)]);
    expect(title.length).toBeGreaterThan(0);
    const [titleTop, titleBottom] = [Math.min(...title.map(d => d.bounds[1])), Math.max(...title.map(d => d.bounds[3]))];
    const above = text.filter(d => d.bounds[3] <= titleTop);
    const below = text.filter(d => d.bounds[1] >= titleBottom);
    expect(above.length).toBeGreaterThan(0);
    expect(below.length).toBeGreaterThan(3);
    expect(titleTop - Math.max(...above.map(d => d.bounds[3]))).toBeGreaterThanOrEqual(look.titleGap * look.minScale - 1);
    // The title is on the cover, not moved to a page of its own.
    expect(text.length).toBeGreaterThanOrEqual(8);
  });
});
