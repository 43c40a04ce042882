// Shared by the brief-model tests: the example briefs, rendering, and the text of a PDF as pdf.js
// reads it back (pdf.js is not the code under test; it only reads what was written).
import fs from 'node:fs';
import path from 'node:path';
import { loadBrief } from '../../src/data/load.js';
import type { Brief } from '../../src/data/brief.js';
import { packageRoot } from '../../src/package-root.js';
import { renderBrief, type RenderOptions } from '../../src/index.js';
import { asRead } from '../helpers/known-limits.js';
import { findRead, pageLines, pdfjsText } from '../helpers/pdfjs.js';

export { reads } from '../helpers/pdfjs.js';

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

/**
 * The lines of every page as the one pdf.js reader (tests/helpers/pdfjs.ts) reads them, as given:
 * `pages` page by page, `lines` all of them in order.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[][]; lines: string[] }> {
  const pages = pageLines(await pdfjsText(bytes));
  return { pages, lines: pages.flat() };
}

/**
 * Whether each of `needles` is read in `lines` exactly (a space may be a line break: see findRead),
 * each after the previous one: the first one missing or out of order, or null. A needle is looked
 * for as pdf.js is known to read it (asRead: the reader limits of known-limits.ts applied to the
 * expectation, never to the reader's output).
 */
export function outOfOrder(lines: readonly string[], needles: readonly string[]): string | null {
  let from = 0;
  for (const needle of needles) {
    const read = asRead(needle, 'pdf.js');
    const found = findRead(lines, read, from);
    if (found.at < 0) return `${read} (missing${findRead(lines, read).at >= 0 ? ' after the previous one' : ''})`;
    from = found.end;
  }
  return null;
}
