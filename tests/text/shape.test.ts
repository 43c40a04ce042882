// The shape stage with a fake face of fixed advances (no HarfBuzz): the advance of every offset
// and where clusters start follow from the face's glyphs and the run's size alone, and the shaper
// hands the face the run with its context and puts the clusters back at the paragraph's offsets.
import { describe, expect, it } from 'vitest';
import type { LoadedFace } from '../../src/text/fonts.js';
import type { Run } from '../../src/text/records.js';
import { shapeRuns } from '../../src/text/shape.js';
import { CONTEXT, Shaper, type ShapedGlyph, type ShapeSettings, type ShaperFace } from '../../src/text/shaper.js';

/** Advances in font units (upem 1000): a 500, b 600, c 700; "fi" is one ligature glyph of 900. */
const ADVANCE: Record<string, number> = { a: 500, b: 600, c: 700, ' ': 250, x: 400 };

interface Call {
  text: string;
  offset: number;
  length: number;
  rtl: boolean;
}

function fakeFace(calls: Call[]): ShaperFace {
  return {
    get font(): never {
      throw new Error('a fake face has no HarfBuzz font');
    },
    upem: 1000,
    coverage: new Set([...'abcfix '].map(c => c.codePointAt(0)!)),
    shape(text: string, offset: number, length: number, settings: ShapeSettings): ShapedGlyph[] {
      calls.push({ text, offset, length, rtl: settings.rtl });
      const glyphs: ShapedGlyph[] = [];
      for (let i = offset; i < offset + length; i++) {
        if (text.startsWith('fi', i) && i + 1 < offset + length) {
          glyphs.push({ gid: 99, cluster: i, ax: 900, dx: 0, dy: 0, flags: 0 });
          i++;
        } else glyphs.push({ gid: text.charCodeAt(i), cluster: i, ax: ADVANCE[text[i]] ?? 1000, dx: 0, dy: 0, flags: 0 });
      }
      return settings.rtl ? glyphs.reverse() : glyphs;
    },
  };
}

function loaded(shaper: ShaperFace): LoadedFace {
  return { key: 'fake', name: 'Fake', weight: 'regular', subset: 'latin', bytes: Buffer.alloc(0), shaper, upem: shaper.upem };
}

const run = (face: LoadedFace, start: number, end: number, size = 10, level = 0): Run => ({
  start,
  end,
  level,
  script: 'Latn',
  face,
  style: { weight: 'regular', size, color: '#000000' },
});

describe('shapeRuns with fixed advances', () => {
  it('sums each offset’s advance, scaled by size / upem, into prefix widths', () => {
    const face = loaded(fakeFace([]));
    const { prefix, clusterStart } = shapeRuns(new Shaper(), 'abc', [run(face, 0, 3)], 'en');
    // 10 pt at 1000 upem: 500 → 5 pt, 600 → 6 pt, 700 → 7 pt.
    expect([...prefix]).toEqual([0, 5, 11, 18]);
    expect([...clusterStart]).toEqual([1, 1, 1, 1]);
  });

  it('gives a ligature’s whole advance to its first offset: no cut inside the cluster', () => {
    const face = loaded(fakeFace([]));
    const { prefix, clusterStart } = shapeRuns(new Shaper(), 'afib', [run(face, 0, 4, 20)], 'en');
    // a 10 pt, "fi" 18 pt at offset 1 (offset 2 adds nothing), b 12 pt.
    expect([...prefix]).toEqual([0, 10, 28, 28, 40]);
    expect([...clusterStart]).toEqual([1, 1, 0, 1, 1]);
  });

  it('shapes each run at its own size and keeps its glyphs by run', () => {
    const face = loaded(fakeFace([]));
    const first = run(face, 0, 2, 10);
    const second = run(face, 2, 4, 20);
    const { prefix, runGlyphs } = shapeRuns(new Shaper(), 'abab', [first, second], 'en');
    expect([...prefix]).toEqual([0, 5, 11, 21, 33]);
    expect(runGlyphs.get(first)!.map(g => g.cluster)).toEqual([0, 1]);
    expect(runGlyphs.get(second)!.map(g => g.cluster)).toEqual([2, 3]);
  });

  it('hands the face the run with up to CONTEXT characters of context each side, and puts clusters back at paragraph offsets', () => {
    const calls: Call[] = [];
    const face = loaded(fakeFace(calls));
    const text = 'xxxxxxxxabcxxxxxxxx';
    const { runGlyphs } = shapeRuns(new Shaper(), text, [run(face, 8, 11, 10, 1)], 'en');
    expect(CONTEXT).toBe(5);
    expect(calls).toEqual([{ text: 'xxxxxabcxxxxx', offset: 5, length: 3, rtl: true }]);
    // Right to left: the face gives the glyphs in visual order; their clusters are the paragraph's offsets.
    expect(
      runGlyphs
        .values()
        .next()
        .value!.map(g => g.cluster),
    ).toEqual([10, 9, 8]);
  });

  it('asks the face once for the same run at the same offset: a hit is the same array', () => {
    const calls: Call[] = [];
    const face = loaded(fakeFace(calls));
    const shaper = new Shaper();
    const r = run(face, 0, 3);
    const once = shapeRuns(shaper, 'abc', [r], 'en').runGlyphs.get(r);
    const twice = shapeRuns(shaper, 'abc', [r], 'en').runGlyphs.get(r);
    expect(twice).toBe(once);
    expect(calls).toHaveLength(1);
  });
});
