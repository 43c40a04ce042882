// The test corpora and the seed article are the project's own fixtures (tests/fixtures), copied
// from the public corpus, so the suites run in any clone and from any working directory.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const fixturePath = (...parts: string[]): string => path.resolve(repoRoot, 'tests', 'fixtures', ...parts);

/** A corpus file's lines: trimmed, without blank lines and `#` comments (the corpora's own convention). */
export function readCorpus(name: 'shaping.txt' | 'bidi.txt'): string[] {
  return fs
    .readFileSync(fixturePath('corpus', name), 'utf8')
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l && !l.startsWith('#'));
}

/** The seed article's paragraphs: its non-empty lines. */
export function readArticle(): string[] {
  return fs
    .readFileSync(fixturePath('seed', 'summit-article.ar.txt'), 'utf8')
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(Boolean);
}
