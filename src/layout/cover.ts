// The cover: a page region rather than a block kind. Its blocks are ordinary kinds placed with
// the cover's styles below a colour band, and the whole must fit on one page with no header or
// footer; a rule closes it at the foot.
//
// The cover is composed in three groups, so that it uses its page on every paper and
// orientation: the blocks before the first heading (the kind of document and the issuer, a
// logo) at the top under the band; the metadata, from the last rule on (the rule and the table
// of issuer, date, reference, authors), standing on the closing rule at the foot; and the title
// block between them, at the theme's `titleTop` when there is room and that is not lower than
// centred between the other two (a short, wide page would otherwise push it against the foot),
// else centred. When the three do not fit, all are set smaller (never below `minScale`).
import type { Digits } from '../digits.js';
import { InputError } from '../errors.js';
import type { Block } from '../markup/tree.js';
import type { Theme } from '../theme.js';
import { placeBlocks, prepareBlock, type PreparedBlock } from './blocks/index.js';
import { Cursor } from './cursor.js';
import type { EngineContext } from '../context.js';
import type { Page, StructNode } from './page.js';

/** Attempts at a smaller size before giving up (each one aims at the size that would fit). */
const SCALE_STEPS = 8;
/** Points left between the foot group and the bottom of the text area. */
const FIT_SLACK = 0.5;

/** `reach`: how far the classification banner comes down from the top (0 without one); the band stands below it. */
export function placeCover(context: EngineContext, cursor: Cursor, blocks: readonly Block[], root: StructNode, digits: Digits, reach = 0): void {
  const { theme } = context;
  const { cover } = theme;
  const bandTop = theme.bleedSafe + reach;
  // Never above the text area's top: the cover's text stays within the margins of every page.
  const floor = Math.max(theme.margin.top, bandTop + cover.bandHeight + cover.titleGap);
  const groups = coverGroups(blocks);
  // Blocks place themselves with the cursor's theme: a cover set smaller is laid out and placed with the smaller one.
  const prepare = (scale: number): Setting => {
    const scaled = scale === 1 ? theme : scaledTheme(theme, scale);
    const at = { context: { ...context, theme: scaled }, width: cursor.width, region: 'cover' as const, digits };
    return { theme: scaled, groups: groups.map(g => g.map(b => prepareBlock(b, at))) };
  };

  let page: Page | undefined;
  let scale = 1;
  for (let step = 0; !page && step <= SCALE_STEPS; step++) {
    const setting = prepare(scale);
    // The head is measured where it stands; the others away from the page's top, where the space before them counts.
    const [head, title, foot] = setting.groups.map((g, i) => contentHeight(cursor, setting.theme, g, i === 0 ? floor : cursor.size.height / 2, root));
    const gap = cover.titleGap * scale;
    const headEnd = floor + head + (head ? gap : 0);
    const footTop = cursor.bottom - foot - (foot ? gap : 0);
    const room = footTop - headEnd;
    if (title <= room) {
      const centred = headEnd + (room - title) / 2;
      // The foot a hair above the bottom: the blocks compare room without tolerance, and sums of heights round.
      const tops = { head: floor, title: Math.max(headEnd, Math.min(cover.titleTop, centred)), foot: cursor.bottom - foot - FIT_SLACK };
      page = attempt(cursor, setting, tops, bandTop, root);
    }
    const needed = head + title + foot + (head ? gap : 0) + (foot ? gap : 0);
    if (page || scale <= cover.minScale) break;
    scale = Math.max(cover.minScale, Math.min(scale - 0.01, (scale * (cursor.bottom - floor)) / needed));
  }
  if (!page) {
    throw new InputError(`${blocks[0].src}: the cover does not fit on one page; shorten its text (the title, the subtitle or the facts in its table)`);
  }
  cursor.newPage(true);
  cursor.page.items.push(...page.items);
  cursor.rule(cursor.bottom + cover.ruleOffset, cover.ruleColor, cover.ruleWidth);
}

/** The cover's blocks in their three groups: before the first heading, up to the last rule, from it on. */
function coverGroups(blocks: readonly Block[]): Block[][] {
  const first = blocks.findIndex(b => b.kind === 'heading');
  const start = Math.max(first, 0);
  let end = blocks.length;
  while (end > start + 1 && blocks[end - 1].kind !== 'rule') end--;
  if (end <= start + 1) end = blocks.length;
  else end--;
  return [blocks.slice(0, start), blocks.slice(start, end), blocks.slice(end)];
}

/** The cover's groups prepared at one size, and the theme they were prepared with. */
interface Setting {
  theme: Theme;
  groups: PreparedBlock[][];
}

/** The cover page with each group from its top, if they fit on it. */
function attempt(
  cursor: Cursor,
  { theme, groups }: Setting,
  tops: { head: number; title: number; foot: number },
  bandTop: number,
  root: StructNode,
): Page | undefined {
  const trial = new Cursor(theme, cursor.size);
  trial.newPage(true);
  trial.page.items.push({
    kind: 'rect',
    x: theme.bleedSafe,
    y: bandTop,
    w: cursor.size.width - 2 * theme.bleedSafe,
    h: theme.cover.bandHeight,
    fill: theme.cover.bandColor,
    edges: ['left', 'right'],
  });
  [tops.head, tops.title, tops.foot].forEach((top, i) => {
    trial.y = top;
    placeBlocks(trial, groups[i], root);
  });
  return trial.pages.length === 1 ? trial.page : undefined;
}

/** How far the blocks reach down from `top` on a page with no foot: their ink, or the space they take (a cell's padding), whichever is lower. */
function contentHeight(cursor: Cursor, theme: Theme, blocks: readonly PreparedBlock[], top: number, root: StructNode): number {
  if (!blocks.length) return 0;
  const endless = new Cursor(theme, { width: cursor.size.width, height: Infinity });
  endless.newPage(true);
  endless.y = top;
  placeBlocks(endless, blocks, root);
  let bottom = top;
  for (const item of endless.page.items) {
    if (item.kind === 'text') bottom = Math.max(bottom, item.y + item.lines.at(-1)!.top + item.lines.at(-1)!.height);
    else if (item.kind === 'line') bottom = Math.max(bottom, item.y1, item.y2);
    else bottom = Math.max(bottom, item.y + item.h);
  }
  return Math.max(bottom, endless.y) - top;
}
/** The theme with type and spacing `scale` times their size, for a cover set smaller to fit. */
function scaledTheme(theme: Theme, scale: number): Theme {
  const styles = Object.fromEntries(
    Object.entries(theme.styles).map(([name, s]) => [
      name,
      {
        ...s,
        size: s.size * scale,
        spaceBefore: s.spaceBefore * scale,
        spaceAfter: s.spaceAfter * scale,
      },
    ]),
  ) as Theme['styles'];
  const { table, rule, list } = theme;
  return {
    ...theme,
    styles,
    table: { ...table, padX: table.padX * scale, padY: table.padY * scale },
    rule: { ...rule, spaceBefore: rule.spaceBefore * scale, spaceAfter: rule.spaceAfter * scale },
    list: { ...list, indent: list.indent * scale, gap: list.gap * scale },
  };
}
