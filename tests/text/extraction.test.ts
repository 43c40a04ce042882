// Text extraction: a specimen of both corpora, read back by pdf.js (and by poppler's pdftotext where
// it is installed), gives each line's source text exactly, or exactly what CORPUS_READER_LIMITS
// lists for that line and reader. Nothing in a reader's output is moved, dropped or repaired.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSpecimen } from '../../src/specimen.js';
import { documentLines, havePdftotext, needsPdftotext, normalize, pdfjsText, pdftotextRaw, readCorpus } from '../helpers/fixtures.js';
import { CORPUS_READER_LIMITS, type Reader } from '../helpers/known-limits.js';

const lines = [...readCorpus('shaping.txt'), ...readCorpus('bidi.txt')];
const pdf = renderSpecimen(lines);

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

const limit = (reader: Reader, line: number) => CORPUS_READER_LIMITS.find(l => l.reader === reader && l.line === line);

describe('extraction with pdf.js', () => {
  let extracted: string[] = [];
  beforeAll(async () => {
    extracted = documentLines(await pdfjsText(await pdf));
  });

  it('one text line per corpus line', () => {
    expect(extracted.length).toBe(lines.length);
  });

  lines.forEach((line, i) => {
    const known = limit('pdf.js', i + 1);
    it(`line ${i + 1}${known ? ` (known pdf.js limit: ${known.why})` : ''}: ${line}`, () => {
      expect(extracted[i]).toBe(known ? known.output : normalize(line));
    });
  });
});

describe.skipIf(!havePdftotext)(`extraction with poppler pdftotext${needsPdftotext}`, () => {
  let extracted: string[] = [];
  beforeAll(async () => {
    // Every non-empty line of the raw output, page breaks (form feeds) aside; nothing else removed.
    extracted = pdftotextRaw(await pdf)
      .flatMap(page => page.split('\n'))
      .filter(l => l !== '');
  });

  it('one text line per corpus line', () => {
    expect(extracted.length).toBe(lines.length);
  });

  lines.forEach((line, i) => {
    const known = limit('pdftotext', i + 1);
    it(`line ${i + 1}${known ? ` (known poppler limit: ${known.why})` : ''}: ${line}`, () => {
      // poppler writes each right-to-left line in logical order inside RLE…PDF; the source's own
      // bidi controls draw nothing, so they cannot come back.
      expect(extracted[i]).toBe(known ? known.output : `\u202B${line.replace(BIDI_CONTROLS, '')}\u202C`);
    });
  });
});

describe('the list of known reader limits', () => {
  it('names existing lines, each at most once per reader, with an output that differs from the source', () => {
    const keys = CORPUS_READER_LIMITS.map(l => `${l.reader}:${l.line}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const l of CORPUS_READER_LIMITS) {
      expect(l.line).toBeGreaterThanOrEqual(1);
      expect(l.line).toBeLessThanOrEqual(lines.length);
      expect(l.output).not.toBe(normalize(lines[l.line - 1]));
    }
  });
});
