// Visual order of mixed-direction lines, read back from the PDF: the characters each drawn line
// shows from left to right (tests/helpers/visual.ts: mupdf's ToUnicode text, brackets judged by
// the outline drawn) against GNU FriBidi's visual order, derived once and kept as data in
// tests/fixtures/bidi/visual-order.json (see derive-visual-order.mjs there; the tests never run
// fribidi). FriBidi's expectations are themselves checked against the hand derivation below.
//
// Each hand derivation lists the line's tokens from LEFT to RIGHT as drawn. A token is a maximal run
// of characters with one direction and no space inside: `R:` for a right-to-left run, `L:` for a
// left-to-right one. Its text is written in logical order, with each bracket shown as the glyph
// actually drawn: in an RTL run `(` is drawn as `)` (rule L4), so the logical `(سري)` token is
// written `)سري(`.
//
// Derivations (paragraph level 1 unless stated):
// - Arabic letters are AL, so digits after Arabic text are AN, not EN (W2); AN gets level 2 (I2)
//   and is drawn left to right. Only digits after Latin letters stay EN (then L by W7).
// - A CS between two numbers of one type stays with them (W4): `12.5`, `1,250,000`,
//   `15/08/2025`, `10:30` are one LTR run each. An ES (`-`, `+`) joins only two ENs (W4), so
//   between ANs it becomes ON (W6) and, between two numbers, R (N1: AN counts as R): the pieces of
//   `123-45-67` after Arabic are drawn in right-to-left order, `67 - 45 - 123`.
// - `%` is ET; next to AN it is not W5 (which needs EN) → ON → R, drawn on the left of `12.5`.
// - `+` before a number is ES not between ENs → ON; between R and AN → R, drawn to the RIGHT of
//   `7`.
// - `@`, `.`, `:`, `/` and `-` between Latin letters (or EN made L by W7) resolve to L (N1).
// - Brackets (N0): a pair enclosing a strong type of the embedding direction (EN/AN count as R) is
//   R; enclosing only L, with R before the opening bracket, it takes the embedding direction.
// - ASCII quotes are not brackets: neutrals between R and L take the embedding direction (N2).
// - Inside LRI…PDI the isolate's sos is L: `+7 495 123-45-67` there is EN → L throughout.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSpecimen } from '../../src/specimen.js';
import type { Direction } from '../../src/text/bidi.js';
import { fixturePath, readCorpus } from '../helpers/corpus.js';
import { readLines, visualKey, visualText, type ReadGlyph } from '../helpers/visual.js';

