// The checks every brief's PDF passes, whatever its data: PDF/A-2b (identification, output intent,
// embedded subset fonts whose widths agree with their programs, no encryption or transparency, the
// binary header comment), and tagged structure (lists and tables built of the elements PDF/UA asks
// for, every piece of text tagged with its element in reading order, page furniture as artifacts).
// tests/pdf/archival.test.ts and tagged.test.ts run them on the summit brief, examples.test.ts on
// every example brief and a scaffolded one. All read back by mupdf and pdf.js.
import * as mupdf from 'mupdf';
import { expect, it } from 'vitest';
import type { Brief } from '../../src/data/brief.js';
import type { Block } from '../../src/markup/tree.js';
import { asRead } from '../helpers/known-limits.js';
import {
  contentOps,
  documentTree,
  elements,
  isElem,
  openPdf,
  pdfjsText,
  structText,
  structTree,
  units,
  type PdfjsText,
  type StructElem,
  type Unit,
} from './support.js';

/** A brief's PDF as the readers give it back, beside what its markup says. */
export interface ReadBack {
  bytes: Uint8Array;
  /** mupdf's document. */
  doc: mupdf.PDFDocument;
  /** The structure tree, from the PDF's objects. */
  tree: StructElem[];
  /** pdf.js's text with marked content. */
  text: PdfjsText;
  /** The markup's pieces of text, in reading order. */
  expected: Unit[];
  /** The markup's blocks, cover first. */
  blocks: Block[];
}

/** Reads back the PDF of `brief` (`source`: its data file, for a theme it names). */
export async function readBack(bytes: Uint8Array, brief: Brief, source?: string): Promise<ReadBack> {
  const doc = openPdf(bytes);
  const markup = documentTree(brief, { source });
  return {
    bytes,
    doc,
    tree: structTree(doc),
    text: await pdfjsText(bytes),
    expected: units(markup),
    // Lists and tables inside callouts count with the others; the back page is the last page.
    blocks: [...markup.cover, ...markup.body, ...(markup.backPage ?? [])].flatMap((b): Block[] => (b.kind === 'aside' ? [b, ...b.blocks] : [b])),
  };
}

// ---------------------------------------------------------------------------------------------
// XMP and the catalog

export const catalog = (d: mupdf.PDFDocument) => d.getTrailer().get('Root');
export const xmpOf = (d: mupdf.PDFDocument): string | null => {
  const m = catalog(d).get('Metadata');
  return m.isNull() ? null : m.readStream().asString();
};

