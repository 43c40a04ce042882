// Text extraction: a specimen of both corpora, read back by pdf.js (and poppler's pdftotext when
// it is installed), gives each line's source text.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import bidiFactory from 'bidi-js';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSpecimen } from '../../src/specimen.js';
import { readCorpus } from '../helpers/corpus.js';

const lines = [...readCorpus('shaping.txt'), ...readCorpus('bidi.txt')];
// NFC: a glyph standing for two harakat (Amiri draws shadda with fatha as one) can come back with
// them in the other, canonically equivalent, order.
const normalize = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

interface Item { str: string; x: number; y: number; width: number; size: number }

/**
 * pdf.js items, grouped into lines by baseline, joined into words: consecutive items (pdf.js keeps
 * content-stream order, which the painter makes logical) are separated by a space when the gap
 * between the new item and the word built so far is wider than 0.15 em. pdf.js inserts no spaces
 * between items drawn right to left. A combining mark (an item of marks only) belongs to the word
 * it is drawn over: pdf.js gives a harakah that ends a right-to-left word (the word's leftmost
 * glyph, drawn first) an item of its own, placed before the word's item and inside its box; it is
 * put back at the end of that word. Any other mark item joins the word before it.
 */
async function pdfjsLines(bytes: Uint8Array): Promise<string[]> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const out: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const it of content.items) {
      if (!('str' in it) || it.str === '') continue;
      items.push({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, size: Math.hypot(it.transform[0], it.transform[1]) });
    }
    for (let k = 0; k + 1 < items.length; k++) {
      const mark = items[k], word = items[k + 1];
      const inside = mark.x >= word.x - 0.3 * word.size && mark.x <= word.x + word.width + 0.1 * word.size;
      if (/^\p{M}+$/u.test(mark.str) && inside && Math.abs(mark.y - word.y) < 0.5 * word.size) {
        word.str += mark.str;
        items.splice(k--, 1);
      }
    }
    let text = '', lastY: number | null = null, left = 0, right = 0;
    for (const it of items) {
      if (lastY === null || Math.abs(it.y - lastY) > 0.5 * it.size) {
        if (lastY !== null) out.push(normalize(text));
        text = it.str; lastY = it.y; left = it.x; right = it.x + it.width;
        continue;
      }
      const gap = Math.max(left - (it.x + it.width), it.x - right);
      if (/^\p{M}+$/u.test(it.str) || gap <= 0.15 * it.size) text += it.str;
      else { text += ' ' + it.str; left = it.x; right = it.x + it.width; continue; }
      left = Math.min(left, it.x); right = Math.max(right, it.x + it.width);
    }
    if (lastY !== null) out.push(normalize(text));
  }
  return out;
}

describe('extraction with pdf.js', () => {
  let extracted: string[] = [];
  beforeAll(async () => {
    extracted = await pdfjsLines(await renderSpecimen(lines));
  });

  it('one text line per corpus line', () => {
    expect(extracted.length).toBe(lines.length);
  });

  lines.forEach((line, i) => {
    it(`line ${i + 1}: ${line}`, () => { expect(extracted[i]).toBe(normalize(line)); });
  });
});

// ---- poppler --------------------------------------------------------------------------------

const PDFTOTEXT = '/usr/bin/pdftotext';
const havePoppler = fs.existsSync(PDFTOTEXT);
const HARAKAT = /[\u064B-\u0652\u0670]/gu;
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const bidi = bidiFactory();

/**
 * How a string displays on an RTL line: UAX #9 visual order (with mirroring), then without
 * controls and harakat, white space collapsed. pdftotext writes each line in logical order
 * inside RLE…PDF, but puts neutrals next to an LTR run inside that run's LRE…PDF, so its
 * string differs from the source while displaying the same.
 */
function displayed(s: string): string {
  const levels = bidi.getEmbeddingLevels(s, 'rtl');
  const chars = s.split('').map((ch, i) => (levels.levels[i] & 1 ? bidi.getMirroredCharacter(ch) ?? ch : ch));
  for (const [start, end] of bidi.getReorderSegments(s, levels)) {
    chars.splice(start, end - start + 1, ...chars.slice(start, end + 1).reverse());
  }
  return normalize(chars.join('').replace(BIDI_CONTROLS, '').replace(HARAKAT, ''));
}

/** The corpus line as poppler is meant to give it back: no harakat (hidden on purpose), no controls. */
const plain = (s: string) => normalize(s.replace(HARAKAT, '').replace(BIDI_CONTROLS, ''));

