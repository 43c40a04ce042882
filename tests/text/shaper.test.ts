// The shaper and its cache: a hit gives back the very same array, and the cache never holds
// more glyph records than its bound however many different texts go through it.
import { describe, expect, it } from 'vitest';
import { createTextEngine } from '../../src/text/engine.js';
import { ShapeCache } from '../../src/text/shape-cache.js';
import type { ShapedGlyph } from '../../src/text/shaper.js';

const glyphs = (n: number): ShapedGlyph[] => Array.from({ length: n }, (_, i) => ({ gid: i + 1, cluster: i, ax: 100, dx: 0, dy: 0, flags: 0 }));

describe('ShapeCache', () => {
  it('counts glyph records, placed copies included, and evicts the least recently used entry first', () => {
    const cache = new ShapeCache(50);
    let made = 0;
    const make = (n: number) => () => {
      made++;
      return glyphs(n);
    };
    const a = cache.get('a', 0, make(10));
    // The glyphs as shaped, and their copy placed at offset 0.
    expect(cache.stats()).toEqual({ entries: 1, glyphs: 20, limit: 50 });
    cache.get('a', 3, make(10)); // a second placed copy
    expect(cache.stats().glyphs).toBe(30);
    expect(cache.get('a', 0, make(10))).toBe(a); // a hit: "a" is now the most recent
    cache.get('b', 0, make(5));
    expect(cache.stats()).toEqual({ entries: 2, glyphs: 40, limit: 50 });
    cache.get('c', 0, make(8)); // 56 > 50: the least recently used ("a", 30) goes
    expect(cache.stats()).toEqual({ entries: 2, glyphs: 26, limit: 50 });
    expect(made).toBe(3);
    cache.get('b', 0, make(5));
    expect(made).toBe(3); // "b" survived
    cache.get('a', 0, make(10));
    expect(made).toBe(4); // "a" did not
  });

  it('keeps the newest entry even when it alone is over the bound', () => {
    const cache = new ShapeCache(10);
    cache.get('small', 0, () => glyphs(2));
    cache.get('big', 0, () => glyphs(20));
    expect(cache.stats()).toEqual({ entries: 1, glyphs: 40, limit: 10 });
  });

  it('moves clusters by the offset asked for', () => {
    const cache = new ShapeCache(100);
    expect(cache.get('k', 7, () => glyphs(2)).map(g => g.cluster)).toEqual([7, 8]);
  });
});

describe('Shaper', () => {
  const request = (text: string) => ({ text, start: 0, end: text.length, rtl: true, script: 'Arab', language: 'ar' });

  it('returns the identical array for the same request, and equal glyphs after it was evicted', () => {
    const engine = createTextEngine({ shapeCacheGlyphs: 40 });
    const face = engine.fonts.chain('regular')[0];
    const shape = (text: string) => engine.shaper.shape({ face: face.shaper, faceKey: face.key, ...request(text) });
    const first = shape('قمة ألاسكا');
    expect(shape('قمة ألاسكا')).toBe(first);
    for (const word of ['الرئيس', 'الاجتماع', 'المفاوضات', 'الاتفاق', 'الحدود']) shape(word);
    const again = shape('قمة ألاسكا');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('keeps the glyph count within the bound over many different texts', () => {
    const bound = 2000;
    const engine = createTextEngine({ shapeCacheGlyphs: bound });
    const face = engine.fonts.chain('regular')[0];
    const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
    let peak = 0;
    for (let i = 0; i < 600; i++) {
      const word = Array.from({ length: 3 + (i % 9) }, (_, k) => letters[(i * 7 + k * 13) % letters.length]).join('');
      engine.shaper.shape({ face: face.shaper, faceKey: face.key, ...request(`${word} ${i}`) });
      peak = Math.max(peak, engine.shapeCacheStats().glyphs);
    }
    const stats = engine.shapeCacheStats();
    expect(peak).toBeLessThanOrEqual(bound);
    expect(stats.limit).toBe(bound);
    // Eviction happened (600 texts of several glyphs each do not fit), and the cache is still in use.
    expect(stats.entries).toBeLessThan(600);
    expect(stats.glyphs).toBeGreaterThan(bound / 2);
  });
});
