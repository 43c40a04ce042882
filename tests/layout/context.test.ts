// Two briefs with two themes rendered at once in one process: each comes out byte for byte as
// it does alone, and the themed one really has its own paper and colours (read back by mupdf).
import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import { renderValidBrief, type ThemeOverride } from '../../src/index.js';
import { drawnOnPage, summit } from '../pdf/support.js';

const crimson = '#7a1f2b';
const themed: ThemeOverride = {
  paper: 'letter',
  palette: { accent: crimson, rule: '#b08a5a' },
  styles: { h1: { color: crimson }, 'cover-title': { color: crimson } },
};

const rgb = (hex: string): number[] => [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16) / 255);
const near = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) < 0.005);
const open = (bytes: Uint8Array) => mupdf.Document.openDocument(bytes, 'application/pdf');

describe('engine context', () => {
  it('renders two briefs with different themes concurrently, each byte-identical to its solo render', async () => {
    const brief = summit();
    const plainAlone = await renderValidBrief(brief);
    const themedAlone = await renderValidBrief(brief, { theme: themed });
    const [plain, colour, plainAgain] = await Promise.all([renderValidBrief(brief), renderValidBrief(brief, { theme: themed }), renderValidBrief(brief)]);
    expect(Buffer.compare(Buffer.from(plain), Buffer.from(plainAlone))).toBe(0);
    expect(Buffer.compare(Buffer.from(plainAgain), Buffer.from(plainAlone))).toBe(0);
    expect(Buffer.compare(Buffer.from(colour), Buffer.from(themedAlone))).toBe(0);
    expect(Buffer.compare(Buffer.from(colour), Buffer.from(plain))).not.toBe(0);

    const [a, b] = [open(plain), open(colour)];
    const coverA = drawnOnPage(a, 0),
      coverB = drawnOnPage(b, 0);
    // A4 and US Letter, in points.
    expect([coverA.width, coverA.height].map(Math.round)).toEqual([595, 842]);
    expect([coverB.width, coverB.height].map(Math.round)).toEqual([612, 792]);
    for (let i = 1; i < b.countPages(); i++) expect([drawnOnPage(b, i).width, drawnOnPage(b, i).height].map(Math.round)).toEqual([612, 792]);
    // The cover band is filled in the accent, the title set in the title colour.
    const fills = (d: typeof coverA) => d.drawn.filter(x => x.kind === 'fill').map(x => x.color);
    const texts = (d: typeof coverA) => d.drawn.filter(x => x.kind === 'text').map(x => x.color);
    expect(fills(coverA).some(c => near(c, rgb('#0f3554')))).toBe(true);
    expect(fills(coverB).some(c => near(c, rgb(crimson)))).toBe(true);
    expect(fills(coverB).some(c => near(c, rgb('#0f3554')))).toBe(false);
    expect(texts(coverB).some(c => near(c, rgb(crimson)))).toBe(true);
    expect(texts(coverA).some(c => near(c, rgb(crimson)))).toBe(false);
    // Page furniture and table rules of the body follow the themed palette.
    const strokes = (doc: mupdf.Document) =>
      Array.from({ length: doc.countPages() - 1 }, (_, i) => drawnOnPage(doc, i + 1).drawn)
        .flat()
        .filter(x => x.kind === 'stroke')
        .map(x => x.color);
    expect(strokes(b).some(c => near(c, rgb('#b08a5a')))).toBe(true);
    expect(strokes(a).some(c => near(c, rgb('#b08a5a')))).toBe(false);
  });
});
