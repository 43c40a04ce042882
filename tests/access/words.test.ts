// Copy and search: every word of a ligature-heavy list, and nearly every word of paragraphs no
// other part of the project uses, comes back whole (no joiner inside) from pdf.js and poppler.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSpecimen, specimenLines } from '../../src/specimen.js';
import { fixturePath } from '../helpers/corpus.js';
import { documentLines, havePdftotext, needsPdftotext, pdfjsText, pdftotextRaw } from '../helpers/fixtures.js';
import { ACCESS_WORDS_NOT_WHOLE } from '../helpers/known-limits.js';
import { POPPLER_EMBEDDINGS, survival, wordsOf } from '../helpers/words.js';

const readLines = (name: string) => specimenLines(fs.readFileSync(fixturePath('access', name), 'utf8'));
const ligatures = readLines('ligatures.txt');
const unseen = readLines('unseen.txt');
const ligatureWords = [...new Set(ligatures.flatMap(wordsOf))];

// Each reader's output as it gives it: pdf.js's lines, pdftotext's raw text.
const readers: { name: 'pdf.js' | 'pdftotext'; read: (bytes: Uint8Array) => Promise<string> | string; available: boolean; formats: RegExp | null }[] = [
  { name: 'pdf.js', read: async bytes => documentLines(await pdfjsText(bytes)).join('\n'), available: true, formats: null },
  { name: 'pdftotext', read: bytes => pdftotextRaw(bytes).join('\f'), available: havePdftotext, formats: POPPLER_EMBEDDINGS },
];

for (const reader of readers) {
  describe.skipIf(!reader.available)(`${reader.name}${reader.name === 'pdftotext' ? needsPdftotext : ''}`, () => {
    const texts: Record<string, string> = {};
    beforeAll(async () => {
      texts.ligatures = await reader.read(await renderSpecimen(ligatures));
      texts.ligaturesJustified = await reader.read(await renderSpecimen(ligatures, { align: 'justify', widthCm: 8 }));
      texts.unseen = await reader.read(await renderSpecimen(unseen));
      texts.unseenJustified = await reader.read(await renderSpecimen(unseen, { align: 'justify', widthCm: 8 }));
    });

    it('the ligature list has many words, each a real test', () => {
      expect(ligatureWords.length).toBeGreaterThan(60);
    });

    const known = ACCESS_WORDS_NOT_WHOLE[reader.name];

    it('KNOWN LIMIT: each word listed as not read whole ends in a harakah', () => {
      expect([...known.ligatures, ...known.unseen].filter(w => !/\p{M}$/u.test(w))).toEqual([]);
    });

    for (const key of ['ligatures', 'ligaturesJustified'] as const) {
      it(`finds every word of the ligature list (${key === 'ligatures' ? 'set ragged' : 'justified, 8 cm'}) but exactly those ACCESS_WORDS_NOT_WHOLE lists`, () => {
        const found = new Set(wordsOf(texts[key]));
        expect(ligatureWords.filter(w => !found.has(w))).toEqual(known.ligatures);
      });
    }

    it(`gives no ZERO WIDTH JOINER or other format character back${reader.formats ? ' (but its own embedding marks)' : ''}`, () => {
      for (const text of Object.values(texts)) expect((text.match(/\p{Cf}/gu) ?? []).filter(c => !reader.formats?.test(c))).toEqual([]);
    });

    for (const key of ['unseen', 'unseenJustified'] as const) {
      it(`gives back every distinct Arabic word of unseen paragraphs (${key === 'unseen' ? 'ragged' : 'justified'}) but exactly those ACCESS_WORDS_NOT_WHOLE lists`, () => {
        const { share, missing } = survival(unseen.join('\n'), texts[key]);
        expect(missing).toEqual(known.unseen);
        expect(share).toBeGreaterThan(0.95);
      });
    }
  });
}
