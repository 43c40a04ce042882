// The only module that talks to HarfBuzz. Everything it returns is in font units, in the visual
// (left-to-right) order HarfBuzz produces, with clusters as UTF-16 offsets into the caller's text.
import * as hb from 'harfbuzzjs';
import { ShapeCache, type ShapeCacheStats } from './shape-cache.js';

export interface ShaperFace {
  readonly font: hb.Font;
  readonly upem: number;
  /** Code points the face's cmap maps to a glyph. */
  readonly coverage: ReadonlySet<number>;
}

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

export function openFace(bytes: Uint8Array): ShaperFace {
  const face = new hb.Face(new hb.Blob(bytes));
  const font = new hb.Font(face);
  return { font, upem: face.upem, coverage: new Set(face.collectUnicodes()) };
}

// HarfBuzz looks at up to five characters around the item for joining and contextual lookups,
// so the cache key carries that much context on each side.
export const CONTEXT = 5;

/** HarfBuzz shaping with its cache: one per text engine. */
export class Shaper {
  private readonly cache: ShapeCache<ShapedGlyph>;
  // One buffer, reset per call: shaping is synchronous, and a fresh wasm buffer per run is waste.
  private buffer: hb.Buffer | undefined;

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
    const key = `${req.faceKey}|${req.rtl ? 'r' : 'l'}|${req.script}|${req.language}|${req.tatweelFlags ? 1 : 0}|${plain.join(',')}|${offset}|${length}|${local}`;
    // Clusters are offsets into the caller's text: the same text shaped again at the same offset
    // (a brief rendered again, a line sliced from its run) gets the same array back.
    return this.cache.get(key, from, () => this.shapeUncached(req.face, local, offset, length, req, plain));
  }

  cacheStats(): ShapeCacheStats {
    return this.cache.stats();
  }

  private shapeUncached(face: ShaperFace, text: string, offset: number, length: number, req: ShapeRequest, plainTatweel: readonly number[]): ShapedGlyph[] {
    const buf = (this.buffer ??= new hb.Buffer());
    buf.reset();
    buf.addText(text, offset, length);
    buf.setDirection(req.rtl ? hb.Direction.RTL : hb.Direction.LTR);
    buf.setScript(req.script);
    buf.setLanguage(req.language);
    // Each mark keeps its own cluster, so every glyph can carry its own source text for ToUnicode.
    buf.setClusterLevel(hb.ClusterLevel.MONOTONE_CHARACTERS);
    buf.setFlags(req.tatweelFlags ? hb.BufferFlag.PRODUCE_SAFE_TO_INSERT_TATWEEL : hb.BufferFlag.DEFAULT);
    hb.shape(face.font, buf, plainTatweel.map(i => new hb.Feature('rlig', 0, i, i + 1)));
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
}
