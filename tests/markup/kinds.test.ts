// The markup's table of block kinds: an entry for every kind (the compiler refuses a table
// without one, see the `@ts-expect-error`), and each entry hands back every inline text of its
// blocks, which is what the font-coverage check walks.
import { describe, expect, it } from 'vitest';
import { blockTexts, markupKinds, type MarkupKindTable } from '../../src/markup/kinds.js';
import { parseMarkup } from '../../src/markup/parse.js';
import type { Inline } from '../../src/markup/tree.js';

const words = (texts: readonly (readonly Inline[])[]) => texts.map(t => t.map(i => i.text).join(''));

describe('markup block kinds', () => {
  it('a table without an entry for a kind does not type-check', () => {
    const { rule: _rule, ...rest } = markupKinds;
    // @ts-expect-error -- no entry for rules
    const withoutRule: MarkupKindTable = rest;
    expect(Object.keys(withoutRule)).not.toContain('rule');
  });

  it('hands back every text of a block, in reading order', () => {
    const tree = parseMarkup(`<document title="t">
      <h2>عنوان</h2><p>فقرة <b>غامقة</b></p><ul><li>أول</li><li>ثان</li></ul>
      <table><caption>شرح</caption><thead><tr><th>رأس</th><th>آخر</th></tr></thead><tr><td>خلية</td><td>أخرى</td></tr></table>
      <hr/><page-break/><figure><img src="x.png" alt="وصف لا يرسم"/><figcaption>تعليق</figcaption></figure>
    </document>`);
    expect(tree.body.map(b => words(blockTexts(b)))).toEqual([
      ['عنوان'],
      ['فقرة غامقة'],
      ['أول', 'ثان'],
      ['شرح', 'رأس', 'آخر', 'خلية', 'أخرى'],
      [],
      [],
      ['تعليق'],
    ]);
  });

  it('the elements of each kind are exactly the block elements the parser accepts', () => {
    for (const [kind, entry] of Object.entries(markupKinds)) {
      for (const name of entry.elements) {
        const open = entry.empty
          ? `<${name}/>`
          : name === 'aside'
            ? '<aside class="summary"><p>x</p></aside>'
            : name === 'figure'
              ? '<figure><img src="x.png" alt="x"/></figure>'
              : `<${name}>${name === 'ul' || name === 'ol' ? '<li>x</li>' : name === 'table' ? '<tr><td>x</td></tr>' : 'x'}</${name}>`;
        expect(parseMarkup(`<document title="t">${open}</document>`).body.map(b => b.kind)).toEqual([kind]);
      }
    }
    expect(() => parseMarkup('<document title="t"><cover><page-break/></cover></document>')).toThrow(/<page-break> is not allowed inside <cover>/);
  });
});
