// Itemizing: runs split at bidi levels, scripts and fonts; neutrals stay with their run; the
// fallback chain is walked per character; a bracket is drawn only by a face with its mirror.
import { describe, expect, it } from 'vitest';
import { embeddingLevels } from '../../src/text/bidi.js';
import type { FontCoverage } from '../../src/text/coverage.js';
import { createTextEngine } from '../../src/text/engine.js';
import type { LoadedFace, Weight } from '../../src/text/fonts.js';
import { fillSpans, itemize, UncoveredCharacterError } from '../../src/text/itemize.js';
import type { RunStyle } from '../../src/text/records.js';

const regular: RunStyle = { weight: 'regular', size: 12, color: '#000000' };
const bold: RunStyle = { weight: 'bold', size: 12, color: '#000000' };

/** Two fake faces per weight: "arabic" has Arabic letters, digits, space, "(" and "-"; "latin" has Latin letters, space, both brackets. */
function fakeFonts(): FontCoverage & { faces: Record<string, LoadedFace> } {
  const face = (name: string, weight: Weight) => ({ key: name, name, weight }) as unknown as LoadedFace;
  const faces = {
    'arabic-regular': face('arabic-regular', 'regular'),
    'latin-regular': face('latin-regular', 'regular'),
    'arabic-bold': face('arabic-bold', 'bold'),
    'latin-bold': face('latin-bold', 'bold'),
  };
  const has: Record<string, RegExp> = { arabic: /[\u0600-\u06FF0-9 (-]/u, latin: /[A-Za-z ()]/ };
  return {
    faces,
    chain: weight => [faces[`arabic-${weight}`], faces[`latin-${weight}`]],
    // As the engine's coverage does: a bracket needs its mirror too.
    covers: (f, ch) => {
      const re = has[f.name.split('-')[0]];
      const mirror = ch === '(' ? ')' : ch === ')' ? '(' : null;
      return re.test(ch) && (!mirror || re.test(mirror));
    },
  };
}

const runsOf = (text: string, fonts: FontCoverage, direction: 'rtl' | 'ltr' = 'rtl', spans = fillSpans(undefined, regular, text.length)) =>
  itemize(text, embeddingLevels(text, direction), spans, fonts).map(r => ({
    text: text.slice(r.start, r.end),
    level: r.level,
    script: r.script,
    face: r.face.name,
  }));

describe('itemize', () => {
  const fonts = fakeFonts();

  it('splits at levels and scripts, and keeps the space between with the run it follows', () => {
    expect(runsOf('سلام abc', fonts)).toEqual([
      { text: 'سلام ', level: 1, script: 'Arab', face: 'arabic-regular' },
      { text: 'abc', level: 2, script: 'Latn', face: 'latin-regular' },
    ]);
  });

  it('resolves levels for a left-to-right paragraph with Arabic inside', () => {
    expect(runsOf('abc سلام', fonts, 'ltr')).toEqual([
      { text: 'abc ', level: 0, script: 'Latn', face: 'latin-regular' },
      { text: 'سلام', level: 1, script: 'Arab', face: 'arabic-regular' },
    ]);
  });

  it('gives a neutral that opens a run the script of its direction: Arabic at an odd level, Latin at an even one', () => {
    expect(runsOf('- سلام', fonts)[0]).toEqual({ text: '- سلام', level: 1, script: 'Arab', face: 'arabic-regular' });
    // European digits in a right-to-left paragraph resolve to level 2 (UAX #9 I1).
    expect(runsOf('12 سلام', fonts)[0]).toEqual({ text: '12', level: 2, script: 'Latn', face: 'arabic-regular' });
  });

  it('falls back along the chain per character: a bracket whose mirror the first face lacks goes to the next face', () => {
    expect(runsOf('(سلام)', fonts).map(r => [r.text, r.face])).toEqual([
      ['(', 'latin-regular'],
      ['سلام', 'arabic-regular'],
      [')', 'latin-regular'],
    ]);
  });

  it("takes the face chain of each span's weight", () => {
    const text = 'سلام عليكم';
    const spans = fillSpans([{ start: 5, end: 10, style: bold }], regular, text.length);
    expect(runsOf(text, fonts, 'rtl', spans).map(r => [r.text, r.face])).toEqual([
      ['سلام ', 'arabic-regular'],
      ['عليكم', 'arabic-bold'],
    ]);
  });

  it('stops at a character no face has, with its code point and offset', () => {
    const text = 'سلام 😀';
    const call = () => itemize(text, embeddingLevels(text, 'rtl'), fillSpans(undefined, regular, text.length), fonts);
    expect(call).toThrow(UncoveredCharacterError);
    expect(call).toThrow('no font can draw U+1F600 at offset 5');
  });

  it('fills the gaps between spans with the default style', () => {
    expect(fillSpans([{ start: 2, end: 4, style: bold }], regular, 6)).toEqual([
      { start: 0, end: 2, style: regular },
      { start: 2, end: 4, style: bold },
      { start: 4, end: 6, style: regular },
    ]);
  });
});

describe('coverage of the real Amiri subsets', () => {
  const engine = createTextEngine();
  const [arabic, latin] = engine.fonts.chain('regular');

  it('the arabic subset has "(" but not ")", so neither bracket counts as covered by it; the latin subset has both', () => {
    expect(arabic.shaper.coverage.has(0x28)).toBe(true);
    expect(arabic.shaper.coverage.has(0x29)).toBe(false);
    expect(engine.coverage.covers(arabic, '(')).toBe(false);
    expect(engine.coverage.covers(latin, '(')).toBe(true);
    expect(engine.coverage.covers(latin, ')')).toBe(true);
  });

  it('finds the first character no face of a weight can draw', () => {
    expect(engine.coverage.findUncovered('قمة ألاسكا\n\t')).toBeNull();
    expect(engine.coverage.findUncovered('قمة 中')).toEqual({ codePoint: 0x4e2d, offset: 4 });
  });
});
