// Pages from the document tree: blocks are laid out at the content width, then placed top-down,
// breaking pages between lines (at least two lines on each side of a break), keeping headings with
// what follows them, repeating table headers and never splitting a table row that fits on a page.
import type { Block, DocumentTree, Inline, List, Row, Table } from '../markup/tree.js';
import type { LineLayout, ParagraphLayout } from '../text/paragraph.js';
import { styleFor, theme, type Paper, type StyleName, type TextStyle } from '../theme.js';
import { struct, type Page, type StructNode, type StructType } from './page.js';
import { layoutInlines, plainText, type Fields } from './text.js';
import { InputError } from '../errors.js';
import type { TextEngine } from '../text/engine.js';

export interface LayoutOptions {
  paper: Paper;
  /** Formats a page number in the document's digits. */
  formatNumber: (n: number) => string;
  /** Fonts and shaping for every paragraph. */
  engine: TextEngine;
}

export interface LaidOutDocument { pages: Page[]; root: StructNode }

interface PreparedText { layout: ParagraphLayout; style: TextStyle; struct: StructType; title?: string; bookmarkLevel?: number }
interface PreparedCell { layout: ParagraphLayout; x: number; w: number; header: boolean; scope?: 'Row' | 'Column'; colSpan: number }
interface PreparedRow { cells: PreparedCell[]; height: number; band?: string; head: boolean }
interface PreparedTable { caption?: PreparedText; head: PreparedRow[]; body: PreparedRow[]; cover: boolean }
interface PreparedList { items: { label: ParagraphLayout; body: ParagraphLayout }[]; ordered: boolean; style: TextStyle; indent: number }

type Prepared =
  | { kind: 'text'; text: PreparedText }
  | { kind: 'list'; list: PreparedList }
  | { kind: 'table'; table: PreparedTable }
  | { kind: 'break' }
  | { kind: 'rule' };

const linesHeight = (lines: readonly LineLayout[]) => lines.reduce((h, l) => h + l.height, 0);

class Flow {
  readonly pages: Page[] = [];
  page!: Page;
  y = 0;
  readonly left = theme.margin.side;
  readonly width: number;
  readonly top = theme.margin.top;
  readonly bottom: number;

  constructor(readonly size: { width: number; height: number }) {
    this.width = size.width - 2 * theme.margin.side;
    this.bottom = size.height - theme.margin.bottom;
  }

  newPage(cover = false): void {
    this.page = { width: this.size.width, height: this.size.height, cover, items: [], bookmarks: [] };
    this.pages.push(this.page);
    this.y = this.top;
  }

  get atTop(): boolean { return this.y <= this.top + 0.001; }
  room(): number { return this.bottom - this.y; }
  space(amount: number): void { if (!this.atTop) this.y += amount; }

  text(lines: LineLayout[], x: number, node?: StructNode): void {
    if (!lines.length) return;
    this.page.items.push({ kind: 'text', lines, x, y: this.y - lines[0].top, struct: node });
    this.y += linesHeight(lines);
  }
}

export function layoutDocument(tree: DocumentTree, options: LayoutOptions): LaidOutDocument {
  const flow = new Flow(theme.paper[options.paper]);
  const root = struct('Document');
  if (tree.cover.length) {
    flow.newPage(true);
    const band = theme.cover.bandHeight;
    flow.page.items.push({ kind: 'rect', x: theme.bleedSafe, y: theme.bleedSafe, w: flow.size.width - 2 * theme.bleedSafe, h: band, fill: theme.palette.accent });
    flow.y = theme.cover.titleTop;
    placeBlocks(flow, tree.cover.map(b => prepare(b, flow.width, true, options)), root);
    if (flow.pages.length > 1) {
      // The cover is one page without header or footer: its text must not run on.
      throw new InputError(`${tree.cover[0].src}: the cover does not fit on one page; shorten its text (the title, the subtitle or the facts in its table)`);
    }
    const ruleY = flow.bottom + 6;
    flow.page.items.push({ kind: 'line', x1: flow.left, y1: ruleY, x2: flow.left + flow.width, y2: ruleY, color: theme.palette.accent, width: 1.2 });
  }
  flow.newPage();
  placeBlocks(flow, tree.body.map(b => prepare(b, flow.width, false, options)), root);
  if (flow.page.items.length === 0 && flow.pages.length > 1) flow.pages.pop();
  addRunningHeads(flow.pages, tree, options);
  return { pages: flow.pages, root };
}

