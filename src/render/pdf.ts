// Pages of positioned items → PDF bytes: tagged structure, artifacts for page furniture, outline,
// metadata and (by default) PDF/A-2b, all through the PDF writer.
import type { DocumentMeta } from '../markup/tree.js';
import type { LaidOutDocument } from '../layout/flow.js';
import type { Item, Page, StructNode } from '../layout/page.js';
import { cropMarks, MARK_WIDTH } from '../print/crop-marks.js';
import type { Direction } from '../print/direction.js';
import { intoBleed, pageBoxes } from '../print/page-boxes.js';
import { PdfWriter, type BookmarkRef, type DocumentInfo, type PdfFontCache, type StructRef } from './pdf-writer.js';

export interface PdfOptions {
  /** PDF/A-2b (archival) output; on by default. */
  archival: boolean;
  creationDate: Date;
  /** Fonts parsed for embedding, shared between documents. */
  fonts: PdfFontCache;
  /** The document's reading direction: which way its pages turn. */
  direction: Direction;
  /** Bleed around every page, in points (0: none); page items reaching an edge extend into it. */
  bleed: number;
  /** Crop marks outside the bleed. */
  marks: boolean;
}

export async function writePdf(doc: LaidOutDocument, meta: DocumentMeta, options: PdfOptions): Promise<Uint8Array> {
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
  const pdf = new PdfWriter({
    fonts: options.fonts,
    info,
    pdfVersion: '1.7',
    tagged: { lang: meta.lang },
    archival: options.archival,
    direction: options.direction,
  });
  const elements = new Map<StructNode, StructRef>();
  elements.set(doc.root, pdf.structureRoot('Document'));
  const elementFor = (node: StructNode): StructRef => {
    let e = elements.get(node);
    if (!e) {
      // Made before its parent is looked up (or made): pdfkit numbers objects in the order they are made.
      e = pdf.structure(node.type, { scope: node.scope, colSpan: node.colSpan, id: node.id, alt: node.alt });
      pdf.append(elementFor(node.parent ?? doc.root), e);
      elements.set(node, e);
    }
    return e;
  };

  const outline = { level1: undefined as BookmarkRef | undefined };
  // Only destinations a link goes to are written (a heading is one only when the contents list it).
  const targets = new Set(doc.pages.flatMap(p => p.items.flatMap(i => (i.kind === 'link' ? [i.dest] : []))));
  for (const page of doc.pages) {
    pdf.addPage(page.width, page.height, pageBoxes(page.width, page.height, options));
    for (const d of page.destinations) if (targets.has(d.name)) pdf.destination(d.name, d.y);
    for (const item of page.items) drawItem(pdf, item, elementFor, page, options.bleed);
    if (options.marks) drawCropMarks(pdf, page, options.bleed);
    addBookmarks(pdf, page, outline);
  }
  return pdf.end();
}

function drawItem(pdf: PdfWriter, item: Item, elementFor: (n: StructNode) => StructRef, page: Page, bleed: number): void {
  switch (item.kind) {
    case 'text': {
      const draw = () => pdf.drawLines(item.lines, item.x, item.y);
      if (item.struct && !item.artifact) pdf.tagged(elementFor(item.struct), draw);
      else pdf.artifact('Pagination', draw, item.attached);
      break;
    }
    case 'rect': {
      const box = item.edges && bleed > 0 ? intoBleed(item, item.edges, page.width, page.height, bleed) : item;
      pdf.artifact('Layout', () => pdf.fillRect(box.x, box.y, box.w, box.h, item.fill, item.stroke));
      break;
    }
    case 'image': {
      const draw = () => pdf.image(item.asset, item.x, item.y, item.w, item.h);
      if (item.struct) {
        const figure = elementFor(item.struct);
        pdf.tagged(figure, draw);
        pdf.figureBox(figure, item.x, item.y, item.w, item.h);
      } else pdf.artifact(item.artifact ?? 'Layout', draw, item.attached);
      break;
    }
    case 'link':
      pdf.link(item.x, item.y, item.w, item.h, item.dest, item.label, elementFor(item.struct));
      break;
    case 'line':
      pdf.artifact('Layout', () => pdf.strokeLine(item.x1, item.y1, item.x2, item.y2, item.width, item.color));
      break;
  }
}

/** Crop marks: production aids, not content, so an artifact of type Page (ISO 32000-1, 14.8.2.2). */
function drawCropMarks(pdf: PdfWriter, page: Page, bleed: number): void {
  pdf.artifact('Page', () => {
    for (const m of cropMarks(page.width, page.height, bleed)) pdf.strokeLine(m.x1, m.y1, m.x2, m.y2, MARK_WIDTH, '#000000');
  });
}

/** Outline entries open their page at the heading; second-level entries go under the last first-level one. */
function addBookmarks(pdf: PdfWriter, page: Page, state: { level1: BookmarkRef | undefined }): void {
  for (const b of page.bookmarks) {
    const top = Math.max(0, b.y);
    if (b.level === 1 || !state.level1) {
      const item = pdf.bookmark(b.title, top, { expanded: true });
      if (b.level === 1) state.level1 = item;
    } else {
      pdf.bookmark(b.title, top, { parent: state.level1 });
    }
  }
}
