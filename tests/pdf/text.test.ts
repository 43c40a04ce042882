// Text extraction from the summit brief: pdf.js (content order) and poppler's pdftotext (its own
// reading-order analysis) give back every paragraph, list item and table cell in logical order, and
// an Arabic word can be found by searching the extracted text.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Brief } from '../../src/data/brief.js';
import { lineText } from '../helpers/lines.js';
import { asRead, BRIEF_POPPLER_LINES, BRIEF_READER_LIMITS } from '../helpers/known-limits.js';
import {
  bodyText,
  contentStream,
  documentTree,
  firstOutOfOrder,
  havePdftotext,
  layout,
  needsPdftotext,
  normalize,
  openPdf,
  pdfjsText,
  pdftotextRaw,
  summit,
  summitPdf,
  units,
  type PdfjsText,
  type Unit,
} from './support.js';

let brief: Brief;
let bytes: Uint8Array;
let text: PdfjsText;
let expected: Unit[];
/** pdf.js text of the whole document in content order, artifacts left out. */
let documentText: string;

beforeAll(async () => {
  brief = summit();
  bytes = await summitPdf();
  text = await pdfjsText(bytes);
  expected = units(documentTree(brief));
  documentText = text.pages.map(bodyText).join(' ');
});

describe('pdf.js', () => {
  it('gives back every heading, paragraph, list item and table cell, in logical order', () => {
    const asReadByPdfjs = expected.map(u => asRead(u.text, 'pdf.js'));
    expect(firstOutOfOrder(documentText, asReadByPdfjs)).toBeNull();
    // Nothing else is drawn as content: the tagged text is exactly the markup's text, as pdf.js reads it.
    expect(documentText).toBe(asRead(normalize(expected.map(u => u.text).join(' ')), 'pdf.js'));
  });

  it('KNOWN LIMIT (pdf.js): every misreading listed in BRIEF_READER_LIMITS occurs, and nothing of it is read as written', () => {
    const used = new Set<string>();
    asRead(normalize(expected.map(u => u.text).join(' ')), 'pdf.js', used);
    expect([...used].sort()).toEqual(BRIEF_READER_LIMITS['pdf.js'].map(([written]) => written).sort());
    for (const [written, read] of BRIEF_READER_LIMITS['pdf.js']) {
      expect(documentText).toContain(read);
      expect(documentText).not.toContain(written);
    }
  });

  it('finds an Arabic word by searching the page text, every time it occurs', () => {
    const count = (hay: string, needle: string) => hay.split(needle).length - 1;
    const all = normalize(expected.map(u => u.text).join(' '));
    for (const word of ['العقوبات', 'الدبلوماسي', 'لافروف', 'قاعدة إلمندورف', 'الأزمة الأوكرانية']) {
      const pages = text.pages.map(p => count(bodyText(p), word));
      expect(
        pages.reduce((a, b) => a + b, 0),
        word,
      ).toBe(count(all, word));
      expect(
        pages.reduce((a, b) => a + b, 0),
        word,
      ).toBeGreaterThan(0);
    }
    // …including words pdf.js reads whole, right after a page break.
    expect(bodyText(text.pages[1])).toContain('الملخص');
  });

  // ActualText replaces the glyphs of its span for readers that honour it (Acrobat, screen readers,
  // mupdf): ISO 32000 14.9.4 wants the span's text there, in logical order. For words with harakat
  // the painter writes the characters reversed (so that poppler, which lays ActualText out left to
  // right and then reverses right-to-left lines, reads them in order): a reader that follows the
  // standard reads those words backwards. (Stretched words no longer use ActualText for their
  // letters: each kashida sits in a span of its own with empty ActualText.) The known wrong value:
  // every ActualText is a written word's characters reversed.
  it('KNOWN DEFECT (glyphs.ts): writes ActualText in visual (reversed) order, for every word with harakat', () => {
    const doc = openPdf(bytes);
    const words = [...new Set(expected.flatMap(u => u.text.split(' ')))];
    const actuals: string[] = [];
    for (let p = 0; p < doc.countPages(); p++) {
      for (const m of contentStream(doc, p).matchAll(/\/ActualText <FEFF([0-9A-F]*)>/g)) {
        actuals.push(String.fromCharCode(...(m[1].match(/.{4}/g) ?? []).map(h => parseInt(h, 16))));
      }
    }
    const reversed = (s: string) => [...s].reverse().join('');
    expect(actuals.length).toBeGreaterThan(0);
    // Each is a written word with harakat (or the part of it in one run), characters reversed…
    expect(actuals.filter(a => !/\p{M}/u.test(a) || !words.some(w => w.includes(reversed(a))))).toEqual([]);
    // …and none is in logical order.
    expect(actuals.filter(a => words.some(w => w.includes(a)))).toEqual([]);
  });
});

