// Line breaking and alignment of the seed article at a 12 cm measure.
import { describe, expect, it } from 'vitest';
import { layoutParagraph, type Align, type ParagraphLayout } from '../../src/text/paragraph.js';
import { createTextEngine } from '../../src/text/engine.js';
import { readArticle } from '../helpers/corpus.js';
import { fontFile, hbShape, openHbFont } from '../helpers/harfbuzz.js';
import { inkExtent, lineText } from '../helpers/lines.js';

const engine = createTextEngine();

const WIDTH = (12 * 72) / 2.54;
const style = { weight: 'regular' as const, size: 14, color: '#000000' };
const paragraphs = readArticle();
const arabic = openHbFont(fontFile('amiri-arabic-400.ttf'));
const layout = (text: string, align: Align = 'start', width = WIDTH) => layoutParagraph(engine, { text, style, width, align });

const words = (s: string) => s.split(/\s+/u).filter(Boolean);

describe('wrapping the article at 12 cm', () => {
  const laid: ParagraphLayout[] = paragraphs.map(p => layout(p));

  it('the article has several paragraphs, some of them several lines long', () => {
    expect(paragraphs.length).toBeGreaterThanOrEqual(10);
    expect(laid.filter(l => l.lines.length >= 3).length).toBeGreaterThanOrEqual(3);
  });

  it('no line is wider than the measure, and every line lies inside it', () => {
    const bad: string[] = [];
    laid.forEach((l, p) =>
      l.lines.forEach((line, i) => {
        const { left, right } = inkExtent(line);
        if (right - left > WIDTH + 0.01 || left < -0.01 || right > WIDTH + 0.01)
          bad.push(`paragraph ${p + 1} line ${i + 1}: [${left.toFixed(2)}, ${right.toFixed(2)}]`);
      }),
    );
    expect(bad).toEqual([]);
  });

  it('every line but the last of a paragraph is flush right, and the last is right-aligned too', () => {
    const bad: string[] = [];
    laid.forEach((l, p) =>
      l.lines.forEach((line, i) => {
        if (Math.abs(line.left + line.width - WIDTH) > 1e-6) bad.push(`paragraph ${p + 1} line ${i + 1}: ends at ${(line.left + line.width).toFixed(3)}`);
        const { right } = inkExtent(line);
        if (Math.abs(right - WIDTH) > 0.5) bad.push(`paragraph ${p + 1} line ${i + 1}: ink ends at ${right.toFixed(3)}`);
      }),
    );
    expect(bad).toEqual([]);
  });

  it('lines are filled: the first word of each next line would not have fitted (measured by HarfBuzz)', () => {
    // HarfBuzz shapes the line with the next word added as one right-to-left run of the Arabic
    // face, and its advances must overflow the measure. Lines with characters of other faces
    // (digits, quotation marks) are left out: one run of one face would not measure them.
    const covered = (text: string) => [...text.replace(/\s/gu, '')].every(ch => arabic.coverage.has(ch.codePointAt(0)!));
    const width = (text: string) => hbShape(arabic, text, style.size, { rtl: true, script: 'Arab', language: 'ar' }).reduce((w, g) => w + g.advance, 0);
    const bad: string[] = [];
    let checked = 0;
    laid.forEach((l, p) =>
      l.lines.forEach((line, i) => {
        const next = l.lines[i + 1];
        if (!next) return;
        const firstWord = words(lineText(next))[0];
        if (!covered(lineText(line) + firstWord)) return;
        const longer = width(`${lineText(line).trimEnd()} ${firstWord}`);
        if (longer <= WIDTH) bad.push(`paragraph ${p + 1} line ${i + 1}: with "${firstWord}" it is ${longer.toFixed(2)} pt, inside ${WIDTH.toFixed(2)}`);
        checked++;
      }),
    );
    expect(checked).toBeGreaterThan(10);
    expect(bad).toEqual([]);
  });

  it('words run right to left: source offsets of RTL glyphs fall as x grows', () => {
    const bad: string[] = [];
    laid.forEach((l, p) =>
      l.lines.forEach((line, i) => {
        const rtl = line.glyphs.filter(g => g.rtl);
        expect(rtl.length).toBeGreaterThan(0);
        for (let k = 1; k < rtl.length; k++) {
          if (rtl[k].x < rtl[k - 1].x - 1e-6) bad.push(`paragraph ${p + 1} line ${i + 1}: glyphs not in visual order at ${k}`);
          if (rtl[k].cluster > rtl[k - 1].cluster) bad.push(`paragraph ${p + 1} line ${i + 1}: offset ${rtl[k].cluster} right of ${rtl[k - 1].cluster}`);
        }
      }),
    );
    expect(bad).toEqual([]);
  });

  it("the lines give back the article's words in order, each line a contiguous slice of the text", () => {
    laid.forEach((l, p) => {
      const text = paragraphs[p];
      expect(l.lines.flatMap(line => words(lineText(line)))).toEqual(words(text));
      expect(l.lines[0].start).toBe(0);
      expect(l.lines[l.lines.length - 1].end).toBe(text.length);
      l.lines.forEach((line, i) => {
        if (i) expect(line.start).toBe(l.lines[i - 1].end);
      });
      expect(l.lines.map(line => line.last)).toEqual(l.lines.map((_, i) => i === l.lines.length - 1));
    });
  });

  it("lines are stacked: each line's top is the previous line's bottom, baselines inside", () => {
    for (const l of laid) {
      let top = 0;
      for (const line of l.lines) {
        expect(line.top).toBeCloseTo(top, 9);
        expect(line.baseline).toBeGreaterThan(line.top);
        expect(line.baseline).toBeLessThan(line.top + line.height);
        top += line.height;
      }
      expect(l.height).toBeCloseTo(top, 9);
    }
  });
});

