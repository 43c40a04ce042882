// The only module that talks to HarfBuzz. Everything it returns is in font units, in the visual
// (left-to-right) order HarfBuzz produces, with clusters as UTF-16 offsets into the caller's text.
import * as hb from 'harfbuzzjs';
import { ShapeCache, type ShapeCacheStats } from './shape-cache.js';

/**
 * A face as the shaper sees it: its metrics, its cmap, and the shaping of a string. HarfBuzz's
 * faces (openFace) are the ones every brief is shaped with; the seam lets the start-up snapshot
 * build, where WebAssembly does not exist, lay out with a stand-in face (src/fast/stand-in-face.ts).
 */
export interface ShaperFace {
  /** HarfBuzz's font, for callers that ask HarfBuzz more than shaping (glyph extents). */
  readonly font: hb.Font;
  readonly upem: number;
  /** Code points the face's cmap maps to a glyph. */
  readonly coverage: ReadonlySet<number>;
  /** Glyphs of `text` from `offset` for `length` UTF-16 units, the rest of `text` being context. */
  shape(text: string, offset: number, length: number, settings: ShapeSettings): ShapedGlyph[];
}

/** How a string is shaped, besides the face. */
export interface ShapeSettings {
  rtl: boolean;
  script: string;
  language: string;
  tatweelFlags: boolean;
  /** Offsets into the shaped string of inserted kashidas, kept as plain tatweels (see ShapeRequest). */
  plainTatweelAt: readonly number[];
}

/** Opens a face from a font file's bytes: openFace (HarfBuzz) unless a text engine is given another. */
export type FaceOpener = (bytes: Uint8Array) => ShaperFace;

export interface ShapedGlyph {
  gid: number;
  /** UTF-16 offset of the first character of the glyph's cluster. */
  cluster: number;
  ax: number;
  dx: number;
  dy: number;
  /** HarfBuzz glyph flags (unsafe-to-break, safe-to-insert-tatweel). */
  flags: number;
}

export interface ShapeRequest {
  face: ShaperFace;
  /** Cache identity of the face (the font file's content hash). */
  faceKey: string;
  text: string;
  start: number;
  end: number;
  rtl: boolean;
  script: string;
  language: string;
  tatweelFlags?: boolean;
  /**
   * Offsets (into `text`) of inserted kashidas. Amiri's required ligatures turn tatweels into
   * joined kashida shapes; an inserted kashida is kept as the plain tatweel glyph (rlig off on it
   * alone), so readers see the standard tatweel and the stretch adds exactly one advance per tatweel.
   */
  plainTatweelAt?: readonly number[];
}

export const GlyphFlag = hb.GlyphFlag;

// One buffer, reset per call: shaping is synchronous, and a fresh wasm buffer per run is waste.
let buffer: hb.Buffer | undefined;

export function openFace(bytes: Uint8Array): ShaperFace {
  const face = new hb.Face(new hb.Blob(bytes));
  const font = new hb.Font(face);
  return {
    font,
    upem: face.upem,
    coverage: new Set(face.collectUnicodes()),
    shape: (text, offset, length, settings) => shapeWithHarfBuzz(font, text, offset, length, settings),
  };
}

function shapeWithHarfBuzz(font: hb.Font, text: string, offset: number, length: number, settings: ShapeSettings): ShapedGlyph[] {
  const buf = (buffer ??= new hb.Buffer());
  buf.reset();
  buf.addText(text, offset, length);
  buf.setDirection(settings.rtl ? hb.Direction.RTL : hb.Direction.LTR);
  buf.setScript(settings.script);
  buf.setLanguage(settings.language);
  // Each mark keeps its own cluster, so every glyph can carry its own source text for ToUnicode.
  buf.setClusterLevel(hb.ClusterLevel.MONOTONE_CHARACTERS);
  buf.setFlags(settings.tatweelFlags ? hb.BufferFlag.PRODUCE_SAFE_TO_INSERT_TATWEEL : hb.BufferFlag.DEFAULT);
  hb.shape(
    font,
    buf,
    settings.plainTatweelAt.map(i => new hb.Feature('rlig', 0, i, i + 1)),
  );
  const infos = buf.getGlyphInfos();
  const pos = buf.getGlyphPositions();
  return infos.map((info, i) => ({
    gid: info.codepoint,
    cluster: info.cluster,
    ax: pos[i].xAdvance,
    dx: pos[i].xOffset,
    dy: pos[i].yOffset,
    flags: info.flags,
  }));
}

// HarfBuzz looks at up to five characters around the item for joining and contextual lookups,
// so the cache key carries that much context on each side.
export const CONTEXT = 5;

/** Shaping with its cache: one per text engine. */
export class Shaper {
  private readonly cache: ShapeCache<ShapedGlyph>;

  constructor(cacheGlyphs?: number) {
    this.cache = new ShapeCache(cacheGlyphs);
  }

  shape(req: ShapeRequest): readonly ShapedGlyph[] {
    const from = Math.max(0, req.start - CONTEXT);
    const to = Math.min(req.text.length, req.end + CONTEXT);
    const local = req.text.slice(from, to);
    const offset = req.start - from;
    const length = req.end - req.start;
    const plain = (req.plainTatweelAt ?? []).map(o => o - from);
    const tatweelFlags = req.tatweelFlags ?? false;
    const key = `${req.faceKey}|${req.rtl ? 'r' : 'l'}|${req.script}|${req.language}|${tatweelFlags ? 1 : 0}|${plain.join(',')}|${offset}|${length}|${local}`;
    // Clusters are offsets into the caller's text: the same text shaped again at the same offset
    // (a brief rendered again, a line sliced from its run) gets the same array back.
    return this.cache.get(key, from, () =>
      req.face.shape(local, offset, length, { rtl: req.rtl, script: req.script, language: req.language, tatweelFlags, plainTatweelAt: plain }),
    );
  }

  cacheStats(): ShapeCacheStats {
    return this.cache.stats();
  }
}
