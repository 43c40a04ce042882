// The classification banner: a band at the top and at the foot of every page, the cover, blank
// pages and the back page included, with the level's wording centred on it. The wording is the
// template's (<classification level>), the colours the theme's level. A screen reader meets the
// marking once: the top banner of the first page is a paragraph, the document's first element;
// every other one is a pagination artifact attached to its edge.
import type { EngineContext } from '../context.js';
import { InputError } from '../errors.js';
import type { Classification } from '../markup/tree.js';
import type { Theme } from '../theme.js';
import { struct, type Item, type Page, type StructNode } from './page.js';
import { layoutInlines, plainText } from './text.js';

/**
 * The middle of a line of Arabic, from the top of an alif to the foot of a descender, lies about
 * this many em above the baseline: the wording is centred on its band by it, not by its line box
 * (whose baseline is a quarter em below the middle, for body text), so that the letters stand in
 * the middle of the band and within it.
 */
const INK_MIDDLE = 0.1;

/** How far the banner pushes page furniture from each edge: the band and the gap after it (0 without a banner). */
export const bannerReach = (theme: Theme, classification: Classification | undefined): number =>
  classification ? theme.classification.height + theme.classification.gap : 0;

/** The level's colours, checked: a level the theme does not have is the template's error. */
function levelOf(theme: Theme, classification: Classification): { color: string; fillColor: string } {
  const { levels } = theme.classification;
  const level = Object.hasOwn(levels, classification.level) ? levels[classification.level] : undefined;
  if (!level) {
    throw new InputError(
      `${classification.src}: <classification level="${classification.level}">: the theme has no such level (levels: ${Object.keys(levels).join(', ')})`,
    );
  }
  if (!level.color || !level.fillColor) {
    throw new InputError(`the theme's classification level "${classification.level}" needs both color and fillColor`);
  }
  return { color: level.color, fillColor: level.fillColor };
}

/** Adds both bands to every page; the first page's top banner is tagged as the document's first paragraph. */
export function addBanners(context: EngineContext, pages: readonly Page[], classification: Classification | undefined, root: StructNode): void {
  if (!classification) return;
  const { theme } = context;
  const { height } = theme.classification;
  const { color, fillColor } = levelOf(theme, classification);
  const inset = theme.bleedSafe;
  const style = { ...theme.styles.classification, color, align: 'center' as const };
  const marking = struct('P', root);
  pages.forEach((page, i) => {
    const width = page.width - 2 * inset;
    const laid = layoutInlines(context, classification.inlines, style, width - 2 * theme.table.padX);
    if (laid.lines.length > 1 || laid.height > height) {
      const text = plainText(classification.inlines);
      throw new InputError(
        `${classification.src}: the classification "${text}" does not fit on one line of its ${height.toFixed(1)} pt band; shorten it or raise classification.height`,
      );
    }
    const first = laid.lines[0];
    const band = (y: number, attached: 'Top' | 'Bottom'): Item[] => [
      // Run off the sides into the bleed, like the cover band; the top and bottom stay clear of the unprintable edge.
      { kind: 'rect', x: inset, y, w: width, h: height, fill: fillColor, edges: ['left', 'right'] },
      {
        kind: 'text',
        lines: laid.lines,
        x: inset + theme.table.padX,
        y: y + height / 2 + INK_MIDDLE * style.size - first.baseline,
        ...(i === 0 && attached === 'Top' ? { struct: marking } : { artifact: true, attached }),
      },
    ];
    // First in the page's items: the tagged banner is drawn, and so enters the structure tree, before anything else.
    page.items.unshift(...band(inset, 'Top'), ...band(page.height - inset - height, 'Bottom'));
  });
}
