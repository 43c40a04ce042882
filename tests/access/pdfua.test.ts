// Every kind of PDF mowjaz writes — the brief (archival or not; the summit, every example and a
// scaffolded one) and the specimen sheet — declares and carries what PDF/A-2b and PDF/UA-1 ask
// for, read back by mupdf: XMP identification with the
// PDF/A extension schema for pdfuaid, a marked, tagged structure tree, the language, the title
// shown in the window, the output intent, and ActualText spans in the document's language.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/data/load.js';
import { packageRoot } from '../../src/package-root.js';
import { renderValidBrief } from '../../src/index.js';
import { renderSpecimen } from '../../src/specimen.js';
import { exampleBriefs } from '../helpers/fixtures.js';

const open = (bytes: Uint8Array) => mupdf.Document.openDocument(bytes, 'application/pdf').asPDF()!;
const catalogOf = (doc: mupdf.PDFDocument) => doc.getTrailer().get('Root');

/** The text of every element `tag` in the XMP. */
const xmpValues = (xmp: string, tag: string): string[] =>
  [...xmp.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map(m => m[1].trim());

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-pdfua-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const kinds: { name: string; make: () => Promise<Uint8Array>; archival: boolean }[] = [
  { name: 'brief', make: () => renderValidBrief(loadBrief(path.join(packageRoot(), 'data/summit.json'))), archival: true },
  { name: 'brief without PDF/A', make: () => renderValidBrief(loadBrief(path.join(packageRoot(), 'data/summit.json')), { archival: false }), archival: false },
  // Every example brief (the folder is read) and a scaffolded one, as the CLI writes them.
  ...exampleBriefs(scratch).map(({ name, file }) => ({
    name: `brief ${name}`,
    make: () => renderValidBrief(loadBrief(file), { source: file }),
    archival: true,
  })),
  { name: 'specimen', make: () => renderSpecimen(['مُحَمَّد رَسُولُ اللَّهِ', 'المملكة والكويت ألكسندر هجين', '!عنوان بالخط العريض']), archival: true },
];

for (const kind of kinds) {
  describe(kind.name, () => {
    let doc: mupdf.PDFDocument;
    let xmp = '';
    beforeAll(async () => {
      doc = open(await kind.make());
      xmp = catalogOf(doc).get('Metadata').readStream().asString();
    });

    it('declares PDF/UA-1 in its XMP, with the PDF/A extension schema entry for pdfuaid', () => {
      expect(xmpValues(xmp, 'pdfuaid:part')).toEqual(['1']);
      const schemas = xmpValues(xmp, 'pdfaExtension:schemas');
      expect(schemas).toHaveLength(1);
      expect(xmpValues(schemas[0], 'pdfaSchema:namespaceURI')).toEqual(['http://www.aiim.org/pdfua/ns/id/']);
      expect(xmpValues(schemas[0], 'pdfaSchema:prefix')).toEqual(['pdfuaid']);
      expect(xmpValues(schemas[0], 'pdfaProperty:name')).toEqual(['part']);
      expect(xmpValues(schemas[0], 'pdfaProperty:valueType')).toEqual(['Integer']);
    });

    it(kind.archival ? 'declares PDF/A-2b and has an output intent' : 'declares no PDF/A', () => {
      if (kind.archival) {
        expect(xmpValues(xmp, 'pdfaid:part')).toEqual(['2']);
        expect(xmpValues(xmp, 'pdfaid:conformance')).toEqual(['B']);
        const intents = catalogOf(doc).get('OutputIntents');
        expect(intents.length).toBe(1);
        expect(intents.get(0).get('S').asName()).toBe('GTS_PDFA1');
        expect(intents.get(0).get('DestOutputProfile').get('N').asNumber()).toBe(3);
      } else {
        expect(xmpValues(xmp, 'pdfaid:part')).toEqual([]);
      }
    });

    it('is marked and tagged: MarkInfo Marked, a structure tree with content in it', () => {
      const catalog = catalogOf(doc);
      expect(catalog.get('MarkInfo').get('Marked').asBoolean()).toBe(true);
      const tree = catalog.get('StructTreeRoot');
      expect(tree.get('Type').asName()).toBe('StructTreeRoot');
      const types: string[] = [];
      const walk = (node: mupdf.PDFObject, depth: number) => {
        if (depth > 40 || !node.isDictionary()) return;
        const s = node.get('S');
        if (s.isName()) types.push(s.asName());
        const kids = node.get('K');
        if (kids.isArray()) for (let i = 0; i < kids.length; i++) walk(kids.get(i), depth + 1);
        else walk(kids, depth + 1);
      };
      walk(tree, 0);
      expect(types[0]).toBe('Document');
      expect(types).toContain('P');
    });

    it('states its language and shows its title in the window', () => {
      const catalog = catalogOf(doc);
      expect(catalog.get('Lang').asString()).toBe('ar');
      expect(catalog.get('ViewerPreferences').get('DisplayDocTitle').asBoolean()).toBe(true);
      expect(doc.getTrailer().get('Info').get('Title').asString().length).toBeGreaterThan(0);
    });

    it('gives every page its tab order by structure', () => {
      for (let i = 0; i < doc.countPages(); i++) expect(doc.findPage(i).get('Tabs').asName()).toBe('S');
    });
  });
}

describe('ActualText spans', () => {
  /** The decoded content streams of every page. */
  const contents = (doc: mupdf.PDFDocument) =>
    Array.from({ length: doc.countPages() }, (_, i) => doc.findPage(i).get('Contents').readStream().asString()).join('\n');

  const vowelled = async (lang: string) => {
    const { createPdfFontCache, PdfWriter } = await import('../../src/render/pdf-writer.js');
    const { createTextEngine } = await import('../../src/text/engine.js');
    const { layoutParagraph } = await import('../../src/text/paragraph.js');
    const pdf = new PdfWriter({ fonts: createPdfFontCache(), info: { Title: 't', CreationDate: new Date(0) }, pdfVersion: '1.7', tagged: { lang } });
    const root = pdf.structureRoot('Document');
    const p = pdf.structure('P');
    pdf.append(root, p);
    pdf.addPage(300, 200);
    const layout = layoutParagraph(createTextEngine(), { text: 'مُحَمَّد', style: { weight: 'regular', size: 14, color: '#000000' }, width: 200 });
    pdf.tagged(p, () => pdf.drawLines(layout.lines, 20, 20));
    return contents(open(await pdf.end()));
  };

  it('carry /Lang (ar) for an Arabic word in a document of another language', async () => {
    expect(await vowelled('en')).toMatch(/\/Span <<\/Lang \(ar\) \/ActualText </);
  });

  it("carry no /Lang where the word is in the document's language", async () => {
    const text = await vowelled('ar');
    expect(text).toMatch(/\/Span <<\/ActualText </);
    expect(text).not.toMatch(/\/Span <<\/Lang/);
  });
});
