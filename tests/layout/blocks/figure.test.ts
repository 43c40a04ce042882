// Figures as the PDF holds them, read back by readers that are not mowjaz: the structure tree
// (mupdf) has each figure as a Div holding a Figure with its /Alt and BBox and then its Caption,
// the cover's logo as a Figure described by the issuer's name and the header's copies as
// artifacts; the logo is one image XObject however many pages draw it (pdf-lib); every image is
// drawn where the markup and the theme put it (mupdf's device calls); no font is left unembedded;
// and the page with the chart looks as reviewed (baseline).
import path from 'node:path';
import * as mupdf from 'mupdf';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Brief } from '../../../src/data/brief.js';
import { createContext } from '../../../src/context.js';
import { loadBrief } from '../../../src/data/load.js';
import { loadImages } from '../../../src/images/load.js';
import { layoutDocument } from '../../../src/layout/flow.js';
import { parseMarkup } from '../../../src/markup/parse.js';
import { renderValidBrief } from '../../../src/index.js';
import { themeDefaults } from '../../../src/theme.js';
import { documentLines, expectMatchesBaseline, findRead, pagePng, pdfjsText, repoRoot } from '../../helpers/fixtures.js';

const FILE = path.join(repoRoot, 'data/examples/ministry-brief.json');
const MM = 72 / 25.4;
let brief: Brief;
let bytes: Uint8Array;
let doc: mupdf.PDFDocument;

beforeAll(async () => {
  brief = loadBrief(FILE);
  bytes = await renderValidBrief(brief, { source: FILE });
  doc = mupdf.Document.openDocument(bytes, 'application/pdf').asPDF()!;
});

const figures = () => brief.blocks.flatMap(b => (b.type === 'figure' ? [b] : []));

interface Element {
  type: string;
  alt?: string;
  attributes?: mupdf.PDFObject;
  children: Element[];
}

/** The structure tree below the StructTreeRoot, elements only (marked content left out). */
function structure(): Element[] {
  const walk = (kids: mupdf.PDFObject): Element[] => {
    const list = kids.isArray() ? Array.from({ length: kids.length }, (_, i) => kids.get(i)) : [kids];
    return list
      .filter(k => k.isDictionary() && !k.get('S').isNull())
      .map(k => ({
        type: k.get('S').asName(),
        ...(k.get('Alt').isNull() ? {} : { alt: k.get('Alt').asString() }),
        ...(k.get('A').isNull() ? {} : { attributes: k.get('A') }),
        children: walk(k.get('K')),
      }));
  };
  return walk(doc.getTrailer().get('Root').get('StructTreeRoot').get('K'));
}

const flatten = (elements: Element[]): Element[] => elements.flatMap(e => [e, ...flatten(e.children)]);

/** Every image drawn on a page, with its box (mupdf's page space: points, top-down). */
function imagesDrawn(page: number): { width: number; height: number; x: number; y: number; w: number; h: number }[] {
  const found: { width: number; height: number; x: number; y: number; w: number; h: number }[] = [];
  const device = new mupdf.Device({
    fillImage(image, ctm) {
      found.push({ width: image.getWidth(), height: image.getHeight(), x: ctm[4], y: ctm[5], w: ctm[0], h: ctm[3] });
    },
  });
  doc.loadPage(page).run(device, mupdf.Matrix.identity);
  return found;
}

/** The chart's background, #f6f7f4, fills the whole of its 480 × 240 viewBox. */
const CHART_BACKGROUND = [0xf6, 0xf7, 0xf4].map(c => c / 255);

