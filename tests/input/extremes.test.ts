// Extreme values: each renders through the CLI, and its layout keeps every glyph inside the
// margins and every character of the data; or it fails with a clear message (exit 2).
import { afterAll, describe, expect, it } from 'vitest';
import { parseBrief } from '../../src/data/load.js';
import { layoutDocument, type LaidOutDocument } from '../../src/layout/flow.js';
import { parseMarkup } from '../../src/markup/parse.js';
import { defaultTemplate, renderTemplate } from '../../src/template/render.js';
import { createContext } from '../../src/context.js';
import { defaultTheme as theme, templateValues } from '../../src/theme.js';
import { cleanup, countRead, expectFailure, expectSuccess, minimal, pdfText, reads, summit } from './cli.js';
import { createTextEngine } from '../../src/text/engine.js';
import type { JsonData } from '../helpers/fixtures.js';

const _engine = createTextEngine();

afterAll(cleanup);

/** The first block of a type in brief data (the summit has one of each it uses). */
const block = (data: JsonData, type: string): JsonData => data.blocks.find((b: { type: string }) => b.type === type);
/** The text the sources block prints as a paragraph: the locale's "ملاحظة المصدر" and the note. */
const sourceNote = (data: JsonData): string => `ملاحظة المصدر: ${block(data, 'sources').note}`;

function layout(data: unknown): LaidOutDocument {
  const brief = parseBrief(JSON.stringify(data), 'test.json');
  const markup = renderTemplate(brief, { template: defaultTemplate(), digits: 'latn', extras: templateValues(theme) });
  return layoutDocument(createContext(), parseMarkup(markup, { source: 'brief.hbs' }), { digits: 'latn' });
}

/**
 * Every line box (the glyphs' advances, where alignment put them) inside the page width minus the
 * side margins, exactly; the ink of every glyph too, give or take what a letter's design lets it
 * overhang its advance (the tail of a final wāw, an initial ʿayn, a rāʾ moved by a kerning offset:
 * allowed up to 15% of the font size, about a point in body text); content between the top and
 * bottom margins; running heads inside the page, above and below the text.
 */
function expectInsideMargins(laid: LaidOutDocument): void {
  const outside: string[] = [];
  const e = 0.01;
  laid.pages.forEach((page, n) => {
    const left = theme.margin.side,
      right = page.width - theme.margin.side;
    for (const item of page.items) {
      if (item.kind !== 'text') continue;
      for (const line of item.lines) {
        const x0 = item.x + line.left,
          x1 = x0 + line.width;
        if (line.glyphs.length && (x0 < left - e || x1 > right + e))
          outside.push(`page ${n + 1}: line box at ${x0.toFixed(1)}–${x1.toFixed(1)}, margins ${left.toFixed(1)}–${right.toFixed(1)}`);
        for (const g of line.glyphs) {
          const ink = g.face.shaper.font.glyphExtents(g.gid);
          if (!ink || ink.width === 0) continue;
          const scale = g.size / g.face.upem,
            overhang = 0.15 * g.size;
          const i0 = item.x + g.x + ink.xBearing * scale,
            i1 = i0 + ink.width * scale;
          if (i0 < left - overhang || i1 > right + overhang)
            outside.push(`page ${n + 1}: "${g.text}" inked at ${i0.toFixed(1)}–${i1.toFixed(1)}, margins ${left.toFixed(1)}–${right.toFixed(1)}`);
        }
        const top = item.y + line.top,
          bottom = top + line.height;
        const within = (a: number, b: number): boolean => top >= a - e && bottom <= b + e;
        const content = within(theme.margin.top, page.height - theme.margin.bottom);
        // Artifacts: repeated table heads (in the text area), the running header and footer (in their bands).
        const band = item.artifact && (within(theme.bleedSafe, theme.margin.top) || within(page.height - theme.margin.bottom, page.height - theme.bleedSafe));
        if (!content && !band) outside.push(`page ${n + 1}: ${item.artifact ? 'artifact ' : ''}line at ${top.toFixed(1)}–${bottom.toFixed(1)}`);
      }
    }
  });
  expect(outside.slice(0, 10)).toEqual([]);
}

