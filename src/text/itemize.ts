// Stage 1, itemize: splits a paragraph into runs that can each be shaped in one HarfBuzz call:
// one bidi level, one script, one font, one style. Fallback is per character along the face
// chain; neutral characters (spaces, punctuation, digits, marks) stay with the run they sit in
// when its font has them, so Amiri's kerning against spaces and its mark placement are kept.
import type { LoadedFace } from './fonts.js';
import { codePointLabel, needsNoGlyph, type FontCoverage } from './coverage.js';
import type { Run, RunStyle, StyledSpan } from './records.js';
import { InputError } from '../errors.js';

/** Text asked for a character no font has: bad input, reported with its code point and offset. */
export class UncoveredCharacterError extends InputError {
  constructor(
    readonly codePoint: number,
    readonly offset: number,
  ) {
    super(`no font can draw ${codePointLabel(codePoint)} at offset ${offset}`);
    this.name = 'UncoveredCharacterError';
  }
}

function scriptOf(ch: string): string | null {
  if (/\p{Script=Arabic}/u.test(ch)) return 'Arab';
  if (/\p{Script=Latin}/u.test(ch)) return 'Latn';
  if (/[\p{Script=Common}\p{Script=Inherited}]/u.test(ch)) return null;
  return 'Zyyy';
}

/** The paragraph's styled ranges end to end: gaps between `spans` (and no spans at all) take `style`. */
export function fillSpans(spans: readonly StyledSpan[] | undefined, style: RunStyle, length: number): StyledSpan[] {
  if (!spans?.length) return [{ start: 0, end: length, style }];
  const out: StyledSpan[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push({ start: at, end: s.start, style });
    if (s.end > s.start) out.push(s);
    at = Math.max(at, s.end);
  }
  if (at < length) out.push({ start: at, end: length, style });
  return out;
}

export function itemize(text: string, levels: Uint8Array, spans: readonly StyledSpan[], fonts: FontCoverage): Run[] {
  const runs: Run[] = [];
  let spanIndex = 0;
  let prevFace: LoadedFace | null = null;
  let cur: Run | null = null;

  for (let i = 0; i < text.length; ) {
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
    const ignorable = needsNoGlyph(ch);
    if ((neutral || ignorable) && prevFace && prevFace.weight === style.weight && (ignorable || fonts.covers(prevFace, ch))) face = prevFace;
    else face = chain.find(f => fonts.covers(f, ch)) ?? (ignorable ? chain[0] : undefined);
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
