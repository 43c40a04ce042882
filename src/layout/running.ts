// Running header and footer: page furniture on every page but the cover, with the page number
// and count filled in, checked to fit between the page edge and the text. A classification banner
// at the edge moves them towards the text by its reach (see banner.ts). The header may start
// with an image (a logo) at its start edge, standing on the header's rule like its text.
import type { EngineContext } from '../context.js';
import { formatCounter, type Digits } from '../digits.js';
import { InputError } from '../errors.js';
import type { DocumentTree, Inline } from '../markup/tree.js';
import type { Direction } from '../print/direction.js';
import { bannerReach } from './banner.js';
import { imageBox } from './blocks/figure.js';
import { columnBox } from './columns.js';
import type { Page } from './page.js';
import { layoutInlines, plainText, type Fields } from './text.js';

export function addRunningHeads(context: EngineContext, pages: Page[], tree: DocumentTree, digits: Digits, direction: Direction): void {
  const { theme } = context;
  const reach = bannerReach(theme, tree.classification);
  const total = formatCounter(pages.length, digits);
  const headerInlines: Inline[] = !theme.header.show
    ? []
    : (tree.header ?? (tree.meta.shortTitle && theme.header.shortTitle ? [{ text: tree.meta.shortTitle, bold: false }] : []));
  const footerInlines: Inline[] = theme.footer.show ? (tree.footer ?? []) : [];
  const logo = theme.header.show ? tree.headerImage : undefined;
  /** Between the logo and the header's text. */
  const logoGap = theme.styles.header.size;
  pages.forEach((page, i) => {
    // An intentionally blank page carries nothing but its wording, the back page its own text: no header, no page number.
    if (page.cover || page.blank || page.back) return;
    const { left, width } = columnBox(theme, page.width, i, direction);
    const fields: Fields = { page: formatCounter(i + 1, digits), pages: total };
    // The logo's box, at most a third of the column wide and as tall as the room above the rule.
    const logoBox = logo && imageBox(logo, width / 3, theme.margin.top - 2 * theme.header.ruleGap - theme.bleedSafe - reach);
    const textWidth = width - (logoBox ? logoBox.w + logoGap : 0);
    const textLeft = logoBox && direction === 'ltr' ? left + logoBox.w + logoGap : left;
    let ruleY = reach + theme.header.baselineFromTop + theme.header.ruleGap;
    if (headerInlines.length) {
      const head = layoutInlines(context, headerInlines, theme.styles.header, textWidth, undefined, fields);
      const first = head.lines[0];
      const y = reach + theme.header.baselineFromTop - (first.baseline - first.top);
      ruleY = y + head.height + theme.header.ruleGap;
      if (ruleY > theme.margin.top - theme.header.ruleGap) {
        throw new InputError(
          `the running header "${excerpt(headerInlines)}" takes ${head.lines.length} lines and does not fit above the text${reach ? ' and below the classification banner' : ''}; shorten it (the short title)`,
        );
      }
      page.items.push({ kind: 'text', lines: head.lines, x: textLeft, y: y - first.top, artifact: true, attached: 'Top' });
    }
    if (logo && logoBox) {
      const y = ruleY - theme.header.ruleGap - logoBox.h;
      if (y < theme.bleedSafe + reach)
        throw new InputError(`${logo.at}: the running header's image is too tall for the room above the header's rule; give it a smaller height`);
      const x = direction === 'ltr' ? left : left + width - logoBox.w;
      page.items.push({ kind: 'image', asset: logo.asset!, x, y, w: logoBox.w, h: logoBox.h, artifact: 'Pagination', attached: 'Top' });
    }
    if (headerInlines.length || logoBox)
      page.items.push({ kind: 'line', x1: left, y1: ruleY, x2: left + width, y2: ruleY, color: theme.header.ruleColor, width: theme.header.ruleWidth });
    if (footerInlines.length) {
      const foot = layoutInlines(context, footerInlines, theme.styles.footer, width, undefined, fields);
      const first = foot.lines[0];
      const y = page.height - reach - theme.footer.baselineFromBottom - (first.baseline - first.top);
      if (y + foot.height > page.height - theme.bleedSafe - reach) {
        throw new InputError(`the running footer "${excerpt(footerInlines)}" takes ${foot.lines.length} lines and does not fit below the text; shorten it`);
      }
      page.items.push({ kind: 'text', lines: foot.lines, x: left, y: y - first.top, artifact: true, attached: 'Bottom' });
    }
  });
}

/** The start of some inline text, for messages. */
function excerpt(inlines: readonly Inline[]): string {
  const text = plainText(inlines);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
