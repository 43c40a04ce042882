// Quotation marks (theme `quotes`): the data's “ ” in a right-to-left run are drawn with the
// other mark's glyph (mirror, the default), as « » (guillemets) or as typed; copying gives back
// what was typed in every mode. The shapes laid out are compared, outline for outline, with what
// HarfBuzz itself (tests/helpers/harfbuzz.ts, not the engine) draws for the intended mark in a
// right-to-left Arabic run; the copied text is read from the PDF by pdf.js.
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.js';
import { layoutInlines } from '../../src/layout/text.js';
import type { Theme } from '../../src/theme.js';
import { joinRuns, normalize, pdfjsText } from '../helpers/fixtures.js';
import { hbShape, openHbFont, outline } from '../helpers/harfbuzz.js';
import { render, summit } from '../pdf/support.js';

const ARABIC = 'قالت وكالة “تاس” إن القمة ستعقد';
const OPEN = ARABIC.indexOf('\u201C');
const CLOSE = ARABIC.indexOf('\u201D');

/** The outline drawn for the character at `cluster` of the Arabic paragraph, in the theme's mode. */
function drawnAt(quotes: Theme['quotes'], cluster: number): { outline: string; text: string; face: Uint8Array } {
  const context = createContext({ theme: { quotes } });
  const laid = layoutInlines(context, [{ text: ARABIC, bold: false }], context.theme.styles.body, 400);
  const glyph = laid.lines.flatMap(l => l.glyphs).find(g => g.cluster === cluster)!;
  return { outline: outline(openHbFont(glyph.face.bytes), glyph.gid), text: glyph.text, face: glyph.face.bytes };
}

/** HarfBuzz's own glyph for `char` alone in a right-to-left Arabic run of that face. */
function reference(face: Uint8Array, char: string): string {
  const font = openHbFont(face);
  const [g] = hbShape(font, char, 12, { rtl: true, script: 'Arab', language: 'ar' });
  return outline(font, g.gid);
}

describe('quotation marks in right-to-left text', () => {
  it('mirror (default): the opening mark is drawn as HarfBuzz draws the closing one, and back; each keeps its typed text', () => {
    const open = drawnAt('mirror', OPEN);
    const close = drawnAt('mirror', CLOSE);
    expect(open.outline).toBe(reference(open.face, '\u201D'));
    expect(close.outline).toBe(reference(close.face, '\u201C'));
    expect(open.outline).not.toBe(close.outline);
    expect([open.text, close.text]).toEqual(['\u201C', '\u201D']);
  });

  it('guillemets: drawn as HarfBuzz draws « and » there (mirrored in the run), typed text kept', () => {
    const open = drawnAt('guillemets', OPEN);
    const close = drawnAt('guillemets', CLOSE);
    expect(open.outline).toBe(reference(open.face, '\u00AB'));
    expect(close.outline).toBe(reference(close.face, '\u00BB'));
    expect([open.text, close.text]).toEqual(['\u201C', '\u201D']);
  });

  it('as-typed: drawn as HarfBuzz draws the typed marks', () => {
    const open = drawnAt('as-typed', OPEN);
    expect(open.outline).toBe(reference(open.face, '\u201C'));
    expect(drawnAt('mirror', OPEN).outline).not.toBe(open.outline);
  });

  it('copy back as typed from the PDF in every mode (pdf.js)', async () => {
    const brief = { ...summit(), blocks: [{ type: 'section' as const, title: 'اقتباس', paragraphs: [ARABIC] }] };
    for (const quotes of ['mirror', 'guillemets', 'as-typed'] as const) {
      const text = await pdfjsText(await render(brief, { theme: { quotes } }));
      const page = normalize(joinRuns(text.pages[1].runs).join(' '));
      expect(page, quotes).toContain('“تاس”');
      expect(page, quotes).not.toMatch(/[«»]/);
    }
  });
});
