// The one owner of what mowjaz makes from the files it reads besides the data (compiled templates
// and partials, locales, compiled schemas), and the one policy for keeping it:
// - an entry is keyed by the file it was made from (a path, or a name that stands for one) and
//   remembers the modification time of every file it read; it is used again only while each of
//   those files is unchanged, so a long-lived process (a batch, a watcher, a server) sees an
//   edited template, locale or schema on its next render and never a stale one;
// - each cache holds at most `limit` entries; past it the least recently used goes first (a Map
//   keeps insertion order; a hit moves its entry to the end), so a process that meets many
//   template folders or schema fragments keeps a flat footprint.
// One FileCaches is made per process on first use (sharedFileCaches) and passed down, like the
// engine context's engines: every stage that keeps such a thing takes the owner as a parameter
// and holds no cache of its own. What each stage keeps is named by a CacheKey it declares.
import fs from 'node:fs';

/**
 * Default bound, in entries per cache: the shipped templates are one main template and eighteen
 * partials, so a few dozen template folders fit; each entry is a compiled function or a schema
 * validator, kilobytes, not megabytes.
 */
export const DEFAULT_FILE_CACHE_ENTRIES = 256;

/** What a stage keeps, and under which name: declared once by the stage, typed by its value. */
export interface CacheKey<V> {
  readonly name: string;
  /** Never set: carries the value's type. */
  readonly value?: V;
}

export const cacheKey = <V>(name: string): CacheKey<V> => ({ name });

/** The modification time of a file, or -1 when it cannot be read (so its appearing counts as a change). */
export function modifiedAt(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

interface Entry<V> {
  value: V;
  /** Each file the value was made from, with its modification time when it was read. */
  stamps: ReadonlyMap<string, number>;
}

/** Records a file as read (its modification time now, before it is read). */
export type Stamp = (file: string) => void;

export class FileCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(readonly limit: number = DEFAULT_FILE_CACHE_ENTRIES) {
    if (!(limit >= 0)) throw new RangeError(`a file cache's bound must be a number of entries, not ${limit}`);
  }

  /**
   * The value kept for `key` while every file it was made from is unchanged; else `make`'s, kept.
   * `make` calls `stamp` for each file before it reads it. A `make` that throws keeps nothing.
   */
  get(key: string, make: (stamp: Stamp) => V): V {
    const hit = this.entries.get(key);
    if (hit && [...hit.stamps].every(([file, mtime]) => modifiedAt(file) === mtime)) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const stamps = new Map<string, number>();
    const value = make(file => {
      if (!stamps.has(file)) stamps.set(file, modifiedAt(file));
    });
    this.entries.delete(key);
    this.entries.set(key, { value, stamps });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limit) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  /** The value made from one file by `make`, kept under that file's path. */
  fromFile(file: string, make: (file: string) => V): V {
    return this.get(file, stamp => {
      stamp(file);
      return make(file);
    });
  }

  /** The value kept for `key`, unchecked (for wording an error about what was just made). */
  peek(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Every stage's file cache, each under the same policy and bound. */
export class FileCaches {
  private readonly caches = new Map<CacheKey<unknown>, FileCache<unknown>>();

  constructor(readonly limit: number = DEFAULT_FILE_CACHE_ENTRIES) {}

  /** The cache a stage keeps under `key`, made empty on first use. */
  of<V>(key: CacheKey<V>): FileCache<V> {
    let cache = this.caches.get(key as CacheKey<unknown>);
    if (!cache) this.caches.set(key as CacheKey<unknown>, (cache = new FileCache<unknown>(this.limit)));
    return cache as FileCache<V>;
  }

  /** Entries held, by cache name. */
  sizes(): Record<string, number> {
    return Object.fromEntries([...this.caches].map(([key, cache]) => [key.name, cache.size]));
  }
}

let shared: FileCaches | undefined;

/**
 * The process's file caches, made on first use and kept for its life (a start-up snapshot keeps
 * what its warm-up compiled): what a stage is handed when its caller brings none.
 */
export const sharedFileCaches = (): FileCaches => (shared ??= new FileCaches());
