// PDF/A-2b by default (XMP identification, an sRGB output intent, embedded subset fonts, no
// encryption, no transparency), plain PDF with `archival: false`; document metadata from the data,
// mirrored in XMP; reproducible bytes; an outline of the section headings.
import * as mupdf from 'mupdf';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Brief } from '../../src/data/brief.js';
import { renderBrief } from '../../src/index.js';
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

const catalog = (d: mupdf.PDFDocument) => d.getTrailer().get('Root');
const xmpOf = (d: mupdf.PDFDocument): string | null => {
  const m = catalog(d).get('Metadata');
  return m.isNull() ? null : m.readStream().asString();
};

/** The unescaped text of the first XMP element named `tag` (its rdf:li for Alt and Seq values). */
function xmpValue(xmp: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xmp);
  if (!m) return undefined;
  const inner = /<rdf:li(?:\s[^>]*)?>([\s\S]*?)<\/rdf:li>/.exec(m[1])?.[1] ?? m[1];
  return inner
    .trim()
    .replace(/&#(\d+);|&(amp|lt|gt|quot|apos);/g, (_, n: string, e: string) =>
      n ? String.fromCharCode(Number(n)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e],
    );
}

/** Balanced tags and no bare `<` or `&` in text: enough of XML well-formedness to catch unescaped values. */
function wellFormed(xml: string): string | null {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '');
  const stack: string[] = [];
  const tag = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/g;
  let at = 0;
  for (const m of body.matchAll(tag)) {
    const text = body.slice(at, m.index);
    if (/[<>]|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) return `bad text ${JSON.stringify(text.slice(0, 60))}`;
    at = m.index + m[0].length;
    if (m[4]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return `unbalanced </${m[2]}>`;
    } else stack.push(m[2]);
  }
  if (/[<>]/.test(body.slice(at))) return 'bad trailing text';
  return stack.length ? `unclosed <${stack.at(-1)}>` : null;
}

