// Shared by the brief-model tests: the example briefs, rendering, and the text of a PDF as pdf.js
// reads it back (pdf.js is not the code under test; it only reads what was written).
import fs from 'node:fs';
import path from 'node:path';
import { loadBrief } from '../../src/data/load.js';
import type { Brief } from '../../src/data/brief.js';
import { packageRoot } from '../../src/package-root.js';
import { renderBrief, type RenderOptions } from '../../src/index.js';
import { pageStrings, pdfjsText } from '../helpers/pdfjs.js';

export const root = packageRoot();
export const examplesDir = path.join(root, 'data', 'examples');

/** The example briefs in data/examples/, by file name. */
export function examples(): { name: string; file: string; brief: Brief }[] {
  return fs
    .readdirSync(examplesDir)
    .filter(f => f.endsWith('.json'))
    .sort()
    .map(f => ({ name: f, file: path.join(examplesDir, f), brief: loadBrief(path.join(examplesDir, f)) }));
}

/** The summit data, validated (the shared fixture). */
export { summitBrief as summit } from '../helpers/fixtures.js';

/** Renders data through the public API (validated again there), plain PDF for speed unless asked. */
export const render = (data: unknown, options: RenderOptions = {}): Promise<Uint8Array> => renderBrief(data, { archival: false, ...options });

/** Bidi controls, joiners and tatweel: what a reader may add or drop without changing the text. */
const INVISIBLE = /[\u061c\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** Text for comparison: NFC, invisible characters removed, runs of white space as one space. */
export const normalize = (text: string): string => text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();

/**
 * Text with no white space and no harakat: justified lines are read back in pieces (kashida spans,
 * word runs), so spaces are not compared, and pdf.js lists a word-final harakah before its word.
 */
const lettersOf = (text: string): string => normalize(text).replace(/[\s\u064b-\u0652]+/gu, '');

/** The text of every page as the one pdf.js reader (tests/helpers/pdfjs.ts) reads it, items in the order they are written, squeezed (see lettersOf); pages joined. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; all: string }> {
  const pages = pageStrings(await pdfjsText(bytes)).map(lettersOf);
  return { pages, all: pages.join('') };
}

/** Whether `needles` come in `haystack` (squeezed text) in the order given: the first one missing or out of order, or null. */
export function outOfOrder(haystack: string, needles: string[]): string | null {
  let at = -1;
  for (const needle of needles.map(lettersOf)) {
    const next = haystack.indexOf(needle, at + 1);
    if (next < 0) return `${needle} (missing${haystack.includes(needle) ? ' after the previous one' : ''})`;
    at = next;
  }
  return null;
}
