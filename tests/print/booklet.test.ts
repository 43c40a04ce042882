// The booklet: the brief's pages imposed two to a sheet side on A3 landscape for A4 pages,
// padded to a multiple of four, ordered for a right-bound booklet printed on both sides (flip
// on short edge) and folded. Each half of each sheet side is identified by its own text: the
// cover by the title, other pages by the page number in their footer, padding by having none.
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { pageCount } from '../../src/batch.js';
import { imposeBooklet, renderValidBrief } from '../../src/index.js';
import { bookletOrder } from '../../src/print/booklet.js';
import { normalize, pdfjsText, summit } from '../pdf/support.js';
import { briefWithSections, catalog, open } from './support.js';

const A3_LANDSCAPE = { width: 1190.55, height: 841.89 };
const TITLE = normalize(summit().title as string).slice(0, 12);

/** What each half of each sheet side shows: a page number, 1 for the cover, 0 for an empty half. */
async function readSheets(bytes: Uint8Array): Promise<{ left: number; right: number }[]> {
  const text = await pdfjsText(bytes);
  return text.pages.map(page => {
    const half = (left: boolean) => {
      const mid = page.width / 2;
      const here = page.fragments.filter(f => (left ? f.box[2] <= mid + 1 : f.box[0] >= mid - 1));
      if (!here.length) return 0;
      const all = normalize(here.map(f => f.text).join(' '));
      const footer = /صفحة\s*(\d+)\s*من\s*(\d+)/.exec(all);
      if (footer) return Number(footer[1]);
      if (all.includes(TITLE)) return 1;
      throw new Error(`a half with neither a page number nor the title: ${all.slice(0, 60)}`);
    };
    return { left: half(true), right: half(false) };
  });
}

/** Sheet sides as the halves should read, blanks (beyond the last page) shown as 0. */
const shown = (sides: { left: number; right: number }[], pages: number) =>
  sides.map(s => ({ left: s.left > pages ? 0 : s.left, right: s.right > pages ? 0 : s.right }));

describe('imposed order', () => {
  it('four pages: outside 1 (left) | 4 (right), inside 3 | 2', () => {
    expect(bookletOrder(4, 'rtl')).toEqual([
      { left: 1, right: 4 },
      { left: 3, right: 2 },
    ]);
  });

  it('eight pages: 1|8, 7|2, 3|6, 5|4; and a left-bound booklet is the mirror image', () => {
    expect(bookletOrder(8, 'rtl')).toEqual([
      { left: 1, right: 8 },
      { left: 7, right: 2 },
      { left: 3, right: 6 },
      { left: 5, right: 4 },
    ]);
    expect(bookletOrder(8, 'ltr')).toEqual(bookletOrder(8, 'rtl').map(s => ({ left: s.right, right: s.left })));
  });

  it('any length: every page once, pages facing across the fold add up to the padded count plus one', () => {
    for (let n = 1; n <= 40; n++) {
      const sides = bookletOrder(n, 'rtl');
      const padded = Math.ceil(n / 4) * 4;
      expect(sides).toHaveLength(padded / 2);
      expect(sides.flatMap(s => [s.left, s.right]).sort((a, b) => a - b)).toEqual(Array.from({ length: padded }, (_, i) => i + 1));
      for (const s of sides) expect(s.left + s.right).toBe(padded + 1);
      // Outside of each sheet: the odd (earlier) page on the left, as a right-bound booklet's cover folds left.
      sides.forEach((s, i) => {
        if (i % 2 === 0) expect(s.left % 2).toBe(1);
      });
    }
  });
});

describe('booklets of briefs of several lengths', () => {
  for (const sectionCount of [0, 3, 6, 12, 18]) {
    it(`${sectionCount} sections: sheets on A3 landscape, each half the expected page, right to left`, async () => {
      const brief = await renderValidBrief(briefWithSections(sectionCount));
      const pages = pageCount(brief);
      const booklet = await imposeBooklet(brief);
      const sheets = Math.ceil(pages / 4);
      const doc = await PDFDocument.load(booklet);
      expect(doc.getPageCount()).toBe(2 * sheets);
      for (const page of doc.getPages()) {
        expect(page.getWidth()).toBeCloseTo(A3_LANDSCAPE.width, 1);
        expect(page.getHeight()).toBeCloseTo(A3_LANDSCAPE.height, 1);
      }
      expect(await readSheets(booklet)).toEqual(shown(bookletOrder(pages, 'rtl'), pages));
    });
  }
});

describe('the booklet file', () => {
  it('keeps the fonts embedded, the PDF/A identification and output intent, and claims no tagging', async () => {
    const brief = await renderValidBrief(summit());
    const booklet = await imposeBooklet(brief);
    const doc = open(booklet);
    const cat = catalog(doc);
    expect(cat.get('MarkInfo').get('Marked').asBoolean()).toBe(false);
    expect(cat.get('StructTreeRoot').isNull()).toBe(true);
    expect(cat.get('OutputIntents').get(0).get('S').asName()).toBe('GTS_PDFA1');
    expect(cat.get('OutputIntents').get(0).get('DestOutputProfile').isStream()).toBe(true);
    const xmp = cat.get('Metadata').readStream().asString();
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(cat.get('ViewerPreferences').get('Direction').asName()).toBe('R2L');
    expect(cat.get('ViewerPreferences').get('Duplex').asName()).toBe('DuplexFlipShortEdge');
    expect(doc.getTrailer().get('ID').length).toBe(2);
    // Every font reached from a sheet's form XObjects has its font file.
    const fonts: string[] = [];
    const seen = new Set<number>();
    const walk = (o: import('mupdf').PDFObject) => {
      if (o.isIndirect()) {
        if (seen.has(o.asIndirect())) return;
        seen.add(o.asIndirect());
      }
      if (o.isDictionary() || o.isStream()) {
        if (o.get('Type').isName() && o.get('Type').asName() === 'FontDescriptor') fonts.push(o.get('FontFile2').isStream() ? 'embedded' : 'missing');
        o.forEach((v: import('mupdf').PDFObject, k: string | number) => {
          if (k !== 'Parent') walk(v);
        });
      } else if (o.isArray()) o.forEach((v: import('mupdf').PDFObject) => walk(v));
    };
    for (let i = 0; i < doc.countPages(); i++) walk(doc.findPage(i).get('Resources'));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every(f => f === 'embedded')).toBe(true);
    // The document information the XMP packet mirrors is the brief's.
    const info = (await PDFDocument.load(booklet, { updateMetadata: false })).getTitle();
    expect(info).toBe((await PDFDocument.load(brief, { updateMetadata: false })).getTitle());
  });
});
