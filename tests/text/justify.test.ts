// The justification plan on plain figures: known slack, tatweel advance and spaces.
import { describe, expect, it } from 'vitest';
import type { KashidaPoint } from '../../src/text/kashida.js';
import { dropOne, planKashida, stretchSpaces, wantsKashida } from '../../src/text/justify.js';
import type { LineLayout, PlacedGlyph } from '../../src/text/records.js';

const points = (...offsets: number[]): KashidaPoint[] => offsets.map((offset, i) => ({ offset, priority: 1, word: i * 10 }));

describe('wantsKashida', () => {
  it('asks for kashida only with room, a tatweel of some width, and (in kashida-spaces) spaces that would stretch too far', () => {
    const line = { slack: 30, size: 10, tatweel: 5, spaces: 2 };
    expect(wantsKashida(line, 'kashida')).toBe(true);
    expect(wantsKashida(line, 'kashida-spaces')).toBe(true); // 15 pt a space > 0.12 em
    expect(wantsKashida({ ...line, slack: 2 }, 'kashida-spaces')).toBe(false); // 1 pt a space ≤ 1.2 pt
    expect(wantsKashida({ ...line, slack: 2 }, 'kashida')).toBe(true);
    expect(wantsKashida(line, 'spaces')).toBe(false);
    expect(wantsKashida({ ...line, slack: 0 }, 'kashida')).toBe(false);
    expect(wantsKashida({ ...line, tatweel: 0 }, 'kashida')).toBe(false);
  });
});

describe('planKashida', () => {
  it('spends the slack one tatweel per join per round, best joins first', () => {
    // 30 pt of slack, 5 pt tatweels: 6 tatweels. The cap per join is 0.9 em / 5 pt = 1 round, up to
    // 2.4 em / 5 pt = 4 rounds while spaces would gape (no spaces at all here): 2 rounds of 3.
    const plan = planKashida({ slack: 30, size: 10, tatweel: 5, spaces: 0 }, points(4, 9, 14));
    expect([...plan]).toEqual([
      [4, 2],
      [9, 2],
      [14, 2],
    ]);
  });

  it('stops at the cap per join when the spaces can take the rest without gaping', () => {
    // 1 round (cap), then spaces: 3 left × 5 pt over 10 spaces is 1.5 pt, not past 0.5 em.
    const plan = planKashida({ slack: 30, size: 10, tatweel: 5, spaces: 10 }, points(4, 9, 14));
    expect([...plan]).toEqual([
      [4, 1],
      [9, 1],
      [14, 1],
    ]);
  });

  it('plans nothing without a join to stretch', () => {
    expect(planKashida({ slack: 30, size: 10, tatweel: 5, spaces: 0 }, []).size).toBe(0);
  });

  it('takes back the tatweel added last', () => {
    const plan = new Map([
      [4, 2],
      [9, 1],
    ]);
    dropOne(plan);
    expect([...plan]).toEqual([[4, 2]]);
    dropOne(plan);
    expect([...plan]).toEqual([[4, 1]]);
  });
});

describe('stretchSpaces', () => {
  const glyph = (text: string, x: number): PlacedGlyph => ({
    text,
    x,
    advance: 10,
    gid: 1,
    rise: 0,
    size: 10,
    color: '#000000',
    cluster: x / 10,
    run: 0,
    rtl: true,
    face: undefined as never,
  });
  const line = (): LineLayout => ({
    start: 0,
    end: 5,
    glyphs: ['a', ' ', 'b', ' ', 'c'].map((t, i) => glyph(t, i * 10)),
    width: 50,
    left: 0,
    baseline: 0,
    top: 0,
    height: 0,
    last: false,
  });

  it('spreads the slack evenly over the spaces and moves what follows each', () => {
    const l = line();
    expect(stretchSpaces(l, 60)).toBe(true);
    expect(l.glyphs.map(g => g.x)).toEqual([0, 10, 25, 35, 50]);
    expect(l.glyphs.map(g => g.advance)).toEqual([10, 15, 10, 15, 10]);
    expect(l.width).toBe(60);
  });

  it('fails on a line without spaces or wider than the measure', () => {
    expect(stretchSpaces(line(), 40)).toBe(false);
    const solid = { ...line(), glyphs: [glyph('a', 0)], width: 10 };
    expect(stretchSpaces(solid, 20)).toBe(false);
  });
});
