// Default-ignorable characters (bidi marks and isolates, ALM, joiners, word joiner, BOM) draw
// nothing, take no width in the text layer and cost no word its space: a line read back with
// them gives the same text as the line without them, in pdf.js and in poppler.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSpecimen } from '../../src/specimen.js';
import { readDrawnGlyphs } from '../helpers/pdf-reader.js';
import { documentLines, havePdftotext, needsPdftotext, pdfjsText, pdftotextRaw } from '../helpers/fixtures.js';
import { POPPLER_EMBEDDINGS, wordsOf } from '../helpers/words.js';

const pdfjsLines = async (bytes: Uint8Array) => documentLines(await pdfjsText(bytes)).join('\n');
const popplerRaw = (bytes: Uint8Array) => pdftotextRaw(bytes).join('\f');

const CONTROLS: Record<string, string> = {
  RLM: '\u200F',
  LRM: '\u200E',
  ALM: '\u061C',
  ZWJ: '\u200D',
  ZWNJ: '\u200C',
  WJ: '\u2060',
  BOM: '\uFEFF',
};
const ISOLATES: Record<string, [string, string]> = {
  'RLI…PDI': ['\u2067', '\u2069'],
  'LRI…PDI': ['\u2066', '\u2069'],
  'FSI…PDI': ['\u2068', '\u2069'],
};

/** Lines as data copied from a word processor has them, each with its plain twin. */
const cases: { name: string; plain: string; marked: string }[] = [
  // LRM is a strong left-to-right character: around brackets it changes their bidi order, so it is
  // tried at word edges only.
  ...Object.entries(CONTROLS).flatMap(([name, c]) => [
    ...(name === 'LRM'
      ? []
      : [{ name: `${name} around a parenthesis`, plain: 'الفقرة (1) من المادة الثالثة', marked: `الفقرة ${c}(1)${c} من المادة الثالثة` }]),
    { name: `${name} at word edges`, plain: 'أعلنت الوزارة نتائج التقرير السنوي', marked: `أعلنت ${c}الوزارة${c} نتائج ${c}التقرير السنوي${c}` },
  ]),
  ...Object.entries(ISOLATES).map(([name, [open, close]]) => ({
    name: `${name} around a word`,
    plain: 'قال المتحدث باسم الحكومة إن الاجتماع انتهى',
    marked: `قال ${open}المتحدث${close} باسم ${open}الحكومة${close} إن الاجتماع انتهى`,
  })),
];

describe('default-ignorable characters', () => {
  const plainPdf: Uint8Array[] = [];
  const markedPdf: Uint8Array[] = [];
  beforeAll(async () => {
    for (const c of cases) {
      plainPdf.push(await renderSpecimen([c.plain]));
      markedPdf.push(await renderSpecimen([c.marked]));
    }
  });

  cases.forEach((c, i) => {
    it(`${c.name}: no glyph drawn for them`, () => {
      expect(readDrawnGlyphs(markedPdf[i]).glyphs.length).toBe(readDrawnGlyphs(plainPdf[i]).glyphs.length);
    });

    it(`${c.name}: pdf.js gives every word with its gaps, as without them`, async () => {
      const marked = await pdfjsLines(markedPdf[i]);
      expect(marked).toBe(await pdfjsLines(plainPdf[i]));
      expect(wordsOf(marked)).toEqual(wordsOf(c.plain));
      expect(marked.split(' ').length).toBe(c.plain.split(' ').length);
    });

    it.skipIf(!havePdftotext)(`${c.name}: pdftotext gives every word with its gaps, as without them${needsPdftotext}`, () => {
      const marked = popplerRaw(markedPdf[i]);
      expect(marked).toBe(popplerRaw(plainPdf[i]));
      expect((marked.match(/\p{Cf}/gu) ?? []).filter(c => !POPPLER_EMBEDDINGS.test(c))).toEqual([]);
      for (const w of wordsOf(c.plain)) expect(wordsOf(marked)).toContain(w);
    });
  });
});
