// The file caches' one policy (src/file-cache.ts), and the template stage keeping what it compiles
// in the owner it is handed rather than in a module of its own: an entry is used again only while
// the files it was made from are unchanged, and a cache never holds more than its bound.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheKey, FileCache, FileCaches } from '../../src/file-cache.js';
import { parseBrief } from '../../src/data/load.js';
import { localeFor } from '../../src/template/locale.js';
import { renderTemplate } from '../../src/template/render.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-file-cache-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a file and moves its modification time to `seconds` past the epoch, so a change is seen whatever the clock's grain. */
function write(file: string, text: string, seconds: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.utimesSync(file, seconds, seconds);
}

describe('FileCache', () => {
  it('makes a value once and gives it back while its file is unchanged, makes it again when the file changes', () => {
    const file = path.join(dir, 'a.txt');
    write(file, 'one', 1000);
    const cache = new FileCache<string>();
    let made = 0;
    const read = () =>
      cache.get(file, stamp => {
        made++;
        stamp(file);
        return fs.readFileSync(file, 'utf8');
      });
    expect(read()).toBe('one');
    expect(read()).toBe('one');
    expect(made).toBe(1);
    write(file, 'two', 2000);
    expect(read()).toBe('two');
    expect(made).toBe(2);
  });

  it('checks every file a value was made from', () => {
    const a = path.join(dir, 'b1.txt');
    const b = path.join(dir, 'b2.txt');
    write(a, 'A', 1000);
    write(b, 'B', 1000);
    const cache = new FileCache<string>();
    const both = () =>
      cache.get('both', stamp => {
        stamp(a);
        stamp(b);
        return fs.readFileSync(a, 'utf8') + fs.readFileSync(b, 'utf8');
      });
    expect(both()).toBe('AB');
    write(b, 'C', 3000);
    expect(both()).toBe('AC');
  });

  it('holds at most its bound, dropping the least recently used first', () => {
    const cache = new FileCache<string>(2);
    const made: string[] = [];
    const get = (key: string) =>
      cache.get(key, () => {
        made.push(key);
        return key.toUpperCase();
      });
    get('a');
    get('b');
    get('a'); // a is now the more recently used
    get('c'); // past the bound: b goes
    expect(cache.size).toBe(2);
    get('a');
    get('b');
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps nothing when making fails', () => {
    const cache = new FileCache<string>();
    expect(() =>
      cache.get('x', () => {
        throw new Error('broken');
      }),
    ).toThrow('broken');
    expect(cache.size).toBe(0);
    expect(cache.get('x', () => 'made')).toBe('made');
  });

  it('refuses a bound that is not a number of entries', () => {
    expect(() => new FileCache(Number.NaN)).toThrow(RangeError);
  });
});

describe('FileCaches', () => {
  it('gives each key its own cache, the same one every time, under the owner’s bound', () => {
    const caches = new FileCaches(3);
    const one = cacheKey<number>('one');
    const two = cacheKey<number>('two');
    expect(caches.of(one)).toBe(caches.of(one));
    expect(caches.of(one)).not.toBe(caches.of(two));
    expect(caches.of(two).limit).toBe(3);
    caches.of(one).get('k', () => 1);
    expect(caches.sizes()).toEqual({ one: 1, two: 0 });
  });
});

describe('the stages keep what they read in the caches they are handed', () => {
  const folder = path.join(dir, 'template');
  const main = path.join(folder, 'brief.hbs');
  write(main, '<document><p>{{> greeting}}</p></document>', 1000);
  write(path.join(folder, 'partials', 'greeting.hbs'), 'مرحبا {{name}}', 1000);
  const run = (caches: FileCaches) => renderTemplate({ name: 'سلمى' }, { template: main, digits: 'latn', caches });

  it('compiles a template and its partial into the given owner, and again when the partial changes', () => {
    const caches = new FileCaches();
    const first = run(caches);
    expect(first).toContain('>مرحبا سلمى</p>');
    expect(caches.sizes()).toEqual({ 'template sets': 1, 'template files': 2 });
    expect(run(caches)).toBe(first);
    write(path.join(folder, 'partials', 'greeting.hbs'), 'أهلا {{name}}', 2000);
    expect(run(caches)).toContain('>أهلا سلمى</p>');
    // Another owner starts empty: nothing is shared through a module.
    const other = new FileCaches();
    expect(other.sizes()).toEqual({});
    expect(run(other)).toContain('أهلا');
  });

  it('keeps locales and the brief schema in the given owner', () => {
    const caches = new FileCaches();
    expect(localeFor('ar-EG', caches).summary).toBe(localeFor('ar', caches).summary);
    parseBrief(JSON.stringify({ title: 'عنوان', blocks: [{ type: 'summary', paragraphs: ['نص'] }] }), 'x.json', { caches });
    expect(caches.sizes()).toEqual({ locales: 2, 'brief schemas': 1, 'brief validators': 1 });
  });
});
