// The engine context: everything a brief's layout and rendering depend on besides the document
// itself, made once per brief and passed down. No stage reads a theme or a font set from a module
// of its own, so two briefs with two themes can be laid out side by side in one process.
import { createPdfFontCache, type PdfFontCache } from './render/pdf-writer.js';
import { createTextEngine, type TextEngine } from './text/engine.js';
import { defaultTheme, mergeTheme, type PageSize, type Paper, type Theme, type ThemeOverride } from './theme.js';

export interface EngineContext {
  readonly theme: Theme;
  /** Fonts, shaping and its cache, coverage answers. */
  readonly engine: TextEngine;
  /** Parsed fonts and decoded glyph records for embedding subsets in the PDF. */
  readonly pdfFonts: PdfFontCache;
}

/** The engines a context uses: made once and shared by every brief that does not bring its own. */
export interface Engines { engine: TextEngine; pdfFonts: PdfFontCache }

export interface ContextOptions {
  /** Merged over the default theme. */
  theme?: ThemeOverride;
  /** Wins over the theme's paper (the command line's --paper). */
  paper?: Paper | PageSize;
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
  const theme = mergeTheme(defaultTheme, options.paper ? { ...options.theme, paper: options.paper } : options.theme);
  return { theme, ...(options.engines ?? sharedEngines()) };
}
