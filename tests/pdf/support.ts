// Shared by tests/pdf and tests/brief: rendering the summit brief, what its markup says (the
// expected text, block by block, in logical order) and three independent readers of the PDF:
// mupdf for the object tree, the structure tree and what each page draws; pdf.js for text in
// content order and marked content; poppler's pdftotext (when installed) for reading order.
import * as mupdf from 'mupdf';
import { PNG } from 'pngjs';
import type { Brief } from '../../src/data/brief.js';
import { createContext } from '../../src/context.js';
import { digitsInText } from '../../src/digits.js';
import { renderValidBrief, type RenderOptions } from '../../src/index.js';
import { layoutDocument, type LaidOutDocument } from '../../src/layout/flow.js';
import { inkWidth, type Page } from '../../src/layout/page.js';
import { parseMarkup } from '../../src/markup/parse.js';
import type { Block, DocumentTree, Inline } from '../../src/markup/tree.js';
import { toDigits } from '../../src/template/helpers.js';
import { defaultTemplate, renderTemplate, type Digits } from '../../src/template/render.js';
import { markingOf } from '../../src/template/classification.js';
import { templateValues, type Paper } from '../../src/theme.js';
import { themeLayers } from '../../src/theme-file.js';
import { normalize, pagePng, repoRoot, summitBrief, type Fragment, type PdfjsText } from '../helpers/fixtures.js';

// The shared readers and fixtures, for the suites that import them from here.
export {
  documentLines,
  havePdftotext,
  joinRuns,
  needsPdftotext,
  normalize,
  pagePng,
  pdfjsText,
  pdftotextRaw,
  summitPdf,
  WORD_GAP,
  type Fragment,
  type PdfjsText,
  type TextRun,
} from '../helpers/fixtures.js';

export const root = repoRoot;
export const MM = 72 / 25.4;

/** The summit brief's data (a fresh object on each call). */
export const summit = summitBrief;

/** The brief as the CLI writes it with the same options (dist/summit.pdf for the defaults). */
export const render = (brief: Brief, options: RenderOptions = {}): Promise<Uint8Array> => renderValidBrief(brief, options);

// ---------------------------------------------------------------------------------------------
// What the markup says

/** The markup's document tree, built as renderValidBrief builds it (`source`: the data file, for a theme it names). */
export function documentTree(brief: Brief, options: { digits?: Digits; paper?: Paper; source?: string } = {}): DocumentTree {
  const digits = options.digits ?? 'latn';
  const template = defaultTemplate();
  const theme = themeLayers({ template, data: brief, dataFile: options.source });
  const resolved = createContext({ theme, paper: options.paper }).theme;
  const marking = markingOf(brief, resolved, 'data');
  const markup = renderTemplate(brief, { template, digits, extras: { ...templateValues(resolved), ...(marking ? { marking } : {}) } });
  return parseMarkup(markup, { source: template, transformText: digitsInText(digits) });
}

export function layout(brief: Brief, options: { digits?: Digits; paper?: Paper } = {}): LaidOutDocument {
  return layoutDocument(createContext({ paper: options.paper }), documentTree(brief, options), { digits: options.digits ?? 'latn' });
}

const inlineText = (inlines: readonly Inline[]): string => normalize(inlines.map(i => (i.field ? '' : i.text)).join(''));

/** One structure element's worth of text: what the markup puts in a heading, paragraph, label, cell… */
export interface Unit {
  type: string;
  text: string;
  cover: boolean;
  /** A contents entry: its text is followed by a space and the page number layout gives it. */
  pageNumber?: true;
}

