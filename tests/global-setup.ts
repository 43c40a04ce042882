// Runs once before the suites: compiles src/ into build/ and rebuilds the fast entry point from it
// (the CLI, batch and start-up tests run build/, so a plain `npx vitest run` never tests a stale
// build), then renders the summit brief once with the
// fresh build for every suite that reads it (tests/helpers/fixtures.ts, summitPdf()).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = path.resolve(import.meta.dirname, '..');

export default async function setup(project: TestProject): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`tsc -p tsconfig.json failed, the tests would run a stale build:\n${build.stdout}${build.stderr}`);
  const fast = spawnSync(process.execPath, [path.join(root, 'scripts/build-fast.mjs')], { cwd: root, encoding: 'utf8' });
  if (fast.status !== 0) throw new Error(`scripts/build-fast.mjs failed:\n${fast.stdout}${fast.stderr}`);

  const lib = await import(pathToFileURL(path.join(root, 'build/src/index.js')).href);
  const load = await import(pathToFileURL(path.join(root, 'build/src/data/load.js')).href);
  const bytes: Uint8Array = await lib.renderValidBrief(load.loadBrief(path.join(root, 'data/summit.json')));
  const out = path.join(root, 'tests/__output__');
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, 'summit.pdf');
  fs.writeFileSync(file, bytes);
  project.provide('summitPdf', file);
}
