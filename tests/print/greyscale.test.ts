// Greyscale: every colour of the theme becomes a grey; every text colour keeps 4.5:1 against
// every fill text is set on; the fills stay apart from each other and from the paper; the PDF
// draws greys only. Contrast and lightness are computed here, not taken from the mapping.
import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import { greyscaleTheme } from '../../src/print/greyscale.js';
import { defaultTheme, mergeTheme, type Theme } from '../../src/theme.js';
import { contrast, drawnOnPage, luminance, render, summit } from '../pdf/support.js';

const PAPER = '#ffffff';
const isGrey = (hex: string) => hex.slice(1, 3) === hex.slice(3, 5) && hex.slice(3, 5) === hex.slice(5, 7);
/** CIE L* of a colour's relative luminance. */
const lstar = (hex: string) => {
  const y = luminance(hex);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
};

// A theme whose colours fail in grey as they stand: a pale muted text, two bands of one lightness.
const hard = mergeTheme(defaultTheme, {
  palette: { muted: '#8a96a3', band: '#dfe9d5', bandLight: '#e4e2f1' },
  styles: { note: { color: '#8a96a3' }, caption: { color: '#2f7ab8' } },
});

function check(theme: Theme): void {
  const grey = greyscaleTheme(theme);
  const fills = [PAPER, grey.palette.bandLight, grey.palette.band];
  for (const c of Object.values(grey.palette)) expect(isGrey(c), c).toBe(true);
  for (const [name, style] of Object.entries(grey.styles)) {
    expect(isGrey(style.color), name).toBe(true);
    for (const f of fills) expect(contrast(style.color, f), `${name} ${style.color} on ${f}`).toBeGreaterThanOrEqual(4.5);
  }
  for (const c of [grey.palette.ink, grey.palette.accent, grey.palette.muted]) for (const f of fills) expect(contrast(c, f)).toBeGreaterThanOrEqual(4.5);
  // Distinguishable: paper, light band, band at least 6 L* apart, in the original order.
  expect(lstar(PAPER) - lstar(grey.palette.bandLight)).toBeGreaterThanOrEqual(6 - 0.5);
  expect(Math.abs(lstar(grey.palette.bandLight) - lstar(grey.palette.band))).toBeGreaterThanOrEqual(6 - 0.5);
  expect(contrast(grey.palette.rule, PAPER)).toBeGreaterThanOrEqual(2);
  expect(contrast(grey.palette.accent, PAPER)).toBeGreaterThanOrEqual(4.5);
}

describe('greyscale palette', () => {
  it('the default theme: greys, text at 4.5:1 on every fill, fills apart', () => check(defaultTheme));
  it('a theme of pale text and look-alike bands is corrected', () => {
    expect(contrast('#8a96a3', PAPER)).toBeLessThan(4.5);
    expect(Math.abs(lstar('#dfe9d5') - lstar('#e4e2f1'))).toBeLessThan(3);
    check(hard);
  });
  it("keeps each text colour's lightness where it already met the contrast", () => {
    const grey = greyscaleTheme(defaultTheme);
    expect(Math.abs(luminance(grey.palette.ink) - luminance(defaultTheme.palette.ink))).toBeLessThan(0.01);
  });
});

describe('a brief rendered with greyscale', () => {
  it('draws only greys, and every text drawn on a fill at 4.5:1 against it', async () => {
    const doc = mupdf.Document.openDocument(await render(summit(), { print: { greyscale: true } }), 'application/pdf');
    let onFill = 0;
    for (let i = 0; i < doc.countPages(); i++) {
      const { drawn } = drawnOnPage(doc, i);
      for (const d of drawn) expect(d.color[0] === d.color[1] && d.color[1] === d.color[2], `${d.kind} ${d.color}`).toBe(true);
      const fills = drawn.filter(d => d.kind === 'fill');
      for (const t of drawn.filter(d => d.kind === 'text')) {
        expect(contrast(t.color, PAPER)).toBeGreaterThanOrEqual(4.5);
        const cx = (t.bounds[0] + t.bounds[2]) / 2,
          cy = (t.bounds[1] + t.bounds[3]) / 2;
        for (const f of fills) {
          if (cx < f.bounds[0] || cx > f.bounds[2] || cy < f.bounds[1] || cy > f.bounds[3]) continue;
          onFill++;
          expect(contrast(t.color, f.color)).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
    expect(onFill).toBeGreaterThan(0);
  });
});
