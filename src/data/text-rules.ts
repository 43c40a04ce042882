// Rules every string of the data follows beyond its type, checked after the schema: it must show
// something, it must not be too long to lay out, and no character may carry a tower of marks.
import { MAX_MARKS, MAX_VALUE_CHARS } from '../limits.js';

/**
 * White space, control and format characters (zero-width space, joiners, bidi controls, BOM),
 * variation selectors and the fillers fonts draw as nothing: a string of only these is blank.
 */
const INVISIBLE = /^[\p{White_Space}\p{Cc}\p{Cf}\u034F\u115F\u1160\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]*$/u;

/** Nonspacing and enclosing marks, which stack on the character before them. */
const MARK = /[\p{Mn}\p{Me}]/u;

/** What is wrong with one string of the data, in words; undefined when nothing is. */
export function textProblem(value: string): string | undefined {
  if (value.length > MAX_VALUE_CHARS) return `is ${value.length} characters long; at most ${MAX_VALUE_CHARS} are allowed in one value`;
  if (value !== '' && INVISIBLE.test(value)) return 'must not be empty (it holds only spaces, control or invisible characters)';
  let run = 0;
  let position = 0;
  for (const ch of value) {
    position++;
    run = MARK.test(ch) ? run + 1 : 0;
    if (run > MAX_MARKS)
      return `has more than ${MAX_MARKS} combining marks on one character (at position ${position - run}), which would stack ink beyond its line`;
  }
  return undefined;
}
