// A stand-in for HarfBuzz while the start-up snapshot is built: WebAssembly does not exist then,
// yet the snapshot should hold layout, line breaking, placing and PDF writing already compiled,
// which only running them does. This face shapes the plain way (one glyph per character, from the
// font's cmap, with its hmtx advance, in visual order, no ligatures or marks positioned), which
// is enough to take a brief through every stage; what it lays out is thrown away, and no brief is
// ever shaped with it (the run after the snapshot is read back opens HarfBuzz's faces).
// It reads only the tables it needs (head, hhea, hmtx, cmap formats 4 and 12) of a TrueType file.
import { GlyphFlag, type ShapedGlyph, type ShapeSettings, type ShaperFace } from '../text/shaper.js';

interface Tables {
  view: DataView;
  at: Map<string, number>;
}

function tables(bytes: Uint8Array): Tables {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    at.set(tag, view.getUint32(record + 8));
  }
  return { view, at };
}

function table({ at }: Tables, tag: string): number {
  const offset = at.get(tag);
  if (offset === undefined) throw new Error(`stand-in face: the font has no ${tag} table`);
  return offset;
}

/** Code point → glyph id from the best Unicode subtable (format 12 if there is one, else 4). */
function readCmap(t: Tables): Map<number, number> {
  const { view } = t;
  const cmap = table(t, 'cmap');
  const subtables = new Map<number, number>();
  for (let i = 0, n = view.getUint16(cmap + 2); i < n; i++) {
    const rec = cmap + 4 + 8 * i;
    const offset = cmap + view.getUint32(rec + 4);
    const format = view.getUint16(offset);
    if (!subtables.has(format)) subtables.set(format, offset);
  }
  const glyphs = new Map<number, number>();
  const f12 = subtables.get(12),
    f4 = subtables.get(4);
  if (f12 !== undefined) {
    for (let g = 0, n = view.getUint32(f12 + 12); g < n; g++) {
      const group = f12 + 16 + 12 * g;
      const first = view.getUint32(group),
        last = view.getUint32(group + 4),
        gid = view.getUint32(group + 8);
      for (let cp = first; cp <= last; cp++) glyphs.set(cp, gid + cp - first);
    }
  } else if (f4 !== undefined) {
    const segments = view.getUint16(f4 + 6) / 2;
    const ends = f4 + 14,
      starts = ends + 2 * segments + 2,
      deltas = starts + 2 * segments,
      ranges = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
      const end = view.getUint16(ends + 2 * s),
        start = view.getUint16(starts + 2 * s);
      const delta = view.getInt16(deltas + 2 * s),
        range = view.getUint16(ranges + 2 * s);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let gid: number;
        if (range === 0) gid = (cp + delta) & 0xffff;
        else {
          gid = view.getUint16(ranges + 2 * s + range + 2 * (cp - start));
          if (gid !== 0) gid = (gid + delta) & 0xffff;
        }
        if (gid !== 0) glyphs.set(cp, gid);
      }
    }
  } else {
    throw new Error('stand-in face: the font has no cmap subtable of format 4 or 12');
  }
  return glyphs;
}

/** Advance widths by glyph id (glyphs past the last metric take its advance, as hmtx says). */
function readAdvances(t: Tables): (gid: number) => number {
  const { view } = t;
  const metrics = view.getUint16(table(t, 'hhea') + 34);
  const hmtx = table(t, 'hmtx');
  return gid => view.getUint16(hmtx + 4 * Math.min(gid, metrics - 1));
}

/** Arabic letters, where the stand-in says a tatweel may go (so kashida justification runs too). */
const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3]/;

/** A stand-in face: the same upem and coverage as the font's HarfBuzz face, shaping one glyph per character. */
export function openStandInFace(bytes: Uint8Array): ShaperFace {
  const t = tables(bytes);
  const upem = t.view.getUint16(table(t, 'head') + 18);
  const cmap = readCmap(t);
  const advance = readAdvances(t);
  return {
    get font(): never {
      throw new Error('a stand-in face has no HarfBuzz font');
    },
    upem,
    coverage: new Set(cmap.keys()),
    shape(text: string, offset: number, length: number, settings: ShapeSettings): ShapedGlyph[] {
      const glyphs: ShapedGlyph[] = [];
      for (let i = offset; i < offset + length; ) {
        const cp = text.codePointAt(i)!;
        const gid = cmap.get(cp) ?? 0;
        const safe = settings.tatweelFlags && ARABIC_LETTER.test(text[i]) ? GlyphFlag.SAFE_TO_INSERT_TATWEEL : 0;
        glyphs.push({ gid, cluster: i, ax: advance(gid), dx: 0, dy: 0, flags: safe });
        i += cp > 0xffff ? 2 : 1;
      }
      return settings.rtl ? glyphs.reverse() : glyphs;
    },
  };
}
