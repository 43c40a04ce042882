// The painter (src/render/pdf.ts) on pages laid out by hand: every kind of item lands where the
// layout put it, in its colour, tagged or marked as an artifact as its kind asks; bookmarks nest
// and open their page; a link goes to its destination. Read back by mupdf, not by the writer.
import type * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LaidOutDocument } from '../../src/layout/flow.js';
import { struct, type Page } from '../../src/layout/page.js';
import { writePdf } from '../../src/render/pdf.js';
import { createPdfFontCache } from '../../src/render/pdf-writer.js';
import { createTextEngine } from '../../src/text/engine.js';
import { layoutParagraph } from '../../src/text/paragraph.js';
import { contentOps, contentStream, drawnOnPage, isElem, openPdf, structTree, type StructElem } from '../pdf/support.js';

const engine = createTextEngine();
const line = (text: string) => layoutParagraph(engine, { text, style: { weight: 'regular', size: 12, color: '#000000' }, width: 200 }).lines;

const page = (p: Partial<Page>): Page => ({ width: 300, height: 200, cover: false, items: [], bookmarks: [], destinations: [], ...p });

let bytes: Uint8Array;
let doc: mupdf.PDFDocument;

beforeAll(async () => {
  const root = struct('Document');
  const paragraph = struct('P', root);
  const link = struct('Link', root);
  const laid: LaidOutDocument = {
    root,
    pages: [
      page({
        items: [
          { kind: 'rect', x: 10, y: 20, w: 100, h: 30, fill: '#ff0000' },
          { kind: 'line', x1: 10, y1: 100, x2: 290, y2: 100, color: '#0000ff', width: 2 },
          { kind: 'text', lines: line('نص الفقرة'), x: 50, y: 120, struct: paragraph },
          { kind: 'link', x: 50, y: 160, w: 80, h: 20, dest: 'second', label: 'إلى الصفحة الثانية', struct: link },
        ],
        bookmarks: [{ title: 'الأول', level: 1, y: 120 }],
        destinations: [{ name: 'unlinked', y: 10 }],
      }),
      page({
        items: [{ kind: 'text', lines: line('صفحة 2'), x: 120, y: 170, artifact: true }],
        bookmarks: [{ title: 'الثاني', level: 2, y: 40 }],
        destinations: [{ name: 'second', y: 40 }],
      }),
    ],
  };
  bytes = await writePdf(
    laid,
    { title: 'رسام', lang: 'ar' },
    { archival: false, creationDate: new Date(0), fonts: createPdfFontCache(), direction: 'rtl', bleed: 0, marks: false },
  );
  doc = openPdf(bytes);
});

describe('the painter', () => {
  it('makes a page of the laid-out size for each laid-out page', () => {
    expect(doc.countPages()).toBe(2);
    for (let i = 0; i < 2; i++) expect(doc.loadPage(i).getBounds()).toEqual([0, 0, 300, 200]);
  });

  it('fills a box and strokes a rule where the layout put them (top-down points), in their colours', () => {
    const { drawn } = drawnOnPage(doc, 0);
    const fill = drawn.find(d => d.kind === 'fill')!;
    expect(fill.bounds.map(Math.round)).toEqual([10, 20, 110, 50]);
    expect(fill.color).toEqual([1, 0, 0]);
    const stroke = drawn.find(d => d.kind === 'stroke')!;
    // A 2 pt rule at y = 100: its bounds reach a point either side.
    expect(stroke.bounds.map(Math.round)).toEqual([9, 99, 291, 101]);
    expect(stroke.color).toEqual([0, 0, 1]);
    const text = drawn.filter(d => d.kind === 'text');
    expect(text.length).toBeGreaterThan(0);
    // The paragraph's box starts at x = 50, y = 120, 200 pt wide: the right-to-left line starts at
    // its right edge, x = 250 (glyph ink may overhang its advance by a fraction of a point).
    const right = Math.max(...text.map(t => t.bounds[2]));
    expect(Math.abs(right - 250)).toBeLessThan(1);
    for (const t of text) {
      expect(t.bounds[0]).toBeGreaterThan(50);
      expect(t.bounds[1]).toBeGreaterThan(120 - 1);
      expect(t.bounds[3]).toBeLessThan(120 + 30);
    }
  });

  it('marks boxes and rules as layout artifacts, body text as marked content of its element, a footer as a pagination artifact', () => {
    const first = contentOps(contentStream(doc, 0));
    const paints = first.filter(o => o.op === 're' || o.op === 'f' || o.op === 'S');
    expect(paints.length).toBeGreaterThan(0);
    for (const o of paints) expect(o.marks[0]).toBe('Artifact');
    const shown = first.filter(o => o.op === 'TJ' || o.op === 'Tj');
    expect(shown.length).toBeGreaterThan(0);
    for (const o of shown) expect(o.mcid).toBe(0);
    expect(contentStream(doc, 0)).toMatch(/\/Artifact <<\s*\/Type \/Layout\s*>> BDC/);
    const second = contentOps(contentStream(doc, 1)).filter(o => o.op === 'TJ' || o.op === 'Tj');
    expect(second.length).toBeGreaterThan(0);
    for (const o of second) expect([o.marks[0], o.mcid]).toEqual(['Artifact', undefined]);
    expect(contentStream(doc, 1)).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/);
  });

  it('builds the structure tree from the items’ elements: a Document holding the paragraph and the link', () => {
    const [root] = structTree(doc);
    expect(root.type).toBe('Document');
    const kids = root.kids.filter(isElem) as StructElem[];
    expect(kids.map(k => k.type)).toEqual(['P', 'Link']);
    expect(kids[0].kids.filter(k => !isElem(k))).toEqual([{ page: 0, mcid: 0 }]);
  });

  it('nests a second-level bookmark under the first-level one before it, each opening its page', () => {
    const outline = doc.loadOutline() ?? [];
    expect(outline.map(o => [o.title, o.page])).toEqual([['الأول', 0]]);
    expect((outline[0].down ?? []).map(o => [o.title, o.page])).toEqual([['الثاني', 1]]);
  });

  it('links to a destination on another page, and writes only the destinations a link goes to', () => {
    const links = doc.loadPage(0).getLinks();
    expect(links).toHaveLength(1);
    expect(links[0].getBounds().map(Math.round)).toEqual([50, 160, 130, 180]);
    expect(doc.resolveLink(links[0])).toBe(1);
    const dests = doc.getTrailer().get('Root', 'Names', 'Dests', 'Names');
    const names = dests.isArray() ? Array.from({ length: dests.length / 2 }, (_, i) => dests.get(2 * i).asString()) : [];
    expect(names).toEqual(['second']);
  });
});
