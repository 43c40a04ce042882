// The text engine: the one owner of the fonts, the HarfBuzz shaper with its cache, and the
// coverage answers. Created once (per process, or per set of fonts) and passed to every paragraph
// layout; nothing in the text stages reaches for a font or a cache of its own.
import { fontsDir } from '../fonts/files.js';
import { Coverage } from './coverage.js';
import { loadFonts, type FontSet } from './fonts.js';
import { Shaper, type FaceOpener } from './shaper.js';
import type { ShapeCacheStats } from './shape-cache.js';

export interface TextEngineOptions {
  /** Folder of the font files (default: the package's fonts/). */
  fontsDir?: string;
  /** Bound of the shaping cache, in glyph records (default DEFAULT_SHAPE_CACHE_GLYPHS). */
  shapeCacheGlyphs?: number;
  /** How faces are opened for shaping (default HarfBuzz's openFace; the start-up snapshot's build passes a stand-in). */
  openFace?: FaceOpener;
}

export class TextEngine {
  readonly fonts: FontSet;
  /** Which face draws which character: font fallback and the input checks ask it. */
  readonly coverage: Coverage;
  readonly shaper: Shaper;

  constructor(options: TextEngineOptions = {}) {
    this.fonts = loadFonts(options.fontsDir ?? fontsDir(), options.openFace);
    this.coverage = new Coverage(this.fonts);
    this.shaper = new Shaper(options.shapeCacheGlyphs);
  }

  /** What the shaping cache holds now, against its bound. */
  shapeCacheStats(): ShapeCacheStats {
    return this.shaper.cacheStats();
  }
}

export const createTextEngine = (options: TextEngineOptions = {}): TextEngine => new TextEngine(options);