/** Every line of corpus/bidi.txt, with its visual order derived by hand. */
const CORPUS: Record<string, string[]> = {
  'تُعقد القمة في 15 أغسطس 2025': ['L:2025', 'R:أغسطس', 'L:15', 'R:في', 'R:القمة', 'R:تُعقد'],
  'انخفضت الصادرات بنسبة 12.5% خلال عام 2024': ['L:2024', 'R:عام', 'R:خلال', 'R:%', 'L:12.5', 'R:بنسبة', 'R:الصادرات', 'R:انخفضت'],
  'نقلت وكالة TASS الروسية وشبكة NBC الأمريكية التصريحات': ['R:التصريحات', 'R:الأمريكية', 'L:NBC', 'R:وشبكة', 'R:الروسية', 'L:TASS', 'R:وكالة', 'R:نقلت'],
  'قاعدة Elmendorf-Richardson العسكرية في ولاية Alaska': ['L:Alaska', 'R:ولاية', 'R:في', 'R:العسكرية', 'L:Elmendorf-Richardson', 'R:قاعدة'],
  'الرقم المرجعي: SR-2025/08-15 (سري)': ['R:)سري(', 'L:SR-2025/08-15', 'R:المرجعي:', 'R:الرقم'],
  'اتصل على +7 495 123-45-67 أو راسل press@example.org': [
    'L:press@example.org',
    'R:راسل',
    'R:أو',
    'L:67',
    'R:-',
    'L:45',
    'R:-',
    'L:123',
    'L:495',
    'L:7',
    'R:+',
    'R:على',
    'R:اتصل',
  ],
  'المبلغ: 1,250,000 دولار (أي نحو 1.25 مليون)': ['R:مليون(', 'L:1.25', 'R:نحو', 'R:)أي', 'R:دولار', 'L:1,250,000', 'R:المبلغ:'],
  'الفترة من 2022 إلى 2025 [ثلاث سنوات]': ['R:سنوات[', 'R:]ثلاث', 'L:2025', 'R:إلى', 'L:2022', 'R:من', 'R:الفترة'],
  'قال المتحدث: "We will see" ثم غادر القاعة.': ['R:القاعة.', 'R:غادر', 'R:ثم', 'R:"', 'L:We', 'L:will', 'L:see', 'R:"', 'R:المتحدث:', 'R:قال'],
  'الموقع https://example.org/briefs/alaska-2025 متاح للجميع': ['R:للجميع', 'R:متاح', 'L:https://example.org/briefs/alaska-2025', 'R:الموقع'],
  'المادة (3) من الاتفاقية {الملحق ب}': ['R:ب{', 'R:}الملحق', 'R:الاتفاقية', 'R:من', 'R:(', 'L:3', 'R:)', 'R:المادة'],
  'النسبة ٪٤٥ من إجمالي ١٢٠ مقعداً': ['R:مقعداً', 'L:١٢٠', 'R:إجمالي', 'R:من', 'L:٤٥', 'R:٪', 'R:النسبة'],
};

/** Lines of our own: phone numbers, dates, nested brackets, isolates, and LTR paragraphs. */
const EXTRA: { text: string; direction: Direction; visual: string[] }[] = [
  // Phone number with the area code in brackets: the brackets enclose EN (→ R), so they are RTL and mirrored.
  {
    text: 'رقم الهاتف: +7 (495) 123-45-67',
    direction: 'rtl',
    visual: ['L:67', 'R:-', 'L:45', 'R:-', 'L:123', 'R:(', 'L:495', 'R:)', 'L:7', 'R:+', 'R:الهاتف:', 'R:رقم'],
  },
  // The same number isolated with LRI…PDI: inside the isolate `+` is between sos L and 7 (EN → L by W7).
  { text: 'اتصل على \u2066+7 495 123-45-67\u2069 الآن', direction: 'rtl', visual: ['R:الآن', 'L:+7', 'L:495', 'L:123-45-67', 'R:على', 'R:اتصل'] },
  { text: 'وُلد في 15/08/2025 في موسكو', direction: 'rtl', visual: ['R:موسكو', 'R:في', 'L:15/08/2025', 'R:في', 'R:وُلد'] },
  { text: 'الموعد 15/08/2025 الساعة 10:30', direction: 'rtl', visual: ['L:10:30', 'R:الساعة', 'L:15/08/2025', 'R:الموعد'] },
  // Nested brackets around Arabic: both pairs R, all four drawn mirrored.
  { text: 'قال (وفق المصدر [الرسمي]) ذلك', direction: 'rtl', visual: ['R:ذلك', 'R:]الرسمي[(', 'R:المصدر', 'R:)وفق', 'R:قال'] },
  // Inner pair encloses only L (`A-1`, with 1 → L by W7) and follows R: embedding direction (R).
  { text: 'انظر (الملحق [A-1]) للتفاصيل', direction: 'rtl', visual: ['R:للتفاصيل', 'R:[(', 'L:A-1', 'R:]', 'R:)الملحق', 'R:انظر'] },
  { text: 'وكالة (TASS) الروسية', direction: 'rtl', visual: ['R:الروسية', 'R:(', 'L:TASS', 'R:)', 'R:وكالة'] },
  // LTR paragraphs: Arabic runs are reversed as a block, brackets stay LTR and unmirrored.
  { text: 'The summit in قمة ألاسكا starts today', direction: 'ltr', visual: ['L:The', 'L:summit', 'L:in', 'R:ألاسكا', 'R:قمة', 'L:starts', 'L:today'] },
  { text: 'Report (تقرير) done', direction: 'ltr', visual: ['L:Report', 'L:(', 'R:تقرير', 'L:)', 'L:done'] },
  // In an LTR paragraph, 15 after Arabic stays EN (level 2) inside the Arabic run (level 1).
  { text: 'in 2025 قمة ألاسكا 15 أغسطس', direction: 'ltr', visual: ['L:in', 'L:2025', 'R:أغسطس', 'L:15', 'R:ألاسكا', 'R:قمة'] },
];

