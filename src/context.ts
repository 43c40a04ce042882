// The engine context: everything a brief's layout and rendering depend on besides the document
// itself, made once per brief and passed down. No stage reads a theme or a font set from a module
// of its own, so two briefs with two themes can be laid out side by side in one process.
import { createPdfFontCache, type PdfFontCache } from './render/pdf-writer.js';
import { greyscaleTheme } from './print/greyscale.js';
import { createTextEngine, type TextEngine } from './text/engine.js';
import { mergeTheme, resolveColours, themeDefaults, type PageSize, type Paper, type PrintSettings, type Theme, type ThemeOverride } from './theme.js';

export interface EngineContext {
  /** Colours resolved: every colour is a value, none a palette name. */
  readonly theme: Theme;
  /** Fonts, shaping and its cache, coverage answers. */
  readonly engine: TextEngine;
  /** Parsed fonts and decoded glyph records for embedding subsets in the PDF. */
  readonly pdfFonts: PdfFontCache;
}

/** The engines a context uses: made once and shared by every brief that does not bring its own. */
export interface Engines {
  engine: TextEngine;
  pdfFonts: PdfFontCache;
}

export interface ContextOptions {
  /** Merged over the defaults, one after another (later layers win); colours may name palette entries. */
  theme?: ThemeOverride | readonly ThemeOverride[];
  /** Wins over the theme's paper (the command line's --paper). */
  paper?: Paper | PageSize;
  /** Win over the theme's print settings (the command line's --duplex, --bleed, --greyscale…). */
  print?: Partial<PrintSettings>;
  engines?: Engines;
}

let shared: Engines | undefined;
/**
 * The process's engines, made on the first render: fonts are read and parsed once, and shaping
 * results are kept (within the engine's bound) from brief to brief.
 */
export const sharedEngines = (): Engines => (shared ??= { engine: createTextEngine(), pdfFonts: createPdfFontCache() });

/** Puts these engines in place of the process's (none: the next render makes them afresh). */
export function setSharedEngines(engines: Engines | undefined): void {
  shared = engines;
}

export function createContext(options: ContextOptions = {}): EngineContext {
  const layers: readonly (ThemeOverride | undefined)[] = Array.isArray(options.theme) ? options.theme : [options.theme as ThemeOverride | undefined];
  const merged = [...layers, options.paper ? { paper: options.paper } : undefined].reduce<Theme>((t, layer) => mergeTheme(t, layer), themeDefaults);
  let theme = resolveColours(merged);
  if (options.print) theme = { ...theme, print: { ...theme.print, ...options.print } };
  if (theme.print.greyscale) theme = greyscaleTheme(theme);
  return { theme, ...(options.engines ?? sharedEngines()) };
}
