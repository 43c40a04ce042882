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
const flagsFile = path.join(out, 'brief.flags');

/**
 * V8 flags of the snapshot's process, from scripts/node-flags (which scripts/brief.sh also gives
 * the plain build): a snapshot only starts under the flags it was built with (else Node exits 14),
 * so they are written beside it, for whatever starts it.
 */
const flagsSource = path.join(root, 'scripts/node-flags');
const nodeFlags = fs.existsSync(flagsSource) ? fs.readFileSync(flagsSource, 'utf8').split(/\s+/).filter(Boolean) : [];

/**
 * The bundle as ASCII: V8 keeps a script's source in the heap, and a single non-ASCII character
 * (esbuild leaves them in regular expression literals) makes it two bytes a character. A \uXXXX
 * escape means the same character in a regular expression, a string and a template literal alike.
 */
function toAscii(file) {
  const code = fs.readFileSync(file, 'utf8');
  const ascii = code.replace(/[^\x00-\x7f]/g, ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== code) fs.writeFileSync(file, ascii);
}

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
      if (/pdfkit[\\/]js[\\/]pdfkit\.js$/.test(args.path)) {
        // AES is for encrypted PDFs, which mowjaz never writes; its tables (1.5 MB) are built
        // when the module is evaluated. Evaluated on first use instead, it stays out of the snapshot.
        const eager = "var aes = require('@noble/ciphers/aes');";
        if (!code.includes(eager)) throw new Error(`pdfkit: "${eager}" not found; the bundle needs updating for this version`);
        code = code.replace(eager, "var aes = { cbc: (...a) => require('@noble/ciphers/aes').cbc(...a), ecb: (...a) => require('@noble/ciphers/aes').ecb(...a) };");
      }
      if (/harfbuzzjs[\\/]dist[\\/]harfbuzz\.js$/.test(args.path)) code = code.replaceAll('await import("module")', 'process.getBuiltinModule("module")');
      return { contents: code, loader: 'js' };
    });
  },
};

function remove(...files) { for (const f of files) fs.rmSync(f, { force: true }); }

async function main() {
  fs.mkdirSync(out, { recursive: true });
  remove(bundle, blob, stamp, flagsFile);
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
  toAscii(bundle);
  const r = spawnSync(process.execPath, [...nodeFlags, '--snapshot-blob', blob, '--build-snapshot', bundle], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 || !fs.existsSync(blob)) {
    remove(blob);
    const why = (r.error?.message ?? r.stderr.trim().split('\n').filter(Boolean).slice(-1)[0]) || `exit ${r.status}`;
    console.log(`mowjaz: no startup snapshot (${why}); npm run brief uses build/fast/brief.cjs`);
    return;
  }
  fs.writeFileSync(stamp, `${process.version}\n`);
  fs.writeFileSync(flagsFile, `${nodeFlags.join(' ')}\n`);
  const warm = /^warm-up: (.*)$/m.exec(r.stdout)?.[1] ?? 'not reported';
  console.log(`mowjaz: fast entry point built: ${path.relative(root, blob)} (${(fs.statSync(blob).size / 1048576).toFixed(1)} MB) for Node ${process.version}; warm-up: ${warm}`);
}

main().catch(e => {
  remove(bundle, blob, stamp, flagsFile);
  console.log(`mowjaz: no fast entry point (${String(e?.message ?? e).split('\n')[0]}); npm run brief uses build/src/cli.js`);
});
