// Where the next block goes: the pages made so far, the current one and the height used on it,
// inside the theme's content box. Blocks move it down and ask it for new pages.
import type { LineLayout } from '../text/paragraph.js';
import type { PageSize, Theme } from '../theme.js';
import { isFrontPage, type ColumnBox } from './columns.js';
import type { Page, StructNode } from './page.js';

export const linesHeight = (lines: readonly LineLayout[]): number => lines.reduce((h, l) => h + l.height, 0);

export class Cursor {
  readonly pages: Page[] = [];
  page!: Page;
  y = 0;
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;

  /** `column`: the text column's place across the page (by default between the side margins). */
  constructor(readonly theme: Theme, readonly size: PageSize, column?: ColumnBox) {
    this.left = column?.left ?? theme.margin.side;
    this.width = column?.width ?? size.width - 2 * theme.margin.side;
    this.top = theme.margin.top;
    this.bottom = size.height - theme.margin.bottom;
  }

  newPage(cover = false): void {
    this.page = { width: this.size.width, height: this.size.height, cover, items: [], bookmarks: [] };
    this.pages.push(this.page);
    this.y = this.top;
  }

  /**
   * Moves to the top of a front page (the cover's side of a sheet printed on both sides): a new
   * page unless the current one is still empty, and an intentionally blank page before it if
   * that would be a back page.
   */
  startOnFrontPage(): void {
    if (this.page.items.length > 0 || !this.atTop) this.newPage();
    if (!isFrontPage(this.pages.length - 1)) {
      this.page.blank = true;
      this.newPage();
    }
  }

  get atTop(): boolean { return this.y <= this.top + 0.001; }
  room(): number { return this.bottom - this.y; }
  space(amount: number): void { if (!this.atTop) this.y += amount; }

  text(lines: LineLayout[], x: number, node?: StructNode): void {
    if (!lines.length) return;
    this.page.items.push({ kind: 'text', lines, x, y: this.y - lines[0].top, struct: node });
    this.y += linesHeight(lines);
  }

  /** A rule across the content box at `y`. */
  rule(y: number, color: string, width: number): void {
    this.page.items.push({ kind: 'line', x1: this.left, y1: y, x2: this.left + this.width, y2: y, color, width });
  }

  /**
   * How many of `lines` to put on the current page: all that fit, but never fewer than the
   * theme's widow count alone on either side of the break.
   */
  linesThatFit(lines: readonly LineLayout[]): number {
    let k = 0, h = 0;
    while (k < lines.length && h + lines[k].height <= this.room() + 0.01) h += lines[k++].height;
    if (k === lines.length) return k;
    const widow = this.theme.widowLines;
    if (lines.length - k < widow) k = lines.length >= 2 * widow ? lines.length - widow : 0;
    if (k < widow && lines.length > k) k = 0;
    if (k === 0 && this.atTop) k = Math.max(1, Math.min(lines.length, Math.floor(this.room() / lines[0].height)));
    return k;
  }
}
