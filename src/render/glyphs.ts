// The seam between the paragraph engine and pdfkit: draws shaped glyphs exactly where the
// engine placed them, through pdfkit's embedded-font machinery but not its text layout.
// Everything private to pdfkit that mowjaz touches is in this file (pdfkit is pinned).
//
// Text extraction is decided here too. Each word is one TJ, glyphs left to right, and words
// are written in logical order: pdf.js and poppler then both read lines back in logical order.
// A glyph's ToUnicode entry is its source text, and its /W width is normally the font's advance.
// Readers split words where a glyph starts far from where that width says the previous glyph
// ends (poppler: more than 0.1 em after, or 0.2 em before). Amiri's GPOS moves some glyphs that
// far, so such a glyph gets a variant code with a width that ends where the next glyph starts.
import type { LoadedFace } from '../text/fonts.js';
import type { LineLayout, PlacedGlyph } from '../text/paragraph.js';

/** The parts of pdfkit's EmbeddedFont this module relies on (pdfkit 0.20). */
interface EmbeddedFont {
  id: string;
  font: { getGlyph(gid: number): { advanceWidth: number } };
  scale: number;
  subset: { glyphs: number[] };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

interface Doc {
  page: { height: number; fonts: Record<string, unknown> };
  registerFont(name: string, src: Buffer): unknown;
  font(name: string): unknown;
  _font: EmbeddedFont;
  addContent(data: string): unknown;
}

interface FontEntry { font: EmbeddedFont; cids: Map<string, number> }

const fmt = (n: number) => {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

/** Gap limits (in em) inside which readers keep two glyphs in one word. */
const MAX_GAP = 0.05;
const MAX_OVERLAP = 0.15;

export class GlyphPainter {
  private readonly fonts = new Map<string, FontEntry>();

  constructor(private readonly doc: Doc) {}

  private entry(face: LoadedFace): FontEntry {
    let e = this.fonts.get(face.key);
    if (!e) {
      const name = `mowjaz-${face.name}-${face.key}`;
      this.doc.registerFont(name, face.bytes);
      this.doc.font(name);
      e = { font: this.doc._font, cids: new Map() };
      this.fonts.set(face.key, e);
    }
    return e;
  }

  /** The code for a glyph with the given source text and /W width (1/1000 em). */
  private cid(e: FontEntry, gid: number, text: string, width: number): number {
    const key = `${gid}|${width}|${text}`;
    let cid = e.cids.get(key);
    if (cid === undefined) {
      const f = e.font;
      f.subset.glyphs.push(gid);
      cid = f.subset.glyphs.length - 1;
      f.widths[cid] = width;
      f.unicode[cid] = [...text].map(ch => ch.codePointAt(0)!);
      e.cids.set(key, cid);
    }
    return cid;
  }

  private naturalWidth(e: FontEntry, gid: number): number {
    return Math.round(e.font.font.getGlyph(gid).advanceWidth * e.font.scale);
  }

  /** Draws laid-out lines with the paragraph's top-left corner at (x, y) in pdfkit's top-down coordinates. */
  drawLines(lines: readonly LineLayout[], x: number, y: number): void {
    const doc = this.doc;
    const pageHeight = doc.page.height;
    const ops: string[] = [`q 1 0 0 -1 0 ${fmt(pageHeight)} cm BT`];
    let curFont = '', curColor = '';
    for (const line of lines) {
      const baseline = pageHeight - (y + line.baseline);
      for (const word of words(line.glyphs)) {
        const first = word[0];
        const e = this.entry(first.face);
        doc.page.fonts[e.font.id] = e.font.ref();
        const size = first.size;
        const fontOp = `/${e.font.id} ${fmt(size)} Tf`;
        if (fontOp !== curFont) { ops.push(fontOp); curFont = fontOp; }
        const colorOp = `${rgb(first.color)} rg`;
        if (colorOp !== curColor) { ops.push(colorOp); curColor = colorOp; }
        ops.push(`1 0 0 1 ${fmt(x + first.x)} ${fmt(baseline)} Tm`);
        let rise = 0;
        let tj: string[] = [];
        const flush = () => { if (tj.length) ops.push(`[${tj.join('')}] TJ`); tj = []; };
        const em = 1000 / size;
        word.forEach((g, i) => {
          const next = word[i + 1];
          let width = this.naturalWidth(e, g.gid);
          if (next) {
            const gap = (next.x - g.x) * em - width;
            if (gap > MAX_GAP * 1000 || gap < -MAX_OVERLAP * 1000) width = Math.max(0, Math.round((next.x - g.x) * em));
          }
          if (g.rise !== rise) { flush(); rise = g.rise; ops.push(`${fmt(rise)} Ts`); }
          const cid = this.cid(e, g.gid, g.kashida ? '' : g.text, width);
          tj.push(`<${cid.toString(16).padStart(4, '0')}>`);
          if (next) {
            const adjust = (g.x + width / em - next.x) * em;
            if (Math.abs(adjust) > 0.0005) tj.push(fmt(adjust));
          }
        });
        flush();
        if (rise) ops.push('0 Ts');
      }
    }
    ops.push('ET Q');
    doc.addContent(ops.join('\n'));
  }
}

const SPACE = /^\s*$/u;

/**
 * Splits a line's glyphs into words: maximal groups of visible glyphs of one shaping run with no
 * white space between them. Words come back in logical order, each with its glyphs left to right.
 */
function words(glyphs: readonly PlacedGlyph[]): PlacedGlyph[][] {
  const out: PlacedGlyph[][] = [];
  let cur: PlacedGlyph[] = [];
  for (const g of glyphs) {
    const blank = g.text !== '' && SPACE.test(g.text);
    if (blank || (cur.length && cur[0].run !== g.run)) { if (cur.length) out.push(cur); cur = []; }
    if (!blank) cur.push(g);
  }
  if (cur.length) out.push(cur);
  const first = (w: PlacedGlyph[]) => Math.min(...w.map(g => g.cluster));
  return out.sort((a, b) => first(a) - first(b));
}

function rgb(hex: string): string {
  const v = parseInt(hex.replace('#', ''), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255].map(c => fmt(c / 255)).join(' ');
}
