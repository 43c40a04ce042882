// Builds the fast entry point of `npm run brief` from the compiled CLI (build/src/fast/brief.js,
// which imports build/src/cli.js): one minified CommonJS bundle, build/fast/brief.cjs, then a V8
// startup snapshot of it, build/fast/brief.blob, with build/fast/brief.node naming the Node it
// is for. Run by `npm run build` (so by `npm ci`). A step that fails leaves its files out and says
// so; scripts/brief.sh then runs the plain build, so the build itself never fails here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build/fast');
const bundle = path.join(out, 'brief.cjs');
const blob = path.join(out, 'brief.blob');
const stamp = path.join(out, 'brief.node');

/**
 * Each module keeps its own location (import.meta.url, __dirname, __filename), so files found
 * beside it (fonts, templates, pdfkit's font metrics, HarfBuzz's wasm) are found as before.
 * HarfBuzz's top-level await (not possible in CommonJS, and WebAssembly is missing while a
 * snapshot is built) becomes a function the entry point calls before the first render.
 */
const keepLocations = {
  name: 'keep-locations',
  setup(build) {
    build.onLoad({ filter: /\.(?:m?js|cjs)$/ }, async args => {
      let code = await fs.promises.readFile(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      code = code.replaceAll('import.meta.url', url);
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) {
        code = code.replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path)))
          .replace(/\b__filename\b/g, JSON.stringify(args.path));
      }
      if (/harfbuzzjs[\\/]dist[\\/]index\.mjs$/.test(args.path)) {
        const start = 'init(await createHarfBuzz());';
        if (!code.includes(start)) throw new Error(`harfbuzzjs: "${start}" not found; the bundle needs updating for this version`);
        code = code.replace(start, "globalThis[Symbol.for('mowjaz.harfbuzz.init')] = async () => { init(await createHarfBuzz()); };");
      }
      if (/harfbuzzjs[\\/]dist[\\/]harfbuzz\.js$/.test(args.path)) code = code.replaceAll('await import("module")', 'process.getBuiltinModule("module")');
      return { contents: code, loader: 'js' };
    });
  },
};

function remove(...files) { for (const f of files) fs.rmSync(f, { force: true }); }

async function main() {
  fs.mkdirSync(out, { recursive: true });
  remove(bundle, blob, stamp);
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    console.log('mowjaz: esbuild is not installed: no fast entry point; npm run brief uses build/src/cli.js');
    return;
  }
  await esbuild.build({
    entryPoints: [path.join(root, 'build/src/fast/brief.js')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [keepLocations],
  });
  const r = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', bundle], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 || !fs.existsSync(blob)) {
    remove(blob);
    const why = (r.error?.message ?? r.stderr.trim().split('\n').filter(Boolean).slice(-1)[0]) || `exit ${r.status}`;
    console.log(`mowjaz: no startup snapshot (${why}); npm run brief uses build/fast/brief.cjs`);
    return;
  }
  fs.writeFileSync(stamp, `${process.version}\n`);
  console.log(`mowjaz: fast entry point built: ${path.relative(root, blob)} (${(fs.statSync(blob).size / 1048576).toFixed(1)} MB) for Node ${process.version}`);
}

main().catch(e => {
  remove(bundle, blob, stamp);
  console.log(`mowjaz: no fast entry point (${String(e?.message ?? e).split('\n')[0]}); npm run brief uses build/src/cli.js`);
});