describe('breaking and alignment', () => {
  it('a token wider than the measure is broken between clusters, not overflowed', () => {
    const token = 'https://example.org/briefs/alaska-2025/summit/sanctions/annex';
    const width = 60;
    const l = layoutParagraph(engine, { text: token, style, width, direction: 'rtl' });
    expect(l.lines.length).toBeGreaterThan(2);
    for (const line of l.lines) {
      const { left, right } = inkExtent(line);
      expect(right - left).toBeLessThanOrEqual(width + 0.01);
    }
    expect(l.lines.map(lineText).join('')).toBe(token);
  });

  it('a long Arabic word wider than the measure is broken, not overflowed', () => {
    const word = 'والمسؤولينالكبارالصغاروالدبلوماسيين';
    const width = 50;
    const l = layoutParagraph(engine, { text: `قمة ${word} ألاسكا`, style, width });
    expect(l.lines.length).toBeGreaterThan(2);
    for (const line of l.lines) {
      const { left, right } = inkExtent(line);
      expect(right - left).toBeLessThanOrEqual(width + 0.01);
    }
    expect(l.lines.map(lineText).join('').replace(/\s/g, '')).toBe(`قمة${word}ألاسكا`);
  });

  it('an explicit newline is kept as a line break, even when the text would fit', () => {
    const l = layout('قمة ألاسكا\nخفض العقوبات');
    expect(l.lines.map(lineText)).toEqual(['قمة ألاسكا', 'خفض العقوبات']);
    expect(l.lines.map(line => line.last)).toEqual([true, true]);
    const l2 = layout('قمة\n\nألاسكا');
    expect(l2.lines.map(lineText)).toEqual(['قمة', '', 'ألاسكا']);
  });

  it("justify: every non-last line's ink spans the full measure; last lines stay right-aligned", () => {
    const bad: string[] = [];
    let justified = 0;
    paragraphs.forEach((p, pi) => {
      const l = layout(p, 'justify');
      l.lines.forEach((line, i) => {
        const { left, right } = inkExtent(line);
        if (line.last) {
          if (Math.abs(right - WIDTH) > 0.5) bad.push(`paragraph ${pi + 1} last line ends at ${right.toFixed(2)}`);
          return;
        }
        justified++;
        if (Math.abs(left) > 0.1 || Math.abs(right - WIDTH) > 0.1) bad.push(`paragraph ${pi + 1} line ${i + 1}: ink [${left.toFixed(2)}, ${right.toFixed(2)}]`);
      });
      expect(words(l.lines.map(lineText).join(' '))).toEqual(words(p));
    });
    expect(justified).toBeGreaterThan(10);
    expect(bad).toEqual([]);
  });

  it("center: each line's ink is centred in the measure", () => {
    for (const p of paragraphs.slice(0, 4)) {
      for (const line of layout(p, 'center').lines) {
        expect(line.left).toBeCloseTo((WIDTH - line.width) / 2, 6);
        const { left, right } = inkExtent(line);
        expect((left + right) / 2).toBeCloseTo(WIDTH / 2, 0);
      }
    }
  });

  it('left and end alignment put RTL lines against the left edge', () => {
    for (const align of ['left', 'end'] as const) {
      for (const line of layout(paragraphs[1], align).lines) {
        expect(line.left).toBe(0);
        expect(Math.abs(inkExtent(line).left)).toBeLessThan(0.5);
      }
    }
  });
});