// poppler's pdftotext compared exactly: each page's lines as it writes them (blank lines, its
// block separators, aside) against the laid-out lines, each in logical order inside RLE…PDF, or
// exactly what BRIEF_POPPLER_LINES lists for it. Nothing of poppler's output is changed.
describe.skipIf(!havePdftotext)(`poppler pdftotext (default mode)${needsPdftotext}`, () => {
  /** Each page's lines as pdftotext writes them, blank lines left out. */
  let got: string[][];
  /** Each page's laid-out lines in layout order, in logical order, and whether each is in a table cell. */
  let laid: { text: string; table: boolean }[][];

  beforeAll(() => {
    got = pdftotextRaw(bytes).map(page => page.split('\n').filter(l => l !== ''));
    laid = layout(brief).pages.map(page => {
      // The running header and footer are laid out last; on the page they are above and below the rest.
      const text = page.items.filter(item => item.kind === 'text');
      const head = text.filter(item => item.artifact && item.y < page.height / 2);
      const foot = text.filter(item => item.artifact && item.y >= page.height / 2);
      return [...head, ...text.filter(item => !item.artifact), ...foot].flatMap(item =>
        item.lines.map(l => ({ text: lineText(l), table: item.struct?.type === 'TD' || item.struct?.type === 'TH' })),
      );
    });
  });

  /** What pdftotext should write for a page, in layout order, and the BRIEF_POPPLER_LINES entries that name lines the page does not have. */
  function expectedLines(page: number): { lines: { text: string; table: boolean }[]; unused: string[] } {
    const lines: ({ text: string; table: boolean } | null)[] = laid[page].map(l => ({ text: `\u202B${l.text}\u202C`, table: l.table }));
    const unused: string[] = [];
    for (const entry of BRIEF_POPPLER_LINES.filter(e => e.page === page + 1)) {
      const at = entry.written.map(w => laid[page].findIndex((l, i) => l.text === w && lines[i]?.text === `\u202B${w}\u202C`));
      if (at.includes(-1)) {
        unused.push(entry.written.join(' | '));
        continue;
      }
      lines[at[0]] = { text: entry.output, table: laid[page][at[0]].table };
      for (const i of at.slice(1)) lines[i] = null;
    }
    return { lines: lines.filter(l => l !== null), unused };
  }

  it('reads as many pages as there are', () => {
    expect(got).toHaveLength(text.pages.length);
  });

  it("the laid-out lines are the markup's text (the expectation below is built from them)", () => {
    const content = laid.flat().map(l => l.text);
    const running = new Set([`${brief.shortTitle} — ${brief.classification}`, ...laid.map((_, p) => `صفحة ${p + 1} من ${laid.length}`)]);
    expect(normalize(content.filter(l => !running.has(l)).join(' '))).toBe(normalize(expected.map(u => u.text).join(' ')));
  });

  it('KNOWN LIMIT (poppler): every line BRIEF_POPPLER_LINES lists stands for lines the page has', () => {
    expect(laid.flatMap((_, p) => expectedLines(p).unused)).toEqual([]);
  });

  it('writes every line of every page exactly as expected, or exactly as BRIEF_POPPLER_LINES lists', () => {
    laid.forEach((_, p) => {
      const want = expectedLines(p).lines.map(l => l.text);
      expect([...got[p]].sort(), `page ${p + 1}`).toEqual([...want].sort());
    });
  });

  it('outside tables, writes the lines in reading order (table cells follow its own table heuristics)', () => {
    laid.forEach((_, p) => {
      const outside = expectedLines(p)
        .lines.filter(l => !l.table)
        .map(l => l.text);
      const known = new Set(outside);
      expect(
        got[p].filter(l => known.has(l)),
        `page ${p + 1}`,
      ).toEqual(outside);
    });
  });

  it('finds an Arabic word by searching the page text', () => {
    for (const word of ['العقوبات', 'الدبلوماسي', 'ديميترييف', 'واقعياً']) {
      expect(
        got.some(p => p.some(l => l.includes(word))),
        word,
      ).toBe(true);
    }
  });
});
