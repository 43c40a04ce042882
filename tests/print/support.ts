// Shared by the print tests: briefs of several lengths made from the summit data, and the PDF
// objects the print options write, read back with mupdf.
import * as mupdf from 'mupdf';
import type { Brief } from '../../src/data/brief.js';
import { summit } from '../pdf/support.js';

export type Box = [number, number, number, number];

/**
 * The summit brief with `count` section blocks (its own, repeated in turn) in place of its
 * sections, every other block kept in data order: longer briefs for more pages.
 */
export function briefWithSections(count: number): Brief {
  const brief = summit();
  const isSection = (b: Brief['blocks'][number]) => b.type === 'section';
  const sections = brief.blocks.filter(isSection);
  if (sections.length === 0) throw new Error('the summit brief has no section block to repeat');
  const at = brief.blocks.findIndex(isSection);
  const others = brief.blocks.filter(b => !isSection(b));
  const repeated = Array.from({ length: count }, (_, i) => sections[i % sections.length]);
  return { ...brief, blocks: [...others.slice(0, at), ...repeated, ...others.slice(at)] };
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