function prepare(block: Block, width: number, cover: boolean, options: LayoutOptions): Prepared {
  switch (block.kind) {
    case 'heading': {
      const style = theme.styles[`h${block.level}` as StyleName];
      const s = block.className ? styleFor(block.className, `h${block.level}` as StyleName) : style;
      return { kind: 'text', text: { layout: layoutInlines(options.engine, block.inlines, s, width), style: s, struct: `H${block.level}` as StructType, title: plainText(block.inlines), bookmarkLevel: cover ? undefined : block.level } };
    }
    case 'paragraph': {
      const style = styleFor(block.className, 'body');
      return { kind: 'text', text: { layout: layoutInlines(options.engine, block.inlines, style, width), style, struct: 'P' } };
    }
    case 'list': return { kind: 'list', list: prepareList(block, width, options.formatNumber, options.engine) };
    case 'table': return { kind: 'table', table: prepareTable(block, width, cover, options.engine) };
    case 'page-break': return { kind: 'break' };
    case 'rule': return { kind: 'rule' };
  }
}

function prepareList(list: List, width: number, formatNumber: (n: number) => string, engine: TextEngine): PreparedList {
  const style = styleFor(list.className, 'list-item');
  const labelStyle = { ...style, color: theme.palette.accent };
  const labelText = (i: number) => [{ text: list.ordered ? `${formatNumber(i + 1)}.` : theme.list.bullet, bold: false }];
  // Labels at their natural width ("10." is wider than "9."); the indent grows to the widest.
  const natural = list.items.map((_, i) => layoutInlines(engine, labelText(i), labelStyle, width, 'start').lines[0]?.width ?? 0);
  const indent = Math.max(theme.list.indent, Math.max(0, ...natural) + theme.list.gap);
  const items = list.items.map((inlines, i) => ({
    label: layoutInlines(engine, labelText(i), labelStyle, natural[i], 'start'),
    body: layoutInlines(engine, inlines, style, width - indent),
  }));
  return { items, ordered: list.ordered, style, indent };
}

function columnWidths(table: Table, width: number): number[] {
  const count = Math.max(1, ...[...table.head, ...table.body].map(r => r.cells.reduce((n, c) => n + c.colspan, 0)));
  const fractions = table.columns && table.columns.length === count ? table.columns : Array(count).fill(1 / count);
  return fractions.map(f => f * width);
}

function prepareTable(table: Table, width: number, cover: boolean, engine: TextEngine): PreparedTable {
  const widths = columnWidths(table, width);
  const { padX, padY } = theme.table;
  const prepareRow = (row: Row, head: boolean): PreparedRow => {
    let col = 0;
    let right = width; // columns start from the right: the first cell is the rightmost
    const group = row.className === 'group' || (row.cells.length === 1 && row.cells[0].colspan === widths.length && widths.length > 1);
    const cells = row.cells.map(cell => {
      const w = widths.slice(col, col + cell.colspan).reduce((a, b) => a + b, 0);
      col += cell.colspan;
      right -= w;
      const styleName: StyleName = cover ? (cell.header ? 'cover-meta-label' : 'cover-meta') : head ? 'cell-head' : group ? 'cell-group' : cell.header ? 'cell-label' : 'cell';
      const style = cell.className ? styleFor(cell.className, styleName) : theme.styles[styleName];
      const layout = layoutInlines(engine, cell.inlines, style, Math.max(1, w - 2 * padX));
      return { layout, x: right, w, header: cell.header, scope: cell.scope, colSpan: cell.colspan } satisfies PreparedCell;
    });
    const height = Math.max(0, ...cells.map(c => c.layout.height)) + 2 * padY;
    return { cells, height, head, band: head && !cover ? theme.palette.band : group && !cover ? theme.palette.bandLight : undefined };
  };
  const caption = table.caption ? { layout: layoutInlines(engine, table.caption, theme.styles.caption, width), style: theme.styles.caption, struct: 'Caption' as const } : undefined;
  return { caption, head: table.head.map(r => prepareRow(r, true)), body: table.body.map(r => prepareRow(r, false)), cover };
}

/** Height that must fit below a heading for the heading to stay on this page. */
function minStart(blocks: readonly Prepared[], i: number): number {
  const p = blocks[i];
  if (!p) return 0;
  switch (p.kind) {
    case 'text': {
      const own = p.text.style.spaceBefore;
      // A heading followed by a heading: both stay with the text that follows them.
      if (p.text.struct.startsWith('H')) return own + p.text.layout.height + p.text.style.spaceAfter + minStart(blocks, i + 1);
      return own + linesHeight(p.text.layout.lines.slice(0, theme.keepWithNextLines));
    }
    case 'list': {
      // The first lines of the list, across items when the first item is a single line.
      let h = 0, n = 0;
      for (const item of p.list.items) {
        for (const line of item.body.lines) { if (n++ === theme.keepWithNextLines) return h; h += line.height; }
        h += p.list.style.spaceAfter;
      }
      return h;
    }
    case 'table': {
      const t = p.table;
      return (t.caption ? t.caption.layout.height : 0) + t.head.reduce((h, r) => h + r.height, 0) + (t.body[0]?.height ?? 0);
    }
    default: return 0;
  }
}

