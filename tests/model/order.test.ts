// Blocks come out in the order the data gives them, whatever that order is.
import { describe, expect, it } from 'vitest';
import { localeFor } from '../../src/template/locale.js';
import { outOfOrder, pdfText, render } from './support.js';

interface Loose {
  type: string;
  paragraphs?: string[];
  items?: (string | { label: string; value: string })[];
  text?: string;
  speaker?: string;
}
const blocks: Loose[] = [
  { type: 'summary', paragraphs: ['فقرة الملخص الأولى.'] },
  { type: 'key-points', items: ['نقطة رئيسية أولى.'] },
  { type: 'facts', items: [{ label: 'المكان', value: 'مدينة ما' }] },
  { type: 'quotation', text: 'كلام منقول عن أحدهم.', speaker: 'المتحدث' },
  { type: 'recommendations', items: ['توصية واحدة.'] },
];
const words = localeFor('ar');

describe('block order', () => {
  it.each([
    ['as given', [0, 1, 2, 3, 4]],
    ['reversed', [4, 3, 2, 1, 0]],
    ['shuffled', [2, 0, 4, 1, 3]],
  ])('%s: the headings and texts come out in that order', async (_, order) => {
    const brief = { title: 'ترتيب الكتل', blocks: order.map(i => blocks[i]) };
    const { lines } = await pdfText(await render(brief));
    const expected = order.flatMap(i => {
      const b = blocks[i];
      switch (b.type) {
        case 'summary':
          return [words.summary, b.paragraphs![0]];
        case 'key-points':
          return [words['key-points'], b.items![0] as string];
        case 'facts':
          return [words.facts, 'المكان', 'مدينة ما'];
        case 'quotation':
          return [b.text!, b.speaker!];
        default:
          return [words.recommendations, b.items![0] as string];
      }
    });
    expect(outOfOrder(lines, expected)).toBeNull();
  });

  it('a block type may repeat', async () => {
    const brief = { title: 'تكرار', blocks: [blocks[1], blocks[0], { type: 'key-points', title: 'نقاط أخرى', items: ['نقطة ثانية.'] }] };
    const { lines } = await pdfText(await render(brief));
    expect(outOfOrder(lines, [words['key-points'], 'نقطة رئيسية أولى.', words.summary, 'نقاط أخرى', 'نقطة ثانية.'])).toBeNull();
  });
});
