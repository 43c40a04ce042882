// `npm ci` / `npm install`: compiles src/ to build/, writes the fonts, builds the fast entry point.
// With devDependencies (a development install) src/ is compiled by tsc, type-checked. Without
// them (`npm ci --omit=dev`, a render-only install) esbuild, a dependency, strips the types of
// the same files: the same JavaScript modules, unchecked (the sources were checked where they were
// written), no .d.ts files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function node(...args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

let tsc;
try { tsc = require.resolve('typescript/bin/tsc'); } catch { tsc = undefined; }
if (tsc) {
  node(tsc, '-p', 'tsconfig.json');
} else {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: sources(path.join(root, 'src')),
    outdir: path.join(root, 'build/src'),
    outbase: path.join(root, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  console.log('mowjaz: typescript is not installed (a render-only install): src/ transpiled by esbuild, not type-checked');
}
node('build/src/fonts/prepare.js');
node('scripts/build-fast.mjs');