function placeBlocks(flow: Flow, blocks: Prepared[], root: StructNode): void {
  blocks.forEach((p, i) => {
    switch (p.kind) {
      case 'break': if (!flow.atTop) flow.newPage(); break;
      case 'rule': {
        flow.space(6);
        flow.page.items.push({ kind: 'line', x1: flow.left, y1: flow.y, x2: flow.left + flow.width, y2: flow.y, color: theme.palette.rule, width: 0.6 });
        flow.y += 8;
        break;
      }
      case 'text': {
        const keep = p.text.struct.startsWith('H') ? minStart(blocks, i + 1) : 0;
        placeText(flow, p.text, flow.left, struct(p.text.struct, root), keep);
        break;
      }
      case 'list': placeList(flow, p.list, root); break;
      case 'table': placeTable(flow, p.table, root); break;
    }
  });
}

/** How many of `lines` to put on the current page: all that fit, but never one line alone on either side. */
function linesThatFit(flow: Flow, lines: readonly LineLayout[]): number {
  let k = 0, h = 0;
  while (k < lines.length && h + lines[k].height <= flow.room() + 0.01) h += lines[k++].height;
  if (k === lines.length) return k;
  const widow = theme.widowLines;
  if (lines.length - k < widow) k = lines.length >= 2 * widow ? lines.length - widow : 0;
  if (k < widow && lines.length > k) k = 0;
  if (k === 0 && flow.atTop) k = Math.max(1, Math.min(lines.length, Math.floor(flow.room() / lines[0].height)));
  return k;
}

function placeText(flow: Flow, text: PreparedText, x: number, node: StructNode, keepWithNext = 0): void {
  const { layout, style } = text;
  flow.space(style.spaceBefore);
  if (!flow.atTop && linesHeight(layout.lines) + keepWithNext > flow.room() && keepWithNext > 0) flow.newPage();
  let lines = layout.lines;
  let bookmarked = !(text.bookmarkLevel && text.title);
  while (lines.length) {
    const k = linesThatFit(flow, lines);
    if (k === 0) { flow.newPage(); continue; }
    // On the page where the heading's first line lands, which may not be where it was started.
    if (!bookmarked) { flow.page.bookmarks.push({ title: text.title!, level: text.bookmarkLevel!, y: flow.y }); bookmarked = true; }
    flow.text(lines.slice(0, k), x, node);
    lines = lines.slice(k);
    if (lines.length) flow.newPage();
  }
  flow.y += style.spaceAfter;
}

function placeList(flow: Flow, list: PreparedList, root: StructNode): void {
  const node = struct('L', root);
  flow.space(list.style.spaceBefore);
  for (const item of list.items) {
    const li = struct('LI', node);
    const lbl = struct('Lbl', li);
    const body = struct('LBody', li);
    let lines = item.body.lines;
    let first = true;
    while (lines.length) {
      const k = linesThatFit(flow, lines);
      if (k === 0) { flow.newPage(); continue; }
      if (first) {
        // The label shares the first line's baseline, flush with the start (right) edge.
        const labelLine = item.label.lines[0];
        const shift = lines[0].baseline - lines[0].top - (labelLine.baseline - labelLine.top);
        flow.page.items.push({ kind: 'text', lines: [labelLine], x: flow.left + flow.width - item.label.width, y: flow.y + shift - labelLine.top, struct: lbl });
        first = false;
      }
      flow.text(lines.slice(0, k), flow.left, body);
      lines = lines.slice(k);
      if (lines.length) flow.newPage();
    }
    flow.y += list.style.spaceAfter;
  }
  flow.y += theme.styles.body.spaceAfter - list.style.spaceAfter;
}

function placeTable(flow: Flow, table: PreparedTable, root: StructNode): void {
  const node = struct('Table', root);
  flow.space(table.cover ? 0 : 10);
  const headHeight = table.head.reduce((h, r) => h + r.height, 0);
  const firstRow = table.body[0]?.height ?? 0;
  const captionHeight = table.caption ? table.caption.layout.height + table.caption.style.spaceAfter : 0;
  if (!flow.atTop && captionHeight + headHeight + firstRow > flow.room()) flow.newPage();
  if (table.caption) placeText(flow, table.caption, flow.left, struct('Caption', node));
  const drawRow = (row: PreparedRow, rowNode?: StructNode) => {
    const top = flow.y;
    if (row.band) flow.page.items.push({ kind: 'rect', x: flow.left, y: top, w: flow.width, h: row.height, fill: row.band });
    for (const cell of row.cells) {
      const cellNode = rowNode && cellStruct(cell, rowNode);
      const lines = cell.layout.lines;
      if (lines.length) flow.page.items.push({ kind: 'text', lines, x: flow.left + cell.x + theme.table.padX, y: top + theme.table.padY - lines[0].top, struct: cellNode, artifact: !rowNode });
    }
    flow.y = top + row.height;
    const ruleWidth = row.head ? theme.table.headRule : theme.table.rule;
    const color = row.head ? theme.palette.accent : theme.palette.rule;
    if (!table.cover) flow.page.items.push({ kind: 'line', x1: flow.left, y1: flow.y, x2: flow.left + flow.width, y2: flow.y, color, width: ruleWidth });
  };
  const drawHead = (repeat: boolean) => {
    for (const row of table.head) drawRow(row, repeat ? undefined : struct('TR', node));
  };
  drawHead(false);
  for (const row of table.body) {
    if (row.height > flow.room() && !(flow.atTop)) {
      flow.newPage();
      drawHead(true);
    }
    if (row.height > flow.room()) {
      splitRow(flow, row, struct('TR', node), () => drawHead(true));
      continue;
    }
    drawRow(row, struct('TR', node));
  }
  flow.y += table.cover ? 0 : theme.table.spaceAfter;
}