/** Every piece of text of the document, in logical (reading) order, with the tag it should have. */
export function units(tree: DocumentTree, digits: Digits = 'latn'): Unit[] {
  const out: Unit[] = [];
  // A paragraph's notes follow it: each its marker (a Link labelled with the number), the note's
  // text, and the note's own label (a Link back, "n.").
  const withNotes = (type: string, inlines: readonly Inline[], cover: boolean) => {
    out.push({ type, text: inlineText(inlines.filter(i => !i.note)), cover });
    for (const { note } of inlines) {
      if (!note) continue;
      const n = toDigits(String(note.number), digits);
      out.push({ type: 'Link', text: n, cover }, { type: 'Note', text: inlineText(note.inlines), cover }, { type: 'Link', text: `${n}.`, cover });
    }
  };
  const walk = (blocks: readonly Block[], cover: boolean) => {
    for (const b of blocks) {
      switch (b.kind) {
        case 'heading':
          out.push({ type: `H${b.level}`, text: inlineText(b.inlines), cover });
          break;
        case 'paragraph':
          withNotes('P', b.inlines, cover);
          break;
        case 'aside':
          walk(b.blocks, cover);
          break;
        case 'toc':
          if (b.title) out.push({ type: 'P', text: inlineText(b.title), cover });
          for (const entry of b.entries) out.push({ type: 'Link', text: inlineText(entry.inlines), cover, pageNumber: true });
          break;
        case 'figure':
          // A Figure has no text of its own (its /Alt is read instead); the caption follows it.
          if (!b.image.decorative) out.push({ type: 'Figure', text: '', cover });
          if (b.caption) out.push({ type: 'Caption', text: inlineText(b.caption), cover });
          break;
        case 'list':
          b.items.forEach((item, i) => {
            out.push({ type: 'Lbl', text: b.ordered ? `${toDigits(String(i + 1), digits)}.` : '•', cover });
            out.push({ type: 'LBody', text: inlineText(item), cover });
          });
          break;
        case 'table':
          if (b.caption) out.push({ type: 'Caption', text: inlineText(b.caption), cover });
          for (const row of [...b.head, ...b.body]) {
            for (const cell of row.cells) out.push({ type: cell.header ? 'TH' : 'TD', text: inlineText(cell.inlines), cover });
          }
          break;
        default:
          break;
      }
    }
  };
  // The classification banner is read once, first: the cover's top band.
  if (tree.classification) out.push({ type: 'P', text: inlineText(tree.classification.inlines), cover: true });
  walk(tree.cover, true);
  walk(tree.body, false);
  if (tree.backPage) walk(tree.backPage, false);
  return out.filter(u => u.text !== '' || u.type === 'Figure');
}

// ---------------------------------------------------------------------------------------------
// mupdf: objects, structure tree, what is drawn

export function openPdf(bytes: Uint8Array): mupdf.PDFDocument {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf').asPDF();
  if (!doc) throw new Error('not a PDF');
  return doc;
}

export interface MarkedRef {
  page: number;
  mcid: number;
}
export interface StructElem {
  type: string;
  attributes: Record<string, unknown> | null;
  kids: (StructElem | MarkedRef)[];
  title?: string;
}

export const isElem = (k: StructElem | MarkedRef): k is StructElem => 'type' in k;

/** The whole structure tree (below StructTreeRoot), from the PDF's objects. */
export function structTree(doc: mupdf.PDFDocument): StructElem[] {
  const pageIndex = new Map<number, number>();
  for (let i = 0; i < doc.countPages(); i++) pageIndex.set(doc.findPage(i).asIndirect(), i);
  const pageOf = (o: mupdf.PDFObject): number => {
    const pg = o.get('Pg');
    return pg.isNull() ? -1 : (pageIndex.get(pg.asIndirect()) ?? -1);
  };
  const kid = (k: mupdf.PDFObject, inherited: number): StructElem | MarkedRef | null => {
    if (k.isInteger()) return { page: inherited, mcid: k.asNumber() };
    const o = k.resolve();
    if (!o.isDictionary()) return null;
    const type = o.get('Type');
    if (!type.isNull() && type.asName() === 'MCR') return { page: pageOf(o) >= 0 ? pageOf(o) : inherited, mcid: o.get('MCID').asNumber() };
    if (!type.isNull() && type.asName() === 'OBJR') return null;
    return elem(o, inherited);
  };
  const elem = (o: mupdf.PDFObject, inherited: number): StructElem => {
    const page = pageOf(o) >= 0 ? pageOf(o) : inherited;
    const k = o.get('K');
    const kids: (StructElem | MarkedRef)[] = [];
    const push = (x: mupdf.PDFObject) => {
      const r = kid(x, page);
      if (r) kids.push(r);
    };
    if (k.isArray()) k.forEach(x => push(x));
    else if (!k.isNull()) push(k);
    const a = o.get('A');
    const t = o.get('T');
    return { type: o.get('S').asName(), attributes: a.isNull() ? null : a.resolve().asJS(), kids, ...(t.isNull() ? {} : { title: t.asString() }) };
  };
  const rootK = doc.getTrailer().get('Root', 'StructTreeRoot', 'K');
  const out: StructElem[] = [];
  if (rootK.isArray())
    rootK.forEach(x => {
      const r = kid(x, -1);
      if (r && isElem(r)) out.push(r);
    });
  else if (!rootK.isNull()) {
    const r = kid(rootK, -1);
    if (r && isElem(r)) out.push(r);
  }
  return out;
}

