// pdfkit and fontkit are pinned, and the PDF writer reaches into a few of their private members.
// This test makes each object those members live on, straight from pdfkit and fontkit, and
// checks every member the writer names (PRIVATES): an upgrade that changes one fails here, by
// name, rather than as a broken PDF somewhere else.
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fontsDir } from '../../src/fonts/files.js';
import { createTextEngine } from '../../src/text/engine.js';
import { PRIVATES, svgWarnings, type PrivateMember } from '../../src/render/pdf-writer.js';

createTextEngine(); // writes fonts/*.ttf if they are missing
const bytes = fs.readFileSync(path.join(fontsDir(), 'amiri-arabic-400.ttf'));

/** The objects PRIVATES speaks of, made the way the writer makes them. */
function owners(): Record<PrivateMember['on'], Record<string, unknown>> {
  const doc = new PDFDocument({ font: '', autoFirstPage: false, tagged: true, pdfVersion: '1.7' });
  doc.addPage({ size: [200, 200], margin: 0 });
  const font = fontkit.create(bytes) as Record<string, unknown> & { getGlyph(gid: number): Record<string, unknown> };
  (doc as unknown as { registerFont(name: string, src: unknown): void }).registerFont('probe', font);
  doc.font('probe');
  const embedded = (doc as unknown as { _font: Record<string, unknown> })._font;
  // fontkit's subset has its tables only while it encodes, which is when the writer's _addGlyph runs.
  const subset = embedded.subset as Record<string, unknown> & { includeGlyph(gid: number): number; encode(): unknown; _addGlyph(gid: number): number };
  const encoding: Record<string, unknown> = {};
  const addGlyph = subset._addGlyph;
  subset._addGlyph = function (this: Record<string, unknown>, gid: number) {
    for (const name of ['glyf', 'loca', 'hmtx', 'offset']) encoding[name] ??= this[name];
    return addGlyph.call(this, gid);
  };
  subset.includeGlyph(10);
  subset.encode();
  subset._addGlyph = addGlyph;
  return {
    subsetWhileEncoding: encoding,
    document: doc as unknown as Record<string, unknown>,
    embeddedFont: embedded,
    subset: embedded.subset as Record<string, unknown>,
    fontkitFont: font,
    fontkitGlyph: font.getGlyph(10),
    structElement: doc.struct('P') as unknown as Record<string, unknown>,
    outline: doc.outline as unknown as Record<string, unknown>,
  };
}

const describeValue = (v: unknown) => (typeof v === 'function' ? `function of ${v.length} parameters` : v === null ? 'null' : typeof v);

describe('the pdfkit and fontkit privates the PDF writer relies on', () => {
  const objects = owners();
  for (const p of PRIVATES) {
    it(`${p.on}.${p.name} is a ${p.type}${p.arity !== undefined ? ` of ${p.arity} parameters` : ''}`, () => {
      const value = objects[p.on][p.name];
      const expected = `${p.type}${p.arity !== undefined ? ` of ${p.arity} parameters` : ''}`;
      const found = typeof value === 'function' && p.arity !== undefined ? describeValue(value) : typeof value;
      expect(
        found,
        `pdfkit 0.20.2 / fontkit 2.0.4 private ${p.on}.${p.name} changed: src/render/pdf-writer.ts expects a ${expected}, found ${describeValue(value)}`,
      ).toBe(expected);
    });
  }

  it('the structures inside them have the fields the writer fills in', () => {
    const { subset, subsetWhileEncoding: encoding, fontkitFont, structElement, embeddedFont } = objects;
    const shape = {
      'subset.glyphs': Array.isArray(subset.glyphs),
      'subset.glyf': Array.isArray(encoding.glyf),
      'subset.loca.offsets': Array.isArray((encoding.loca as { offsets?: unknown } | undefined)?.offsets),
      'subset.hmtx.metrics': Array.isArray((encoding.hmtx as { metrics?: unknown } | undefined)?.metrics),
      'fontkitFont.loca.offsets': Array.isArray((fontkitFont.loca as { offsets?: unknown }).offsets),
      'embeddedFont.widths': Array.isArray(embeddedFont.widths),
      'embeddedFont.unicode': Array.isArray(embeddedFont.unicode),
      'structElement.dictionary.data': typeof (structElement.dictionary as { data?: unknown }).data === 'object',
    };
    expect(
      Object.entries(shape)
        .filter(([, ok]) => !ok)
        .map(([name]) => name),
      'pdfkit/fontkit internals src/render/pdf-writer.ts writes into are no longer there',
    ).toEqual([]);
  });
});

describe('svg-to-pdfkit on the pinned pdfkit', () => {
  it('draws an SVG of shapes into a pdfkit document without a warning', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" viewBox="0 0 20 10"><rect width="20" height="10" fill="#1f5134"/></svg>';
    expect(svgWarnings(svg, 20, 10)).toEqual([]);
  });

  it('asks for a font for SVG text, which the writer refuses (pdfkit would use a standard font, not embedded)', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><text x="0" y="9">a</text></svg>';
    expect(() => svgWarnings(svg, 20, 10)).toThrow(/SVG text reached the renderer/);
  });
});
