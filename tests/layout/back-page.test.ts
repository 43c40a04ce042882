// The back page: the last page whatever the template's order, with the issuer's contact block
// and a note on the source, no running header or page number (only the classification banner),
// its text in logical order in one Sect; printed on both sides the outside back cover (a back
// page, the count even), or a front page with print.frontPage.backPage. Read back by pdf.js.
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.js';
import { renderBrief } from '../../src/index.js';
import { layoutDocument } from '../../src/layout/flow.js';
import { parseMarkup } from '../../src/markup/parse.js';
import type { Brief } from '../../src/data/brief.js';
import { loadBrief } from '../../src/data/load.js';
import { normalize, pdfjsText, readLocale, repoRoot, type PdfjsText } from '../helpers/fixtures.js';
import { elements, isElem, openPdf, render, structText, structTree } from '../pdf/support.js';
import { briefWithSections } from '../print/support.js';

const locale = readLocale('ar');
const opec = (): Brief => loadBrief(`${repoRoot}/data/examples/opec-ministerial.json`);
const BANNER = locale['classification-official'];
const pageText = (page: PdfjsText['pages'][number]) => normalize(page.fragments.map(f => f.text).join(' '));
const NOTE = 'ملاحظة على المصدر في الصفحة الأخيرة.';
/** The back page: the one with the back page's note on the source. */
const isBack = (page: PdfjsText['pages'][number], note = NOTE) => pageText(page).includes(normalize(note));

describe('the example with a back page', () => {
  let bytes: Uint8Array;
  let text: PdfjsText;
  let brief: Brief;
  beforeAll(async () => {
    brief = opec();
    expect(brief.backPage?.note).toBeTruthy();
    bytes = await render(brief);
    text = await pdfjsText(bytes);
  });

  it('is the last page, and only the last', () => {
    expect(text.pages.map(p => isBack(p, brief.backPage!.note!))).toEqual(text.pages.map((_, i) => i === text.pages.length - 1));
  });

  it('has no running header or page number: its only artifacts are the classification banners', () => {
    const last = text.pages.at(-1)!;
    const artifacts = last.fragments
      .filter(f => f.tag === 'Artifact')
      .map(f => normalize(f.text))
      .filter(Boolean);
    expect(artifacts).toEqual([BANNER, BANNER]);
    expect(pageText(last)).not.toContain(locale.page);
    // The page before it does have them.
    expect(pageText(text.pages.at(-2)!)).toContain(`${locale.page} ${text.pages.length - 1} ${locale.of} ${text.pages.length}`);
  });

  it('reads in logical order in one Sect: issuer, department, address, phone, e-mail, web address, the note', () => {
    const doc = openPdf(bytes);
    const tree = structTree(doc);
    expect(tree.map(e => e.type)).toEqual(['Document']);
    const sect = tree[0].kids.filter(isElem).filter(k => k.type === 'Sect');
    expect(sect).toHaveLength(1);
    const inSect = new Set([...elements(sect)].map(e => e.elem));
    const read = structText(tree, text).filter(r => inSect.has(r.elem));
    expect(new Set(read.flatMap(r => r.pages))).toEqual(new Set([text.pages.length - 1]));
    const issuer = brief.issuer!;
    const expected = [
      issuer.name,
      issuer.department!,
      locale.address,
      issuer.address!,
      locale.phone,
      issuer.phone!,
      locale.email,
      issuer.email!,
      locale.web,
      issuer.url!,
      `${locale['source-note']}: ${brief.backPage!.note!}`,
    ].map(normalize);
    expect(read.map(r => r.text)).toEqual(expected);
    // The telephone number reads as written, left to right, inside the Arabic page.
    expect(read.find(r => r.type === 'TD' && r.text === '+971 2 000 0000')).toBeTruthy();
  });
});

describe('whatever its place in the markup', () => {
  it('a <back-page> written first still makes the last page, set with no running heads', () => {
    const tree = parseMarkup(
      '<document title="t" lang="ar"><footer>صفحة <page-number/></footer><back-page><p>ظهر الغلاف</p></back-page><p>متن الموجز</p><page-break/><p>صفحة ثانية</p></document>',
    );
    const { pages } = layoutDocument(createContext(), tree, { digits: 'latn' });
    expect(pages).toHaveLength(3);
    const texts = pages.map(p => p.items.flatMap(i => (i.kind === 'text' ? [i.lines.flatMap(l => l.glyphs).length] : [])));
    expect(pages.map(p => !!p.back)).toEqual([false, false, true]);
    // Body pages carry their footer (two text items), the back page its paragraph alone.
    expect(texts.map(t => t.length)).toEqual([2, 2, 1]);
  });
});

describe('printed on both sides', () => {
  /** Each of the summit's lengths with a back page, rendered duplex with the theme's choice. */
  const cases = async (frontPage: boolean) =>
    Promise.all(
      [0, 1, 2, 3].map(async n =>
        pdfjsText(
          await render(
            { ...briefWithSections(n), backPage: { note: NOTE } },
            { print: { duplex: true, frontPage: { h1: false, contents: true, backPage: frontPage } } },
          ),
        ),
      ),
    );

  it('is the outside back cover: the last page, a back side, the count even, a blank page before it where needed', async () => {
    const all = await cases(false);
    let blanksBefore = 0;
    for (const text of all) {
      const n = text.pages.length;
      expect(n % 2).toBe(0);
      expect(isBack(text.pages[n - 1])).toBe(true);
      expect(text.pages.filter(p => isBack(p))).toHaveLength(1);
      if (pageText(text.pages[n - 2]).includes('صفحة متروكة فارغة عمدًا')) blanksBefore++;
    }
    // Some lengths end their body on a back page, some on a front one: both ways are met.
    expect(blanksBefore).toBeGreaterThan(0);
    expect(blanksBefore).toBeLessThan(all.length);
  });

  it('with print.frontPage.backPage, on a front page, a blank back page after it', async () => {
    for (const text of await cases(true)) {
      const n = text.pages.length;
      expect(n % 2).toBe(0);
      const back = text.pages.findIndex(p => isBack(p));
      expect(back % 2, 'a front page (odd in 1-based numbering)').toBe(0);
      expect(back).toBe(n - 2);
      expect(pageText(text.pages[n - 1])).toContain('صفحة متروكة فارغة عمدًا');
    }
  });
});

describe('refused', () => {
  it('a back page field the schema does not know: the JSON path', async () => {
    await expect(renderBrief({ ...opec(), backPage: { colour: 'x' } }, { source: 'b.json' })).rejects.toThrow(/b\.json:\d+: \/backPage\/colour: /);
  });

  it('an empty <back-page>, a second one, a note inside it: the template line', () => {
    const doc = (body: string) => `<document title="t">${body}<p>متن</p></document>`;
    expect(() => parseMarkup(doc('<back-page></back-page>'), { source: 'x.hbs' })).toThrow(/^x\.hbs:1: <back-page> is empty$/);
    expect(() => parseMarkup(doc('<back-page><p>أ</p></back-page><back-page><p>ب</p></back-page>'), { source: 'x.hbs' })).toThrow(/only one <back-page>/);
    expect(() => parseMarkup(doc('<back-page><p>أ<note>ن</note></p></back-page>'), { source: 'x.hbs' })).toThrow(
      /<note> belongs in the text of a body paragraph/,
    );
  });
});
