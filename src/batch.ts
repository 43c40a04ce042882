// Rendering many data files in one process: `npm run brief -- data/*.json --jobs N`.
// With one job the briefs are rendered one after another on the main thread; with more, each
// worker thread loads the fonts and compiles the templates once and renders file after file,
// handed out one at a time as workers become free. PDF bytes come back to the main thread, which
// writes every file atomically (src/output.ts) and hands the outcomes back in the order the files
// were given, so what is reported and written does not depend on the number of jobs. A worker that
// runs out of memory costs its own file and nothing else; src/batch-report.ts prints all this.
import fs from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadBrief } from './data/load.js';
import { sharedFileCaches } from './file-cache.js';
import { templateFolder } from './template/folder.js';
import { defaultTemplate } from './template/render.js';
import { renderValidBrief, type RenderOptions } from './index.js';
import { outputDestination, writeAtomically } from './output.js';
import { exitCodeOf } from './cli-support.js';
import { FONT_FILES, fontsDir } from './fonts/files.js';
import { prepareFonts } from './fonts/prepare.js';

export interface BatchTask {
  /** Data file, as named in messages. */
  file: string;
  /** PDF to write. */
  out: string;
}

export type BatchOutcome =
  | { file: string; out: string; ok: true; pages: number; size: number }
  | { file: string; out: string; ok: false; message: string; exitCode: 1 | 2; stack?: string; error?: unknown };

/** Render options a worker can receive (functions cannot cross threads: warnings come back as messages). */
type WorkerRenderOptions = Omit<RenderOptions, 'onWarning' | 'source'>;

export interface BatchOptions {
  /** Number of parallel renders; 1 renders on the calling thread unless `isolate`. Never more than the number of files. */
  jobs?: number;
  /** Render in worker threads even for one job, so that running out of memory fails the file, not the process. */
  isolate?: boolean;
  /** Called for each file, in the order the files were given, once its PDF is written or it failed. */
  onOutcome?: (outcome: BatchOutcome, index: number) => void;
  /** Called as each file finishes, in the order they finish (for a progress display). */
  onProgress?: (done: number, total: number, outcome: BatchOutcome) => void;
}

/** The default number of jobs: one per core, one for a single file. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(files, os.availableParallelism()));
}

/** Page count from the page tree root's /Count (pdfkit writes one page tree). */
export function pageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const m = /\/Type \/Pages\s*\/Count (\d+)/.exec(text) ?? /\/Count (\d+)/.exec(text);
  return m ? Number(m[1]) : 0;
}

/**
 * Renders every task and writes its PDF; a failure fails that file alone. Returns the outcomes in
 * task order. Two tasks writing the same PDF would overwrite each other: the later ones fail.
 */
export async function renderBatch(tasks: readonly BatchTask[], options: RenderOptions, batch: BatchOptions = {}): Promise<BatchOutcome[]> {
  const outcomes: (BatchOutcome | undefined)[] = new Array(tasks.length);
  let emitted = 0;
  let done = 0;
  const settle = (index: number, outcome: BatchOutcome): void => {
    outcomes[index] = outcome;
    done++;
    batch.onProgress?.(done, tasks.length, outcome);
    while (emitted < tasks.length && outcomes[emitted]) {
      batch.onOutcome?.(outcomes[emitted]!, emitted);
      emitted++;
    }
  };
  const writes: Promise<void>[] = [];
  const write = async (index: number, bytes: Uint8Array): Promise<void> => {
    const { file, out } = tasks[index];
    try {
      await writeAtomically(out, bytes);
      settle(index, { file, out, ok: true, pages: pageCount(bytes), size: bytes.length });
    } catch (e) {
      settle(index, failure(tasks[index], e));
    }
  };
  const finish = (index: number, bytes: Uint8Array): void => {
    writes.push(write(index, bytes));
  };

  const pending: number[] = [];
  const writers = new Map<string, string>();
  tasks.forEach((task, index) => {
    let target: string;
    try {
      target = outputDestination(task.out);
    } catch {
      target = path.resolve(task.out);
    } // the write reports it
    const first = writers.get(target);
    if (first === undefined) {
      writers.set(target, task.file);
      pending.push(index);
      return;
    }
    const message = `${task.file}: would overwrite ${task.out}, written for ${first}; give the data files different names`;
    settle(index, { ...task, ok: false, message, exitCode: 2 });
  });

  const jobs = Math.max(1, Math.min(batch.jobs ?? defaultJobs(pending.length), pending.length));
  if (jobs === 1 && !batch.isolate) {
    for (const index of pending) {
      const task = tasks[index];
      try {
        await write(index, await renderFile(task.file, options, options.onWarning));
      } catch (e) {
        settle(index, failure(task, e));
      }
    }
  } else if (pending.length) {
    await renderInWorkers(tasks, pending, options, jobs, finish, (index, outcome) => settle(index, outcome));
  }
  await Promise.all(writes);
  return outcomes as BatchOutcome[];
}