/** The unescaped text of the first XMP element named `tag` (its rdf:li for Alt and Seq values). */
export function xmpValue(xmp: string, tag: string): string | undefined {
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
export function wellFormed(xml: string): string | null {
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

// ---------------------------------------------------------------------------------------------
// PDF/A-2b

/** Every font dictionary the pages use, each once. */
function fontsOf(doc: mupdf.PDFDocument): mupdf.PDFObject[] {
  const seen = new Map<number, mupdf.PDFObject>();
  for (let p = 0; p < doc.countPages(); p++) {
    doc
      .findPage(p)
      .get('Resources', 'Font')
      .forEach(ref => {
        if (!seen.has(ref.asIndirect())) seen.set(ref.asIndirect(), ref.resolve());
      });
  }
  return [...seen.values()];
}

/** The PDF/A-2b checks, as tests of the PDF `get` gives (called once the suite's beforeAll has run). */
export function archivalChecks(get: () => { bytes: Uint8Array; doc: mupdf.PDFDocument }): void {
  it('identifies itself in well-formed XMP metadata as PDF/A-2 level B', () => {
    const { doc } = get();
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
    const { doc } = get();
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
    const fonts = fontsOf(get().doc);
    for (const font of fonts) {
      const name = font.get('BaseFont').asName();
      expect(name).toMatch(/^[A-Z]{6}\+/);
      const descendant = font.get('DescendantFonts', 0);
      const descriptor = font.get('Subtype').asName() === 'Type0' ? descendant.get('FontDescriptor') : font.get('FontDescriptor');
      expect(descriptor.get('FontName').asName()).toBe(name);
      expect(descriptor.get('FontFile2').isStream()).toBe(true);
      // A subset of a few glyphs (the digits of one table) is a few hundred bytes: what counts is
      // that it is a font program of its own that mupdf reads, with the glyphs the page draws.
      const program = descriptor.get('FontFile2').readStream().asUint8Array();
      expect(program.length).toBeGreaterThan(0);
      expect(new mupdf.Font('subset', program).getName()).not.toBe('');
    }
    expect(fonts.length).toBeGreaterThan(0);
  });

  // ISO 19005-2 6.2.11.5: the widths in the font dictionary must match the embedded font program.
  // The glyph painter gives some glyphs a /W width that ends where the next glyph starts (so that
  // poppler keeps words whole); the subset's copy of such a glyph carries the same advance.
  it('gives every glyph the /W width its embedded font program has', () => {
    const mismatched: string[] = [];
    for (const font of fontsOf(get().doc)) {
      const cid = font.get('DescendantFonts', 0);
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
    }
    expect(mismatched).toEqual([]);
  });

  it('is not encrypted and uses no transparency but image alpha (which PDF/A-2 allows)', () => {
    const { doc } = get();
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
          // An image's alpha channel (its /SMask) is transparency PDF/A-2 allows; any other soft mask is reported.
          const imageAlpha = v.get('Subtype').isName() && v.get('Subtype').asName() === 'Image';
          if (k === 'SMask' && !imageAlpha && !(value.isName() && value.asName() === 'None')) problems.push(`${where}: /SMask`);
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
    const { bytes, doc } = get();
    const head = bytes.subarray(0, 20);
    expect(new TextDecoder('latin1').decode(head.subarray(0, 8))).toBe('%PDF-1.7');
    const second = [...head.subarray(9, 15)];
    expect(second[0]).toBe(0x25);
    expect(second.slice(1, 5).every(b => b > 127)).toBe(true);
    expect(doc.getTrailer().get('ID').length).toBe(2);
  });
}

// ---------------------------------------------------------------------------------------------
// Tagged structure

/** The structure elements of `type` and the markup's blocks of `kind`, in order; a problem when their numbers differ. */
function counterparts<K extends Block['kind']>(
  tree: readonly StructElem[],
  blocks: readonly Block[],
  type: string,
  kind: K,
  problems: string[],
): [StructElem[], Extract<Block, { kind: K }>[]] {
  const elems = [...elements(tree)].filter(({ elem }) => elem.type === type).map(({ elem }) => elem);
  const marked = blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
  if (elems.length !== marked.length) problems.push(`${elems.length} ${type} elements for ${marked.length} ${kind} blocks`);
  return [elems, marked];
}

/** Where the structure's lists differ from the markup's: each L of LI elements, each holding a Lbl and an LBody. */
export function listProblems(tree: readonly StructElem[], blocks: readonly Block[]): string[] {
  const problems: string[] = [];
  const [lists, markupLists] = counterparts(tree, blocks, 'L', 'list', problems);
  lists.forEach((l, i) => {
    const items = l.kids.filter(isElem).map(e => e.type);
    const want = Array(markupLists[i]?.items.length ?? 0).fill('LI');
    if (items.join() !== want.join()) problems.push(`list ${i + 1}: ${items.join(' ')} for ${want.length} items`);
    for (const li of l.kids.filter(isElem)) {
      const kids = li.kids.filter(isElem).map(e => e.type);
      if (kids.join() !== 'Lbl,LBody') problems.push(`list ${i + 1}: an LI holds ${kids.join(' ')}`);
    }
  });
  return problems;
}

/** Where the structure's tables differ from the markup's: TR rows of TH and TD cells, every TH with its Table scope. */
export function tableProblems(tree: readonly StructElem[], blocks: readonly Block[]): string[] {
  const problems: string[] = [];
  const [tables, markupTables] = counterparts(tree, blocks, 'Table', 'table', problems);
  tables.forEach((t, i) => {
    const m = markupTables[i];
    if (!m) return;
    const kids = t.kids.filter(isElem);
    const rows = m.caption ? kids.slice(1) : kids;
    if (m.caption && kids[0]?.type !== 'Caption') problems.push(`table ${i + 1}: its caption is a ${kids[0]?.type}`);
    const markupRows = [...m.head, ...m.body];
    if (rows.some(r => r.type !== 'TR') || rows.length !== markupRows.length)
      problems.push(`table ${i + 1}: ${rows.map(r => r.type).join(' ')} for ${markupRows.length} rows`);
    rows.forEach((row, r) => {
      const cells = row.kids.filter(isElem);
      const want = markupRows[r]?.cells ?? [];
      const types = cells.map(c => c.type).join(' ');
      if (types !== want.map(c => (c.header ? 'TH' : 'TD')).join(' ')) problems.push(`table ${i + 1} row ${r + 1}: ${types}`);
      cells.forEach((c, k) => {
        if (c.type !== 'TH') return;
        const cell = want[k];
        // A cell spanning columns says how many (PDF/UA: a header's cells can then be found).
        const expected = { O: 'Table', Scope: cell?.scope ?? 'Column', ...(cell && cell.colspan > 1 ? { ColSpan: cell.colspan } : {}) };
        if (JSON.stringify(c.attributes) !== JSON.stringify(expected)) {
          problems.push(`table ${i + 1} row ${r + 1} cell ${k + 1}: attributes ${JSON.stringify(c.attributes)}, expected ${JSON.stringify(expected)}`);
        }
      });
    });
  });
  return problems;
}

/** Each structure element's type and text as pdf.js reads it, in structure order (what a screen reader reads). */
export const taggedText = (tree: readonly StructElem[], text: PdfjsText): { type: string; text: string }[] =>
  structText(tree, text).map(e => ({ type: e.type, text: e.text }));

/** What taggedText should give for the markup's units: their text, as pdf.js is known to read it (known-limits.ts). */
export const expectedTagged = (units: readonly Unit[]): { type: string; text: unknown }[] =>
  units.map(u => ({
    type: u.type,
    // A contents entry's page number is the layout's: any number, in either digits, after the heading.
    text: u.pageNumber ? expect.stringMatching(new RegExp(`^${escapeRegExp(asRead(u.text, 'pdf.js'))} [0-9\u0660-\u0669]+$`)) : asRead(u.text, 'pdf.js'),
  }));

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PAINT = new Set(['f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'sh', 'Do']);
const SHOW = new Set(['Tj', 'TJ', "'", '"']);

/**
 * Painting outside an artifact and text shown outside a tagged or artifact sequence, page by
 * page, with how many painting and text-showing operators there are (a check that saw none saw nothing).
 */
export function artifactProblems(doc: mupdf.PDFDocument): { painted: number; shown: number; problems: string[] } {
  let painted = 0,
    shown = 0;
  const problems: string[] = [];
  for (let p = 0; p < doc.countPages(); p++) {
    const contents = doc.findPage(p).get('Contents');
    const stream = contents.isArray() ? '' : contents.readStream().asString();
    if (stream === '') problems.push(`page ${p + 1} has no single content stream`);
    for (const op of contentOps(stream)) {
      if (PAINT.has(op.op)) {
        painted++;
        // What a Figure draws is its content; any other painting is page furniture, an artifact.
        if (op.marks[0] !== 'Artifact' && !(op.marks[0] === 'Figure' && op.mcid !== undefined)) problems.push(`page ${p + 1}: ${op.op} outside an artifact`);
      }
      if (SHOW.has(op.op)) {
        shown++;
        if (op.marks[0] !== 'Artifact' && op.mcid === undefined) problems.push(`page ${p + 1}: ${op.op} in ${op.marks.join('/')}`);
      }
    }
  }
  return { painted, shown, problems };
}