/** The characters (no white space) of the laid-out text items whose structure is `type`, after the cover, sorted. */
function chars(laid: LaidOutDocument, type: string): string {
  const all: string[] = [];
  for (const page of laid.pages) {
    if (page.cover) continue;
    for (const item of page.items) {
      if (item.kind === 'text' && !item.artifact && item.struct?.type === type) {
        for (const line of item.lines) for (const g of line.glyphs) if (!g.kashida) all.push(...g.text.replace(/\s/g, ''));
      }
    }
  }
  return all.sort().join('');
}
const sorted = (s: string): string => [...s.replace(/\s/g, '')].sort().join('');

/** Two sorted character lists are equal; on failure, only the characters whose counts differ are shown. */
function expectSameChars(actual: string, expected: string): void {
  if (actual === expected) return;
  const count = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const c of s) m.set(c, (m.get(c) ?? 0) + 1);
    return m;
  };
  const a = count(actual),
    b = count(expected);
  const differ = [...new Set([...a.keys(), ...b.keys()])]
    .filter(c => a.get(c) !== b.get(c))
    .map(c => `${c}: ${a.get(c) ?? 0} laid out, ${b.get(c) ?? 0} in the data`);
  expect(differ).toEqual([]);
}

describe('extreme values render inside the margins, nothing dropped', () => {
  it('a 5,000-word paragraph', () => {
    const data = summit();
    const paragraph = Array.from({ length: 5000 }, (_, i) => ['الدبلوماسية', 'العقوبات', `${i}`, 'واشنطن', 'وموسكو'][i % 5]).join(' ');
    block(data, 'section').sections = [{ title: 'فقرة طويلة', paragraphs: [paragraph] }];
    const laid = layout(data);
    expect(laid.pages.length).toBeGreaterThan(8);
    expectInsideMargins(laid);
    const expected = sorted([...block(data, 'summary').paragraphs, paragraph, sourceNote(data)].join(''));
    expectSameChars(chars(laid, 'P'), expected);
    expectSuccess(data);
  });

  it('an unbroken 300-character token, Arabic and Latin, in a paragraph, a narrow cell, a list item and the title', () => {
    const data = summit();
    block(data, 'summary').paragraphs = [`بداية ${'ب'.repeat(300)} نهاية`];
    block(data, 'key-points').items = [`https://example.org/${'a'.repeat(300)}`];
    block(data, 'roster').groups[0].members[0].role = 'x'.repeat(300);
    block(data, 'roster').groups[0].members[1].name = 'ـ'.repeat(300); // tatweel
    delete block(data, 'sources').items; // so the only lists are the key points and the programme
    data.title = 'ع'.repeat(300);
    const laid = layout(data);
    expectInsideMargins(laid);
    expectSameChars(
      chars(laid, 'LBody'),
      sorted(
        block(data, 'key-points').items[0] +
          block(data, 'programme')
            .items.map((i: { text: string }) => i.text)
            .join(''),
      ),
    ); // key points, programme
    expectSuccess(data);
  });

  it('a title long enough to need three lines on the cover', async () => {
    const data = summit();
    data.title = `${data.title}: ${block(data, 'facts').items.find((f: { label: string }) => f.label === 'المكان').value}`;
    const laid = layout(data);
    expectInsideMargins(laid);
    const cover = laid.pages[0];
    expect(cover.cover).toBe(true);
    const title = cover.items.find(i => i.kind === 'text' && i.struct?.type === 'H1');
    expect(title?.kind === 'text' && title.lines.length).toBe(3);
    expect(laid.pages.filter(p => p.cover)).toHaveLength(1);
    const { pdf } = expectSuccess(data);
    expect(reads((await pdfText(pdf))[0], data.title), data.title).toBe(true);
  });

  it('a 500-row roster (rendered once)', async () => {
    const data = summit();
    block(data, 'roster').groups[0].members = Array.from({ length: 500 }, (_, i) => ({
      name: `عضو الوفد رقم ${i + 1}`,
      latin: `Member ${i + 1}`,
      role: i % 7 ? 'عضو' : 'رئيس لجنة التنسيق الاقتصادي والمبعوث الخاص للتعاون الاستثماري',
    }));
    const laid = layout(data);
    expectInsideMargins(laid);
    const { pdf, stdout } = expectSuccess(data);
    const pages = Number(/(\d+) pages/.exec(stdout)![1]);
    expect(pages).toBe(laid.pages.length);
    expect(pages).toBeGreaterThan(20);
    const lines = (await pdfText(pdf)).flat();
    // Each name whole: "Member 1" and not the start of "Member 10".
    for (const n of [1, 250, 500])
      expect(
        lines.some(l => new RegExp(`(?:^| )Member ${n}(?: |$)`).test(l)),
        `Member ${n}`,
      ).toBe(true);
  });

  it('empty arrays everywhere', () => {
    const data = minimal();
    Object.assign(data, { keywords: [], authors: [] });
    Object.assign(block(data, 'section'), { paragraphs: [], sections: [] });
    block(data, 'roster').groups = [{ name: 'الجانب الروسي', members: [] }];
    data.blocks.push({ type: 'sources', items: [] }, { type: 'table', columns: [{}], rows: [['خلية']], header: [], notes: [] });
    expectInsideMargins(layout(data));
    expectSuccess(data);
    const empties = summit();
    block(empties, 'roster').groups = [{ name: 'الجانب الروسي', members: [] }];
    block(empties, 'section').sections = [{ title: 'عنوان بلا فقرات', paragraphs: [] }];
    expectInsideMargins(layout(empties));
    expectSuccess(empties);
  });

  it('every optional field left out', () => {
    const data = summit();
    for (const key of ['subtitle', 'shortTitle', 'series', 'issuer', 'reference', 'classification', 'issued', 'language', 'keywords']) delete data[key];
    data.blocks = data.blocks.filter((b: { type: string }) => b.type !== 'programme');
    for (const b of data.blocks) if (b.type !== 'section') delete b.title;
    delete block(data, 'facts').caption;
    for (const m of block(data, 'roster').groups.flatMap((g: { members: unknown[] }) => g.members)) delete (m as { latin?: string }).latin;
    expectInsideMargins(layout(data));
    expectSuccess(data);
  });

  // One paragraph of 100 KB (UTF-8) of Arabic words, rendered once through the CLI. Its layout takes
  // seconds: lines of one long run cost time in proportion to the run's length.
  it('a 100 KB value', async () => {
    const data = minimal();
    const long = 'نص عربي طويل جدا '.repeat(3500);
    block(data, 'summary').paragraphs = [long];
    data.blocks.push({ type: 'sources', note: 'المقال' });
    expect(Buffer.byteLength(long)).toBeGreaterThan(100_000);
    const { pdf, stdout } = expectSuccess(data);
    expect(Number(/(\d+) pages/.exec(stdout)![1])).toBeGreaterThan(20);
    const pages = await pdfText(pdf);
    const lines = pages.flat();
    for (const word of ['نص', 'عربي', 'طويل', 'جدا']) expect(countRead(lines, word), word).toBe(3500); // none lost
    expect(reads(pages[pages.length - 1], sourceNote(data))).toBe(true);
  }, 120_000);
});

describe('extreme values that cannot be laid out fail clearly', () => {
  it('a cover that does not fit on one page', () => {
    const data = minimal();
    data.title = 'عنوان طويل جدا '.repeat(200);
    const { stderr } = expectFailure(data, 2);
    expect(stderr).toMatch(/templates\/partials\/masthead\.hbs:\d+: the cover does not fit on one page; shorten its text/);
  });

  it('a running header too long to fit above the text', () => {
    const data = minimal();
    data.shortTitle = 'عنوان مختصر ليس مختصرا '.repeat(40);
    const { stderr } = expectFailure(data, 2);
    expect(stderr).toMatch(/the running header "عنوان مختصر.*" takes \d+ lines and does not fit above the text; shorten it/);
  });

  it('a header that wraps to two lines still fits', () => {
    const data = summit();
    data.shortTitle = 'عنوان مختصر '.repeat(12);
    expectInsideMargins(layout(data));
  });
});
