// The cover: a page region rather than a block kind. Its blocks are ordinary kinds placed with
// the cover's styles below a colour band, and the whole must fit on one page with no header or
// footer; a rule closes it at the foot.
//
// Where the title block starts is derived from the page, so that one theme composes a cover on
// every paper and orientation: at the theme's `titleTop` when the block fits below it and would
// not sit lower there than centred (a short, wide page would otherwise push it against the foot
// with the room left empty above it); else centred between the band and the foot; else set
// smaller (never below `minScale`) and centred.
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

export function placeCover(context: EngineContext, cursor: Cursor, blocks: readonly Block[], root: StructNode, digits: Digits): void {
  const { theme } = context;
  const { cover } = theme;
  const floor = theme.bleedSafe + cover.bandHeight + cover.titleGap;
  // Blocks place themselves with the cursor's theme: a cover set smaller is laid out and placed with the smaller one.
  const prepare = (scale: number): Setting => {
    const scaled = scale === 1 ? theme : scaledTheme(theme, scale);
    const at = { context: { ...context, theme: scaled }, width: cursor.width, region: 'cover' as const, digits };
    return { theme: scaled, blocks: blocks.map(b => prepareBlock(b, at)) };
  };

  let setting = prepare(1);
  const room = cursor.bottom - floor;
  const height = contentHeight(cursor, setting, floor, root);
  const centred = floor + (room - height) / 2;
  let page = attempt(cursor, setting, height <= room ? Math.min(cover.titleTop, centred) : cover.titleTop, root);
  for (let scale = 1, step = 0; !page && step < SCALE_STEPS; step++) {
    const height = contentHeight(cursor, setting, floor, root);
    if (height <= room) page = attempt(cursor, setting, floor + (room - height) / 2, root);
    if (page || scale <= cover.minScale) break;
    scale = Math.max(cover.minScale, Math.min(scale - 0.01, (scale * room) / height));
    setting = prepare(scale);
  }
  if (!page) {
    throw new InputError(`${blocks[0].src}: the cover does not fit on one page; shorten its text (the title, the subtitle or the facts in its table)`);
  }
  cursor.newPage(true);
  cursor.page.items.push(...page.items);
  cursor.rule(cursor.bottom + cover.ruleOffset, cover.ruleColor, cover.ruleWidth);
}

/** The cover's blocks prepared at one size, and the theme they were prepared with. */
interface Setting {
  theme: Theme;
  blocks: PreparedBlock[];
}

/** The cover page with its blocks from `top`, if they fit on it. */
function attempt(cursor: Cursor, { theme, blocks }: Setting, top: number, root: StructNode): Page | undefined {
  const trial = new Cursor(theme, cursor.size);
  trial.newPage(true);
  trial.page.items.push({
    kind: 'rect',
    x: theme.bleedSafe,
    y: theme.bleedSafe,
    w: cursor.size.width - 2 * theme.bleedSafe,
    h: theme.cover.bandHeight,
    fill: theme.cover.bandColor,
    edges: ['left', 'right'],
  });
  trial.y = top;
  placeBlocks(trial, blocks, root);
  return trial.pages.length === 1 ? trial.page : undefined;
}

/** How far the blocks reach down from `top` on a page with no foot. */
function contentHeight(cursor: Cursor, { theme, blocks }: Setting, top: number, root: StructNode): number {
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
  return bottom - top;
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
