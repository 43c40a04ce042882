// Pagination rules on fixed inputs: laid-out lines are made by hand (a known height each, no
// glyphs), so how many land on each page follows from the theme's geometry alone.
import { describe, expect, it } from 'vitest';
import { bindBlock, placeBlocks } from '../../src/layout/blocks/index.js';
import { listKind, type PreparedList } from '../../src/layout/blocks/list.js';
import { tableKind, type PreparedTable } from '../../src/layout/blocks/table.js';
import { headingKind, paragraphKind, type PreparedText } from '../../src/layout/blocks/text.js';
import { Cursor } from '../../src/layout/cursor.js';
import { fixedLines } from '../helpers/lines.js';
import { struct, type TextItem } from '../../src/layout/page.js';
import type { LineLayout, ParagraphLayout } from '../../src/text/paragraph.js';
import { defaultTheme, mergeTheme, type TextStyle } from '../../src/theme.js';

const LINE = 20;
// A page of exactly 10 lines of text: 100 pt margins, 200 pt between them.
const theme = mergeTheme(defaultTheme, { paper: { width: 400, height: 400 }, margin: { top: 100, bottom: 100, side: 50 } });
const style: TextStyle = { ...theme.styles.body, spaceBefore: 0, spaceAfter: 0 };

/** `n` lines of LINE points, numbered by their start offset so that each can be found again. */
function paragraph(n: number, from = 0): ParagraphLayout {
  const lines: LineLayout[] = fixedLines(n, LINE, from);
  return { lines, width: 300, height: n * LINE, direction: 'rtl' };
}

const text = (n: number, from = 0, s: TextStyle = style): PreparedText => ({ layout: paragraph(n, from), style: s, struct: 'P' });
const heading = (n: number, from: number): PreparedText => ({ layout: paragraph(n, from), style, struct: 'H1' });

function place(blocks: ReturnType<typeof bindBlock>[], startAt = 0): Cursor {
  const cursor = new Cursor(theme, { width: 400, height: 400 });
  cursor.newPage();
  cursor.y += startAt * LINE;
  placeBlocks(cursor, blocks, struct('Document'));
  return cursor;
}

/** The start offsets of the lines drawn on each page (labels and artifacts left out). */
const linesPerPage = (cursor: Cursor): number[][] =>
  cursor.pages.map(p =>
    p.items.filter((i): i is TextItem => i.kind === 'text' && !i.artifact && i.struct?.type !== 'Lbl').flatMap(i => i.lines.map(l => l.start)),
  );

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('paragraphs across a page break', () => {
  it('fills the page and continues on the next', () => {
    expect(linesPerPage(place([bindBlock(paragraphKind, text(13), theme)]))).toEqual([range(0, 10), range(10, 3)]);
  });

  it('never leaves one line alone at the top of a page (widow): two go over', () => {
    // 7 lines of room, 8 lines of text: 7 + 1 would leave a widow, so 6 + 2.
    expect(linesPerPage(place([bindBlock(paragraphKind, text(8), theme)], 3))).toEqual([range(0, 6), range(6, 2)]);
  });

  it('never leaves one line alone at the foot of a page (orphan): the paragraph moves', () => {
    // One line of room: the first line would stand alone, so the whole paragraph starts the next page.
    expect(linesPerPage(place([bindBlock(paragraphKind, text(5), theme)], 9))).toEqual([[], range(0, 5)]);
  });

  it('a three-line paragraph with room for two moves whole (1 + 2 or 2 + 1 would both leave one alone)', () => {
    expect(linesPerPage(place([bindBlock(paragraphKind, text(3), theme)], 8))).toEqual([[], range(0, 3)]);
  });
});

