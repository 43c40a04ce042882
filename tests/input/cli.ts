// Shared by the hostile-input tests: runs the real CLI (build/src/cli.js, compiled by the global setup)
// in a child process, with each test's output going to a fresh temporary folder, and checks what
// every failure must satisfy: the exit code, no stack trace, no PDF and no temporary file left.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { pageLines, pdfjsText, repoRoot, runCli, type Run, type JsonData } from '../helpers/fixtures.js';

// The shared fixtures, under the names these suites use.
export { cleanEnv, countRead, reads, repoRoot, squeeze, summitData as summit, type Run } from '../helpers/fixtures.js';

/** The smallest valid brief (2 pages, quick to render). */
export function minimal(): JsonData {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests/data/fixtures/minimal.json'), 'utf8'));
}

const made: string[] = [];

/** A fresh temporary folder, removed by cleanup(). */
export function tempDir(prefix = 'mowjaz-input-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanup(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes `content` (an object is written as JSON) to `dir/name` and returns the path. */
export function write(dir: string, name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content, null, 2));
  return file;
}

/** Runs `node build/src/cli.js ...args` from the repository root. */
export const cli = (args: string[], env: Record<string, string> = {}): Run => runCli(args, { env });

/** stderr never carries a stack trace: no "    at f (file.js:1:2)" lines, no ".js:12" frames. */
export function expectNoStack(run: Run): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/\.[cm]?js:\d/);
  expect(run.stderr).not.toMatch(/\b(?:TypeError|RangeError|ReferenceError|SyntaxError|InputError|OutputError)\b/);
}

/** Files in a folder, temporary ones included (they start with a dot). */
export function listing(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** No PDF and no temporary file anywhere under `dir`. */
export function expectNothingWritten(dir: string, keep: string[] = []): void {
  const left: string[] = [];
  const walk = (d: string): void => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (!keep.includes(p) && (/\.pdf$/i.test(name) || /\.tmp$/i.test(name))) left.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  expect(left).toEqual([]);
}

/**
 * Renders `data` (an object written as JSON, or the raw text or bytes of a data file) through the
 * CLI into a fresh folder and expects a failure with `code`; returns the run, its data file and
 * output folder. Every failure: the expected exit code, a message naming the data file, no stack
 * trace, nothing written.
 */
export function expectFailure(data: unknown, code: 1 | 2, extraArgs: string[] = [], env: Record<string, string> = {}): Run & { file: string; out: string } {
  const dir = tempDir();
  const file = write(dir, 'brief.json', data);
  const out = path.join(dir, 'out');
  const run = cli([file, '--out-dir', out, ...extraArgs], env);
  expect(run.code, run.stderr).toBe(code);
  expect(run.stderr).toMatch(/^mowjaz: /);
  expect(run.stdout).toBe('');
  expectNoStack(run);
  expectNothingWritten(dir);
  return { ...run, file, out };
}

/** Renders through the CLI and expects success; returns the run and the PDF's bytes. */
export function expectSuccess(data: unknown, extraArgs: string[] = [], env: Record<string, string> = {}): Run & { pdf: Buffer; file: string } {
  const dir = tempDir();
  const file = write(dir, 'brief.json', data);
  const out = path.join(dir, 'out', 'brief.pdf');
  const run = cli([file, '--out', out, ...extraArgs], env);
  expect(run.code, run.stderr).toBe(0);
  expectNoStack(run);
  const pdf = fs.readFileSync(out);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(listing(path.dirname(out))).toEqual(['brief.pdf']);
  return { ...run, pdf, file };
}

/** The lines pdf.js reads from each page (the shared reader's pageLines), as given. */
export const pdfText = async (pdf: Uint8Array): Promise<string[][]> => pageLines(await pdfjsText(pdf));