/** Elements in document order (depth first), with their parents. */
export function* elements(list: readonly StructElem[], parents: StructElem[] = []): Generator<{ elem: StructElem; parents: StructElem[] }> {
  for (const e of list) {
    yield { elem: e, parents };
    yield* elements(e.kids.filter(isElem), [...parents, e]);
  }
}

/** Marked-content references below an element, in order. */
export const refsOf = (e: StructElem): MarkedRef[] => e.kids.flatMap(k => (isElem(k) ? refsOf(k) : [k]));

export interface Drawn {
  kind: 'text' | 'fill' | 'stroke';
  /** Page-space bounds (top-down points): [x0, y0, x1, y1]. */
  bounds: [number, number, number, number];
  color: number[];
  colorspace: string;
  alpha: number;
}

/** Everything a page draws (text runs with their glyph bounds, filled and stroked paths), via a mupdf device. */
export function drawnOnPage(doc: mupdf.Document, index: number): { width: number; height: number; drawn: Drawn[] } {
  const page = doc.loadPage(index);
  const [x0, y0, x1, y1] = page.getBounds();
  const drawn: Drawn[] = [];
  const rect = (r: number[]): [number, number, number, number] => [r[0], r[1], r[2], r[3]];
  const device = new mupdf.Device({
    fillText(text, ctm, cs, color, alpha) {
      drawn.push({ kind: 'text', bounds: rect(text.getBounds(null as never, ctm)), color: [...color], colorspace: cs.getName(), alpha });
    },
    strokeText(text, stroke, ctm, cs, color, alpha) {
      drawn.push({ kind: 'text', bounds: rect(text.getBounds(stroke, ctm)), color: [...color], colorspace: cs.getName(), alpha });
    },
    fillPath(p, _evenOdd, ctm, cs, color, alpha) {
      drawn.push({ kind: 'fill', bounds: rect(p.getBounds(null as never, ctm)), color: [...color], colorspace: cs.getName(), alpha });
    },
    strokePath(p, stroke, ctm, cs, color, alpha) {
      drawn.push({ kind: 'stroke', bounds: rect(p.getBounds(stroke, ctm)), color: [...color], colorspace: cs.getName(), alpha });
    },
    fillImage() {
      throw new Error('the brief draws no images');
    },
    fillShade() {
      throw new Error('the brief draws no shadings');
    },
  });
  page.run(device, mupdf.Matrix.identity);
  device.close();
  return { width: x1 - x0, height: y1 - y0, drawn };
}

/** What pages draw within `edge` of the paper's edge (glyph extents, filled and stroked paths), one line each. */
export function drawnOutside(pages: readonly { width: number; height: number; drawn: Drawn[] }[], edge: number): string[] {
  const outside: string[] = [];
  pages.forEach((page, p) => {
    for (const d of page.drawn) {
      const [x0, y0, x1, y1] = d.bounds;
      if (x0 < edge || y0 < edge || x1 > page.width - edge || y1 > page.height - edge) {
        outside.push(`page ${p + 1}: ${d.kind} at [${d.bounds.map(v => (v / MM).toFixed(1)).join(', ')}] mm`);
      }
    }
  });
  return outside;
}

/** What the layout puts within `edge` of the paper's edge (rules, bands, text boxes), one line each. */
export function laidOutside(pages: readonly Page[], edge: number): string[] {
  const outside: string[] = [];
  pages.forEach((page, p) => {
    const check = (what: string, x0: number, y0: number, x1: number, y1: number) => {
      if (Math.min(x0, x1) < edge || Math.min(y0, y1) < edge || Math.max(x0, x1) > page.width - edge || Math.max(y0, y1) > page.height - edge) {
        outside.push(`page ${p + 1}: ${what}`);
      }
    };
    for (const item of page.items) {
      if (item.kind === 'rect') check(`rect ${item.fill}`, item.x, item.y, item.x + item.w, item.y + item.h);
      if (item.kind === 'line') check('line', item.x1, item.y1 - item.width / 2, item.x2, item.y2 + item.width / 2);
      if (item.kind === 'text') {
        const ink = inkWidth(item.lines);
        const last = item.lines.at(-1)!;
        check('text', item.x + ink.left, item.y + item.lines[0].top, item.x + ink.right, item.y + last.top + last.height);
      }
    }
  });
  return outside;
}

/** Pixels inked within `edge` points of the border of a page rendered at 72 dpi. */
export function inkedBorder(doc: mupdf.Document, index: number, edge: number): number {
  const png = PNG.sync.read(Buffer.from(pagePng(doc, index, 1)));
  const e = Math.floor(edge);
  let inked = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      if (x >= e && x < png.width - e && y >= e && y < png.height - e) continue;
      const i = 4 * (y * png.width + x);
      if (png.data[i] < 250 || png.data[i + 1] < 250 || png.data[i + 2] < 250) inked++;
    }
  }
  return inked;
}