/** Loads, validates and renders one data file. */
async function renderFile(file: string, options: RenderOptions, onWarning?: (message: string) => void): Promise<Uint8Array> {
  const schema = templateFolder(options.template ?? defaultTemplate()).schema;
  const brief = loadBrief(file, { schema, caches: sharedFileCaches() }, options.limits?.inputBytes);
  return renderValidBrief(brief, { ...options, source: file, onWarning });
}

function failure(task: BatchTask, e: unknown): BatchOutcome {
  const message = e instanceof Error ? e.message : String(e);
  return { ...task, ok: false, message, exitCode: exitCodeOf(e), stack: e instanceof Error ? e.stack : undefined, error: e };
}

// ---- worker threads -------------------------------------------------------------------------

type ToWorker = { type: 'job'; index: number; file: string } | { type: 'stop' };
type FromWorker =
  | { type: 'warning'; message: string }
  | { type: 'rendered'; index: number; bytes: Uint8Array }
  | { type: 'failed'; index: number; message: string; exitCode: 1 | 2; stack?: string };

interface WorkerInit {
  mowjazBatch: true;
  options: WorkerRenderOptions;
}

/** A worker's heap: as large as this thread's, so a heap limit given to node holds for the renders too. */
const HEAP_MB = Math.max(64, Math.floor(v8.getHeapStatistics().heap_size_limit / (1024 * 1024)));
/**
 * Each worker's young generation, bounded as scripts/node-flags bounds the main thread's
 * (--max-semi-space-size=2; V8 counts a young generation as two semi-spaces and as much again
 * for large new objects): left to V8, every thread grows its own up to 48 MB.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 6 };

async function renderInWorkers(
  tasks: readonly BatchTask[],
  pending: readonly number[],
  options: RenderOptions,
  jobs: number,
  finish: (index: number, bytes: Uint8Array) => void,
  fail: (index: number, outcome: BatchOutcome) => void,
): Promise<void> {
  // Workers share the process id, which names prepareFonts' temporary files: make the fonts here, once.
  if (FONT_FILES.some(f => !fs.existsSync(path.join(fontsDir(), f.file)))) prepareFonts();
  const { onWarning, source: _source, ...transferable } = options;
  const init: WorkerInit = { mowjazBatch: true, options: transferable };
  const queue = [...pending];

  await new Promise<void>(resolve => {
    let running = 0;
    const start = (): void => {
      const worker = new Worker(new URL(import.meta.url), { workerData: init, resourceLimits: WORKER_LIMITS });
      let current: number | undefined;
      running++;
      const next = (): void => {
        current = queue.shift();
        if (current === undefined) worker.postMessage({ type: 'stop' } satisfies ToWorker);
        else worker.postMessage({ type: 'job', index: current, file: tasks[current].file } satisfies ToWorker);
      };
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'warning') {
          onWarning?.(m.message);
          return;
        }
        if (m.type === 'rendered') finish(m.index, m.bytes);
        else fail(m.index, { ...tasks[m.index], ok: false, message: m.message, exitCode: m.exitCode, stack: m.stack });
        next();
      });
      let crash: Error | undefined;
      worker.on('error', e => {
        crash = e;
      });
      worker.on('exit', code => {
        running--;
        if (current !== undefined) {
          // The worker died under this file (out of memory, a crash in native code): it fails alone.
          const why =
            (crash as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? 'ran out of memory while rendering (the limits in --help keep most inputs below this; is the data very large?)'
              : (crash?.message ?? `the rendering thread stopped with code ${code}`);
          fail(current, { ...tasks[current], ok: false, message: `${tasks[current].file}: ${why}`, exitCode: 1, stack: crash?.stack });
          current = undefined;
          if (queue.length) start(); // a crash costs one file, never the rest of the batch
        }
        if (running === 0) {
          // No worker left: cannot happen while files wait (a dead worker is replaced), kept as a safety net.
          for (const index of queue.splice(0)) {
            fail(index, { ...tasks[index], ok: false, message: `${tasks[index].file}: not rendered: the rendering threads stopped`, exitCode: 1 });
          }
          resolve();
        }
      });
      next();
    };
    for (let i = 0; i < jobs; i++) start();
  });
}

function runWorker(init: WorkerInit): void {
  const port = parentPort!;
  const onWarning = (message: string) => port.postMessage({ type: 'warning', message } satisfies FromWorker);
  port.on('message', async (m: ToWorker) => {
    if (m.type === 'stop') {
      port.close();
      return;
    }
    try {
      const bytes = await renderFile(m.file, init.options, onWarning);
      // Hand the buffer over rather than copying it, when it owns its whole ArrayBuffer.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
      const view = new Uint8Array(own.buffer, 0, own.byteLength);
      port.postMessage({ type: 'rendered', index: m.index, bytes: view } satisfies FromWorker, [view.buffer as ArrayBuffer]);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      port.postMessage({
        type: 'failed',
        index: m.index,
        message,
        exitCode: exitCodeOf(e),
        stack: e instanceof Error ? e.stack : undefined,
      } satisfies FromWorker);
    }
  });
}

if (!isMainThread && (workerData as Partial<WorkerInit> | null)?.mowjazBatch === true) runWorker(workerData as WorkerInit);
