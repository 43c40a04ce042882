// The table of block kinds covers every kind of Block, and the compiler says so: each
// `@ts-expect-error` below marks a table that must not type-check (`npx tsc -p
// tsconfig.test.json` fails if one of them ever does). At run time, every kind the markup
// parses is laid out by its entry.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadImages } from '../../src/images/load.js';
import { repoRoot } from '../helpers/corpus.js';
import { createContext } from '../../src/context.js';
import { blockKinds, prepareBlock, type BlockKindTable } from '../../src/layout/blocks/index.js';
import { listKind } from '../../src/layout/blocks/list.js';
import { pageBreakKind } from '../../src/layout/blocks/page-break.js';
import { asideKind } from '../../src/layout/blocks/aside.js';
import { ruleKind } from '../../src/layout/blocks/rule.js';
import { tocKind } from '../../src/layout/blocks/toc.js';
import { figureKind } from '../../src/layout/blocks/figure.js';
import { tableKind } from '../../src/layout/blocks/table.js';
import { headingKind, paragraphKind } from '../../src/layout/blocks/text.js';
import { layoutDocument } from '../../src/layout/flow.js';
import { markupKinds } from '../../src/markup/kinds.js';
import { parseMarkup } from '../../src/markup/parse.js';

describe('the table of block kinds', () => {
  it('is complete only with an entry for every kind (checked by the compiler)', () => {
    const complete = {
      heading: headingKind,
      paragraph: paragraphKind,
      list: listKind,
      table: tableKind,
      'page-break': pageBreakKind,
      rule: ruleKind,
      aside: asideKind(prepareBlock),
      toc: tocKind,
      figure: figureKind,
    } satisfies BlockKindTable;
    const { rule: _rule, ...withoutRule } = complete;
    // @ts-expect-error -- no entry for rules
    void (withoutRule satisfies BlockKindTable);
    const mismatched = { ...complete, list: tableKind };
    // @ts-expect-error -- the list entry lays out tables: its functions take the wrong block
    void (mismatched satisfies BlockKindTable);
    expect(Object.keys(complete).sort()).toEqual(Object.keys(blockKinds).sort());
    expect(Object.keys(withoutRule)).not.toContain('rule');
    expect(mismatched.list).toBe(tableKind);
  });

  it('the markup knows the same kinds as layout', () => {
    expect(Object.keys(markupKinds).sort()).toEqual(Object.keys(blockKinds).sort());
  });

  it('every block element of the markup becomes a block that layout places', () => {
    const markup = `<document title="t">
      <cover><h1>غلاف</h1><table><tr><th>أ</th><td>ب</td></tr></table><hr/><p>فقرة</p><ul><li>بند</li></ul></cover>
      <h1>عنوان</h1><h2>فرعي</h2><h3>ثالث</h3><p>فقرة</p><ul><li>أ</li></ul><ol><li>ب</li></ol>
      <table><caption>جدول</caption><thead><tr><th>رأس</th></tr></thead><tbody><tr><td>خلية</td></tr></tbody></table>
      <toc/><aside class="summary"><p>مربع</p></aside>
      <figure><img src="emblem.png" alt="شعار"/><figcaption>شكل</figcaption></figure>
      <hr/><page-break/><p>بعد الفاصل</p>
    </document>`;
    const tree = parseMarkup(markup);
    const assets = path.join(repoRoot, 'data/examples/assets');
    loadImages(tree, { template: assets, data: assets });
    const kinds = new Set([...tree.cover, ...tree.body].map(b => b.kind));
    expect([...kinds].sort()).toEqual(Object.keys(markupKinds).sort());
    const elements = Object.values(markupKinds).flatMap(k => k.elements);
    for (const name of elements) expect(markup).toContain(`<${name}`);
    const laid = layoutDocument(createContext(), tree, { digits: 'latn' });
    // Cover, the body, and the page after the break.
    expect(laid.pages.map(p => p.cover)).toEqual([true, false, false]);
    const types = new Set<string>();
    for (const page of laid.pages) for (const item of page.items) if (item.kind === 'text' && item.struct) types.add(item.struct.type);
    expect([...types].sort()).toEqual(['Caption', 'H1', 'H2', 'H3', 'LBody', 'Lbl', 'Link', 'P', 'TD', 'TH']);
    expect(laid.pages[1].items.some(i => i.kind === 'line')).toBe(true);
    expect(laid.pages[1].items.filter(i => i.kind === 'image').map(i => i.struct?.type)).toEqual(['Figure']);
  });
});
