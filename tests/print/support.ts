// Shared by the print tests: briefs of several lengths made from the summit data, and the PDF
// objects the print options write, read back with mupdf.
import * as mupdf from 'mupdf';
import type { Brief } from '../../src/data/brief.js';
import { summit } from '../pdf/support.js';

export type Box = [number, number, number, number];

/** The summit brief with `count` sections (its own, repeated in turn): longer briefs for more pages. */
export function briefWithSections(count: number): Brief {
  const brief = summit() as Brief & { sections?: unknown[] };
  const sections = brief.sections ?? [];
  const out: Record<string, unknown> = { ...brief, sections: Array.from({ length: count }, (_, i) => sections[i % sections.length]) };
  return out as unknown as Brief;
}

export function open(bytes: Uint8Array): mupdf.PDFDocument {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf').asPDF();
  if (!doc) throw new Error('not a PDF');
  return doc;
}

export const catalog = (doc: mupdf.PDFDocument): mupdf.PDFObject => doc.getTrailer().get('Root');

/** A page's box as written in its dictionary (no inheritance: pdfkit and pdf-lib write each page's own); null if absent. */
export function boxOf(doc: mupdf.PDFDocument, index: number, name: 'MediaBox' | 'TrimBox' | 'BleedBox'): Box | null {
  const box = doc.findPage(index).get(name);
  if (box.isNull()) return null;
  return [0, 1, 2, 3].map(i => box.get(i).asNumber()) as Box;
}
