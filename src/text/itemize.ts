// Splits a paragraph into runs that can each be shaped in one HarfBuzz call: one bidi level,
// one script, one font, one style. Fallback is per character along the face chain; neutral
// characters (spaces, punctuation, digits, marks) stay with the run they sit in when its font
// has them, so Amiri's kerning against spaces and its mark placement are kept.
import type { LoadedFace, FontSet, Weight } from './fonts.js';
import { isBidiControl, mirrorOf } from './bidi.js';
import { InputError, codePointLabel } from '../errors.js';

export interface RunStyle {
  weight: Weight;
  /** Font size in points. */
  size: number;
  /** Fill colour, #rrggbb. */
  color: string;
}

export interface StyledSpan { start: number; end: number; style: RunStyle }

export interface Run {
  start: number;
  end: number;
  level: number;
  script: string;
  face: LoadedFace;
  style: RunStyle;
}

/** A code point as Unicode writes it: U+0627. */
export { codePointLabel };

/** Text asked for a character no font has: bad input, reported with its code point and offset. */
export class UncoveredCharacterError extends InputError {
  constructor(readonly codePoint: number, readonly offset: number) {
    super(`no font can draw ${codePointLabel(codePoint)} at offset ${offset}`);
    this.name = 'UncoveredCharacterError';
  }
}

/** Characters no font needs to draw: bidi controls, joiners and other default ignorables. */
const IGNORABLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF]/;

function scriptOf(ch: string): string | null {
  if (/\p{Script=Arabic}/u.test(ch)) return 'Arab';
  if (/\p{Script=Latin}/u.test(ch)) return 'Latn';
  if (/[\p{Script=Common}\p{Script=Inherited}]/u.test(ch)) return null;
  return 'Zyyy';
}

/**
 * A face can draw a character if it has it, and for a mirrored pair (brackets) its mirror too:
 * HarfBuzz draws the mirror in right-to-left runs, and the arabic subset has `(` without `)`.
 */
function covers(face: LoadedFace, ch: string): boolean {
  let known = coverage.get(face);
  if (!known) coverage.set(face, (known = new Map()));
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

const coverage = new WeakMap<LoadedFace, Map<number, boolean>>();

export const isIgnorable = (ch: string): boolean => IGNORABLE.test(ch) || isBidiControl(ch);

/** Whether a string holds any ignorable character (a quick test before filtering them out). */
export const hasIgnorable = (text: string): boolean => IGNORABLE.test(text);

/** First code point no face of the chain can draw, or null. */
export function findUncovered(text: string, fonts: FontSet, weight: Weight = 'regular'): { codePoint: number; offset: number } | null {
  const chain = fonts.chain(weight);
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (!isIgnorable(ch) && cp !== 0x0a && cp !== 0x09 && !chain.some(f => covers(f, ch))) return { codePoint: cp, offset: i };
    i += ch.length;
  }
  return null;
}

/**
 * First character that regular or bold cannot draw: text from data or templates may be set in
 * either weight, and the two do not cover quite the same characters.
 */
export function findUncoveredInAnyWeight(text: string, fonts: FontSet): { codePoint: number; offset: number } | null {
  const regular = findUncovered(text, fonts, 'regular'), bold = findUncovered(text, fonts, 'bold');
  return regular && bold ? (regular.offset <= bold.offset ? regular : bold) : regular ?? bold;
}

export function itemize(text: string, levels: Uint8Array, spans: readonly StyledSpan[], fonts: FontSet): Run[] {
  const runs: Run[] = [];
  let spanIndex = 0;
  let prevFace: LoadedFace | null = null;
  let cur: Run | null = null;

  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const len = ch.length;
    while (spanIndex < spans.length - 1 && spans[spanIndex].end <= i) spanIndex++;
    const style = spans[spanIndex].style;
    const chain = fonts.chain(style.weight);

    const level = levels[i];
    const own = scriptOf(ch);
    // A neutral (space, digit, bracket) that opens a run takes the script of its direction: in a
    // right-to-left run that is Arabic, so Amiri draws its Arabic-style, mirrored brackets.
    const script: string = own ?? (level % 2 ? 'Arab' : 'Latn');
    const neutral = own === null;
    let face: LoadedFace | undefined;
    const ignorable = isIgnorable(ch) || cp === 0x0a || cp === 0x09;
    if ((neutral || ignorable) && prevFace && prevFace.weight === style.weight && (ignorable || covers(prevFace, ch))) face = prevFace;
    else face = chain.find(f => covers(f, ch)) ?? (ignorable ? chain[0] : undefined);
    if (!face) throw new UncoveredCharacterError(cp, i);

    if (cur && cur.level === level && cur.face === face && cur.style === style && (cur.script === script || neutral)) {
      cur.end = i + len;
    } else {
      cur = { start: i, end: i + len, level, script: script, face, style };
      runs.push(cur);
    }
    prevFace = face;
    i += len;
  }
  return runs;
}