/** The TH or TD element of a cell, with its scope and column span. */
function cellStruct(cell: PreparedCell, row: StructNode): StructNode {
  return struct(cell.header ? 'TH' : 'TD', row, {
    ...(cell.header ? { scope: cell.scope ?? 'Column' } : {}),
    ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
  });
}

/** A row taller than a whole page: its cells continue line by line on the following pages. */
function splitRow(flow: Flow, row: PreparedRow, rowNode: StructNode, drawHead: () => void): void {
  const nodes = row.cells.map(c => cellStruct(c, rowNode));
  let remaining = row.cells.map(c => c.layout.lines);
  while (remaining.some(l => l.length)) {
    const room = flow.room() - 2 * theme.table.padY;
    const top = flow.y;
    let used = 0;
    remaining = remaining.map((lines, i) => {
      let k = 0, h = 0;
      while (k < lines.length && h + lines[k].height <= room) h += lines[k++].height;
      if (k === 0 && lines.length && flow.atTop) { k = 1; h = lines[0].height; }
      if (k) flow.page.items.push({ kind: 'text', lines: lines.slice(0, k), x: flow.left + row.cells[i].x + theme.table.padX, y: top + theme.table.padY - lines[0].top, struct: nodes[i] });
      used = Math.max(used, h);
      return lines.slice(k);
    });
    flow.y = top + used + 2 * theme.table.padY;
    flow.page.items.push({ kind: 'line', x1: flow.left, y1: flow.y, x2: flow.left + flow.width, y2: flow.y, color: theme.palette.rule, width: theme.table.rule });
    if (remaining.some(l => l.length)) { flow.newPage(); drawHead(); }
  }
}

function addRunningHeads(pages: Page[], tree: DocumentTree, options: LayoutOptions): void {
  const width = pages[0].width - 2 * theme.margin.side;
  const left = theme.margin.side;
  const total = options.formatNumber(pages.length);
  const headerInlines: Inline[] = tree.header ?? (tree.meta.shortTitle ? [{ text: tree.meta.shortTitle, bold: false }] : []);
  pages.forEach((page, i) => {
    if (page.cover) return;
    const fields: Fields = { page: options.formatNumber(i + 1), pages: total };
    if (headerInlines.length) {
      const head = layoutInlines(options.engine, headerInlines, theme.styles.header, width, undefined, fields);
      const first = head.lines[0];
      const y = theme.header.baselineFromTop - (first.baseline - first.top);
      const ruleY = y + head.height + theme.header.ruleGap;
      if (ruleY > theme.margin.top - theme.header.ruleGap) {
        throw new InputError(`the running header "${excerpt(headerInlines)}" takes ${head.lines.length} lines and does not fit above the text; shorten it (the short title, the classification)`);
      }
      page.items.push({ kind: 'text', lines: head.lines, x: left, y: y - first.top, artifact: true });
      page.items.push({ kind: 'line', x1: left, y1: ruleY, x2: left + width, y2: ruleY, color: theme.palette.rule, width: 0.5 });
    }
    if (tree.footer?.length) {
      const foot = layoutInlines(options.engine, tree.footer, theme.styles.footer, width, undefined, fields);
      const first = foot.lines[0];
      const y = page.height - theme.footer.baselineFromBottom - (first.baseline - first.top);
      if (y + foot.height > page.height - theme.bleedSafe) {
        throw new InputError(`the running footer "${excerpt(tree.footer)}" takes ${foot.lines.length} lines and does not fit below the text; shorten it`);
      }
      page.items.push({ kind: 'text', lines: foot.lines, x: left, y: y - first.top, artifact: true });
    }
  });
}

/** The start of some inline text, for messages. */
function excerpt(inlines: readonly Inline[]): string {
  const text = plainText(inlines);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
