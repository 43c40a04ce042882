// Property test: random mixes of Arabic, Latin, digits, punctuation, spaces, harakat and bidi
// controls, laid out at random measures.
import fc from 'fast-check';
import LineBreaker from 'linebreak';
import { describe, expect, it } from 'vitest';
import { layoutParagraph, type ParagraphLayout } from '../../src/text/paragraph.js';
import { createTextEngine } from '../../src/text/engine.js';
import type { Direction } from '../../src/text/bidi.js';
import { inkExtent, lineText } from '../helpers/lines.js';

const engine = createTextEngine();

const style = { weight: 'regular' as const, size: 14, color: '#000000' };

const CONTROLS = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
const MARKS = '\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670';
const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى';
const ARABIC_WORDS = ['قمة', 'ألاسكا', 'الله', 'لا', 'لأن', 'بِسْمِ', 'وَزِيرُ', 'ممثلين', 'العقوبات', 'ـهـ', 'محجوب', 'پچژگ'];
const LATIN_WORDS = ['TASS', 'NBC', 'Alaska', 'Elmendorf', 'e-mail', 'see', 'x'];
const PUNCTUATION = ['.', ',', ':', ';', '(', ')', '[', ']', '«', '»', '-', '/', '%'];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ARABIC_WORDS) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 9 }).map(a => a.join('')) },
  { weight: 2, arbitrary: fc.constantFrom(...LATIN_WORDS) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ'), { minLength: 1, maxLength: 12 }).map(a => a.join('')) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 6 }).map(a => a.join('')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...'٠١٢٣٤٥٦٧٨٩'), { minLength: 1, maxLength: 4 }).map(a => a.join('')) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 6, arbitrary: fc.constantFrom(' ', ' ', '  ') },
  { weight: 2, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROLS) },
);

/**
 * The seed of the random properties: MOWJAZ_SEED when set (to replay a failure), else a fixed one.
 * Printed so that a failing run can be replayed exactly.
 */
const SEED = process.env.MOWJAZ_SEED ? Number(process.env.MOWJAZ_SEED) : 20250815;
if (!Number.isSafeInteger(SEED)) throw new Error(`MOWJAZ_SEED must be an integer, not "${process.env.MOWJAZ_SEED}"`);
console.log(`property tests: seed ${SEED} (replay with MOWJAZ_SEED=${SEED})`);

const textArb = fc.array(piece, { minLength: 1, maxLength: 40 }).map(a => a.join(''));
const widthArb = fc.double({ min: 40, max: 500, noNaN: true, noDefaultInfinity: true });

const IGNORED = new RegExp(`[\\s${CONTROLS}]`, 'gu');
const stripped = (s: string) => s.replace(IGNORED, '');

/** All glyph texts of a paragraph in logical order (sorted by source offset). */
const textBack = (layout: ParagraphLayout) =>
  layout.lines
    .flatMap(l => l.glyphs)
    .sort((a, b) => a.cluster - b.cluster)
    .map(g => g.text)
    .join('');

/** UAX #14 break opportunities of a text (positions where a line may end), from `linebreak`. */
function opportunities(text: string): Set<number> {
  const out = new Set<number>([text.length]);
  const breaker = new LineBreaker(text);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) out.add(bk.position);
  return out;
}

/**
 * What the property checks, as a list of violations (empty when it holds). `cutLines` says
 * whether lines that begin or end inside a word (at an emergency cut, not a UAX #14
 * opportunity) are held to the measure too: they are not by default, see the known bug below.
 */