/** The box of the paths filled in the colour `rgb` on a page (the SVG chart's background). */
function filledBox(page: number, rgb: number[]): { x: number; y: number; w: number; h: number } | undefined {
  const xs: number[] = [];
  const ys: number[] = [];
  const device = new mupdf.Device({
    fillPath(p, _evenOdd, ctm, _cs, color) {
      if (!rgb.every((c, i) => Math.abs(c - color[i]) < 0.005)) return;
      const point = (x: number, y: number) => {
        xs.push(ctm[0] * x + ctm[2] * y + ctm[4]);
        ys.push(ctm[1] * x + ctm[3] * y + ctm[5]);
      };
      p.walk({ moveTo: point, lineTo: point });
    },
  });
  doc.loadPage(page).run(device, mupdf.Matrix.identity);
  if (!xs.length) return undefined;
  return { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
}

describe('figures in the structure tree', () => {
  it('each figure is a Div holding a Figure with the data’s alt text, then its Caption', () => {
    const divs = flatten(structure()).filter(e => e.type === 'Div');
    expect(divs.map(d => d.children.map(c => c.type))).toEqual(figures().map(() => ['Figure', 'Caption']));
    expect(divs.map(d => d.children[0].alt)).toEqual(figures().map(f => f.alt));
  });

  it('a Figure carries its layout attributes: a BBox of four numbers and Placement Block', () => {
    for (const figure of flatten(structure()).filter(e => e.type === 'Figure')) {
      const a = figure.attributes!;
      expect(a.get('O').asName()).toBe('Layout');
      expect(a.get('Placement').asName()).toBe('Block');
      const box = a.get('BBox');
      expect(box.length).toBe(4);
      const [x1, y1, x2, y2] = [0, 1, 2, 3].map(i => box.get(i).asNumber());
      expect(x2).toBeGreaterThan(x1);
      expect(y2).toBeGreaterThan(y1);
    }
  });

  it('the cover’s logo is a Figure described by the issuer’s name; the figures follow in data order', () => {
    const all = flatten(structure()).filter(e => e.type === 'Figure');
    expect(all.map(f => f.alt)).toEqual([brief.issuer!.name, ...figures().map(f => f.alt)]);
  });

  it('the captions are read back by pdf.js after their figure’s heading, in order', async () => {
    const lines = documentLines(await pdfjsText(bytes));
    const at = figures().map(f => findRead(lines, f.caption!).at);
    expect(at.every(i => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe('the logo on every page', () => {
  it('is one image XObject, drawn on the cover and in the header of each body page (pdf-lib)', async () => {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const images: PDFRef[] = [];
    const masks = new Set<string>();
    for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
      const mask = object.dict.get(PDFName.of('SMask'));
      if (mask instanceof PDFRef) masks.add(mask.toString());
      const width = object.dict.get(PDFName.of('Width'));
      if (width instanceof PDFNumber && width.asNumber() === 256) images.push(ref);
    }
    const emblems = images.filter(r => !masks.has(r.toString()));
    expect(emblems).toHaveLength(1);
    // Every page's resources but the back page's (no running header there) name that one object.
    for (const page of pdf.getPages().slice(0, -1)) {
      const xobjects = page.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
      const refs = xobjects.values().map(v => v.toString());
      expect(refs).toContain(emblems[0].toString());
    }
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
  });

  it('is drawn on every page but the back page: large on the cover, small in each body page’s header', () => {
    const last = doc.countPages() - 1;
    expect(imagesDrawn(last).filter(i => i.width === 256)).toEqual([]);
    for (let p = 0; p < last; p++) {
      const logos = imagesDrawn(p).filter(i => i.width === 256);
      expect(logos).toHaveLength(1);
      expect(logos[0].h).toBeCloseTo(p === 0 ? 26 * MM : 5 * MM, 1);
    }
  });

  it('in the header it stands at the start edge (the right: the brief is Arabic), above the text area', () => {
    const width = doc.loadPage(1).getBounds()[2];
    const { margin } = themeDefaults;
    for (let p = 1; p < doc.countPages() - 1; p++) {
      const [logo] = imagesDrawn(p).filter(i => i.width === 256);
      expect(logo.x + logo.w).toBeCloseTo(width - margin.side, 1);
      expect(logo.y + logo.h).toBeLessThan(margin.top);
      expect(logo.y).toBeGreaterThan(themeDefaults.bleedSafe);
    }
  });
});

describe('figures are drawn where the markup and the theme put them', () => {
  const column = (pageWidth: number) => pageWidth - 2 * themeDefaults.margin.side;

  it('the PNG map: 70% of the column wide, its proportions kept, centred, inside the margins', () => {
    const map = figures().find(f => f.src.endsWith('.png'))!;
    expect(map.width).toBe('70%');
    const page = [...Array(doc.countPages()).keys()].find(p => imagesDrawn(p).some(i => i.width === 720))!;
    const [drawn] = imagesDrawn(page).filter(i => i.width === 720);
    const pageWidth = doc.loadPage(page).getBounds()[2];
    expect(drawn.w).toBeCloseTo(0.7 * column(pageWidth), 1);
    expect(drawn.h).toBeCloseTo((drawn.w * 420) / 720, 1);
    expect(drawn.x + drawn.w / 2).toBeCloseTo(pageWidth / 2, 1);
    expect(drawn.y).toBeGreaterThanOrEqual(themeDefaults.margin.top - 0.01);
  });

  it('the SVG chart: 85% of the column wide, as vectors (no image), its proportions kept, centred', () => {
    const chart = figures().find(f => f.src.endsWith('.svg'))!;
    expect(chart.width).toBe('85%');
    const page = [...Array(doc.countPages()).keys()].find(p => filledBox(p, CHART_BACKGROUND))!;
    const box = filledBox(page, CHART_BACKGROUND)!;
    const pageWidth = doc.loadPage(page).getBounds()[2];
    expect(box.w).toBeCloseTo(0.85 * column(pageWidth), 1);
    expect(box.h).toBeCloseTo(box.w / 2, 1);
    expect(box.x + box.w / 2).toBeCloseTo(pageWidth / 2, 1);
    expect(imagesDrawn(page).filter(i => i.width !== 256)).toEqual([]);
  });
});

describe('PDF/A with images', () => {
  it('every font is embedded (no standard font from the SVG renderer)', () => {
    const fonts: string[] = [];
    for (let p = 0; p < doc.countPages(); p++) {
      const dict = doc.findPage(p).get('Resources').get('Font');
      if (dict.isNull()) continue;
      dict.forEach((font: mupdf.PDFObject) => {
        const descendant = font.get('DescendantFonts');
        const descriptor = (descendant.isArray() ? descendant.get(0) : font).get('FontDescriptor');
        fonts.push(`${font.get('BaseFont').asName()} ${descriptor.get('FontFile2').isNull() ? 'not embedded' : 'embedded'}`);
      });
    }
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter(f => f.endsWith('not embedded'))).toEqual([]);
  });
});

describe('the page with the chart (the third: cover, then the summary, contents and callouts)', () => {
  it('matches its reviewed baseline', () => {
    const page = [...Array(doc.countPages()).keys()].find(p => filledBox(p, CHART_BACKGROUND))!;
    expect(page).toBe(2);
    const viewer = mupdf.Document.openDocument(bytes, 'application/pdf');
    expectMatchesBaseline(pagePng(viewer, page), path.join(repoRoot, 'tests/baselines/ministry-brief-page-3.png'));
  });
});

describe('a decorative image and one too large for the page', () => {
  const assets = path.join(repoRoot, 'data/examples/assets');
  const laidOut = (markup: string) => {
    const tree = parseMarkup(markup);
    loadImages(tree, { template: assets, data: assets });
    return layoutDocument(createContext(), tree, { digits: 'latn' });
  };

  it('alt="" with role="presentation": an artifact, in no structure element', () => {
    const laid = laidOut('<document title="t"><p>نص</p><img src="emblem.png" alt="" role="presentation" width="20mm"/></document>');
    const images = laid.pages.flatMap(p => p.items.filter(i => i.kind === 'image'));
    expect(images.map(i => [i.struct, i.artifact])).toEqual([[undefined, 'Layout']]);
  });

  it('an image asked for taller than the text area is scaled down to it, its proportions kept', () => {
    const laid = laidOut('<document title="t"><figure><img src="map.jpg" alt="خريطة" height="2000"/></figure></document>');
    const [image] = laid.pages.flatMap(p => p.items.filter(i => i.kind === 'image'));
    const { margin } = themeDefaults;
    const textArea = laid.pages[0].height - margin.top - margin.bottom;
    expect(image.kind === 'image' && image.h).toBeLessThanOrEqual(textArea + 0.01);
    expect(image.kind === 'image' && image.w / image.h).toBeCloseTo(720 / 420, 3);
    expect(image.kind === 'image' && image.x + image.w).toBeLessThanOrEqual(laid.pages[0].width - margin.side + 0.01);
  });
});