/** Decoded content stream of a page. */
export function contentStream(doc: mupdf.PDFDocument, index: number): string {
  const contents = doc.findPage(index).get('Contents');
  const parts: string[] = [];
  if (contents.isArray()) contents.forEach(c => parts.push(c.readStream().asString()));
  else parts.push(contents.readStream().asString());
  return parts.join('\n');
}

export interface ContentOp {
  op: string /** Tags of the enclosing marked-content sequences, outermost first. */;
  marks: string[];
  mcid?: number;
}

/**
 * The operators of a content stream with the marked-content sequences (BMC/BDC … EMC) they are in.
 * Enough of a tokenizer for what pdfkit and the glyph painter write.
 */
export function contentOps(stream: string): ContentOp[] {
  const token = /\/[^\s/[\]<>(){}%]*|<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\[\s\S]|[^\\)])*\)|\[|\]|[+-]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*][A-Za-z0-9'"*]*|%[^\n]*/g;
  const ops: ContentOp[] = [];
  const marks: { tag: string; mcid?: number }[] = [];
  let operands: string[] = [];
  for (const m of stream.matchAll(token)) {
    const t = m[0];
    if (/^[A-Za-z'"]/.test(t) && !['true', 'false', 'null'].includes(t)) {
      if (t === 'BDC' || t === 'BMC') {
        const tag = operands.find(o => o.startsWith('/'))?.slice(1) ?? '?';
        const i = operands.indexOf('/MCID');
        marks.push({ tag, ...(i >= 0 ? { mcid: Number(operands[i + 1]) } : {}) });
      } else if (t === 'EMC') {
        if (!marks.pop()) throw new Error('EMC without BMC/BDC');
      } else {
        const mcid = [...marks].reverse().find(x => x.mcid !== undefined)?.mcid;
        ops.push({ op: t, marks: marks.map(x => x.tag), ...(mcid !== undefined ? { mcid } : {}) });
      }
      operands = [];
    } else if (!t.startsWith('%')) {
      operands.push(t);
    }
  }
  if (marks.length) throw new Error('marked-content sequence left open');
  return ops;
}

// ---------------------------------------------------------------------------------------------
// pdf.js (the reader is tests/helpers/pdfjs.ts): text by structure element

/** The text of each structure element with content, in structure-tree order: the order a screen reader reads. */
export function structText(
  tree: readonly StructElem[],
  text: PdfjsText,
): { elem: StructElem; type: string; text: string; pages: number[]; fragments: Fragment[] }[] {
  const byRef = new Map<string, Fragment>();
  for (const page of text.pages) for (const f of page.fragments) if (f.mcid !== undefined) byRef.set(`${f.page}:${f.mcid}`, f);
  const out: ReturnType<typeof structText> = [];
  for (const { elem } of elements(tree)) {
    const refs = elem.kids.filter((k): k is MarkedRef => !isElem(k));
    if (!refs.length) continue;
    const fragments = refs.map(r => byRef.get(`${r.page}:${r.mcid}`)).filter((f): f is Fragment => !!f);
    out.push({ elem, type: elem.type, text: normalize(fragments.map(f => f.text).join(' ')), pages: [...new Set(refs.map(r => r.page))], fragments });
  }
  return out;
}

/** Page text from pdf.js without artifacts (running header and footer), in content order. */
export const bodyText = (page: PdfjsText['pages'][number]): string =>
  normalize(
    page.fragments
      .filter(f => f.tag !== 'Artifact')
      .map(f => f.text)
      .join(' '),
  );

/** Finds each needle in order in the haystack; returns the first one not found after the previous (or null). */
export function firstOutOfOrder(haystack: string, needles: readonly string[]): { needle: string; index: number; anywhere: boolean } | null {
  let at = 0;
  for (const [index, needle] of needles.entries()) {
    const found = haystack.indexOf(needle, at);
    if (found < 0) return { needle, index, anywhere: haystack.includes(needle) };
    at = found + needle.length;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// colour

/** WCAG relative luminance of an sRGB colour given as #rrggbb or 0…1 components. */
export function luminance(color: string | readonly number[]): number {
  const c = typeof color === 'string' ? [1, 3, 5].map(i => parseInt(color.slice(i, i + 2), 16) / 255) : [...color];
  const lin = c.map(v => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
}

export function contrast(a: string | readonly number[], b: string | readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
