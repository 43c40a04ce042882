// Paths of the shared corpora and fonts, resolved from the repository root so that the suites
// run the same from any working directory (and in CI, where ../shared sits beside the checkout).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const sharedPath = (...parts: string[]): string => path.resolve(repoRoot, '..', 'shared', ...parts);

/** A corpus file's lines: trimmed, without blank lines and `#` comments (the corpora's own convention). */
export function readCorpus(name: 'shaping.txt' | 'bidi.txt'): string[] {
  return fs.readFileSync(sharedPath('corpus', name), 'utf8')
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l && !l.startsWith('#'));
}

/** The seed article's paragraphs: its non-empty lines. */
export function readArticle(): string[] {
  return fs.readFileSync(sharedPath('seed', 'summit-article.ar.txt'), 'utf8')
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(Boolean);
}
