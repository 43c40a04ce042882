// The theme's colours as greys for black-and-white printing. Each colour becomes the grey of the
// same relative luminance, which keeps every WCAG contrast ratio as it was; then the fills are
// spread apart until each differs visibly from the next lighter one (and from the paper), and
// every text colour is darkened, if it must be, to 4.5:1 against every fill text is set on (a
// classification banner's band, under light wording, is darkened instead).
import { mapColours, type Palette, type Theme } from '../theme.js';

/** Least difference in CIE L* between two fills (the paper, the light band, the band). */
export const FILL_STEP = 6;
/** WCAG AA for body text. */
export const TEXT_CONTRAST = 4.5;
/** A rule stays visible on the paper. */
export const RULE_CONTRAST = 2;

const PAPER = '#ffffff';

const channel = (hex: string, i: number): number => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const gamma = (y: number): number => (y <= 0.0031308 ? 12.92 * y : 1.055 * y ** (1 / 2.4) - 0.055);

function expand(hex: string): string {
  const h = hex.trim().toLowerCase();
  if (/^#[0-9a-f]{3}$/.test(h)) return `#${[...h.slice(1)].map(c => c + c).join('')}`;
  if (!/^#[0-9a-f]{6}$/.test(h)) throw new Error(`greyscale: "${hex}" is not a #rrggbb colour`);
  return h;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const h = expand(hex);
  return 0.2126 * linear(channel(h, 0)) + 0.7152 * linear(channel(h, 1)) + 0.0722 * linear(channel(h, 2));
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The grey of relative luminance `y`, rounded to 8 bits towards darker (so a ratio met in Y is met in bytes). */
function greyOf(y: number): string {
  const v = Math.max(0, Math.min(255, Math.floor(gamma(Math.max(0, Math.min(1, y))) * 255)));
  const byte = v.toString(16).padStart(2, '0');
  return `#${byte}${byte}${byte}`;
}

const lightness = (y: number): number => (y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y);
const fromLightness = (l: number): number => (l > 8 ? ((l + 16) / 116) ** 3 : (l * 27) / 24389);

/** A grey no lighter than `grey` with contrast at least `ratio` against each of `backgrounds` (all lighter). */
function darkenTo(grey: string, backgrounds: readonly string[], ratio: number): string {
  const lightest = Math.min(...backgrounds.map(luminance));
  const most = (lightest + 0.05) / ratio - 0.05;
  let out = luminance(grey) <= most ? grey : greyOf(most);
  // Rounding to bytes can leave a ratio a hair short; step down until it holds.
  while (backgrounds.some(b => contrast(out, b) < ratio) && out !== '#000000') out = greyOf(luminance(out) * 0.98);
  return out;
}

export interface GreyscaleMap {
  /** Every colour of the theme, as #rrggbb, to its grey. */
  readonly colours: ReadonlyMap<string, string>;
  /** The fills text is set on (the paper first), as greys. */
  readonly backgrounds: readonly string[];
}

/** Which palette colours are fills that text may stand on, lightest first. */
const TEXT_FILLS: readonly (keyof Palette)[] = ['bandLight', 'band'];

/** The greys of a theme's colours (see the module comment). */
export function greyscaleMap(theme: Theme): GreyscaleMap {
  const colours = new Map<string, string>();
  // Fills, lightest first, each at least FILL_STEP of L* below the one before (the paper first).
  let previous = lightness(luminance(PAPER));
  const fills = [...TEXT_FILLS].sort((a, b) => luminance(theme.palette[b]) - luminance(theme.palette[a]));
  for (const name of fills) {
    const colour = expand(theme.palette[name]);
    if (colours.has(colour)) continue;
    const l = Math.min(lightness(luminance(colour)), previous - FILL_STEP);
    colours.set(colour, greyOf(fromLightness(l)));
    previous = l;
  }
  const backgrounds = [PAPER, ...fills.map(n => colours.get(expand(theme.palette[n]))!)];
  // Text: the palette's text colours and every style's colour.
  const texts = [theme.palette.ink, theme.palette.accent, theme.palette.muted, ...Object.values(theme.styles).map(s => s.color)];
  for (const c of texts.map(expand)) {
    if (!colours.has(c)) colours.set(c, darkenTo(greyOf(luminance(c)), backgrounds, TEXT_CONTRAST));
  }
  // Classification banners: each level's wording against its own band. A dark wording on a light
  // band is darkened (as above); a light wording on a dark band keeps its grey and the band is
  // darkened instead, so the pair keeps 4.5:1 whichever way it is set.
  for (const level of Object.values(theme.classification.levels)) {
    if (!level.color || !level.fillColor) continue;
    const [text, fill] = [expand(level.color), expand(level.fillColor)];
    const fillGrey = colours.get(fill) ?? greyOf(luminance(fill));
    const textGrey = colours.get(text) ?? greyOf(luminance(text));
    if (luminance(text) <= luminance(fill)) {
      colours.set(fill, fillGrey);
      colours.set(text, darkenTo(textGrey, [fillGrey], TEXT_CONTRAST));
    } else {
      colours.set(text, textGrey);
      colours.set(fill, darkenTo(fillGrey, [textGrey], TEXT_CONTRAST));
    }
  }
  const rule = expand(theme.palette.rule);
  if (!colours.has(rule)) colours.set(rule, darkenTo(greyOf(luminance(rule)), [PAPER], RULE_CONTRAST));
  return { colours, backgrounds };
}

/** The theme with its palette and every style's colour replaced by greys. */
export function greyscaleTheme(theme: Theme): Theme {
  const { colours } = greyscaleMap(theme);
  const grey = (c: string): string => colours.get(expand(c)) ?? greyOf(luminance(c));
  return mapColours(theme, grey);
}
