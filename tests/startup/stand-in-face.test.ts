// The stand-in face that shapes while the start-up snapshot is built (no WebAssembly there) reads
// the same font facts as HarfBuzz: the units per em and the characters each font file covers, so
// the warm-up takes a brief down the same font fallback paths as a real run.
import { describe, expect, it } from 'vitest';
import { setSharedEngines, sharedEngines } from '../../src/context.js';
import { openStandInFace } from '../../src/fast/stand-in-face.js';
import { FONT_FILES } from '../../src/fonts/files.js';
import { renderValidBrief } from '../../src/index.js';
import { createPdfFontCache } from '../../src/render/pdf-writer.js';
import { createTextEngine } from '../../src/text/engine.js';
import { summitBrief, summitPdf } from '../helpers/fixtures.js';
import { fontFile, openHbFont } from '../helpers/harfbuzz.js';

const settings = { rtl: true, script: 'Arab', language: 'ar', tatweelFlags: false, plainTatweelAt: [] };

describe('stand-in face', () => {
  for (const { file } of FONT_FILES) {
    it(`${file}: the same units per em and covered characters as HarfBuzz's face`, () => {
      const bytes = fontFile(file);
      const standIn = openStandInFace(bytes),
        hb = openHbFont(bytes);
      expect(standIn.upem).toBe(hb.upem);
      expect([...standIn.coverage].sort((a, b) => a - b)).toEqual([...hb.coverage].sort((a, b) => a - b));
    });
  }

  it('shapes one glyph per character, in visual order, with clusters as UTF-16 offsets', () => {
    const face = openStandInFace(fontFile('amiri-arabic-400.ttf'));
    const hb = openHbFont(fontFile('amiri-arabic-400.ttf'));
    const text = 'قمة ٢٠٢٥';
    const glyphs = face.shape(text, 0, text.length, settings);
    expect(glyphs.map(g => g.cluster)).toEqual([...text].map((_, i) => i).reverse());
    // Each glyph is the font's own glyph for its character (HarfBuzz's nominal glyph), with its advance.
    for (const g of glyphs) {
      const gid = hb.font.nominalGlyph(text.codePointAt(g.cluster)!);
      expect(gid).toBeGreaterThan(0);
      expect(g.gid).toBe(gid);
      expect(g.ax).toBe(hb.font.glyphHAdvance(gid!));
    }
    const ltr = face.shape('ab', 0, 2, { ...settings, rtl: false });
    expect(ltr.map(g => g.cluster)).toEqual([0, 1]);
  });

  it('has no HarfBuzz font to hand out', () => {
    expect(() => openStandInFace(fontFile('amiri-latin-400.ttf')).font).toThrow(/stand-in face/);
  });

  it('takes a whole brief to PDF bytes, and the engines made after it render exactly as without it (the snapshot warm-up)', async () => {
    const standIn = { engine: createTextEngine({ openFace: openStandInFace }), pdfFonts: createPdfFontCache() };
    setSharedEngines(standIn);
    let warm: Uint8Array;
    try {
      warm = await renderValidBrief(summitBrief());
    } finally {
      setSharedEngines(undefined);
    }
    expect(Buffer.from(warm.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const reference = await summitPdf();
    expect(Buffer.from(warm).equals(Buffer.from(reference))).toBe(false); // shaped without HarfBuzz: other glyphs
    expect(sharedEngines().engine).not.toBe(standIn.engine);
    expect(Buffer.from(await renderValidBrief(summitBrief())).equals(Buffer.from(reference))).toBe(true);
  });
});
