// PDF/A-2b by default (XMP identification, an sRGB output intent, embedded subset fonts, no
// encryption, no transparency), plain PDF with `archival: false`; document metadata from the data,
// mirrored in XMP; reproducible bytes; an outline of the section headings.
import type * as mupdf from 'mupdf';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Brief } from '../../src/data/brief.js';
import { renderBrief } from '../../src/index.js';
import { archivalChecks, catalog, wellFormed, xmpOf, xmpValue } from './checks.js';
import { documentTree, openPdf, render, summit, summitPdf } from './support.js';

let brief: Brief;
let bytes: Uint8Array;
let again: Uint8Array;
let plain: Uint8Array;
let doc: mupdf.PDFDocument;

beforeAll(async () => {
  brief = summit();
  // The render of the global setup (the fresh build/) and one in this process (src/): equal bytes.
  bytes = await summitPdf();
  again = await render(summit());
  plain = await render(brief, { archival: false });
  doc = openPdf(bytes);
});

describe('PDF/A-2b (the default)', () => {
  archivalChecks(() => ({ bytes, doc }));
});

describe('archival: false', () => {
  it('writes a plain tagged PDF: no PDF/A identification, no output intent', () => {
    const d = openPdf(plain);
    expect(catalog(d).get('OutputIntents').isNull()).toBe(true);
    expect(xmpOf(d) ?? '').not.toContain('pdfaid');
    expect(catalog(d).get('MarkInfo', 'Marked').asBoolean()).toBe(true);
    expect(plain.length).toBeLessThan(bytes.length);
  });
});

describe('metadata', () => {
  it('takes title, author, subject and keywords from the data, the creation date from `issued`', async () => {
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, string> };
    await pdf.destroy();
    expect(info.Title).toBe(brief.title);
    expect(info.Author).toBe(brief.issuer!.name);
    expect(info.Subject).toBe(brief.subtitle);
    expect(info.Keywords).toBe(brief.keywords!.join('، '));
    expect(info.Creator).toBe('mowjaz');
    expect(info.Language).toBe('ar');
    expect(info.CreationDate).toBe(`D:${brief.issued!.replace(/-/g, '')}000000Z`);
    expect(info.ModDate).toBe(info.CreationDate);
  });

  it('mirrors the document information in XMP (PDF/A 6.6.3)', () => {
    const xmp = xmpOf(doc)!;
    expect(xmpValue(xmp, 'dc:title')).toBe(brief.title);
    expect(xmpValue(xmp, 'dc:creator')).toBe(brief.issuer!.name);
    expect(xmpValue(xmp, 'dc:description')).toBe(brief.subtitle);
    expect(xmpValue(xmp, 'pdf:Keywords')).toBe(brief.keywords!.join('، '));
    expect(xmpValue(xmp, 'pdf:Producer')).toBe(doc.getTrailer().get('Info', 'Producer').asString());
    expect(xmpValue(xmp, 'xmp:CreatorTool')).toBe('mowjaz');
    expect(xmpValue(xmp, 'xmp:CreateDate')).toBe(`${brief.issued}T00:00:00Z`);
    expect(xmpValue(xmp, 'xmp:ModifyDate')).toBe(`${brief.issued}T00:00:00Z`);
  });

  it('escapes data values in XMP', async () => {
    const data = { ...summit(), title: 'قمة <ألاسكا> & "واشنطن"', issuer: { name: 'وحدة الرصد & التحليل' } };
    delete (data as Record<string, unknown>).$schema;
    const d = openPdf(await renderBrief(data));
    const xmp = xmpOf(d)!;
    expect(wellFormed(xmp)).toBeNull();
    expect(xmpValue(xmp, 'dc:title')).toBe(data.title);
    expect(xmpValue(xmp, 'dc:creator')).toBe(data.issuer.name);
    expect(d.getTrailer().get('Info', 'Title').asString()).toBe(data.title);
  });

  it('is reproducible: the same input gives the same bytes', () => {
    expect(again.length).toBe(bytes.length);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('outline', () => {
  it('bookmarks every section heading in order, h2 nested under its h1, each opening at its heading', async () => {
    const tree = documentTree(brief);
    const expected: { title: string; items: { title: string }[] }[] = [];
    for (const b of tree.body) {
      if (b.kind !== 'heading') continue;
      const title = b.inlines
        .map(i => i.text)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      if (b.level === 1) expected.push({ title, items: [] });
      else if (b.level === 2) expected.at(-1)!.items.push({ title });
    }
    expect(expected.length).toBeGreaterThan(4);
    expect(expected.some(e => e.items.length > 0)).toBe(true);

    const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    try {
      const outline = await pdf.getOutline();
      type Node = { title: string; dest: unknown; items: Node[] };
      const shape = (nodes: Node[]): unknown => nodes.map(n => (n.items.length ? { title: n.title, items: shape(n.items) } : { title: n.title, items: [] }));
      expect(shape(outline as Node[])).toEqual(expected.map(e => ({ title: e.title, items: e.items.map(i => ({ title: i.title, items: [] })) })));

      // Each bookmark opens the page its heading is on, with the heading at the top of the view.
      const flat: Node[] = (outline as Node[]).flatMap(n => [n, ...n.items]);
      let lastPage = 0;
      for (const node of flat) {
        const dest = (typeof node.dest === 'string' ? await pdf.getDestination(node.dest) : node.dest) as [
          { num: number; gen: number },
          { name: string },
          number,
          number,
          number,
        ];
        const pageIndex = await pdf.getPageIndex(dest[0]);
        expect(pageIndex).toBeGreaterThanOrEqual(lastPage);
        lastPage = pageIndex;
        expect(dest[1].name).toBe('XYZ');
        const page = await pdf.getPage(pageIndex + 1);
        const content = await page.getTextContent();
        const first = node.title.split(' ')[0];
        const heading = (content.items as { str: string; transform: number[] }[]).filter(
          i => i.str === first && i.transform[5] <= dest[3] && i.transform[5] > dest[3] - 40,
        );
        expect(heading.length, `${node.title} on page ${pageIndex + 1} below ${dest[3]}`).toBeGreaterThan(0);
      }
    } finally {
      await pdf.destroy();
    }
  });
});
