// The words of a brief that its data does not give: headings and labels from the brief's own
// "labels", else from the locale file of its language (templates/locale/<language>.json, data
// that maps label names to words; a regional tag falls back to its language's file).
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { cacheKey, sharedFileCaches, type FileCaches } from '../file-cache.js';
import { packageRoot } from '../package-root.js';

/** The folder of the locale files: one `<language>.json` each, mapping label names to words. */
export const localeDir = (): string => path.join(packageRoot(), 'templates', 'locale');

/** Each language's words, by its tag, kept while its locale file is unchanged. */
const LOCALES = cacheKey<Record<string, string>>('locales');

/** The locale of a BCP 47 tag: its own file, else its primary language's ("ar-EG" → ar.json). */
export function localeFor(language: string, caches: FileCaches = sharedFileCaches()): Record<string, string> {
  return caches.of(LOCALES).get(language, stamp => readLocale(language, stamp));
}

function readLocale(language: string, stamp: (file: string) => void): Record<string, string> {
  const candidates = [...new Set([language, language.split('-')[0]])].map(l => path.join(localeDir(), `${l}.json`));
  const file = candidates.find(f => fs.existsSync(f));
  if (!file) {
    throw new InputError(`no locale for the language "${language}": add ${candidates[candidates.length - 1]} (label names and their words, as in ar.json)`);
  }
  stamp(file);
  let words: unknown;
  try {
    words = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`cannot read the locale ${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!words || typeof words !== 'object' || Array.isArray(words) || Object.values(words).some(w => typeof w !== 'string' || w === '')) {
    throw new InputError(`the locale ${file} must be an object of label names and non-empty texts`);
  }
  return words as Record<string, string>;
}

/** The part of the templates' root context that chooses the words. */
export interface BriefRoot {
  language?: unknown;
  labels?: Record<string, unknown>;
}

/** A label: the brief's own ("labels"), else the locale's; a name neither knows is a template error. */
export function labelFor(name: string, root: BriefRoot, caches?: FileCaches): string {
  const own = root.labels?.[name];
  if (typeof own === 'string' && own !== '') return own;
  const language = typeof root.language === 'string' ? root.language : 'ar';
  const words = localeFor(language, caches);
  if (!Object.hasOwn(words, name)) throw new InputError(`unknown label "${name}" (labels: ${Object.keys(words).join(', ')})`);
  return words[name];
}
