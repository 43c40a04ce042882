// Arabic justification with kashida: where tatweels go, that the stretched line is HarfBuzz's own
// shaping of the stretched text, that full lines are flush, and that copy/paste never sees them.
import path from 'node:path';
import * as hb from 'harfbuzzjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { wordsOf } from '../helpers/words.js';
import { renderSpecimen } from '../../src/specimen.js';
import { layoutParagraph, type LineLayout, type ParagraphLayout } from '../../src/text/paragraph.js';
import { createTextEngine } from '../../src/text/engine.js';
import type { JustifyMode } from '../../src/text/justify.js';
import {
  expectMatchesBaseline,
  havePdftotext,
  needsPdftotext,
  documentLines,
  pdfjsText,
  pdftotextRaw,
  readArticle,
  renderPagePng,
  repoRoot,
} from '../helpers/fixtures.js';
import { fontFile, openHbFont, outline, type HbFont } from '../helpers/harfbuzz.js';
import { inkExtent } from '../helpers/lines.js';
import { readDrawnGlyphs, type DrawnGlyph } from '../helpers/pdf-reader.js';

const engine = createTextEngine();

const CM = 72 / 2.54;
const WIDTH = 8 * CM;
const style = { weight: 'regular' as const, size: 14, color: '#000000' };
const TATWEEL = '\u0640';
const paragraphs = readArticle().filter(p => p.length > 200);
const arabicFont = openHbFont(fontFile('amiri-arabic-400.ttf'));

const justify = (text: string, mode: JustifyMode = 'kashida-spaces', width = WIDTH): ParagraphLayout =>
  layoutParagraph(engine, { text, style, width, align: 'justify', justify: mode });

/** Offsets before which HarfBuzz says a tatweel may go, shaping the whole text as one RTL run. */
function safeForTatweel(text: string): Set<number> {
  const buf = new hb.Buffer();
  buf.addText(text);
  buf.setDirection(hb.Direction.RTL);
  buf.setScript('Arab');
  buf.setLanguage('ar');
  buf.setFlags(hb.BufferFlag.PRODUCE_SAFE_TO_INSERT_TATWEEL);
  hb.shape(arabicFont.font, buf);
  return new Set(
    buf
      .getGlyphInfos()
      .filter(g => g.flags & hb.GlyphFlag.SAFE_TO_INSERT_TATWEEL)
      .map(g => g.cluster),
  );
}

interface RefGlyph {
  gid: number;
  x: number;
  y: number;
  advance: number;
  space: boolean;
}

/**
 * HarfBuzz's shaping of text[start, end) (trailing white space left out) with a tatweel inserted
 * before each of `offsets`, as one RTL run of the Arabic face: glyphs left to right, in points,
 * from pen position 0. Inserted tatweels are shaped as the plain tatweel glyph (rlig off on them
 * alone), as the engine promises.
 */
function shapeStretched(text: string, start: number, end: number, offsets: readonly number[]): RefGlyph[] {
  while (/\s/.test(text[end - 1])) end--;
  let stretched = '';
  const plain: number[] = [];
  for (let o = start; o < end; o++) {
    for (const _ of offsets.filter(k => k === o)) {
      plain.push(stretched.length);
      stretched += TATWEEL;
    }
    stretched += text[o];
  }
  const buf = new hb.Buffer();
  buf.addText(stretched);
  buf.setDirection(hb.Direction.RTL);
  buf.setScript('Arab');
  buf.setLanguage('ar');
  hb.shape(
    arabicFont.font,
    buf,
    plain.map(p => new hb.Feature('rlig', 0, p, p + 1)),
  );
  const scale = style.size / arabicFont.upem;
  const positions = buf.getGlyphPositions();
  let pen = 0;
  return buf.getGlyphInfos().map((info, k) => {
    const g = {
      gid: info.codepoint,
      x: pen + positions[k].xOffset * scale,
      y: positions[k].yOffset * scale,
      advance: positions[k].xAdvance * scale,
      space: /\s/.test(stretched[info.cluster]),
    };
    pen += g.advance;
    return g;
  });
}

