// The engine context: everything a brief's layout and rendering depend on besides the document
// itself, made once per brief and passed down. No stage reads a theme or a font set from a module
// of its own, so two briefs with two themes can be laid out side by side in one process.
import { loadFonts, type FontSet } from './text/fonts.js';
import { defaultTheme, mergeTheme, type PageSize, type Paper, type Theme, type ThemeOverride } from './theme.js';

/** What paragraph layout needs from the text engine: the fonts it shapes and measures with. */
export interface TextEngine { readonly fonts: FontSet }

export interface EngineContext {
  readonly theme: Theme;
  readonly engine: TextEngine;
}

export interface ContextOptions {
  /** Merged over the default theme. */
  theme?: ThemeOverride;
  /** Wins over the theme's paper (the command line's --paper). */
  paper?: Paper | PageSize;
  engine?: TextEngine;
}

export function createContext(options: ContextOptions = {}): EngineContext {
  const theme = mergeTheme(defaultTheme, options.paper ? { ...options.theme, paper: options.paper } : options.theme);
  return { theme, engine: options.engine ?? { fonts: loadFonts() } };
}
