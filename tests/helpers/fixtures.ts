// The suites' shared fixtures: the summit data and its brief, rendered once per run; one runner for
// the CLI; the text normalisations the comparisons use. The readers live beside this module
// (pdfjs.ts, poppler.ts, pdf-reader.ts, png.ts) and are re-exported here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import type { Brief } from '../../src/data/brief.js';
import { loadBrief } from '../../src/data/load.js';
import { renderValidBrief } from '../../src/index.js';
import { scaffold } from '../../src/scaffold.js';
import { repoRoot } from './corpus.js';

export { fixturePath, readArticle, readCorpus, repoRoot } from './corpus.js';
export {
  countRead,
  documentLines,
  findRead,
  joinRuns,
  pageLines,
  pageStrings,
  pdfjsText,
  reads,
  WORD_GAP,
  type Fragment,
  type PdfjsPage,
  type PdfjsText,
  type TextRun,
} from './pdfjs.js';
export { havePdftotext, needsPdftotext, PDFTOTEXT, pdftotextRaw } from './poppler.js';
export { differingPixels, expectMatchesBaseline, inkShare, pagePng, renderPagePng } from './png.js';

export const SUMMIT_JSON = path.join(repoRoot, 'data', 'summit.json');

/** Where the global setup writes what it renders once per run (git-ignored). */
export const OUTPUT_DIR = path.join(repoRoot, 'tests', '__output__');
export const SUMMIT_PDF = path.join(OUTPUT_DIR, 'summit.pdf');

/** A brief's JSON as the tests edit it: they reach into it at any path, valid or deliberately not. */
// biome-ignore lint/suspicious/noExplicitAny: test data is edited freely, including into shapes the schema refuses
export type JsonData = Record<string, any>;

/** The summit data as parsed JSON, without "$schema" (tests that write data files elsewhere). */
export function summitData(): JsonData {
  const data = JSON.parse(fs.readFileSync(SUMMIT_JSON, 'utf8'));
  delete data.$schema;
  return data;
}

/** The folder of the example briefs. */
export const EXAMPLES_DIR = path.join(repoRoot, 'data', 'examples');

/** The date a scaffolded brief is given in the tests, so that its pages are the same every day. */
export const SCAFFOLD_DATE = '2025-12-01';

/** Briefs written by someone who had only the README and the schema (tests/fixtures/outside/). */
export const OUTSIDE_DIR = path.join(repoRoot, 'tests', 'fixtures', 'outside');

/** The JSON files of a folder, sorted, each with its name (without .json) prefixed by `prefix`. */
const briefsIn = (dir: string, prefix = ''): { name: string; file: string }[] =>
  fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.json'))
    .sort()
    .map(f => ({ name: `${prefix}${f.replace(/\.json$/, '')}`, file: path.join(dir, f) }));

/**
 * Every example brief in data/examples/ (the folder is read, so a new example is included as it
 * is added), a brief scaffolded by `mowjaz new` into `scratch`, and the briefs written from
 * outside (tests/fixtures/outside/, named "outside-…"): each with a short name and its data file.
 */
export function exampleBriefs(scratch: string): { name: string; file: string }[] {
  const scaffolded = path.join(scratch, scaffold('scaffolded', scratch, SCAFFOLD_DATE));
  return [...briefsIn(EXAMPLES_DIR), { name: 'scaffolded', file: scaffolded }, ...briefsIn(OUTSIDE_DIR, 'outside-')];
}

/** The summit data as the library loads it (validated). A fresh object on each call. */
export const summitBrief = (): Brief => loadBrief(SUMMIT_JSON);

let summitBytes: Promise<Uint8Array> | undefined;

/**
 * The summit brief with the default options, as the freshly built CLI library renders it: the
 * global setup renders it once per run into tests/__output__/summit.pdf; a file run on its own
 * (without the setup) renders it here. Callers get their own copy of the bytes.
 */
export async function summitPdf(): Promise<Uint8Array> {
  const rendered = inject('summitPdf');
  summitBytes ??= rendered ? Promise.resolve(new Uint8Array(fs.readFileSync(rendered))) : renderValidBrief(summitBrief());
  return new Uint8Array(await summitBytes);
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the summit brief rendered by the global setup in this run. */
    summitPdf: string;
  }
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of every CLI run: no debug output, no SOURCE_DATE_EPOCH unless a test sets it. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.MOWJAZ_DEBUG;
  if (!('SOURCE_DATE_EPOCH' in extra)) delete env.SOURCE_DATE_EPOCH;
  return env;
}

export const CLI = path.join(repoRoot, 'build', 'src', 'cli.js');

/** Runs the built CLI (`node build/src/cli.js ...args`, rebuilt by the global setup) in `cwd` (the repository by default). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? repoRoot, env: cleanEnv(options.env), encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Bidi controls draw nothing and readers drop them (joiners are kept: a reader must not add them). */
const INVISIBLE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Invisible characters removed, white space collapsed. */
/** A locale file of the package (templates/locale/<language>.json): label names to words. */
export const readLocale = (language: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'templates', 'locale', `${language}.json`), 'utf8'));

export const normalize = (text: string): string => text.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();

/** Text without white space: for laid-out lines, whose text has no space where a line wraps (never for a reader's output). */
export const squeeze = (text: string): string => text.replace(/\s+/gu, '');