/** Kashida glyphs of a line, as the offset each one stands before. */
const kashidaOffsets = (line: LineLayout): number[] => line.glyphs.filter(g => g.kashida).map(g => g.cluster);

/** The widest white-space gap of each full line, in points: what readers see as a hole. */
function widestSpace(layout: ParagraphLayout): number {
  return Math.max(...layout.lines.filter(l => !l.last).flatMap(l => l.glyphs.filter(g => /^\s$/.test(g.text)).map(g => g.advance)));
}

/** The seed article's long paragraphs justified at 8 cm (kashida-spaces), as the engine lays them out. */
const layouts = paragraphs.map(p => justify(p));

describe('kashida justification', () => {
  it('stretches joins in the seed article at 8 cm', () => {
    const total = layouts.flatMap(l => l.lines).reduce((n, line) => n + kashidaOffsets(line).length, 0);
    expect(total).toBeGreaterThan(50);
  });

  it('ends every full line flush on both sides, within 0.1 pt', () => {
    for (const layout of layouts) {
      for (const line of layout.lines.filter(l => !l.last)) {
        const ink = inkExtent(line);
        expect(ink.left).toBeGreaterThan(-0.1);
        expect(ink.left).toBeLessThan(0.1);
        expect(Math.abs(ink.right - WIDTH)).toBeLessThan(0.1);
      }
    }
  });

  it('never stretches the last line of a paragraph', () => {
    for (const layout of layouts) {
      const last = layout.lines[layout.lines.length - 1];
      expect(kashidaOffsets(last)).toEqual([]);
      expect(last.width).toBeLessThan(0.9 * WIDTH);
    }
  });

  it('puts tatweels only where HarfBuzz flags SAFE_TO_INSERT_TATWEEL, at most one join per word', () => {
    paragraphs.forEach((text, i) => {
      const safe = safeForTatweel(text);
      for (const line of layouts[i].lines) {
        const offsets = kashidaOffsets(line);
        for (const o of offsets) expect(safe.has(o), `tatweel before offset ${o} (${text.slice(o - 3, o + 3)})`).toBe(true);
        const words = new Set(offsets.map(o => text.lastIndexOf(' ', o)));
        expect(words.size).toBe(new Set(offsets).size);
      }
    });
  });

  it('lays the line out exactly as HarfBuzz shapes the stretched text', () => {
    let checked = 0;
    paragraphs.forEach((text, i) => {
      for (const line of layouts[i].lines) {
        const offsets = kashidaOffsets(line);
        if (!offsets.length || new Set(line.glyphs.map(g => g.face.key)).size !== 1) continue;
        const reference = shapeStretched(text, line.start, line.end, offsets);
        expect(line.glyphs.map(g => g.gid)).toEqual(reference.map(g => g.gid));
        // Spaces are widened for what the tatweels leave over; every other glyph keeps HarfBuzz's advance.
        line.glyphs.forEach((g, k) => {
          if (!/^\s$/.test(g.text)) expect(g.advance).toBeCloseTo(reference[k].advance, 6);
        });
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(20);
  });

  it('leaves Latin words and numbers alone', () => {
    const text =
      'نقلت وكالة TASS الروسية وشبكة NBC الأمريكية تصريحات عن القمة المقررة في 15 أغسطس 2025 بقاعدة Elmendorf-Richardson العسكرية في ولاية Alaska، وأشارت إلى جدول أعمال يتضمن 3 ملفات رئيسية';
    const layout = justify(text, 'kashida-spaces', 6 * CM);
    const offsets = layout.lines.flatMap(kashidaOffsets);
    expect(offsets.length).toBeGreaterThan(0);
    for (const o of offsets) {
      expect(text[o - 1]).toMatch(/\p{Script=Arabic}/u);
      expect(text[o]).toMatch(/\p{Script=Arabic}/u);
    }
    for (const line of layout.lines) for (const g of line.glyphs) if (g.kashida) expect(g.rtl).toBe(true);
  });

  it('keeps harakat on their letters: a tatweel is only ever inserted before a letter', () => {
    const text = 'تأتي هذه القمة في ظل أجواء إيجابية، مع توقعات بخطوات مهمة تُعقد قريبًا وتُناقش ملفات جوهريةً للطرفين مثل العقوبات المفروضة';
    const layout = justify(text, 'kashida', 5 * CM);
    const offsets = layout.lines.flatMap(kashidaOffsets);
    expect(offsets.length).toBeGreaterThan(0);
    for (const o of offsets) expect(text[o]).toMatch(/\p{L}/u);
  });

  it('uses spaces alone in spaces mode, and kashida narrows the widest gap', () => {
    const spacesOnly = paragraphs.map(p => justify(p, 'spaces'));
    expect(spacesOnly.flatMap(l => l.lines).flatMap(kashidaOffsets)).toEqual([]);
    const worstSpaces = Math.max(...spacesOnly.map(widestSpace));
    const worstKashida = Math.max(...layouts.map(widestSpace));
    expect(worstKashida).toBeLessThan(worstSpaces);
  });
});

describe('kashida as drawn in the PDF, read back from its content stream', () => {
  const pdf = renderSpecimen(paragraphs, { align: 'justify', widthCm: 8 });
  /** The drawn glyphs of each line, lines top to bottom and page after page. */
  let drawnLines: DrawnGlyph[][] = [];
  const subsetFonts = new Map<number, HbFont>();
  const drawnOutline = (g: DrawnGlyph): string => {
    let font = subsetFonts.get(g.font.id);
    if (!font) {
      font = openHbFont(g.font.program);
      subsetFonts.set(g.font.id, font);
    }
    return outline(font, g.cid);
  };
  /** Positions (points) within 0.01 pt: the content stream rounds them to 0.01 pt. */
  const TOLERANCE = 0.011;

  beforeAll(async () => {
    const groups = new Map<string, DrawnGlyph[]>();
    for (const g of readDrawnGlyphs(await pdf).glyphs) {
      const key = `${g.page}|${g.baseline.toFixed(2)}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(g);
    }
    drawnLines = [...groups.values()];
  });

  it('draws as many lines as the layout has', () => {
    expect(drawnLines.length).toBe(layouts.reduce((n, l) => n + l.lines.length, 0));
  });

  it('draws every stretched line word for word as HarfBuzz shapes the stretched text: same glyphs, same places', () => {
    const problems: string[] = [];
    let checked = 0,
      kashidas = 0;
    let index = 0;
    paragraphs.forEach((text, i) => {
      for (const line of layouts[i].lines) {
        const drawn = drawnLines[index++];
        // Where the engine put tatweels is checked above against HarfBuzz's SAFE_TO_INSERT_TATWEEL.
        const offsets = kashidaOffsets(line);
        if (!offsets.length || new Set(line.glyphs.map(g => g.face.key)).size !== 1 || !drawn) continue;
        // The reference, cut into words at its spaces (spaces are widened by justification, and not drawn).
        const words: RefGlyph[][] = [[]];
        for (const g of shapeStretched(text, line.start, line.end, offsets)) {
          if (g.space) {
            if (words[words.length - 1].length) words.push([]);
          } else words[words.length - 1].push(g);
        }
        // Drawn glyphs left to right, taken word by word in the reference's glyph counts: words
        // are separated by a space at least, so no glyph of one lies across another's.
        const sorted = [...drawn].sort((a, b) => a.x - b.x);
        if (sorted.length !== words.flat().length) {
          problems.push(`line ${index}: ${sorted.length} glyphs drawn, HarfBuzz gives ${words.flat().length}`);
          continue;
        }
        let at = 0;
        for (const [w, word] of words.entries()) {
          const chunk = sorted.slice(at, (at += word.length));
          const key = (o: string, x: number, y: number) => `${o}@${x.toFixed(2)},${y.toFixed(2)}`;
          const x0 = Math.min(...chunk.map(g => g.x)),
            r0 = Math.min(...word.map(g => g.x));
          const got = chunk.map(g => ({ o: drawnOutline(g), x: g.x - x0, y: g.y - g.baseline }));
          const want = word.map(g => ({ o: outline(arabicFont, g.gid), x: g.x - r0, y: g.y }));
          // Match each HarfBuzz glyph with a drawn glyph of the same outline at the same place.
          for (const g of want) {
            const k = got.findIndex(d => d.o === g.o && Math.abs(d.x - g.x) <= TOLERANCE && Math.abs(d.y - g.y) <= TOLERANCE);
            if (k < 0) problems.push(`line ${index} word ${w + 1}: no drawn glyph ${key(g.o.slice(0, 12), g.x, g.y)}`);
            else got.splice(k, 1);
          }
        }
        kashidas += offsets.length;
        checked++;
      }
    });
    expect(problems.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(20);
    expect(kashidas).toBeGreaterThan(50);
  });

  it('starts every full line at the left edge of the column, within 0.1 pt (the right edge is where RTL lines begin)', () => {
    // The column's left edge is the leftmost glyph origin drawn on the page.
    let index = 0;
    const bad: string[] = [];
    const left = Math.min(...drawnLines.flat().map(g => g.x));
    paragraphs.forEach((_, i) => {
      for (const line of layouts[i].lines) {
        const drawn = drawnLines[index++];
        if (line.last || !drawn) continue;
        const minX = Math.min(...drawn.map(g => g.x));
        if (Math.abs(minX - left) > 0.1) bad.push(`line ${index}: starts ${(minX - left).toFixed(2)} pt from the left edge`);
      }
    });
    expect(bad).toEqual([]);
  });
});

describe('kashida and copy/paste', () => {
  const pdfPromise = renderSpecimen(paragraphs, { align: 'justify', widthCm: 8 });

  it.skipIf(!havePdftotext)(`pdftotext gives back the source's words exactly and in order, without tatweel${needsPdftotext}`, async () => {
    const text = pdftotextRaw(await pdfPromise).join('\f');
    expect(text).not.toContain(TATWEEL);
    // Word by word, as pdftotext writes them: no word cut by a kashida, none glued to the next.
    expect(wordsOf(text)).toEqual(wordsOf(paragraphs.join('\n')));
  });

  it('pdf.js gives back the source words without tatweel, a word-final harakah before its word (its known limit)', async () => {
    const text = documentLines(await pdfjsText(await pdfPromise)).join('\n');
    expect(text).not.toContain(TATWEEL);
    // pdf.js gives a harakah that ends a word an item of its own, listed before the word
    // (CORPUS_READER_LIMITS, BRIEF_READER_LIMITS): in these justified lines, a word of its own.
    const asPdfjsReads = (w: string) => {
      const m = /^(.*?)(\p{M}+)$/u.exec(w);
      return m ? [m[2], m[1]] : [w];
    };
    expect(wordsOf(text)).toEqual(wordsOf(paragraphs.join('\n')).flatMap(asPdfjsReads));
  });
});

describe('kashida pictures', () => {
  const column = (mode: JustifyMode) => renderSpecimen(paragraphs, { align: 'justify', widthCm: 8, justify: mode });

  it('an 8 cm column of the seed article justified with kashida matches its reviewed baseline', async () => {
    expectMatchesBaseline(renderPagePng(await column('kashida-spaces')), path.join(repoRoot, 'tests', 'baselines', 'kashida-8cm.png'));
  });

  it('the same column justified with spaces alone matches its reviewed baseline', async () => {
    expectMatchesBaseline(renderPagePng(await column('spaces')), path.join(repoRoot, 'tests', 'baselines', 'spaces-8cm.png'));
  });
});
