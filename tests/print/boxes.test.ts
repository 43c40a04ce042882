// Page boxes: without bleed the page is the media box and nothing else is written; --bleed
// enlarges the media around a TrimBox equal to the page and a BleedBox the bleed beyond it;
// --marks draws crop marks outside the bleed, as Page artifacts; the cover band runs into the bleed.
import type * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentOps, contentStream, drawnOnPage, MM, render, summit } from '../pdf/support.js';
import { boxOf, open, type Box } from './support.js';

const A4: Box = [0, 0, 595.28, 841.89];
const BLEED = 3 * MM;

let plain: mupdf.PDFDocument;
let bled: mupdf.PDFDocument;
let marked: mupdf.PDFDocument;

beforeAll(async () => {
  plain = open(await render(summit()));
  bled = open(await render(summit(), { print: { bleed: BLEED } }));
  marked = open(await render(summit(), { print: { bleed: BLEED, marks: true } }));
});

const close = (box: Box | null, expected: Box) => {
  expect(box).not.toBeNull();
  box!.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 1));
};
const grow = (b: Box, d: number): Box => [b[0] - d, b[1] - d, b[2] + d, b[3] + d];

describe('without bleed', () => {
  it('every page is an A4 media box with no trim or bleed box of its own', () => {
    for (let i = 0; i < plain.countPages(); i++) {
      close(boxOf(plain, i, 'MediaBox'), A4);
      expect(boxOf(plain, i, 'TrimBox')).toBeNull();
      expect(boxOf(plain, i, 'BleedBox')).toBeNull();
    }
  });
});

describe('with 3 mm bleed', () => {
  it('TrimBox is the A4 page, BleedBox 3 mm around it, and the media box is the bleed box', () => {
    expect(bled.countPages()).toBe(plain.countPages());
    for (let i = 0; i < bled.countPages(); i++) {
      const trim = boxOf(bled, i, 'TrimBox')!;
      expect(trim[2] - trim[0]).toBeCloseTo(A4[2], 2);
      expect(trim[3] - trim[1]).toBeCloseTo(A4[3], 2);
      close(boxOf(bled, i, 'BleedBox'), grow(trim, BLEED));
      close(boxOf(bled, i, 'MediaBox'), grow(trim, BLEED));
      expect(boxOf(bled, i, 'MediaBox')![0]).toBe(0);
    }
  });

  it('the cover band reaches across the whole bleed box; the text stays where it was on the trimmed page', () => {
    const cover = drawnOnPage(bled, 0);
    const trim = boxOf(bled, 0, 'TrimBox')!;
    const band = cover.drawn.find(d => d.kind === 'fill')!;
    expect(band.bounds[0]).toBeCloseTo(0, 1);
    expect(band.bounds[2]).toBeCloseTo(cover.width, 1);
    const before = drawnOnPage(plain, 0).drawn.filter(d => d.kind === 'text');
    const after = cover.drawn.filter(d => d.kind === 'text');
    expect(after.length).toBe(before.length);
    after.forEach((d, i) => {
      expect(d.bounds[0] - trim[0]).toBeCloseTo(before[i].bounds[0], 1);
      expect(d.bounds[1] - BLEED).toBeCloseTo(before[i].bounds[1], 1);
    });
  });
});

describe('crop marks', () => {
  it('the media box leaves room beyond the bleed', () => {
    const media = boxOf(marked, 0, 'MediaBox')!;
    const bleed = boxOf(marked, 0, 'BleedBox')!;
    expect(bleed[0] - media[0]).toBeGreaterThanOrEqual(7 * MM);
    close(bleed, grow(boxOf(marked, 0, 'TrimBox')!, BLEED));
  });

  it('eight strokes a page, all outside the bleed box and in line with the trim edges', () => {
    for (let i = 0; i < marked.countPages(); i++) {
      const page = drawnOnPage(marked, i);
      const trim = boxOf(marked, i, 'TrimBox')!;
      const bleed = boxOf(marked, i, 'BleedBox')!;
      // top-down page space: flip y against the media height
      const h = page.height;
      const outside = page.drawn.filter(d => d.bounds[2] <= bleed[0] || d.bounds[0] >= bleed[2] || d.bounds[3] <= h - bleed[3] || d.bounds[1] >= h - bleed[1]);
      expect(outside).toHaveLength(8);
      for (const m of outside) {
        expect(m.kind).toBe('stroke');
        const cx = (m.bounds[0] + m.bounds[2]) / 2,
          cy = (m.bounds[1] + m.bounds[3]) / 2;
        const onEdgeLine = [trim[0], trim[2]].some(x => Math.abs(cx - x) < 0.5) || [h - trim[1], h - trim[3]].some(y => Math.abs(cy - y) < 0.5);
        expect(onEdgeLine).toBe(true);
      }
      expect(page.drawn.filter(d => d.kind === 'stroke').length).toBe(drawnOnPage(bled, i).drawn.filter(d => d.kind === 'stroke').length + 8);
    }
  });

  it('are drawn inside /Artifact <</Type /Page>> marked content, and every stroke of the page is an artifact', () => {
    const pageArtifact = /\/Artifact\s*<<\s*\/Type\s*\/Page\s*>>\s*BDC([\s\S]*?)EMC/g;
    for (let i = 0; i < marked.countPages(); i++) {
      const stream = contentStream(marked, i);
      const sections = [...stream.matchAll(pageArtifact)];
      expect(sections).toHaveLength(1);
      expect(contentOps(sections[0][1]).filter(o => o.op === 'S')).toHaveLength(8);
      expect(
        contentOps(stream)
          .filter(o => o.op === 'S')
          .every(o => o.marks[0] === 'Artifact'),
      ).toBe(true);
    }
  });
});
