// The classification banner: a band at the top and at the foot of every page, the cover, blank
// pages and the back page included, with the level's wording; read once (the structure tree has
// it once, as the document's first element; every other copy is a pagination artifact attached
// to its edge); coloured per level by the theme; into the bleed across the page with --bleed;
// greys of at least 4.5:1 with --greyscale. Read back by pdf.js and mupdf.
import * as mupdf from 'mupdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.js';
import { layoutDocument } from '../../src/layout/flow.js';
import { parseMarkup } from '../../src/markup/parse.js';
import type { Brief } from '../../src/data/brief.js';
import { greyscaleTheme } from '../../src/print/greyscale.js';
import { defaultTheme, mergeTheme } from '../../src/theme.js';
import { normalize, pdfjsText, readLocale, type PdfjsText } from '../helpers/fixtures.js';
import { contentStream, contrast, drawnOnPage, openPdf, render, structText, structTree, summit } from '../pdf/support.js';
import { boxOf } from '../print/support.js';
import { cleanup, expectFailure } from '../input/cli.js';

const MM = 72 / 25.4;
const locale = readLocale('ar');
const official = locale['classification-official'];
const secret = locale['classification-secret'];
const withLevel = (level: string, extra: Partial<Brief> = {}): Brief => ({ ...summit(), classification: level, ...extra });
const hex = (rgb: readonly number[]) =>
  `#${rgb
    .map(c =>
      Math.round(c * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/** The banner texts of a page, top first: the fragments whose whole text is the wording. */
const bannerFragments = (page: PdfjsText['pages'][number], wording: string) => page.fragments.filter(f => normalize(f.text) === wording);

describe('the summit (official) banner', () => {
  let bytes: Uint8Array;
  let text: PdfjsText;
  beforeAll(async () => {
    expect(summit().classification).toBe('official');
    bytes = await render(summit());
    text = await pdfjsText(bytes);
  });

  it('is at the top and at the foot of every page, the cover included, in the locale wording', () => {
    expect(text.pages.length).toBeGreaterThanOrEqual(3);
    for (const page of text.pages) {
      const found = bannerFragments(page, official);
      expect(found, `page ${page.fragments[0]?.page}`).toHaveLength(2);
      const [top, bottom] = [...found].sort((a, b) => b.box[1] - a.box[1]);
      // Above everything else on the page, and below everything else.
      const others = page.fragments.filter(f => !found.includes(f));
      expect(top.box[1]).toBeGreaterThan(Math.max(...others.map(f => f.box[3])));
      expect(bottom.box[3]).toBeLessThan(Math.min(...others.map(f => f.box[1])));
      expect(page.height - top.box[3]).toBeLessThan(20 * MM);
      expect(bottom.box[1]).toBeLessThan(20 * MM);
    }
  });

  it('is read once: the first element of the structure tree, every other copy a pagination artifact attached to its edge', () => {
    const doc = openPdf(bytes);
    const read = structText(structTree(doc), text);
    expect(read[0]).toMatchObject({ type: 'P', text: official, pages: [0] });
    expect(read.filter(r => r.text.includes(official))).toHaveLength(1);
    const artifacts = text.pages.flatMap(p => bannerFragments(p, official)).filter(f => f.tag === 'Artifact');
    expect(artifacts).toHaveLength(2 * text.pages.length - 1);
    for (let p = 0; p < doc.countPages(); p++) {
      const stream = contentStream(doc, p);
      expect(stream).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*\/Attached \[\/Bottom\]\s*>> BDC/);
      if (p > 0) expect(stream).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*\/Attached \[\/Top\]\s*>> BDC/);
    }
  });

  it('draws the theme level colours: its band fill behind its wording', () => {
    const level = defaultTheme.classification.levels.official;
    const { drawn } = drawnOnPage(mupdf.Document.openDocument(bytes, 'application/pdf'), 1);
    const bands = drawn.filter(d => d.kind === 'fill' && hex(d.color) === level.fillColor);
    expect(bands).toHaveLength(2);
    const middle = (d: (typeof drawn)[number]) => (d.bounds[1] + d.bounds[3]) / 2;
    const words = drawn.filter(d => d.kind === 'text' && hex(d.color) === level.color && bands.some(b => middle(d) > b.bounds[1] && middle(d) < b.bounds[3]));
    expect(words.length).toBeGreaterThanOrEqual(2);
  });

  it('leaves the running header to the short title (no classification in it)', () => {
    for (const page of text.pages.slice(1)) {
      const header = page.fragments.filter(f => f.tag === 'Artifact' && normalize(f.text) === normalize(summit().shortTitle!));
      expect(header).toHaveLength(1);
      expect(page.fragments.some(f => f.tag === 'Artifact' && f.text.includes('—'))).toBe(false);
    }
  });
});

describe('levels, wording and colours from the theme', () => {
  it('another level: its own wording and band colour', async () => {
    const bytes = await render(withLevel('secret'));
    const text = await pdfjsText(bytes);
    for (const page of text.pages) expect(bannerFragments(page, secret)).toHaveLength(2);
    const { drawn } = drawnOnPage(mupdf.Document.openDocument(bytes, 'application/pdf'), 0);
    expect(drawn.filter(d => d.kind === 'fill' && hex(d.color) === defaultTheme.classification.levels.secret.fillColor)).toHaveLength(2);
  });

  it("a theme's own level, worded by the theme; a brief's label rewording a shipped one", async () => {
    const theme = { classification: { levels: { urgent: { label: 'عاجل جدًا', color: '#ffffff', fillColor: '#7a1f5c' } } } };
    const own = await pdfjsText(await render(withLevel('urgent'), { theme }));
    for (const page of own.pages) expect(bannerFragments(page, 'عاجل جدًا')).toHaveLength(2);
    const relabelled = await pdfjsText(await render(withLevel('official', { labels: { 'classification-official': 'خاص بالجهات الرسمية' } })));
    expect(bannerFragments(relabelled.pages[1], 'خاص بالجهات الرسمية')).toHaveLength(2);
  });

  it('every shipped level keeps 4.5:1 between its wording and its band, on screen and in greyscale', () => {
    for (const theme of [defaultTheme, greyscaleTheme(defaultTheme)])
      for (const [name, level] of Object.entries(theme.classification.levels)) {
        expect(contrast(level.color!, level.fillColor!), name).toBeGreaterThanOrEqual(4.5);
      }
    // A pair that fails as given is put right in grey: pale wording on a light band, white on a mid band.
    const hard = mergeTheme(defaultTheme, {
      classification: { levels: { pale: { color: '#8a96a3', fillColor: '#e4e2f1' }, mid: { color: '#ffffff', fillColor: '#6f9fd8' } } },
    });
    expect(contrast('#8a96a3', '#e4e2f1')).toBeLessThan(4.5);
    expect(contrast('#ffffff', '#6f9fd8')).toBeLessThan(4.5);
    for (const level of Object.values(greyscaleTheme(hard).classification.levels)) expect(contrast(level.color!, level.fillColor!)).toBeGreaterThanOrEqual(4.5);
  });

  it('in greyscale the PDF draws the banner in greys at 4.5:1', async () => {
    const doc = mupdf.Document.openDocument(await render(withLevel('restricted'), { print: { greyscale: true } }), 'application/pdf');
    const { drawn } = drawnOnPage(doc, 0);
    const bands = drawn.filter(d => d.kind === 'fill' && d.bounds[3] - d.bounds[1] < 6 * MM && d.bounds[3] - d.bounds[1] > 4 * MM);
    expect(bands).toHaveLength(2);
    for (const band of bands) {
      expect(band.color[0] === band.color[1] && band.color[1] === band.color[2]).toBe(true);
      const on = drawn.filter(d => d.kind === 'text' && (d.bounds[1] + d.bounds[3]) / 2 > band.bounds[1] && (d.bounds[1] + d.bounds[3]) / 2 < band.bounds[3]);
      expect(on.length).toBeGreaterThan(0);
      for (const t of on) expect(contrast(t.color, band.color)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('with bleed', () => {
  it('the bands run across the page into the bleed, clear of the top and bottom edges', async () => {
    const bleed = 3 * MM;
    const bytes = await render(summit(), { print: { bleed } });
    const pdf = openPdf(bytes);
    const [tx0, , tx1] = boxOf(pdf, 1, 'TrimBox')!;
    const [bx0, , bx1] = boxOf(pdf, 1, 'BleedBox')!;
    const { drawn, height } = drawnOnPage(mupdf.Document.openDocument(bytes, 'application/pdf'), 1);
    const fill = defaultTheme.classification.levels.official.fillColor;
    const bands = drawn.filter(d => d.kind === 'fill' && hex(d.color) === fill);
    expect(bands).toHaveLength(2);
    for (const band of bands) {
      expect(band.bounds[0]).toBeCloseTo(bx0, 1);
      expect(band.bounds[2]).toBeCloseTo(bx1, 1);
      expect(band.bounds[0]).toBeLessThan(tx0);
      expect(band.bounds[2]).toBeGreaterThan(tx1);
      // Top and bottom stay at the safe distance from the trimmed page's edges.
      expect(Math.min(band.bounds[1] - bleed, height - bleed - band.bounds[3])).toBeGreaterThanOrEqual(defaultTheme.bleedSafe - 0.5);
    }
  });
});

describe('refused', () => {
  afterAll(cleanup);

  it('on the command line: exit 2, one line with the data file and the JSON path, nothing written', () => {
    const run = expectFailure({ ...summit(), classification: 'very-secret' }, 2);
    expect(run.stderr).toMatch(/^mowjaz: .*brief\.json: \/classification: unknown classification level "very-secret"; the theme's levels are [a-z, -]+\n$/);
    // Free wording where a level's name belongs is refused by the schema, with its line.
    const wording = expectFailure({ ...summit(), classification: 'للاستخدام الرسمي' }, 2);
    expect(wording.stderr).toMatch(/brief\.json:\d+: \/classification: /);
  });

  it('in markup: no level, an empty marking, a second one, a level the theme lacks (the template line)', () => {
    const doc = (head: string) => `<document title="t">${head}<p>متن</p></document>`;
    expect(() => parseMarkup(doc('<classification>سري</classification>'), { source: 'x.hbs' })).toThrow(/^x\.hbs:1: <classification> needs a level attribute/);
    expect(() => parseMarkup(doc('<classification level="secret"> </classification>'), { source: 'x.hbs' })).toThrow(/<classification> is empty/);
    expect(() =>
      parseMarkup(doc('<classification level="secret">سري</classification><classification level="secret">سري</classification>'), { source: 'x.hbs' }),
    ).toThrow(/only one <classification>/);
    const tree = parseMarkup(doc('<classification level="nope">سري</classification>'), { source: 'x.hbs' });
    expect(() => layoutDocument(createContext(), tree, { digits: 'latn' })).toThrow(
      /^x\.hbs:1: <classification level="nope">: the theme has no such level \(levels: public, official/,
    );
  });

  it('a level the theme does not have: the data file, the JSON path, the levels', async () => {
    await expect(render(withLevel('very-secret'), { source: 'b.json' })).rejects.toThrow(
      /^b\.json: \/classification: unknown classification level "very-secret"; the theme's levels are public, official, restricted, secret, top-secret$/,
    );
  });
});

describe('without a classification', () => {
  it('draws no band and keeps the running header and footer where they were', async () => {
    const { classification: _c, ...rest } = summit();
    const text = await pdfjsText(await render(rest as Brief));
    const header = text.pages[1].fragments.find(f => f.tag === 'Artifact' && normalize(f.text) === normalize(summit().shortTitle!))!;
    expect(text.pages[1].height - header.box[1]).toBeCloseTo(defaultTheme.header.baselineFromTop, 0);
    for (const page of text.pages) expect(bannerFragments(page, official)).toHaveLength(0);
  });
});
