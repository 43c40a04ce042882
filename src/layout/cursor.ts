// Where the next block goes: the pages made so far, the current one and the height used on it,
// inside the theme's content box. Blocks move it down and ask it for new pages.
import type { LineLayout } from '../text/paragraph.js';
import { InputError } from '../errors.js';
import { MAX_PAGES } from '../limits.js';
import type { PageSize, Theme } from '../theme.js';
import type { NoteArea } from './notes.js';
import { isFrontPage, type ColumnBox } from './columns.js';
import type { Page, StructNode } from './page.js';

export const linesHeight = (lines: readonly LineLayout[]): number => lines.reduce((h, l) => h + l.height, 0);

export class Cursor {
  readonly pages: Page[] = [];
  page!: Page;
  y = 0;
  /** The column: narrowed while a callout box places its content (see `inset`). */
  left: number;
  width: number;
  /** Notes whose markers land on a page take their height from the foot of its text area. */
  notes?: NoteArea;
  readonly top: number;
  readonly bottom: number;

  /** `column`: the text column's place across the page (by default between the side margins). */
  constructor(
    readonly theme: Theme,
    readonly size: PageSize,
    column?: ColumnBox,
  ) {
    this.left = column?.left ?? theme.margin.side;
    this.width = column?.width ?? size.width - 2 * theme.margin.side;
    this.top = theme.margin.top;
    this.bottom = size.height - theme.margin.bottom;
  }

  newPage(cover = false): void {
    // Checked as pages are made, so a document that would run away stops here, not after the work.
    if (this.pages.length >= MAX_PAGES)
      throw new InputError(`the document runs past ${MAX_PAGES} pages, the most a brief may have; shorten it or split it into several briefs`);
    this.finishPage();
    this.page = { width: this.size.width, height: this.size.height, cover, items: [], bookmarks: [], destinations: [] };
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

  get atTop(): boolean {
    return this.y <= this.top + 0.001;
  }
  room(): number {
    return this.bottom - (this.notes?.reserved(this.page) ?? 0) - this.y;
  }

  /** Sets the current page's notes at its foot (done for each page when the next is started). */
  finishPage(): void {
    if (this.page && this.notes) this.notes.finish(this.page, this.theme.margin.side, this.bottom);
  }

  /** Runs `place` with the column narrowed by `right` and `left` points (a callout box's padding). */
  inset(right: number, left: number, place: () => void): void {
    const [l, w] = [this.left, this.width];
    this.left += left;
    this.width -= left + right;
    try {
      place();
    } finally {
      [this.left, this.width] = [l, w];
    }
  }
  space(amount: number): void {
    if (!this.atTop) this.y += amount;
  }

  text(lines: LineLayout[], x: number, node?: StructNode): void {
    if (!lines.length) return;
    if (this.notes) this.notes.text(this.page, lines, x, this.y - lines[0].top, node);
    else this.page.items.push({ kind: 'text', lines, x, y: this.y - lines[0].top, struct: node });
    this.y += linesHeight(lines);
  }

  /**
   * Puts `lines` at `x`, over as many pages as they need: on each page the share linesThatFit
   * gives (a new page first when none fits). `onShare` runs where each share is about to land,
   * `first` for the first one (where a heading's bookmark or a list item's label goes).
   */
  flowLines(lines: readonly LineLayout[], x: number, node: StructNode, onShare?: (share: readonly LineLayout[], first: boolean) => void): void {
    let rest = lines;
    let first = true;
    while (rest.length) {
      const k = this.linesThatFit(rest);
      if (k === 0) {
        this.newPage();
        continue;
      }
      const share = rest.slice(0, k);
      onShare?.(share, first);
      first = false;
      this.text(share, x, node);
      rest = rest.slice(k);
      if (rest.length) this.newPage();
    }
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
    let k = 0,
      h = 0,
      notes = 0;
    const extra = (line: LineLayout) => this.notes?.extraFor(this.page, line, notes) ?? 0;
    while (k < lines.length && h + lines[k].height + notes + extra(lines[k]) <= this.room() + 0.01) {
      notes += extra(lines[k]);
      h += lines[k++].height;
    }
    if (k === lines.length) return k;
    const widow = this.theme.widowLines;
    if (lines.length - k < widow) k = lines.length >= 2 * widow ? lines.length - widow : 0;
    if (k < widow && lines.length > k) k = 0;
    if (k === 0 && this.atTop) k = Math.max(1, Math.min(lines.length, Math.floor(this.room() / lines[0].height)));
    return k;
  }
}
