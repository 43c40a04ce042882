// The cursor on its own, with lines of a fixed height made by hand (no fonts, no glyphs): how many
// lines fit on a page follows from the page's geometry and the widow rule alone, and flowLines
// spreads lines over pages in exactly those shares.
import { describe, expect, it } from 'vitest';
import { Cursor } from '../../src/layout/cursor.js';
import { struct, type TextItem } from '../../src/layout/page.js';
import type { LineLayout } from '../../src/text/paragraph.js';
import { fixedLines } from '../helpers/lines.js';
import { defaultTheme, mergeTheme } from '../../src/theme.js';

const LINE = 20;
// 400 pt pages with 100 pt margins top and bottom: 200 pt, ten lines, between them. Widows: 2.
const theme = mergeTheme(defaultTheme, { paper: { width: 400, height: 400 }, margin: { top: 100, bottom: 100, side: 50 } });

/** `n` lines of LINE points whose start offsets count from `from`. */
const lines = (n: number, from = 0): LineLayout[] => fixedLines(n, LINE, from);

/** A cursor on its first page, `used` lines down it. */
function cursorAt(used = 0): Cursor {
  const cursor = new Cursor(theme, { width: 400, height: 400 });
  cursor.newPage();
  cursor.y += used * LINE;
  return cursor;
}

const starts = (cursor: Cursor): number[][] =>
  cursor.pages.map(p => p.items.filter((i): i is TextItem => i.kind === 'text').flatMap(i => i.lines.map(l => l.start)));

describe('Cursor geometry', () => {
  it('starts a page at the top margin, with the page height less both margins as room', () => {
    const cursor = cursorAt();
    expect(theme.widowLines).toBe(2);
    expect([cursor.y, cursor.room(), cursor.left, cursor.width]).toEqual([100, 200, 50, 300]);
    expect(cursor.atTop).toBe(true);
    cursor.y += 1;
    expect(cursor.atTop).toBe(false);
  });

  it('puts all the lines that fit, none that would leave a widow on either side of the break', () => {
    expect(cursorAt().linesThatFit(lines(4))).toBe(4);
    expect(cursorAt().linesThatFit(lines(12))).toBe(10);
    // Room for 7 of 8: the last one alone on the next page would be a widow, so 6.
    expect(cursorAt(3).linesThatFit(lines(8))).toBe(6);
    // Room for 1 of 5: one line alone at the foot of a page is refused, so none.
    expect(cursorAt(9).linesThatFit(lines(5))).toBe(0);
    // A three-line paragraph with room for 2: 2 + 1 leaves a widow, 1 + 2 an orphan: all go over.
    expect(cursorAt(8).linesThatFit(lines(3))).toBe(0);
  });

  it('at the top of a page puts what fits even where the widow rule allows no break', () => {
    // Widows of 6 and 11 lines: no break leaves 6 on both sides. Lower down, all go over; at the
    // top of a page, going over would not help, so the page is filled.
    const wide = mergeTheme(theme, { widowLines: 6 });
    const at = (used: number) => {
      const cursor = new Cursor(wide, { width: 400, height: 400 });
      cursor.newPage();
      cursor.y += used * LINE;
      return cursor.linesThatFit(lines(11));
    };
    expect(at(1)).toBe(0);
    expect(at(0)).toBe(10);
  });
});

describe('Cursor.flowLines', () => {
  it('puts the lines in page-sized shares, each on a new page, with y moved past them', () => {
    const cursor = cursorAt();
    cursor.flowLines(lines(23), 50, struct('P'));
    expect(starts(cursor)).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
      [20, 21, 22],
    ]);
    expect(cursor.y).toBe(100 + 3 * LINE);
  });

  it('places each share at x and at the cursor, its first line top at y', () => {
    const cursor = cursorAt(4);
    const node = struct('P');
    cursor.flowLines(lines(3), 72, node);
    const [item] = cursor.page.items as TextItem[];
    expect([item.x, item.y, item.struct]).toEqual([72, 100 + 4 * LINE, node]);
  });

  it('starts a new page first when no share fits where the cursor is', () => {
    const cursor = cursorAt(9);
    cursor.flowLines(lines(5), 50, struct('P'));
    expect(starts(cursor)).toEqual([[], [0, 1, 2, 3, 4]]);
  });

  it('keeps the widow rule at the break: 6 + 2 rather than 7 + 1', () => {
    const cursor = cursorAt(3);
    cursor.flowLines(lines(8), 50, struct('P'));
    expect(starts(cursor)).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7],
    ]);
  });

  it('calls onShare where each share is about to land, first only for the first', () => {
    const cursor = cursorAt(6);
    const seen: { page: number; y: number; first: boolean; lines: number[] }[] = [];
    cursor.flowLines(lines(9), 50, struct('P'), (share, first) => seen.push({ page: cursor.pages.length, y: cursor.y, first, lines: share.map(l => l.start) }));
    expect(seen).toEqual([
      { page: 1, y: 100 + 6 * LINE, first: true, lines: [0, 1, 2, 3] },
      { page: 2, y: 100, first: false, lines: [4, 5, 6, 7, 8] },
    ]);
  });

  it('puts nothing and starts no page for no lines', () => {
    const cursor = cursorAt(2);
    cursor.flowLines([], 50, struct('P'), () => expect.fail('no share to land'));
    expect([cursor.pages.length, cursor.y, cursor.page.items.length]).toEqual([1, 100 + 2 * LINE, 0]);
  });
});
