// Which face can draw which character: the one answer itemizing (font fallback) and the input
// checks (a character no font has) both use. Answers are kept per face, by the engine's Coverage.
import type { FontSet, LoadedFace, Weight } from './fonts.js';
import { isBidiControl, mirrorOf } from './bidi.js';

/** What font fallback needs: the faces of a weight, in order, and whether one has a character. */
export interface FontCoverage {
  chain(weight: Weight): readonly LoadedFace[];
  covers(face: LoadedFace, ch: string): boolean;
}

export { codePointLabel } from '../errors.js';

/** Characters no font needs to draw: bidi controls, joiners and other default ignorables. */
const IGNORABLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF]/;

export const isIgnorable = (ch: string): boolean => IGNORABLE.test(ch) || isBidiControl(ch);

/** Whether a string holds any ignorable character (a quick test before filtering them out). */
export const hasIgnorable = (text: string): boolean => IGNORABLE.test(text);

/** Ignorables, newline and tab: characters that need no glyph of any face. */
export const needsNoGlyph = (ch: string): boolean => isIgnorable(ch) || ch === '\n' || ch === '\t';

export class Coverage implements FontCoverage {
  private readonly answers = new Map<LoadedFace, Map<number, boolean>>();

  constructor(private readonly fonts: FontSet) {}

  chain(weight: Weight): readonly LoadedFace[] {
    return this.fonts.chain(weight);
  }

  /**
   * A face can draw a character if it has it, and for a mirrored pair (brackets) its mirror too:
   * HarfBuzz draws the mirror in right-to-left runs, and the arabic subset has `(` without `)`.
   */
  covers(face: LoadedFace, ch: string): boolean {
    let known = this.answers.get(face);
    if (!known) this.answers.set(face, (known = new Map()));
    const cp = ch.codePointAt(0)!;
    let answer = known.get(cp);
    if (answer === undefined) {
      const c = face.shaper.coverage;
      const m = mirrorOf(ch);
      answer = c.has(cp) && (!m || c.has(m.codePointAt(0)!));
      known.set(cp, answer);
    }
    return answer;
  }

  /** First code point no face of the weight's chain can draw, or null. */
  findUncovered(text: string, weight: Weight = 'regular'): { codePoint: number; offset: number } | null {
    const chain = this.chain(weight);
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (!needsNoGlyph(ch) && !chain.some(f => this.covers(f, ch))) return { codePoint: cp, offset: i };
      i += ch.length;
    }
    return null;
  }

  /**
   * First character that regular or bold cannot draw: text from data or templates may be set in
   * either weight, and the two do not cover quite the same characters.
   */
  findUncoveredInAnyWeight(text: string): { codePoint: number; offset: number } | null {
    const regular = this.findUncovered(text, 'regular'),
      bold = this.findUncovered(text, 'bold');
    return regular && bold ? (regular.offset <= bold.offset ? regular : bold) : (regular ?? bold);
  }
}
