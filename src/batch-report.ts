// What the CLI prints while it renders briefs: `dist/x.pdf: 4 pages, 78.2 KB` for each file
// written and `mowjaz: <message>` for each failure, a progress line on a terminal, warnings (at
// most MAX_PROBLEMS of them, the rest counted), then `mowjaz: N of M briefs failed`.
import path from 'node:path';
import type { RenderOptions } from './index.js';
import { renderBatch, type BatchOutcome, type BatchTask } from './batch.js';
import { CliError, say } from './cli-support.js';
import { MAX_PROBLEMS } from './errors.js';

/**
 * Renders run in worker threads, so that a render running out of memory fails alone with one
 * line. The start-up snapshot cannot start workers: its entry renders a single brief on this
 * thread, only with the default input limits, under which a brief stays far from the heap limit.
 */
let isolateRenders = true;
export function renderOnThisThread(): void {
  isolateRenders = false;
}

export interface BatchReport {
  outcomes: BatchOutcome[];
  /** 0, or the worst exit code of the failures (2 bad input, 1 output or system failure). */
  exitCode: 0 | 1 | 2;
}

/**
 * The CLI's run: renders every task, each in a worker thread (so running out of memory ends in a
 * message, not an abort), and reports. When stderr is a terminal and there are several files, a
 * progress line `[37/200] dist/x.pdf` is kept updated there, and the per-file lines are left out
 * if stdout is that terminal too. A single file that fails throws its error.
 */
export async function runBatch(given: readonly BatchTask[], options: RenderOptions, jobs?: number): Promise<BatchReport> {
  // The same data file named twice (a glob and the file itself) is rendered once.
  const seen = new Set<string>();
  const tasks = given.filter(t => {
    const key = `${path.resolve(t.file)}\0${path.resolve(t.out)}`;
    return !seen.has(key) && !!seen.add(key);
  });
  const stdout = process.stdout,
    stderr = process.stderr;
  const progress = tasks.length > 1 && stderr.isTTY === true;
  const perFile = !progress || stdout.isTTY !== true;
  let progressShown = false;
  const clearProgress = (): void => {
    if (progressShown) {
      stderr.write('\r\x1b[K');
      progressShown = false;
    }
  };
  let warnings = 0;
  const onWarning = (message: string): void => {
    if (++warnings > MAX_PROBLEMS) return;
    clearProgress();
    say(`warning: ${message}`);
  };
  const outcomes = await renderBatch(
    tasks,
    { ...options, onWarning },
    {
      jobs,
      isolate: isolateRenders,
      onProgress: progress
        ? (done, total, outcome) => {
            const width = stderr.columns ? stderr.columns - 1 : 79;
            stderr.write(`\r\x1b[K${`[${done}/${total}] ${outcome.ok ? outcome.out : outcome.file}`.slice(0, width)}`);
            progressShown = true;
          }
        : undefined,
      onOutcome: outcome => {
        if (outcome.ok) {
          if (perFile) {
            clearProgress();
            stdout.write(`${outcome.out}: ${outcome.pages} pages, ${(outcome.size / 1024).toFixed(1)} KB\n`);
          }
          return;
        }
        if (tasks.length === 1) return;
        clearProgress();
        say(outcome.message);
        if (process.env.MOWJAZ_DEBUG && outcome.stack) stderr.write(`${outcome.stack}\n`);
      },
    },
  );
  clearProgress();
  if (warnings > MAX_PROBLEMS) say(`warning: … and ${warnings - MAX_PROBLEMS} more warnings`);
  const failures = outcomes.filter(o => !o.ok);
  if (tasks.length === 1 && failures.length) {
    const f = failures[0];
    throw f.error ?? new CliError(f.message, f.exitCode);
  }
  const written = outcomes.filter(o => o.ok);
  if (!perFile && written.length) {
    const pages = written.reduce((n, o) => n + o.pages, 0);
    const size = written.reduce((n, o) => n + o.size, 0);
    stdout.write(`${written.length} briefs written: ${pages} pages, ${(size / 1024 / 1024).toFixed(1)} MB\n`);
  }
  if (failures.length) say(`${failures.length} of ${tasks.length} briefs failed`);
  const exitCode = failures.reduce<0 | 1 | 2>((worst, f) => Math.max(f.exitCode, worst) as 0 | 1 | 2, 0);
  return { outcomes, exitCode };
}
