// Visual order of mixed-direction lines against hand-derived UAX #9 results.
//
// Each expectation lists the line's tokens from LEFT to RIGHT as drawn. A token is a maximal run
// of glyphs with one direction and no space inside: `R:` for a right-to-left run, `L:` for a
// left-to-right one. Its text is written in logical order, with each bracket shown as the glyph
// actually drawn: in an RTL run `(` is drawn as `)` (rule L4), so the logical `(سري)` token is
// written `)سري(`. The order of glyphs inside each token is checked separately (offsets fall from
// left to right in RTL tokens, rise in LTR ones).
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
import { describe, expect, it } from 'vitest';
import { layoutParagraph } from '../../src/text/paragraph.js';
import { createTextEngine } from '../../src/text/engine.js';
import type { Direction } from '../../src/text/bidi.js';
import { readCorpus } from '../helpers/corpus.js';
import { describeLine, misorderedTokens } from '../helpers/visual.js';

const engine = createTextEngine();

const style = { weight: 'regular' as const, size: 14, color: '#000000' };

function layoutOneLine(text: string, direction: Direction = 'rtl') {
  const layout = layoutParagraph(engine, { text, style, width: 5000, direction });
  expect(layout.lines).toHaveLength(1);
  return layout.lines[0];
}

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

describe('bidi: visual order of corpus/bidi.txt', () => {
  const lines = readCorpus('bidi.txt');

  it('every corpus line has a hand-written expectation', () => {
    expect(lines.filter(l => !(l in CORPUS))).toEqual([]);
    expect(lines.length).toBe(Object.keys(CORPUS).length);
  });

  for (const line of lines) {
    it(line, () => {
      const laid = layoutOneLine(line);
      expect(describeLine(laid)).toEqual(CORPUS[line]);
      expect(misorderedTokens(laid)).toEqual([]);
    });
  }
});

describe('bidi: phone numbers, dates, nested brackets, LTR paragraphs', () => {
  for (const { text, direction, visual } of EXTRA) {
    it(`${direction}: ${text.replace(/[\u2066-\u2069]/g, c => `<U+${c.codePointAt(0)!.toString(16).toUpperCase()}>`)}`, () => {
      const laid = layoutOneLine(text, direction);
      expect(describeLine(laid)).toEqual(visual);
      expect(misorderedTokens(laid)).toEqual([]);
    });
  }

  it('reordering loses and duplicates nothing: glyph texts in source order give back each line', () => {
    for (const { text, direction } of [...Object.keys(CORPUS).map(text => ({ text, direction: 'rtl' as Direction })), ...EXTRA]) {
      const laid = layoutOneLine(text, direction);
      const back = [...laid.glyphs]
        .sort((a, b) => a.cluster - b.cluster)
        .map(g => g.text)
        .join('');
      expect(back).toBe(text.replace(/[\u2066-\u2069]/g, ''));
    }
  });
});