describe('PDF/A-2b (the default)', () => {
  it('identifies itself in well-formed XMP metadata as PDF/A-2 level B', () => {
    const xmp = xmpOf(doc)!;
    expect(xmp).toBeTruthy();
    expect(wellFormed(xmp)).toBeNull();
    expect(xmpValue(xmp, 'pdfaid:part')).toBe('2');
    expect(xmpValue(xmp, 'pdfaid:conformance')).toBe('B');
    // The metadata stream must stay readable without decoding.
    expect(catalog(doc).get('Metadata').get('Filter').isNull()).toBe(true);
    expect(catalog(doc).get('Metadata', 'Subtype').asName()).toBe('XML');
  });

  it('has an sRGB output intent with an embedded ICC profile', () => {
    const intents = catalog(doc).get('OutputIntents');
    expect(intents.isArray()).toBe(true);
    expect(intents.length).toBe(1);
    const intent = intents.get(0);
    expect(intent.get('S').asName()).toBe('GTS_PDFA1');
    expect(intent.get('OutputConditionIdentifier').asString()).toMatch(/sRGB/);
    const profile = intent.get('DestOutputProfile');
    expect(profile.get('N').asNumber()).toBe(3);
    const icc = profile.readStream().asUint8Array();
    const ascii = (from: number, to: number) => String.fromCharCode(...icc.subarray(from, to));
    expect(ascii(36, 40)).toBe('acsp'); // ICC signature
    expect(ascii(16, 20)).toBe('RGB ');
    expect(new TextDecoder('latin1').decode(icc)).toMatch(/sRGB/);
  });

  it('embeds every font as a subset (FontFile2, XXXXXX+ name)', () => {
    const seen = new Set<number>();
    for (let p = 0; p < doc.countPages(); p++) {
      doc
        .findPage(p)
        .get('Resources', 'Font')
        .forEach(ref => {
          if (seen.has(ref.asIndirect())) return;
          seen.add(ref.asIndirect());
          const font = ref.resolve();
          const name = font.get('BaseFont').asName();
          expect(name).toMatch(/^[A-Z]{6}\+/);
          const descendant = font.get('DescendantFonts', 0);
          const descriptor = font.get('Subtype').asName() === 'Type0' ? descendant.get('FontDescriptor') : font.get('FontDescriptor');
          expect(descriptor.get('FontName').asName()).toBe(name);
          expect(descriptor.get('FontFile2').isStream()).toBe(true);
          expect(descriptor.get('FontFile2').readStream().getLength()).toBeGreaterThan(1000);
        });
    }
    expect(seen.size).toBeGreaterThan(0);
  });

  // ISO 19005-2 6.2.11.5: the widths in the font dictionary must match the embedded font program.
  // The glyph painter gives some glyphs a /W width that ends where the next glyph starts (so that
  // poppler keeps words whole); the subset's copy of such a glyph carries the same advance.
  it('gives every glyph the /W width its embedded font program has', () => {
    const mismatched: string[] = [];
    const seen = new Set<number>();
    for (let p = 0; p < doc.countPages(); p++) {
      doc
        .findPage(p)
        .get('Resources', 'Font')
        .forEach(ref => {
          if (seen.has(ref.asIndirect())) return;
          seen.add(ref.asIndirect());
          const cid = ref.resolve().get('DescendantFonts', 0);
          const file = cid.get('FontDescriptor', 'FontFile2').readStream().asUint8Array();
          const program = new mupdf.Font('subset', file);
          const w = cid.get('W').asJS() as (number | number[])[];
          for (let i = 0; i < w.length; i += 2) {
            const first = w[i] as number;
            (w[i + 1] as number[]).forEach((width, k) => {
              const advance = program.advanceGlyph(first + k) * 1000;
              if (Math.abs(advance - width) > 1) mismatched.push(`${cid.get('BaseFont').asName()} cid ${first + k}: /W ${width}, font ${Math.round(advance)}`);
            });
          }
        });
    }
    expect(mismatched).toEqual([]);
  });

  it('is not encrypted and uses no transparency', () => {
    expect(doc.getTrailer().get('Encrypt').isNull()).toBe(true);
    expect(doc.needsPassword()).toBe(false);
    const problems: string[] = [];
    const visit = (o: mupdf.PDFObject, where: string, seen: Set<number>) => {
      if (o.isIndirect()) {
        if (seen.has(o.asIndirect())) return;
        seen.add(o.asIndirect());
      }
      const v = o.resolve();
      if (v.isDictionary()) {
        v.forEach((value, key) => {
          const k = String(key);
          if (k === 'SMask' && !(value.isName() && value.asName() === 'None')) problems.push(`${where}: /SMask`);
          if ((k === 'CA' || k === 'ca') && value.asNumber() < 1) problems.push(`${where}: /${k} ${value.asNumber()}`);
          if (k === 'BM' && !(value.isName() && ['Normal', 'Compatible'].includes(value.asName()))) problems.push(`${where}: /BM`);
          if (k === 'S' && value.isName() && value.asName() === 'Transparency') problems.push(`${where}: transparency group`);
          if (k !== 'Parent' && k !== 'P' && k !== 'Pg' && k !== 'ParentTree') visit(value, `${where}/${k}`, seen);
        });
      } else if (v.isArray()) {
        v.forEach((value, i) => visit(value, `${where}[${i}]`, seen));
      }
    };
    visit(catalog(doc), 'Root', new Set());
    expect(problems).toEqual([]);
  });

  it('keeps the binary comment after the header (PDF/A 6.1.2)', () => {
    const head = bytes.subarray(0, 20);
    expect(new TextDecoder('latin1').decode(head.subarray(0, 8))).toBe('%PDF-1.7');
    const second = [...head.subarray(9, 15)];
    expect(second[0]).toBe(0x25);
    expect(second.slice(1, 5).every(b => b > 127)).toBe(true);
    expect(doc.getTrailer().get('ID').length).toBe(2);
  });
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