function violations(text: string, width: number, cutLines = false, direction: Direction = 'rtl'): string[] {
  const layout = layoutParagraph(engine, { text, style, width, direction });
  const breaks = opportunities(text);
  breaks.add(0);
  const out: string[] = [];
  layout.lines.forEach((line, i) => {
    if (!cutLines && !(breaks.has(line.start) && breaks.has(line.end))) return;
    const { left, right } = inkExtent(line);
    if (right - left > width + 0.01) out.push(`line ${i + 1}: ink ${(right - left).toFixed(3)} wider than ${width.toFixed(3)}`);
    if (line.width > width + 0.01) out.push(`line ${i + 1}: width ${line.width.toFixed(3)} wider than ${width.toFixed(3)}`);
  });
  const back = stripped(textBack(layout)),
    expected = stripped(text);
  if (back !== expected) out.push(`text back ${JSON.stringify(back)} ≠ ${JSON.stringify(expected)}`);
  return out;
}

describe('property: random mixed text at random measures', () => {
  it('never throws, lines broken at UAX #14 opportunities fit the measure, and the text comes back', () => {
    fc.assert(
      fc.property(textArb, widthArb, (text, width) => {
        expect(violations(text, width)).toEqual([]);
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('the same in LTR paragraphs', () => {
    fc.assert(
      fc.property(textArb, widthArb, (text, width) => {
        expect(violations(text, width, false, 'ltr')).toEqual([]);
      }),
      { numRuns: 100, seed: SEED + 1 },
    );
  });

  it('the generator does produce lines cut inside a word, controls, marks and mixed directions', () => {
    const samples = fc.sample(fc.tuple(textArb, widthArb), { numRuns: 200, seed: SEED });
    let cut = 0;
    for (const [text, width] of samples) {
      const breaks = opportunities(text);
      cut += layoutParagraph(engine, { text, style, width }).lines.filter(l => !breaks.has(l.end)).length;
    }
    expect(cut).toBeGreaterThan(10);
    expect(samples.filter(([t]) => new RegExp(`[${CONTROLS}]`, 'u').test(t)).length).toBeGreaterThan(50);
    expect(samples.filter(([t]) => new RegExp(`[${MARKS}]`, 'u').test(t)).length).toBeGreaterThan(50);
    expect(samples.filter(([t]) => /[A-Za-z0-9]/.test(t) && /\p{Script=Arabic}/u.test(t)).length).toBeGreaterThan(60);
  });
});

// Found by the property above (shrunk counterexamples). A word wider than the measure is cut
// between clusters where the advances measured on the whole run still fit; but each line is then
// shaped on its own, and what HarfBuzz did across the cut is undone: the GPOS kerning pair (Amiri
// kerns ز and ء before ك) on the line before the cut, contextual forms (Amiri's narrow م after ق
// in قم) on the line after it. The layout now re-measures each placed line and moves the cut
// earlier when the line comes out wider than the measure.
describe('regression: emergency cut inside a word overflows the measure', () => {
  it('"العقوباتغزكا" at 40 pt: the first line (cut after ز) was 40.348 pt wide', () => {
    expect(violations('العقوباتغزكا ', 40, true)).toEqual([]);
  });

  it('"راضصءكTASS" at 40 pt: the first line (cut after ء) was 40.264 pt wide', () => {
    expect(violations('راضصءكTASS', 40, true)).toEqual([]);
  });

  it('"0000طمدحم٠٠٠قمةهاغصسً" at 50.092 pt: the line starting after the cut inside قمة was 53.214 pt wide', () => {
    expect(violations('0000طمدحم٠٠٠قمةهاغصسً', 50.092, true)).toEqual([]);
  });

  // A single letter wider than the measure cannot be cut any further: it overflows, by design.
  // The known wrong value, asserted exactly: one letter per line, ز (5.586 pt on its line, 3.542 pt
  // kerned against ك in the whole word) and ك (9.226 pt) wider than the 4 pt measure, ا inside it.
  it('"زكا" at 4 pt: one letter per line, ز and ك overflow the measure by design', () => {
    const layout = layoutParagraph(engine, { text: 'زكا', style, width: 4 });
    expect(layout.lines.map(lineText)).toEqual(['ز', 'ك', 'ا']);
    expect(layout.lines.map(l => l.width.toFixed(3))).toEqual(['5.586', '9.226', '3.206']);
  });
});
