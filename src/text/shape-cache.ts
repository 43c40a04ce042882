// The shaping cache's one policy. What it holds is counted in glyph records (each cached glyph
// array and each placed copy of it counts its length), not in entries: a long paragraph holds a
// thousand times what a one-word cell does, so a bound on entries is no bound on memory. When
// an addition takes the count past the bound, the least recently used entries go first (a Map
// keeps insertion order; a hit moves its entry to the end), so a brief rendered again, or text
// its own paragraphs share, stays cached while a long batch of different briefs cannot grow it.

/**
 * Default bound, in glyph records: about six summit-sized briefs (one holds some 10,500 once
 * rendered), a few megabytes of glyph objects. A brief rendered again is all hits; a batch of
 * hundreds of different briefs keeps the cache flat (without a bound it held over a million
 * records, and a 200-brief batch peaked at 424 MB RSS; with this one, about 250 MB, the rest
 * being V8's heap growth, which a bounded old space in the process takes down further).
 */
export const DEFAULT_SHAPE_CACHE_GLYPHS = 60_000;

/** Placed copies kept per entry: the same text at more offsets than this is rare (repeated cells). */
const PLACED_PER_ENTRY = 8;

export interface ShapeCacheStats {
  /** Shaping results held. */
  entries: number;
  /** Glyph records held, placed copies included: never more than `limit` (but for one oversize entry). */
  glyphs: number;
  limit: number;
}

/** What the cache needs of a glyph: the offset of its cluster, moved when the glyphs are placed. */
interface Glyph {
  cluster: number;
}

interface Entry<G extends Glyph> {
  /** Glyphs with clusters relative to the shaped string. */
  local: G[];
  /** Copies with clusters moved to offsets already asked for. */
  placed: Map<number, readonly G[]>;
}

export class ShapeCache<G extends Glyph> {
  private readonly entries = new Map<string, Entry<G>>();
  private glyphs = 0;

  constructor(readonly limit: number = DEFAULT_SHAPE_CACHE_GLYPHS) {
    if (!(limit >= 0)) throw new RangeError(`the shape cache bound must be a number of glyphs, not ${limit}`);
  }

  /**
   * The glyphs for `key` with clusters moved by `from`, shaping with `make` on a miss. The same
   * key at the same offset gets the same array back while it stays cached.
   */
  get(key: string, from: number, make: () => G[]): readonly G[] {
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      entry = { local: make(), placed: new Map() };
      this.entries.set(key, entry);
      this.glyphs += entry.local.length;
    }
    let placed = entry.placed.get(from);
    if (!placed) {
      placed = entry.local.map(g => ({ ...g, cluster: g.cluster + from }));
      if (entry.placed.size >= PLACED_PER_ENTRY) {
        this.glyphs -= entry.placed.size * entry.local.length;
        entry.placed.clear();
      }
      entry.placed.set(from, placed);
      this.glyphs += placed.length;
    }
    this.evict();
    return placed;
  }

  stats(): ShapeCacheStats {
    return { entries: this.entries.size, glyphs: this.glyphs, limit: this.limit };
  }

  /** Drops least recently used entries until the count is within the bound (the newest always stays). */
  private evict(): void {
    if (this.glyphs <= this.limit) return;
    for (const [key, entry] of this.entries) {
      if (this.glyphs <= this.limit || this.entries.size <= 1) break;
      this.entries.delete(key);
      this.glyphs -= entry.local.length * (1 + entry.placed.size);
    }
  }
}