interface Expected {
  text: string;
  direction: Direction;
  levels: string;
  visual: string;
}

/** GNU FriBidi's visual order of each line (tests/fixtures/bidi/visual-order.json). */
const FRIBIDI: Expected[] = JSON.parse(fs.readFileSync(fixturePath('bidi', 'visual-order.json'), 'utf8')).lines;

const HAND: { text: string; direction: Direction; visual: string[] }[] = [
  ...Object.entries(CORPUS).map(([text, visual]) => ({ text, direction: 'rtl' as Direction, visual })),
  ...EXTRA,
];

/** A hand derivation's tokens as characters left to right: an RTL token's logical text reversed. */
const handVisual = (tokens: readonly string[]): string =>
  tokens.map(t => (t.startsWith('R:') ? [...visualKey(t.slice(2))].reverse().join('') : visualKey(t.slice(2)))).join('');

const shown = (text: string) => text.replace(/[\u2066-\u2069]/g, c => `<U+${c.codePointAt(0)!.toString(16).toUpperCase()}>`);

describe('bidi: the expectations', () => {
  it('every line of corpus/bidi.txt and every line of our own has a FriBidi expectation and a hand derivation', () => {
    const key = (e: { text: string; direction: Direction }) => `${e.direction}:${e.text}`;
    expect(readCorpus('bidi.txt').filter(l => !FRIBIDI.some(e => e.direction === 'rtl' && e.text === l))).toEqual([]);
    expect(FRIBIDI.map(key).sort()).toEqual(HAND.map(key).sort());
  });

  it("FriBidi's visual order agrees with the hand derivation, character for character (spaces aside: tokens do not say where they are)", () => {
    const disagree = HAND.flatMap(h => {
      const fribidi = visualKey(FRIBIDI.find(e => e.text === h.text && e.direction === h.direction)!.visual).replace(/ /g, '');
      return fribidi === handVisual(h.visual) ? [] : [`${shown(h.text)}: FriBidi ${fribidi}, by hand ${handVisual(h.visual)}`];
    });
    expect(disagree).toEqual([]);
  });
});

describe('bidi: visual order drawn in the PDF = GNU FriBidi', () => {
  const drawn = new Map<Expected, ReadGlyph[]>();

  beforeAll(async () => {
    for (const direction of ['rtl', 'ltr'] as const) {
      const entries = FRIBIDI.filter(e => e.direction === direction);
      const lines = readLines(
        await renderSpecimen(
          entries.map(e => e.text),
          { direction },
        ),
      );
      // One drawn line per entry (checked below), in the order given.
      entries.forEach((e, i) => {
        if (lines[i] && lines.length === entries.length) drawn.set(e, lines[i]);
      });
    }
  });

  it('each line is drawn as one line of text', () => {
    expect(FRIBIDI.filter(e => !drawn.has(e)).map(e => e.text)).toEqual([]);
  });

  for (const e of FRIBIDI) {
    it(`${e.direction}: ${shown(e.text)}`, () => {
      expect(visualText(drawn.get(e) ?? [])).toBe(visualKey(e.visual));
    });
  }
});