/** Lines with no Latin letters and no digits: poppler needs no LTR embeddings for them. */
const rtlOnly = (s: string) => !/[\p{Script=Latin}\p{Nd}]/u.test(s);

/**
 * Where poppler's own heuristics (not the PDF) decide the result; checked for each line:
 * - It joins words of a single letter each, whatever wrote the PDF (pdfkit's own
 *   `doc.text('a b c d')` comes back as `abcd`).
 * - It gives every word without a right-to-left letter the left-to-right direction: a bracket or
 *   ARABIC COMMA (bidi class CS) on its own becomes part of a neighbouring LRE…PDF block, and
 *   Arabic-Indic digits (class AN) are written in visual order inside LRE…PDF, which UAX #9 then
 *   reorders again (AN and the neutrals between them resolve to R).
 * - Inside LRE…PDF it writes visual order, so for a line with an LTR run the string differs from
 *   the source even when it displays the same.
 */
function popplerLimits(line: string): { logical: string | null; display: string | null } {
  const words = line.replace(HARAKAT, '').split(/\s+/u).filter(Boolean);
  const singleLetters = words.length > 1 && words.every(w => [...w].length === 1);
  // a bracket whose neighbour (spaces aside) is a Latin letter or a digit
  const bracketByLtr = /[\p{Script=Latin}\p{Nd}]\s*[()[\]{}]|[()[\]{}]\s*[\p{Script=Latin}\p{Nd}]/u.test(line);
  // two groups of Arabic numbers (digits, ٫ ٬) with only spaces and punctuation between them
  const arabicNumberGroups = /[\u0660-\u066C][^\p{L}\u0660-\u066C]*\s[^\p{L}\u0660-\u066C]*[\u0660-\u066C]/u.test(line);
  const display = singleLetters ? 'poppler joins single-letter words'
    : arabicNumberGroups ? 'poppler writes Arabic numbers (AN) and the punctuation between them as one LTR block in visual order'
    : bracketByLtr ? 'poppler puts a bracket next to an LTR run into that run\'s LRE block'
    : null;
  const logical = display ?? (!rtlOnly(line) ? 'poppler writes LTR runs and the neutrals next to them in visual order inside LRE…PDF'
    : /\u060C/u.test(line) ? 'poppler moves ARABIC COMMA (class CS) into an LRE block of its own'
    : null);
  return { logical, display };
}

/** The characters of a string, whitespace, harakat and controls left out, sorted. */
const characters = (s: string) => [...s.replace(HARAKAT, '').replace(BIDI_CONTROLS, '').replace(/\s+/gu, '')].sort().join('');

describe.skipIf(!havePoppler)('extraction with poppler pdftotext', () => {
  let extracted: string[] = [];
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-extract-'));
    try {
      const file = path.join(dir, 'specimen.pdf');
      fs.writeFileSync(file, await renderSpecimen(lines));
      extracted = execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
        .split('\n')
        .map(l => l.replace(/\f/g, ''))
        .filter(l => l.replace(BIDI_CONTROLS, '').trim() !== '');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('one text line per corpus line, each wrapped in RLE…PDF', () => {
    expect(extracted.length).toBe(lines.length);
    expect(extracted.filter(l => !(l.startsWith('\u202B') && l.endsWith('\u202C')))).toEqual([]);
  });

  it('every line gives back exactly its characters (harakat, controls and spaces aside)', () => {
    expect(extracted.map(characters)).toEqual(lines.map(characters));
  });

  lines.forEach((line, i) => {
    const limits = popplerLimits(line);
    if (limits.logical) it.skip(`line ${i + 1} logical text not compared (${limits.logical}): ${line}`, () => {});
    else {
      it(`line ${i + 1} reads back in logical order (harakat removed): ${line}`, () => {
        expect(plain(extracted[i])).toBe(plain(line));
      });
    }
    if (limits.display) it.skip(`line ${i + 1} display not compared (${limits.display}): ${line}`, () => {});
    else {
      it(`line ${i + 1} displays like the source (harakat removed): ${line}`, () => {
        expect(displayed(extracted[i])).toBe(displayed(line));
      });
    }
  });
});

if (!havePoppler) {
  describe('extraction with poppler pdftotext', () => {
    it.skip(`skipped: ${PDFTOTEXT} is not installed on this machine`, () => {});
  });
}
