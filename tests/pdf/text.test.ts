// Text extraction from the summit brief: pdf.js (content order) and poppler's pdftotext (its own
// reading-order analysis) give back every paragraph, list item and table cell in logical order, and
// an Arabic word can be found by searching the extracted text.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Brief } from '../../src/data/brief.js';
import {
  PDFJS_MISREADS, bodyText, contentStream, documentTree, firstOutOfOrder, havePdftotext, normalize, openPdf, pdfjsText, pdftotext,
  render, repairMisreads, squeeze, summit, units, type PdfjsText, type Unit,
} from './support.js';

let brief: Brief;
let bytes: Uint8Array;
let text: PdfjsText;
let expected: Unit[];
/** pdf.js text of the whole document in content order, artifacts left out. */
let documentText: string;

beforeAll(async () => {
  brief = summit();
  bytes = await render(brief);
  text = await pdfjsText(bytes);
  expected = units(documentTree(brief));
  documentText = text.pages.map(bodyText).join(' ');
});

describe('pdf.js', () => {
  it('gives back every heading, paragraph, list item and table cell, in logical order', () => {
    const repaired = repairMisreads(documentText);
    expect(firstOutOfOrder(repaired, expected.map(u => u.text))).toBeNull();
    // Nothing else is drawn as content: the tagged text is exactly the markup's text.
    expect(repaired).toBe(normalize(expected.map(u => u.text).join(' ')));
  });

  it('KNOWN DEFECT (glyphs.ts): still misreads the words listed in PDFJS_MISREADS (remove those it reads right)', () => {
    const seen = new Set<string>();
    repairMisreads(documentText, seen);
    const fixed = PDFJS_MISREADS.filter(([, read]) => !seen.has(read)).map(([written]) => written);
    expect(fixed, 'pdf.js now reads these words right: take them out of PDFJS_MISREADS').toEqual([]);
  });

  it('finds an Arabic word by searching the page text, every time it occurs', () => {
    const count = (hay: string, needle: string) => hay.split(needle).length - 1;
    const all = normalize(expected.map(u => u.text).join(' '));
    for (const word of ['العقوبات', 'الدبلوماسي', 'لافروف', 'قاعدة إلمندورف', 'الأزمة الأوكرانية']) {
      const pages = text.pages.map(p => count(repairMisreads(bodyText(p)), word));
      expect(pages.reduce((a, b) => a + b, 0), word).toBe(count(all, word));
      expect(pages.reduce((a, b) => a + b, 0), word).toBeGreaterThan(0);
    }
    // …including words pdf.js reads whole, right after a page break.
    expect(bodyText(text.pages[1])).toContain('الملخص');
  });

  // ActualText replaces the glyphs of its span for readers that honour it (Acrobat, screen readers,
  // mupdf): ISO 32000 14.9.4 wants the span's text there, in logical order. For words with harakat
  // the painter writes the characters reversed (so that poppler, which lays ActualText out left to
  // right and then reverses right-to-left lines, reads them in order): a reader that follows the
  // standard reads those words backwards. (Stretched words no longer use ActualText for their
  // letters: each kashida sits in a span of its own with empty ActualText.)
  it.fails('KNOWN DEFECT (glyphs.ts): writes ActualText in logical order', () => {
    const doc = openPdf(bytes);
    const words = new Set(expected.flatMap(u => u.text.split(' ')));
    const wrong: string[] = [];
    for (let p = 0; p < doc.countPages(); p++) {
      for (const m of contentStream(doc, p).matchAll(/\/ActualText <FEFF([0-9A-F]*)>/g)) {
        const actual = String.fromCharCode(...(m[1].match(/.{4}/g) ?? []).map(h => parseInt(h, 16)));
        const bare = (w: string) => w.replace(/\p{M}/gu, '');
        if (![...words].some(w => bare(w) === bare(actual) || w.includes(actual))) wrong.push(actual);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe.skipIf(!havePdftotext)('poppler pdftotext (default mode)', () => {
  let pages: string[];
  /** The page text without whitespace (poppler places spaces around numbers and Latin runs its own way). */
  let squeezed: string[];

  beforeAll(() => {
    pages = pdftotext(bytes);
    const header = squeeze(`${brief.shortTitle} — ${brief.classification}`);
    squeezed = pages.map(p => p.split('\n').map(squeeze).filter(l => l !== header && !/^صفحة\d+من\d+$/.test(l)).join(''));
  });

  /**
   * Where poppler's own reordering of right-to-left lines goes wrong, as [written, read by poppler]
   * (white space removed). The drawing is right (see the page baselines, and pdf.js reads these
   * right): poppler moves a bracket that stands between a number or a Latin word and the Arabic
   * text around it to the wrong side.
   */
  const POPPLER_MISREADS = [
    ['2025(21', '21(2025'],
    ['2025(20', '20(2025'],
    ['(TASS)', '()TASS'],
    ['(NBC)', '()NBC'],
  ] as const;
  const repair = (page: string, seen?: Set<string>) => POPPLER_MISREADS.reduce((t, [written, read]) => {
    if (t.includes(read)) seen?.add(read);
    return t.split(read).join(written);
  }, page);

  it('KNOWN LIMITATION (poppler): still misplaces the brackets listed in POPPLER_MISREADS (remove those it reads right)', () => {
    const seen = new Set<string>();
    for (const page of squeezed) repair(page, seen);
    expect(POPPLER_MISREADS.filter(([, read]) => !seen.has(read))).toEqual([]);
  });

  it('reads as many pages as there are', () => {
    expect(pages).toHaveLength(text.pages.length);
  });

  it('gives back every heading, paragraph, caption and list item whole, in logical and document order', () => {
    const blocks = expected.filter(u => ['H1', 'H2', 'H3', 'P', 'Caption', 'LBody'].includes(u.type)).map(u => squeeze(u.text));
    expect(blocks.length).toBeGreaterThan(20);
    expect(firstOutOfOrder(squeezed.map(page => repair(page)).join(''), blocks)).toBeNull(); // list items hold the sources' brackets
  });

  it('gives back every table cell in logical order, each line of a cell whole and the lines in order', () => {
    // Cell lines are spaced 1.7 em apart, more than poppler's 1.5 em within a block: each line of
    // a cell is a block of its own, and poppler's table heuristics may put a second line after the
    // next row. So a cell may come back in as many pieces as it has lines, but each piece whole and
    // the pieces in order.
    const cells = expected.filter(u => u.type === 'TH' || u.type === 'TD');
    const lineCount = new Map<string, number>();
    for (const page of text.pages) for (const f of page.fragments) if (f.tag === 'TD' || f.tag === 'TH') lineCount.set(squeeze(repairMisreads(f.text)), f.lines.length);
    const problems: string[] = [];
    for (const cell of cells) {
      const needle = squeeze(cell.text);
      const allowed = lineCount.get(needle) ?? 1;
      const found = squeezed.some(page => pieces(repair(page), needle) <= allowed);
      if (!found) problems.push(`${cell.text} (${allowed} line(s))`);
    }
    expect(problems).toEqual([]);
  });

  it('finds an Arabic word by searching the page text', () => {
    for (const word of ['العقوبات', 'الدبلوماسي', 'ديميترييف', 'واقعياً']) {
      expect(pages.some(p => p.includes(word)), word).toBe(true);
    }
  });
});

/** How few in-order pieces of `hay` spell `needle` (each the longest match after the previous one); Infinity if none. */
function pieces(hay: string, needle: string): number {
  let at = 0, rest = needle, count = 0;
  while (rest) {
    let len = rest.length;
    let found = -1;
    for (; len > 0; len--) {
      found = hay.indexOf(rest.slice(0, len), at);
      if (found >= 0) break;
    }
    if (len === 0) return Infinity;
    count++;
    at = found + len;
    rest = rest.slice(len);
  }
  return count;
}
