// Line breaking on a fake measure: every character 10 pt wide, so the breaks are exact.
import { describe, expect, it } from 'vitest';
import { breakJustified, breakLines, shortenLine, visibleEnd } from '../../src/text/break.js';
import { breakOpportunities } from '../../src/text/linebreak.js';
import type { LineRange, Measure } from '../../src/text/records.js';

/** A measure with a fixed advance per character, every character its own cluster. */
function fixed(text: string, advance = 10): Measure & { breakable: Set<number> } {
  const prefix = Float64Array.from({ length: text.length + 1 }, (_, i) => i * advance);
  const opportunities = breakOpportunities(text);
  return { text, prefix, clusterStart: new Uint8Array(text.length + 1).fill(1), opportunities, breakable: new Set(opportunities.map(o => o.position)) };
}

const texts = (m: Measure, ranges: readonly LineRange[]) => ranges.map(r => m.text.slice(r.start, r.end));

describe('breakLines', () => {
  it('fills each line as far as the measure allows, trailing spaces hanging outside it', () => {
    const m = fixed('aaa bbb ccc ddd');
    // "aaa bbb " is 80 pt with its space, 70 without: it fits 70.
    expect(texts(m, breakLines(m, 70))).toEqual(['aaa bbb ', 'ccc ddd']);
    expect(texts(m, breakLines(m, 69))).toEqual(['aaa ', 'bbb ', 'ccc ', 'ddd']);
    expect(breakLines(m, 70).map(r => r.last)).toEqual([false, true]);
  });

  it('breaks at a newline and marks the line before it as last', () => {
    const m = fixed('aa bb\ncc');
    const ranges = breakLines(m, 1000);
    expect(texts(m, ranges)).toEqual(['aa bb\n', 'cc']);
    expect(ranges.map(r => r.last)).toEqual([true, true]);
  });

  it('cuts a word wider than the measure between clusters', () => {
    const m = fixed('abcdefghij kl');
    // "j kl" is 40 pt: the rest breaks at the space as usual.
    expect(texts(m, breakLines(m, 35))).toEqual(['abc', 'def', 'ghi', 'j ', 'kl']);
  });

  it('ignores trailing white space in the visible end', () => {
    expect(visibleEnd('ab  ', 0, 4)).toBe(2);
    expect(visibleEnd('ab\u200B', 0, 3)).toBe(2);
  });
});

describe('breakJustified', () => {
  it('breaks again, narrower, when the last line would nearly fill the measure', () => {
    // At 100 pt the greedy lines are "aaaa bbbb " and "cccc dddd" (90 pt: 90 % full, reads as justified).
    const m = fixed('aaaa bbbb cccc dddd');
    expect(texts(m, breakLines(m, 100))).toEqual(['aaaa bbbb ', 'cccc dddd']);
    const justified = breakJustified(m, 100);
    const last = justified[justified.length - 1];
    expect(m.prefix[visibleEnd(m.text, last.start, last.end)] - m.prefix[last.start]).toBeLessThan(90);
    expect(texts(m, justified).join('')).toBe(m.text);
  });

  it('leaves a paragraph alone whose last line is short', () => {
    const m = fixed('aaaa bbbb cc');
    expect(texts(m, breakJustified(m, 100))).toEqual(texts(m, breakLines(m, 100)));
  });
});

describe('shortenLine', () => {
  it('moves the end of a line back to the previous opportunity and gives the rest to the next line', () => {
    const m = fixed('aaa bbb ccc');
    const ranges: LineRange[] = [
      { start: 0, end: 8, last: false },
      { start: 8, end: 11, last: true },
    ];
    expect(shortenLine(m, ranges, 0)).toBe(true);
    expect(texts(m, ranges)).toEqual(['aaa ', 'bbb ccc']);
  });

  it('adds a line when the last one is shortened', () => {
    const m = fixed('aaa bbb');
    const ranges: LineRange[] = [{ start: 0, end: 7, last: true }];
    expect(shortenLine(m, ranges, 0)).toBe(true);
    expect(texts(m, ranges)).toEqual(['aaa ', 'bbb']);
    expect(ranges.map(r => r.last)).toEqual([false, true]);
  });
});
