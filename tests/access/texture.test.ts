// Even kashida: in justified paragraphs the stretched joins are shared among the full lines. On the
// seed article and on unseen paragraphs, no full line carries more than twice its paragraph's
// median tatweels, nearly every line that has room takes some, and every full line stays flush.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTextEngine } from '../../src/text/engine.js';
import { layoutParagraph } from '../../src/text/paragraph.js';
import { specimenLines } from '../../src/specimen.js';
import { fixturePath } from '../helpers/corpus.js';

const CM = 72 / 2.54;
const engine = createTextEngine();
const texts = {
  'seed article, 12 cm, 12 pt': { lines: specimenLines(fs.readFileSync(fixturePath('seed', 'summit-article.ar.txt'), 'utf8')), size: 12, width: 12 * CM },
  'unseen paragraphs, 8 cm, 14 pt': { lines: specimenLines(fs.readFileSync(fixturePath('access', 'unseen.txt'), 'utf8')), size: 14, width: 8 * CM },
};

const middle = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

for (const [name, { lines, size, width }] of Object.entries(texts)) {
  describe(name, () => {
    const layouts = lines.map(text => layoutParagraph(engine, { text, style: { weight: 'regular', size, color: '#000000' }, width, align: 'justify' }));
    const perParagraph = layouts.map(l => l.lines.filter(line => !line.last).map(line => line.glyphs.filter(g => g.kashida).length));

    it("no full line carries more than twice its paragraph's median tatweels", () => {
      const over = perParagraph.flatMap((counts, p) =>
        counts.filter(t => t > 2 * middle(counts)).map(t => `paragraph ${p + 1}: ${t} against median ${middle(counts)}`),
      );
      expect(over).toEqual([]);
    });

    it('most full lines take some kashida, so none stands out bare among stretched ones', () => {
      const all = perParagraph.flat();
      expect(all.length).toBeGreaterThan(20);
      expect(all.filter(t => t > 0).length / all.length).toBeGreaterThan(0.8);
    });

    it('every full line is flush with the measure', () => {
      for (const l of layouts) for (const line of l.lines.filter(x => !x.last)) expect(Math.abs(line.width - width)).toBeLessThan(0.02);
    });
  });
}
