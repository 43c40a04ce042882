// The summit brief for print and mail: small, nothing drawn near the paper's edge (printers cannot
// reach it), and colours that stay legible when printed in greyscale.
import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Brief } from '../../src/data/brief.js';
import { defaultTheme as theme } from '../../src/theme.js';
import { MM, contrast, drawnOnPage, drawnOutside, inkedBorder, laidOutside, layout, luminance, summit, summitPdf, type Drawn } from './support.js';

const EDGE = 10 * MM;

let brief: Brief;
let bytes: Uint8Array;
let doc: mupdf.Document;
let pages: { width: number; height: number; drawn: Drawn[] }[];

beforeAll(async () => {
  brief = summit();
  bytes = await summitPdf();
  doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  pages = Array.from({ length: doc.countPages() }, (_, i) => drawnOnPage(doc, i));
});

describe('size', () => {
  it('is at most 80 KB', () => {
    expect(bytes.length).toBeLessThanOrEqual(80 * 1024);
  });
});

describe('nothing within 10 mm of the page edge', () => {
  it('in what the PDF draws: glyph extents, filled and stroked paths', () => {
    for (const page of pages) expect(page.drawn.filter(d => d.kind === 'text').length).toBeGreaterThan(0);
    expect(drawnOutside(pages, EDGE)).toEqual([]);
  });

  it('in the layout: rules, bands and text boxes', () => {
    const laid = layout(brief);
    expect(laid.pages).toHaveLength(pages.length);
    expect(laidOutside(laid.pages, EDGE)).toEqual([]);
  });

  it('in the printed page: the 10 mm border of every rendered page is blank', () => {
    for (let p = 0; p < pages.length; p++) expect(inkedBorder(doc, p, EDGE), `page ${p + 1}`).toBe(0);
  });
});

describe('colours in greyscale', () => {
  const white = '#ffffff';

  it('gives every text style of the theme a contrast of at least 4.5:1 against white', () => {
    for (const [name, style] of Object.entries(theme.styles)) {
      expect(contrast(style.color, white), `${name} ${style.color}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('draws all text in those colours, opaque', () => {
    const colours = new Set<string>();
    for (const page of pages) {
      for (const d of page.drawn) {
        expect(d.alpha).toBe(1);
        if (d.kind !== 'text') continue;
        expect(d.colorspace).toBe('DeviceRGB');
        colours.add(
          d.color
            .map(c =>
              Math.round(c * 255)
                .toString(16)
                .padStart(2, '0'),
            )
            .join(''),
        );
      }
    }
    expect(colours.size).toBeGreaterThan(1);
    for (const c of colours) expect(contrast(`#${c}`, white), `#${c}`).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps band fills light, so text on a band stays at 4.5:1', () => {
    const bands = [theme.palette.band, theme.palette.bandLight];
    for (const band of bands) expect(luminance(band), band).toBeGreaterThan(0.75);
    // Every fill that text is drawn on, and the colour of that text.
    let onBand = 0;
    for (const page of pages) {
      const fills = page.drawn.filter(d => d.kind === 'fill');
      for (const t of page.drawn.filter(d => d.kind === 'text')) {
        const cx = (t.bounds[0] + t.bounds[2]) / 2,
          cy = (t.bounds[1] + t.bounds[3]) / 2;
        for (const f of fills) {
          if (cx < f.bounds[0] || cx > f.bounds[2] || cy < f.bounds[1] || cy > f.bounds[3]) continue;
          onBand++;
          expect(luminance(f.color)).toBeGreaterThan(0.75);
          expect(contrast(t.color, f.color)).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
    expect(onBand).toBeGreaterThan(0);
  });

  it('keeps rules visible in greyscale', () => {
    expect(contrast(theme.palette.rule, white)).toBeGreaterThanOrEqual(2);
    expect(contrast(theme.palette.accent, white)).toBeGreaterThanOrEqual(7);
  });
});
