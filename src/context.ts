// The engine context: everything a brief's layout and rendering depend on besides the document
// itself, made once per brief and passed down. No stage reads a theme or a font set from a module
// of its own, so two briefs with two themes can be laid out side by side in one process.
import { loadFonts, type FontSet } from './text/fonts.js';
import { mergeTheme, resolveColours, themeDefaults, type PageSize, type Paper, type Theme, type ThemeOverride } from './theme.js';

/** What paragraph layout needs from the text engine: the fonts it shapes and measures with. */
export interface TextEngine { readonly fonts: FontSet }

export interface EngineContext {
  /** Colours resolved: every colour is a value, none a palette name. */
  readonly theme: Theme;
  readonly engine: TextEngine;
}

export interface ContextOptions {
  /** Merged over the defaults, one after another (later layers win); colours may name palette entries. */
  theme?: ThemeOverride | readonly ThemeOverride[];
  /** Wins over the theme's paper (the command line's --paper). */
  paper?: Paper | PageSize;
  engine?: TextEngine;
}

export function createContext(options: ContextOptions = {}): EngineContext {
  const layers: readonly (ThemeOverride | undefined)[] = Array.isArray(options.theme) ? options.theme : [options.theme as ThemeOverride | undefined];
  const merged = [...layers, options.paper ? { paper: options.paper } : undefined].reduce<Theme>((t, layer) => mergeTheme(t, layer), themeDefaults);
  return { theme: resolveColours(merged), engine: options.engine ?? { fonts: loadFonts() } };
}
