// Copy and search: every word of a ligature-heavy list, and nearly every word of paragraphs no
// other part of the project uses, comes back whole (no joiner inside) from pdf.js and poppler.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSpecimen, specimenLines } from '../../src/specimen.js';
import { fixturePath } from '../helpers/corpus.js';
import { hasPdftotext, pdfjsText, popplerText, survival, wordsOf } from './readers.js';

const readLines = (name: string) => specimenLines(fs.readFileSync(fixturePath('access', name), 'utf8'));
const ligatures = readLines('ligatures.txt');
const unseen = readLines('unseen.txt');
const ligatureWords = [...new Set(ligatures.flatMap(wordsOf))];

const readers: { name: string; read: (bytes: Uint8Array) => Promise<string> | string; available: boolean }[] = [
  { name: 'pdf.js', read: pdfjsText, available: true },
  { name: 'pdftotext', read: popplerText, available: hasPdftotext },
];

for (const reader of readers) {
  describe.skipIf(!reader.available)(`${reader.name}${reader.available ? '' : ' (pdftotext not installed)'}`, () => {
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

    for (const key of ['ligatures', 'ligaturesJustified'] as const) {
      it(`finds every word of the ligature list (${key === 'ligatures' ? 'set ragged' : 'justified, 8 cm'})`, () => {
        const found = new Set(wordsOf(texts[key]));
        expect(ligatureWords.filter(w => !found.has(w))).toEqual([]);
      });
    }

    it('gives no ZERO WIDTH JOINER or other format character back', () => {
      for (const text of Object.values(texts)) expect(text.match(/\p{Cf}/gu) ?? []).toEqual([]);
    });

    for (const key of ['unseen', 'unseenJustified'] as const) {
      it(`gives back at least 99.5% of the distinct words of unseen paragraphs (${key === 'unseen' ? 'ragged' : 'justified'})`, () => {
        const { share, missing } = survival(unseen.join('\n'), texts[key]);
        expect(share, `missing: ${missing.join(' ')}`).toBeGreaterThanOrEqual(0.995);
      });
    }
  });
}