describe('headings keep with what follows', () => {
  it('a heading with room only for itself and one line of its paragraph goes to the next page', () => {
    const blocks = [bindBlock(paragraphKind, text(8), theme), bindBlock(headingKind, heading(1, 100), theme), bindBlock(paragraphKind, text(5, 200), theme)];
    // After 8 lines, 2 are left: the heading and one line would fit, but two lines must follow it.
    expect(linesPerPage(place(blocks))).toEqual([range(0, 8), [100, ...range(200, 5)]]);
  });

  it('with room for the heading and two lines, it stays', () => {
    const blocks = [bindBlock(paragraphKind, text(6), theme), bindBlock(headingKind, heading(1, 100), theme), bindBlock(paragraphKind, text(5, 200), theme)];
    expect(linesPerPage(place(blocks))).toEqual([[...range(0, 6), 100, ...range(200, 3)], range(203, 2)]);
  });

  it('two headings in a row both go with the text after them', () => {
    const blocks = [
      bindBlock(paragraphKind, text(6), theme),
      bindBlock(headingKind, heading(1, 100), theme),
      bindBlock(headingKind, heading(1, 150), theme),
      bindBlock(paragraphKind, text(5, 200), theme),
    ];
    // 4 lines left: two headings and two lines need exactly 4; with a third heading line it would not fit.
    expect(linesPerPage(place(blocks))).toEqual([[...range(0, 6), 100, 150, 200, 201], range(202, 3)]);
    const taller = [
      bindBlock(paragraphKind, text(6), theme),
      bindBlock(headingKind, heading(2, 100), theme),
      bindBlock(headingKind, heading(1, 150), theme),
      bindBlock(paragraphKind, text(5, 200), theme),
    ];
    expect(linesPerPage(place(taller))).toEqual([range(0, 6), [100, 101, 150, ...range(200, 5)]]);
  });

  it('a heading before a list keeps two lines of the list, across its items', () => {
    const list: PreparedList = {
      items: [1, 2, 3].map(i => ({ label: paragraph(1, 900 + i), body: paragraph(1, 300 + i) })),
      ordered: true,
      style,
      indent: 20,
      bodySpaceAfter: 0,
    };
    const keep = bindBlock(listKind, list, theme).minStart(() => 0);
    expect(keep).toBe(2 * LINE);
    const blocks = [bindBlock(paragraphKind, text(8), theme), bindBlock(headingKind, heading(1, 100), theme), bindBlock(listKind, list, theme)];
    expect(linesPerPage(place(blocks))).toEqual([range(0, 8), [100, 301, 302, 303]]);
    // With one line more of room, the heading and the first two items stay.
    const roomier = [bindBlock(paragraphKind, text(7), theme), bindBlock(headingKind, heading(1, 100), theme), bindBlock(listKind, list, theme)];
    expect(linesPerPage(place(roomier))).toEqual([[...range(0, 7), 100, 301, 302], [303]]);
  });
});

function table(rows: number, rowLines = 1): PreparedTable {
  const row = (from: number, head: boolean, lines: number) => ({
    cells: [{ layout: paragraph(lines, from), x: 0, w: 300, header: head, colSpan: 1 }],
    height: lines * LINE + 2 * theme.table.padY,
    head,
  });
  return { head: [row(5000, true, 1)], body: range(0, rows).map(i => row(i * 100, false, rowLines)), cover: false };
}

describe('tables', () => {
  it('repeats the head rows at the top of every page the table continues on, as artifacts', () => {
    const cursor = place([bindBlock(tableKind, table(12), theme)]);
    expect(cursor.pages.length).toBeGreaterThan(1);
    for (const [i, page] of cursor.pages.entries()) {
      const first = page.items.find((x): x is TextItem => x.kind === 'text')!;
      expect(first.lines[0].start).toBe(5000);
      // The head is content once, on the first page; its repeats are page furniture.
      expect(Boolean(first.artifact)).toBe(i > 0);
    }
    // Every body row is drawn once, whole, in order.
    const body = linesPerPage(cursor).map(p => p.filter(s => s !== 5000));
    expect(body.flat()).toEqual(range(0, 12).map(i => i * 100));
    // A row that fits on a page is never split: each page holds whole rows only.
    expect(body.every(p => p.length > 0)).toBe(true);
  });

  it('splits a row taller than a page line by line, the head repeated above each part', () => {
    const cursor = place([bindBlock(tableKind, table(1, 25), theme)]);
    const pages = linesPerPage(cursor);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.flat().filter(s => s !== 5000)).toEqual(range(0, 25));
    for (const [i, page] of cursor.pages.entries()) {
      const texts = page.items.filter((x): x is TextItem => x.kind === 'text');
      expect(texts[0].lines[0].start).toBe(5000);
      // Nothing below the bottom margin.
      for (const t of texts) for (const l of t.lines) expect(t.y + l.top + l.height).toBeLessThanOrEqual(cursor.bottom + 0.01);
      if (i > 0) expect(texts[0].artifact).toBe(true);
    }
  });
});
