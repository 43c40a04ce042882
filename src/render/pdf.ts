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
  creator?: string;
}

type PdfKitDoc = InstanceType<typeof PDFDocument>;
interface StructElement { add(child: unknown): StructElement; end(): void }
interface Outline { addItem(title: string, options?: { expanded?: boolean }): Outline }
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
  const pdf = new PDFDocument({
    size: [first.width, first.height],
    margin: 0,
    autoFirstPage: false,
    pdfVersion: '1.7',
    compress: true,
    tagged: true,
    lang: meta.lang,
    displayTitle: true,
    ...(options.archival ? { subset: 'PDF/A-2b' as const } : {}),
    info: {
      Title: meta.title,
      ...(meta.author ? { Author: meta.author } : {}),
      ...(meta.subject ? { Subject: meta.subject } : {}),
      ...(meta.keywords ? { Keywords: meta.keywords } : {}),
      Creator: options.creator ?? 'mowjaz',
      Producer: 'mowjaz (pdfkit)',
      CreationDate: options.creationDate,
      ModDate: options.creationDate,
    },
  });
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

function addBookmarks(tagging: TaggingDoc, page: Page, state: { level1: Outline | undefined }): void {
  for (const b of page.bookmarks) {
    if (b.level === 1 || !state.level1) {
      const item = tagging.outline.addItem(b.title, { expanded: true });
      if (b.level === 1) state.level1 = item;
    } else {
      state.level1.addItem(b.title);
    }
  }
}
