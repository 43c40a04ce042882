// Arabic justification with kashida: where tatweels go, that the stretched line is HarfBuzz's own
// shaping of the stretched text, that full lines are flush, and that copy/paste never sees them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as hb from 'harfbuzzjs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { renderSpecimen } from '../../src/specimen.js';
import { layoutParagraph, type LineLayout, type ParagraphLayout } from '../../src/text/paragraph.js';
import { createTextEngine } from '../../src/text/engine.js';
import type { JustifyMode } from '../../src/text/justify.js';
import { readArticle, repoRoot } from '../helpers/corpus.js';
import { fontFile, openHbFont } from '../helpers/harfbuzz.js';
import { inkExtent } from '../helpers/lines.js';
import { expectMatchesBaseline, renderPagePng } from '../helpers/png.js';

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
  return new Set(buf.getGlyphInfos().filter(g => g.flags & hb.GlyphFlag.SAFE_TO_INSERT_TATWEEL).map(g => g.cluster));
}

/** Kashida glyphs of a line, as the offset each one stands before. */
const kashidaOffsets = (line: LineLayout): number[] => line.glyphs.filter(g => g.kashida).map(g => g.cluster);

/** The widest white-space gap of each full line, in points: what readers see as a hole. */
function widestSpace(layout: ParagraphLayout): number {
  return Math.max(...layout.lines.filter(l => !l.last).flatMap(l => l.glyphs.filter(g => /^\s$/.test(g.text)).map(g => g.advance)));
}

describe('kashida justification', () => {
  const layouts = paragraphs.map(p => justify(p));

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

  it('draws the line exactly as HarfBuzz shapes the stretched text', () => {
    let checked = 0;
    paragraphs.forEach((text, i) => {
      for (const line of layouts[i].lines) {
        const offsets = kashidaOffsets(line);
        if (!offsets.length || new Set(line.glyphs.map(g => g.face.key)).size !== 1) continue;
        let end = line.end;
        while (/\s/.test(text[end - 1])) end--;
        let stretched = '';
        const plain: number[] = [];
        for (let o = line.start; o < end; o++) {
          for (const _ of offsets.filter(k => k === o)) { plain.push(stretched.length); stretched += TATWEEL; }
          stretched += text[o];
        }
        const buf = new hb.Buffer();
        buf.addText(stretched);
        buf.setDirection(hb.Direction.RTL);
        buf.setScript('Arab');
        buf.setLanguage('ar');
        // Inserted tatweels are shaped as the plain tatweel glyph: rlig off on them alone.
        hb.shape(arabicFont.font, buf, plain.map(p => new hb.Feature('rlig', 0, p, p + 1)));
        const positions = buf.getGlyphPositions();
        expect(line.glyphs.map(g => g.gid)).toEqual(buf.getGlyphInfos().map(g => g.codepoint));
        const scale = style.size / arabicFont.upem;
        // Spaces are widened for what the tatweels leave over; every other glyph keeps HarfBuzz's advance.
        line.glyphs.forEach((g, k) => { if (!/^\s$/.test(g.text)) expect(g.advance).toBeCloseTo(positions[k].xAdvance * scale, 6); });
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(20);
  });

  it('leaves Latin words and numbers alone', () => {
    const text = 'نقلت وكالة TASS الروسية وشبكة NBC الأمريكية تصريحات عن القمة المقررة في 15 أغسطس 2025 بقاعدة Elmendorf-Richardson العسكرية في ولاية Alaska، وأشارت إلى جدول أعمال يتضمن 3 ملفات رئيسية';
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

describe('kashida and copy/paste', () => {
  const pdfPromise = renderSpecimen(paragraphs, { align: 'justify', widthCm: 8 });
  const squash = (s: string) => s.replace(/[\s\u202A-\u202E]/g, '');

  it('pdftotext gives back the source text exactly, without tatweel', async t => {
    if (!fs.existsSync('/usr/bin/pdftotext')) return t.skip('pdftotext (poppler-utils) is not installed');
    const file = path.join(fs.mkdtempSync(path.join(repoRoot, 'node_modules', '.mowjaz-kashida-')), 'j.pdf');
    fs.writeFileSync(file, await pdfPromise);
    const text = execFileSync('/usr/bin/pdftotext', [file, '-']).toString();
    expect(text).not.toContain(TATWEEL);
    expect(squash(text)).toBe(squash(paragraphs.join('')));
  });

  it('pdf.js gives back the source words without tatweel', async () => {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(await pdfPromise), verbosity: 0 }).promise;
    let text = '';
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      text += content.items.map(item => ('str' in item ? item.str : '')).join('');
    }
    expect(text).not.toContain(TATWEEL);
    // pdf.js reads a harakah that ends a word before the word (a known pdf.js limitation, see
    // README); the letters themselves must all come back, in order.
    const letters = (s: string) => squash(s).replace(/[\p{M}\u200D]/gu, '');
    expect(letters(text)).toBe(letters(paragraphs.join('')));
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
