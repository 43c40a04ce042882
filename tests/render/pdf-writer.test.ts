// The PDF writer on its own: a known glyph run drawn and read back by readers that are not the
// writer (the repository's PDF object reader with HarfBuzz for the embedded glyphs, pdf.js for
// the text, mupdf for the structure tree and the outline).
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { createPdfFontCache, PdfWriter } from '../../src/render/pdf-writer.js';
import { createTextEngine } from '../../src/text/engine.js';
import { layoutParagraph } from '../../src/text/paragraph.js';
import { openHbFont, outline } from '../helpers/harfbuzz.js';
import { readDrawnGlyphs } from '../helpers/pdf-reader.js';
import { isElem, openPdf, structTree, type StructElem } from '../pdf/support.js';

const engine = createTextEngine();
const fonts = createPdfFontCache();
const TEXT = 'قمة ألاسكا';
const PAGE = { width: 300, height: 200 };
const AT = { x: 50, y: 60 };

const layout = layoutParagraph(engine, { text: TEXT, style: { weight: 'regular', size: 20, color: '#000000' }, width: 200 });

async function drawn(): Promise<Uint8Array> {
  const pdf = new PdfWriter({ fonts, info: { Title: 'run', CreationDate: new Date(0) } });
  pdf.addPage(PAGE.width, PAGE.height);
  pdf.drawLines(layout.lines, AT.x, AT.y);
  return pdf.end();
}

describe('PdfWriter.drawLines', () => {
  it('draws each glyph of the run with its glyph, at its place, on its baseline', async () => {
    const { glyphs } = readDrawnGlyphs(await drawn());
    const line = layout.lines[0];
    const placed = line.glyphs.filter(g => !/^\s*$/u.test(g.text) || g.kashida).sort((a, b) => a.x - b.x);
    const read = [...glyphs].sort((a, b) => a.x - b.x);
    expect(read).toHaveLength(placed.length);
    const source = openHbFont(placed[0].face.bytes);
    const embedded = openHbFont(read[0].font.program);
    read.forEach((g, i) => {
      expect(g.x).toBeCloseTo(AT.x + placed[i].x, 1);
      expect(g.baseline).toBeCloseTo(PAGE.height - (AT.y + line.baseline), 2);
      expect(g.size).toBe(20);
      // The subset renumbers glyphs: the embedded glyph the code selects has the source glyph's outline.
      expect(outline(embedded, g.cid)).toBe(outline(source, placed[i].gid));
    });
  });

  it('maps the codes back to the text, read in logical order by pdf.js', async () => {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(await drawn()), verbosity: 0 }).promise;
    const content = await (await doc.getPage(1)).getTextContent();
    const words = content.items.flatMap(it => ('str' in it && it.str.trim() ? [it.str] : []));
    expect(words.join(' ')).toBe(TEXT);
  });

  it('gives the same bytes for the same drawing, with a shared or a fresh font cache', async () => {
    const again = new PdfWriter({ fonts: createPdfFontCache(), info: { Title: 'run', CreationDate: new Date(0) } });
    again.addPage(PAGE.width, PAGE.height);
    again.drawLines(layout.lines, AT.x, AT.y);
    expect(Buffer.from(await again.end()).equals(Buffer.from(await drawn()))).toBe(true);
  });
});

describe('PdfWriter tagging and outline', () => {
  async function tagged(): Promise<Uint8Array> {
    const pdf = new PdfWriter({
      fonts,
      info: { Title: 'tagged & <escaped>', Creator: 'test', Producer: 'test', CreationDate: new Date(0), ModDate: new Date(0) },
      pdfVersion: '1.7',
      tagged: { lang: 'ar' },
    });
    pdf.addPage(PAGE.width, PAGE.height);
    const root = pdf.structureRoot('Document');
    const table = pdf.structure('Table');
    pdf.append(root, table);
    const row = pdf.structure('TR');
    pdf.append(table, row);
    const cell = pdf.structure('TH', { scope: 'Column', colSpan: 2 });
    pdf.append(row, cell);
    pdf.tagged(cell, () => pdf.drawLines(layout.lines, AT.x, AT.y));
    pdf.artifact('Layout', () => pdf.fillRect(0, 0, 10, 10, '#ff0000'));
    const top = pdf.bookmark('first', 12, { expanded: true });
    pdf.bookmark('second', 40, { parent: top });
    return pdf.end();
  }

  it('writes the structure elements with their attributes, the cell holding its content', async () => {
    const doc = openPdf(await tagged());
    const [documentElem] = structTree(doc);
    expect(documentElem.type).toBe('Document');
    const tableElem = documentElem.kids.find(isElem)!;
    const rowElem = tableElem.kids.find(isElem)!;
    const cellElem = rowElem.kids.find(isElem) as StructElem;
    expect([tableElem.type, rowElem.type, cellElem.type]).toEqual(['Table', 'TR', 'TH']);
    expect(cellElem.attributes).toMatchObject({ O: 'Table', Scope: 'Column', ColSpan: 2 });
    expect(cellElem.kids.filter(k => !isElem(k))).toHaveLength(1);
  });

  it('writes the outline, nested', async () => {
    const doc = openPdf(await tagged());
    const items = doc.loadOutline() ?? [];
    expect(items.map(i => i.title)).toEqual(['first']);
    expect((items[0].down ?? []).map(i => i.title)).toEqual(['second']);
  });

  it('escapes the document information in the XMP packet', async () => {
    const doc = openPdf(await tagged());
    const xmp = doc.getTrailer().get('Root', 'Metadata').readStream().asString();
    expect(xmp).toContain('tagged &#38; &#60;escaped&#62;');
    expect(xmp).toContain('<xmp:ModifyDate>1970-01-01T00:00:00Z</xmp:ModifyDate>');
  });
});
