// The fast entry point of `npm run brief`, bundled into one CommonJS file (build/fast/brief.cjs)
// and, when Node allows it, made into a V8 startup snapshot (build/fast/brief.blob) with every
// module loaded and the schema validator compiled. Run from the snapshot, it renders exactly as
// build/src/cli.js does; when the snapshot cannot serve a run it hands the whole run, untouched,
// to build/src/cli.js in a child process:
// - the package folder is not the one the snapshot was built in (the snapshot holds its paths);
// - the run would start worker threads (several data files), which a snapshot process cannot.
// scripts/brief.sh picks the plain CLI itself when the snapshot is missing or from another Node.
import './lazy-intl.js'; // first: the modules below create Intl formatters as they load
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import workerThreads from 'node:worker_threads';
import { renderOnThisThread } from '../batch-report.js';
import { run } from '../cli.js';
import { setSharedEngines } from '../context.js';
import { createPdfFontCache } from '../render/pdf-writer.js';
import { createTextEngine } from '../text/engine.js';
import { openStandInFace } from './stand-in-face.js';

/** The package root this module was built in (the bundle keeps each module's own location). */
const builtRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PLAIN_CLI = 'build/src/cli.js';

/** Set by the bundle's copy of harfbuzzjs, which waits to be started: WebAssembly does not exist while a snapshot is built. */
const HARFBUZZ_INIT = Symbol.for('mowjaz.harfbuzz.init');
type Init = () => Promise<void>;

async function start(argv: string[]): Promise<void> {
  await (globalThis as { [HARFBUZZ_INIT]?: Init })[HARFBUZZ_INIT]?.();
  await run(argv);
}

/** Runs the plain CLI with the same arguments, streams and environment, and exits as it exits. */
function plain(root: string, argv: string[]): never {
  const r = spawnSync(process.execPath, [path.join(root, PLAIN_CLI), ...argv], { stdio: 'inherit' });
  if (r.error) {
    process.stderr.write(`mowjaz: cannot start ${PLAIN_CLI}: ${r.error.message}\n`);
    process.exit(1);
  }
  if (r.signal) process.kill(process.pid, r.signal);
  process.exit(r.status ?? 1);
}

/** The package root of the snapshot blob this process was started from (node --snapshot-blob <file>). */
function blobRoot(): string | undefined {
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const file = a === '--snapshot-blob' ? args[i + 1] : a.startsWith('--snapshot-blob=') ? a.slice('--snapshot-blob='.length) : undefined;
    if (file) return path.resolve(path.dirname(fs.realpathSync(file)), '../..');
  }
  return undefined;
}

function fromSnapshot(): void {
  const argv = process.argv.slice(process.argv[1] === '--' ? 2 : 1);
  const root = blobRoot() ?? builtRoot;
  if (root !== builtRoot) plain(root, argv);
  // Raised input limits could let a render reach the heap limit: only a worker fails cleanly then.
  if (argv.some(a => /^--max-(input|markup)-size(=|$)/.test(a))) plain(root, argv);
  renderOnThisThread();
  // A worker would start from the snapshot and crash: a run that needs one is the plain CLI's.
  // Nothing has been written when the first worker is created, so the run can start over there.
  (workerThreads as { Worker: unknown }).Worker = function Worker(): never {
    plain(root, argv);
  };
  process.argv = [process.execPath, path.join(root, PLAIN_CLI), ...argv];
  void start(argv);
}

/**
 * Snapshot build: a whole brief rendered (the summit brief, to a file thrown away), so every
 * module is loaded, the schema validator and the templates are compiled, and the code of every
 * stage, from markup to the PDF bytes, has run and is kept compiled in the snapshot. HarfBuzz
 * cannot run here (no WebAssembly), so the brief is shaped by stand-in faces, in text engines of
 * its own; those engines are dropped afterwards, so the run from the snapshot makes its own, with
 * HarfBuzz, exactly as the plain CLI does, and its output cannot depend on this warm-up.
 * What the warm-up prints is dropped; a warm-up that fails leaves a snapshot that is only colder.
 */
async function warmUp(): Promise<void> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-snapshot-')), 'warm-up.pdf');
  const streams = [process.stdout, process.stderr];
  const writes = streams.map(s => s.write);
  let said = '';
  for (const s of streams)
    s.write = ((chunk: unknown) => {
      said += String(chunk);
      return true;
    }) as typeof s.write;
  setSharedEngines({ engine: createTextEngine({ openFace: openStandInFace }), pdfFonts: createPdfFontCache() });
  renderOnThisThread();
  try {
    await run(['--out', out]);
  } finally {
    setSharedEngines(undefined);
    // RegExp's last match would keep the warm-up's PDF text (pageCount reads it) in the snapshot.
    /^/.exec('');
    streams.forEach((s, i) => {
      s.write = writes[i];
    });
    // The build reports this line: a warm-up that failed still leaves a working, colder snapshot.
    const failed = process.exitCode !== undefined && process.exitCode !== 0;
    process.stdout.write(`warm-up: ${failed ? `failed: ${said.trim().split('\n')[0]}` : 'a brief rendered'}\n`);
    process.exitCode = undefined;
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

if (v8.startupSnapshot.isBuildingSnapshot()) {
  void warmUp();
  v8.startupSnapshot.setDeserializeMainFunction(fromSnapshot);
} else {
  void start(process.argv.slice(2));
}
