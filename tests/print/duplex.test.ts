// Duplex: the text column moves to leave the inner (binding) margin at the right edge of a
// right-to-left brief's front pages and the left edge of its back pages; level-1 sections can
// start on a front page after an intentionally blank page (its wording only, an artifact, no
// header or page number, only the classification banner); the page count comes out even.
import { beforeAll, describe, expect, it } from 'vitest';
import { pageCount } from '../../src/batch.js';
import { defaultTheme } from '../../src/theme.js';
import { loadBrief } from '../../src/data/load.js';
import { readLocale, repoRoot } from '../helpers/fixtures.js';
import { normalize, pdfjsText, render, summit, type PdfjsText } from '../pdf/support.js';
import { briefWithSections } from './support.js';

const { innerMargin, outerMargin, blankPage } = defaultTheme.print;
/** A running footer: the page number and count (the blank page's wording has no digits). */
const FOOTER = /\d/;
/** The summit's classification banner, at the top and foot of every page, blank ones too. */
const BANNER = readLocale('ar')['classification-official'];

let oneSided: PdfjsText;
let duplex: PdfjsText;
let sections: PdfjsText;

beforeAll(async () => {
  oneSided = await pdfjsText(await render(summit()));
  duplex = await pdfjsText(await render(summit(), { print: { duplex: true } }));
  sections = await pdfjsText(await render(summit(), { print: { duplex: true, frontPage: { h1: true, contents: true, backPage: false } } }));
});

/** The right edge of a page's body text (not headers, footers or other artifacts). */
const textRight = (page: PdfjsText['pages'][number]) => Math.max(...page.fragments.filter(f => f.tag !== 'Artifact').map(f => f.box[2]));
const textLeft = (page: PdfjsText['pages'][number]) => Math.min(...page.fragments.filter(f => f.tag !== 'Artifact' && f.tag === 'P').map(f => f.box[0]));
const withoutBanner = (page: PdfjsText['pages'][number]) => page.fragments.filter(f => normalize(f.text) !== BANNER);
const allText = (page: PdfjsText['pages'][number]) =>
  normalize(
    withoutBanner(page)
      .map(f => f.text)
      .join(' '),
  );
const isBlank = (page: PdfjsText['pages'][number]) => allText(page) === blankPage;

describe('duplex margins', () => {
  it("keeps the page count and moves each page's text by the margins' difference", () => {
    expect(duplex.pages).toHaveLength(oneSided.pages.length);
    duplex.pages.forEach((page, i) => {
      if (i === 0) return; // the cover
      const front = i % 2 === 0;
      // Front pages of a right-to-left brief bind on the right: the inner margin there.
      const rightMargin = page.width - textRight(page);
      expect(rightMargin, `page ${i + 1}`).toBeGreaterThanOrEqual((front ? innerMargin : outerMargin) - 0.5);
      expect(rightMargin, `page ${i + 1}`).toBeLessThan((front ? innerMargin : outerMargin) + 3);
      const shift = textRight(page) - textRight(oneSided.pages[i]);
      expect(shift, `page ${i + 1}`).toBeCloseTo(front ? defaultTheme.margin.side - innerMargin : defaultTheme.margin.side - outerMargin, 0);
    });
  });

  it('justified paragraphs on a back page start at the inner margin on the left', () => {
    const back = duplex.pages[1];
    expect(textLeft(back)).toBeGreaterThanOrEqual(innerMargin - 0.5);
    expect(textLeft(back)).toBeLessThan(innerMargin + 3);
  });
});

describe('level-1 sections on front pages', () => {
  it('gives an even page count, every h1 on a front page, a blank page wherever one was needed', () => {
    const pages = sections.pages;
    expect(pages.length % 2).toBe(0);
    let blanks = 0;
    pages.forEach((page, i) => {
      const h1 = page.fragments.some(f => f.tag === 'H1');
      if (h1 && i > 0) expect(i % 2, `page ${i + 1} starts a section`).toBe(0);
      if (isBlank(page)) {
        blanks++;
        expect(i % 2, `blank page ${i + 1}`).toBe(1);
        // followed by a section, or the last page
        if (i < pages.length - 1) expect(pages[i + 1].fragments.some(f => f.tag === 'H1')).toBe(true);
      }
    });
    expect(blanks).toBeGreaterThan(0);
  });

  it('a blank page carries its wording alone (and the classification banner), as artifacts: no header, no page number', () => {
    const blank = sections.pages.filter(isBlank);
    for (const page of blank) {
      expect(page.fragments.map(f => normalize(f.text))).toEqual([BANNER, BANNER, normalize(blankPage)]);
      expect(page.fragments.every(f => f.tag === 'Artifact')).toBe(true);
      expect(allText(page)).not.toMatch(FOOTER);
    }
    // Other pages do have page numbers, which count the blank pages too.
    const numbered = sections.pages.filter(p => !isBlank(p)).slice(1);
    expect(numbered.every(p => FOOTER.test(allText(p)))).toBe(true);
  });

  it('an odd brief gets a blank last page', async () => {
    // The first of the summit's lengths (0 to 5 sections) that comes out with an odd page count;
    // which one that is follows the layout, so it is looked for rather than assumed.
    let odd = briefWithSections(0);
    let n = pageCount(await render(odd));
    for (let count = 1; count <= 5 && n % 2 === 0; count++) {
      odd = briefWithSections(count);
      n = pageCount(await render(odd));
    }
    expect(n % 2).toBe(1);
    const text = await pdfjsText(await render(odd, { print: { duplex: true } }));
    expect(text.pages).toHaveLength(n + 1);
    expect(isBlank(text.pages[n])).toBe(true);
  });
});

describe('the contents on a front page', () => {
  const file = `${repoRoot}/data/examples/ministry-brief.json`;
  const contentsHeading = readLocale('ar').contents;
  /** The 0-based index of the page whose first heading-sized text is the contents' heading. */
  const contentsPage = (text: PdfjsText) => text.pages.findIndex(p => p.fragments.some(f => f.tag === 'P' && normalize(f.text) === normalize(contentsHeading)));

  it('follows the summary on a back page when printed one-sided, and moves to the next front page with print.frontPage.contents', async () => {
    const brief = loadBrief(file);
    const plain = await pdfjsText(await render(brief, { source: file }));
    expect(contentsPage(plain)).toBe(1);
    const duplex = await pdfjsText(await render(brief, { source: file, print: { duplex: true, frontPage: { h1: false, contents: true, backPage: false } } }));
    const at = contentsPage(duplex);
    expect(at % 2).toBe(0);
    expect(at).toBe(2);
    expect(duplex.pages.length % 2).toBe(0);
  });
});
