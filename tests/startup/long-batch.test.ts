// A long batch in one process (`--jobs 1`) keeps the shaping cache within its bound, counted in
// glyph records, and gives the same bytes for a brief whatever the cache held before it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderBatch } from '../../src/batch.js';
import { sharedEngines } from '../../src/context.js';
import { DEFAULT_SHAPE_CACHE_GLYPHS } from '../../src/text/shape-cache.js';
import { cleanup, summit, tempDir, write } from '../input/cli.js';
import type { JsonData } from '../helpers/fixtures.js';

afterAll(cleanup);

/** The words of a text in another order, fixed by `seed`: text the shaping cache has not seen. */
function shuffled(text: string, seed: number): string {
  const words = text.split(' ');
  let s = seed;
  for (let i = words.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [words[i], words[j]] = [words[j], words[i]];
  }
  return words.join(' ');
}

/** The summit brief with every paragraph and key point's words shuffled: all-different text to shape. */
function variant(seed: number): JsonData {
  const b = summit();
  b.blocks = b.blocks.map((block: JsonData, i: number) => {
    const mix = (t: string, k: number) => shuffled(t, seed * 997 + i * 31 + k);
    if (block.type === 'summary') return { ...block, paragraphs: block.paragraphs.map(mix) };
    if (block.type === 'key-points') return { ...block, items: block.items.map(mix) };
    if (block.type === 'section')
      return {
        ...block,
        sections: (block.sections ?? []).map((s: { paragraphs?: string[] }, j: number) => ({
          ...s,
          paragraphs: (s.paragraphs ?? []).map((p, k) => mix(p, j * 7 + k)),
        })),
      };
    return block;
  });
  return b;
}

describe('a long batch in one process', () => {
  it('holds at most the bound of glyph records in the shaping cache, and the same bytes for the same brief', async () => {
    const dir = tempDir('mowjaz-long-batch-');
    const count = 14;
    const files = Array.from({ length: count }, (_, i) => write(dir, `brief-${i + 1}.json`, variant(i + 1)));
    // The first brief again at the end, when everything it had in the cache has been evicted.
    const tasks = [...files, files[0]].map((file, i) => ({ file, out: path.join(dir, 'out', `${i + 1}.pdf`) }));
    const engine = sharedEngines().engine;
    const samples: { entries: number; glyphs: number; limit: number }[] = [];
    const outcomes = await renderBatch(tasks, {}, { jobs: 1, onOutcome: () => samples.push(engine.shapeCacheStats()) });

    expect(outcomes.map(o => o.ok)).toEqual(tasks.map(() => true));
    expect(samples).toHaveLength(tasks.length);
    const limit = DEFAULT_SHAPE_CACHE_GLYPHS;
    for (const s of samples) {
      expect(s.limit).toBe(limit);
      expect(s.glyphs).toBeLessThanOrEqual(limit);
      expect(s.entries).toBeGreaterThan(0);
    }
    // Unbounded, the batch would hold more than the bound: one brief's glyphs times the briefs.
    expect(samples[0].glyphs * count).toBeGreaterThan(limit);
    // And it runs at the bound once it is reached, not far below it.
    expect(samples.at(-1)!.glyphs).toBeGreaterThan(limit / 2);

    const first = fs.readFileSync(tasks[0].out),
      again = fs.readFileSync(tasks.at(-1)!.out);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(again.equals(first)).toBe(true);
    expect(fs.readFileSync(tasks[1].out).equals(first)).toBe(false);
  });
});
