// Pages of positioned items → PDF bytes through pdfkit: tagged structure, artifacts for page
// furniture, outline, metadata and (by default) PDF/A-2b. Glyphs go through GlyphPainter.
import PDFDocument from 'pdfkit';
import type { DocumentMeta } from '../markup/tree.js';
import type { LaidOutDocument, } from '../layout/flow.js';
import type { Item, Page, StructNode } from '../layout/page.js';
import { GlyphPainter } from './glyphs.js';

export interface PdfOptions {
  /** PDF/A-2b (archival) output; on by default. */
  archival: boolean;
  creationDate: Date;
}

type PdfKitDoc = InstanceType<typeof PDFDocument>;
interface StructElement { add(child: unknown): StructElement; end(): void }
/** pdfkit's outline item; `top` and `left` place the destination (see addBookmarks). */
interface Outline { addItem(title: string, options?: { expanded?: boolean; top?: number; left?: number }): Outline }
interface TaggingDoc {
  struct(type: string, options?: Record<string, unknown>): StructElement;
  addStructure(e: StructElement): void;
  markStructureContent(tag: string): unknown;
  markContent(tag: string, options?: Record<string, unknown>): void;
  endMarkedContent(): void;
  outline: Outline;
}

export async function writePdf(doc: LaidOutDocument, meta: DocumentMeta, options: PdfOptions): Promise<Uint8Array> {
  const first = doc.pages[0];
  const info: DocumentInfo = {
    Title: meta.title,
    ...(meta.author ? { Author: meta.author } : {}),
    ...(meta.subject ? { Subject: meta.subject } : {}),
    ...(meta.keywords ? { Keywords: meta.keywords } : {}),
    Creator: 'mowjaz',
    Producer: 'mowjaz (pdfkit)',
    CreationDate: options.creationDate,
    ModDate: options.creationDate,
  };
  const pdf = new PDFDocument({
    size: [first.width, first.height],
    margin: 0,
    autoFirstPage: false,
    // No default Helvetica: every glyph is Amiri, and loading its metrics costs a little per document.
    font: '',
    pdfVersion: '1.7',
    compress: true,
    tagged: true,
    lang: meta.lang,
    displayTitle: true,
    ...(options.archival ? { subset: 'PDF/A-2b' as const } : {}),
    info,
  });
  // pdfkit 0.20 copies the document information into the XMP packet without escaping it (a "&"
  // or "<" in a title made the packet malformed XML) and leaves out xmp:ModifyDate although the
  // Info dictionary has ModDate, which PDF/A requires to be mirrored. Its writer is replaced.
  (pdf as unknown as { _addInfo(): void; appendXML(xml: string): void })._addInfo = function (this: { appendXML(xml: string): void }) {
    this.appendXML(xmpInfo(info));
  };
  const tagging = pdf as unknown as TaggingDoc;
  const painter = new GlyphPainter(pdf as never);
  const elements = new Map<StructNode, StructElement>();
  const rootElement = tagging.struct('Document');
  tagging.addStructure(rootElement);
  elements.set(doc.root, rootElement);
  const elementFor = (node: StructNode): StructElement => {
    let e = elements.get(node);
    if (!e) {
      e = tagging.struct(node.type, node.scope ? { scope: node.scope } : {});
      // pdfkit's structure API knows Scope only; a cell's ColSpan goes in the same Table attributes.
      if (node.colSpan) {
        const data = (e as unknown as { dictionary: { data: { A?: Record<string, unknown> } } }).dictionary.data;
        data.A = { ...data.A, O: 'Table', ColSpan: node.colSpan };
      }
      elementFor(node.parent ?? doc.root).add(e);
      elements.set(node, e);
    }
    return e;
  };

  const outline = { level1: undefined as Outline | undefined };
  for (const page of doc.pages) {
    pdf.addPage({ size: [page.width, page.height], margin: 0 });
    for (const item of page.items) drawItem(pdf, tagging, painter, item, elementFor);
    addBookmarks(tagging, page, outline);
  }
  rootElement.end();

  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => { pdf.on('end', () => resolve()); pdf.on('error', reject); });
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}

function drawItem(pdf: PdfKitDoc, tagging: TaggingDoc, painter: GlyphPainter, item: Item, elementFor: (n: StructNode) => StructElement): void {
  switch (item.kind) {
    case 'text': {
      if (item.struct && !item.artifact) {
        const element = elementFor(item.struct);
        const content = tagging.markStructureContent(item.struct.type);
        painter.drawLines(item.lines, item.x, item.y);
        tagging.endMarkedContent();
        element.add(content);
      } else {
        tagging.markContent('Artifact', { type: 'Pagination' });
        painter.drawLines(item.lines, item.x, item.y);
        tagging.endMarkedContent();
      }
      break;
    }
    case 'rect':
      tagging.markContent('Artifact', { type: 'Layout' });
      pdf.rect(item.x, item.y, item.w, item.h).fill(item.fill);
      tagging.endMarkedContent();
      break;
    case 'line':
      tagging.markContent('Artifact', { type: 'Layout' });
      pdf.save().moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.width).strokeColor(item.color).stroke().restore();
      tagging.endMarkedContent();
      break;
  }
}

/**
 * Outline entries open their page at the heading: pdfkit writes `[page /XYZ width-left height-top 0]`,
 * so `left: page.width` puts the left edge at 0 and `top` is the heading's distance from the top.
 */
function addBookmarks(tagging: TaggingDoc, page: Page, state: { level1: Outline | undefined }): void {
  for (const b of page.bookmarks) {
    const at = { top: Math.max(0, b.y), left: page.width };
    if (b.level === 1 || !state.level1) {
      const item = tagging.outline.addItem(b.title, { expanded: true, ...at });
      if (b.level === 1) state.level1 = item;
    } else {
      state.level1.addItem(b.title, at);
    }
  }
}

interface DocumentInfo {
  Title: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
  ModDate: Date;
}

const xml = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
const xmpDate = (d: Date) => `${d.toISOString().split('.')[0]}Z`;

/** The XMP mirror of the Info dictionary (PDF/A-2 6.6.3): every entry it has, escaped. */
function xmpInfo(info: DocumentInfo): string {
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt>`;
  return [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `  <xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>`,
    `  <xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>`,
    `  <xmp:CreatorTool>${xml(info.Creator)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <dc:format>application/pdf</dc:format>',
    `  <dc:title>${alt(info.Title)}</dc:title>`,
    ...(info.Author ? [`  <dc:creator><rdf:Seq><rdf:li>${xml(info.Author)}</rdf:li></rdf:Seq></dc:creator>`] : []),
    ...(info.Subject ? [`  <dc:description>${alt(info.Subject)}</dc:description>`] : []),
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `  <pdf:Producer>${xml(info.Producer)}</pdf:Producer>`,
    ...(info.Keywords ? [`  <pdf:Keywords>${xml(info.Keywords)}</pdf:Keywords>`] : []),
    '</rdf:Description>',
  ].join('\n');
}
