// What layout promises of notes and callouts, checked on the laid-out pages at many measures and
// positions: a marker never starts a line, a callout box is never split unless taller than a page,
// and a page's text stops above the notes set at its foot.
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/context.js';
import { layoutDocument } from '../../../src/layout/flow.js';
import { markersOn } from '../../../src/layout/note-markers.js';
import { layoutInlines } from '../../../src/layout/text.js';
import type { Page, StructNode, TextItem } from '../../../src/layout/page.js';
import { parseMarkup } from '../../../src/markup/parse.js';

const context = createContext();
const WORDS = 'تأتي قمة أمريكا وروسيا في ألاسكا مع جدول أعمال يركز بشكل خاص على ملف العقوبات المفروضة';
const doc = (body: string) => parseMarkup(`<document title="t">${body}</document>`);

describe('note markers', () => {
  it('never start a line, at any measure', () => {
    const tree = doc(`<p>${WORDS}<note>أولى</note> ${WORDS} كلمة<note>ثانية</note> ${WORDS}</p>`);
    const p = tree.body[0];
    if (p.kind !== 'paragraph') throw new Error('paragraph expected');
    const markers = p.inlines.filter(i => i.note);
    expect(markers.map(m => m.note!.number)).toEqual([1, 2]);
    let seen = 0;
    for (let width = 40; width <= 420; width += 3) {
      const layout = layoutInlines(context, p.inlines, context.theme.styles.body, width);
      layout.lines.forEach((line, i) => {
        const on = markersOn(line);
        seen += on.length;
        for (const m of on) expect(m.start, `width ${width}, line ${i}`).toBeGreaterThan(line.start);
        // The marker's glyphs are on the line that holds its word's last letter.
        const first = Math.min(...line.glyphs.filter(g => g.text.trim()).map(g => g.cluster));
        for (const m of markersOn(line)) expect(first).toBeLessThan(m.start);
      });
    }
    expect(seen).toBe(2 * Math.floor((420 - 40) / 3 + 1));
  });
});

const under = (node: StructNode | undefined, type: string): boolean => !!node && (node.type === type || under(node.parent, type));
const itemsUnder = (pages: readonly Page[], type: string) =>
  pages.flatMap((page, i) => page.items.filter((it): it is TextItem => it.kind === 'text' && under(it.struct, type)).map(it => ({ page: i, it })));

describe('callout boxes', () => {
  it('are never split across pages, wherever the text before them ends', () => {
    let moved = 0;
    for (let n = 0; n < 40; n += 1) {
      const filler = Array.from({ length: n }, () => `<p>${WORDS}</p>`).join('');
      const tree = doc(
        `${filler}<aside class="summary"><h3>الخلاصة</h3><p>${WORDS} ${WORDS} ${WORDS} ${WORDS}</p><ul><li>${WORDS}</li><li>${WORDS}</li></ul></aside><p>بعد</p>`,
      );
      const { pages } = layoutDocument(context, tree, { digits: 'latn' });
      const boxed = itemsUnder(pages, 'Aside');
      expect(new Set(boxed.map(b => b.page)).size, `after ${n} paragraphs`).toBe(1);
      // Its fill is on the same page, behind its text.
      const page = pages[boxed[0].page];
      const fill = page.items.findIndex(it => it.kind === 'rect' && it.stroke);
      expect(fill).toBeGreaterThanOrEqual(0);
      expect(fill).toBeLessThan(page.items.indexOf(boxed[0].it));
      if (boxed[0].page > 0 && pages[boxed[0].page - 1].items.length) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('continue on the next page only when taller than a page, the fill drawn on each page', () => {
    const long = Array.from({ length: 60 }, () => `<p>${WORDS}</p>`).join('');
    const { pages } = layoutDocument(context, doc(`<aside class="summary">${long}</aside>`), { digits: 'latn' });
    const boxed = itemsUnder(pages, 'Aside');
    const spanned = [...new Set(boxed.map(b => b.page))];
    expect(spanned.length).toBeGreaterThan(1);
    for (const i of spanned) expect(pages[i].items.some(it => it.kind === 'rect' && it.stroke)).toBe(true);
  });
});

describe('footnotes', () => {
  it('keep the text above them on every page', () => {
    const paras = Array.from({ length: 40 }, (_, i) => `<p>${WORDS} ${WORDS}<note>${WORDS} ${i}</note> ${WORDS}</p>`).join('');
    const { pages } = layoutDocument(context, doc(paras), { digits: 'latn' });
    let checked = 0;
    for (const page of pages) {
      const notes = page.items.filter((it): it is TextItem => it.kind === 'text' && under(it.struct, 'Note'));
      if (!notes.length) continue;
      const noteTop = Math.min(...notes.map(n => n.y + n.lines[0].top));
      const body = page.items.filter((it): it is TextItem => it.kind === 'text' && !it.artifact && !under(it.struct, 'Note'));
      const bodyBottom = Math.max(...body.map(b => b.y + b.lines[b.lines.length - 1].top + b.lines[b.lines.length - 1].height));
      expect(bodyBottom).toBeLessThanOrEqual(noteTop);
      checked++;
    }
    expect(checked).toBeGreaterThan(1);
    // Every note is on the page of its marker.
    const markerPage = new Map<string, number>(),
      notePage = new Map<string, number>();
    pages.forEach((page, i) =>
      page.destinations.forEach(d => (d.name.startsWith('note-ref-') ? markerPage : notePage).set(d.name.replace('note-ref-', '').replace('note-', ''), i)),
    );
    expect(notePage.size).toBe(40);
    for (const [n, i] of notePage) expect(markerPage.get(n)).toBe(i);
  });
});

describe('digits in left-to-right isolates', () => {
  it('are kept as written under Arabic-Indic digits; other Arabic text is converted', async () => {
    const { digitsInText } = await import('../../../src/digits.js');
    const tree = parseMarkup('<document title="t"><p>رقم 12 <span dir="ltr">A-1</span> و<bdi>B-2</bdi> \u2066+971 2\u2069</p></document>', {
      transformText: digitsInText('arab'),
    });
    const p = tree.body[0];
    if (p.kind !== 'paragraph') throw new Error('paragraph expected');
    const text = p.inlines
      .map(i => i.text)
      .join('')
      .replace(/[\u2066-\u2069]/g, '');
    // B-2 in a <bdi> is first-strong Latin and an identifier: it keeps its Western digit too.
    expect(text).toBe('رقم ١٢ A-1 وB-2 +971 2');
  });
});
