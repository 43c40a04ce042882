// The package as its users get it: `npm pack`, installed into an empty folder outside the
// repository, run through `npx mowjaz` and imported from an ES module. The renders made there must
// be byte for byte the repository's own, with the user's data and the user's templates.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as mupdf from 'mupdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../src/fonts/files.js';
import { cleanEnv, installConsumer, listing, run } from './consumer.js';

/** The repository: two folders above this file. */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let tmp: string;
let consumer: string;
let packed: { files: { path: string }[]; size: number; entryCount: number; filename: string };
const installed = (): string => path.join(consumer, 'node_modules', 'mowjaz');

/** The repository's render of a data file, through its own CLI (build/, compiled by `pretest`). */
function repoRender(data: string, out: string, ...extra: string[]): Buffer {
  const r = spawnSync(process.execPath, ['build/src/cli.js', '--data', data, '--out', out, ...extra], { cwd: repo, env: cleanEnv(), encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return fs.readFileSync(out);
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-package-'));
  consumer = path.join(tmp, 'consumer');
  fs.mkdirSync(consumer);
  const missing = FONT_FILES.filter(f => !fs.existsSync(path.join(repo, 'fonts', f.file)));
  if (missing.length) throw new Error(`fonts/${missing[0].file} is missing: run npm run prepare (npm ci runs it)`);
  // --ignore-scripts: `prepare` would rebuild build/ while the suite's other files run it; `pretest`
  // has just built it and `npm ci` prepared the fonts, so the tarball holds what a pack would.
  const r = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], repo);
  expect(r.status, r.stderr).toBe(0);
  [packed] = JSON.parse(r.stdout);
  installConsumer(consumer, path.join(tmp, packed.filename), repo, ['typescript', '@types/node']);
}, 180_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the packed tarball', { timeout: 120_000 }, () => {
  it("holds the compiled code, its types, the templates, the schema and the prepared fonts, and nothing of the repository's own", () => {
    const files = packed.files.map(f => f.path);
    for (const f of [
      'package.json',
      'build/src/bin.js',
      'build/src/index.js',
      'build/src/index.d.ts',
      'build/src/cli.js',
      'build/src/specimen.js',
      'templates/brief.hbs',
      'data/brief.schema.json',
      'themes/theme.schema.json',
      'themes/default.json',
      'fonts/OFL.txt',
    ]) {
      expect(files).toContain(f);
    }
    for (const f of FONT_FILES) expect(files).toContain(`fonts/${f.file}`);
    expect(files.filter(f => /^(src|tests|bench|build\/bench|build\/tests)\/|\.map$|\.tsbuildinfo$|^package-lock\.json$|^tsconfig/.test(f))).toEqual([]);
    // A budget, not a measurement: the fonts are most of it; twice today's size means something crept in.
    expect(packed.size).toBeLessThan(1_000_000);
  });

  it('is installed without running any script, and its bin is linked', () => {
    expect(fs.existsSync(path.join(consumer, 'node_modules', '.bin', 'mowjaz'))).toBe(true);
    // Fonts come in the tarball, prepared: the installed files are the repository's own bytes, so
    // nothing has to convert them (@fontsource/amiri stays a dependency only so that a clone
    // installed with --omit=dev can prepare them).
    for (const f of FONT_FILES) {
      expect(fs.readFileSync(path.join(installed(), 'fonts', f.file)).equals(fs.readFileSync(path.join(repo, 'fonts', f.file))), f.file).toBe(true);
    }
    expect(fs.existsSync(path.join(installed(), 'build', 'bench'))).toBe(false);
  });
});

describe('npx mowjaz in the installed project', { timeout: 120_000 }, () => {
  it("renders the user's copy of the summit data to the same bytes as the repository, writing nothing in the package", () => {
    fs.copyFileSync(path.join(repo, 'data', 'summit.json'), path.join(consumer, 'summit.json'));
    const before = listing(installed());
    const r = run('npx', ['--offline', 'mowjaz', 'brief', '--data', 'summit.json', '--out', 'x.pdf'], consumer);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const theirs = fs.readFileSync(path.join(consumer, 'x.pdf'));
    const ours = repoRender('data/summit.json', path.join(tmp, 'repo.pdf'));
    expect(theirs.equals(ours)).toBe(true);
    expect(listing(installed())).toEqual(before);
    const doc = mupdf.Document.openDocument(theirs, 'application/pdf');
    expect(doc.countPages()).toBe(4);
    expect(doc.getMetaData('info:Title')).toBe(JSON.parse(fs.readFileSync(path.join(repo, 'data', 'summit.json'), 'utf8')).title);
  });

  it("renders with the user's own template, whose partials fall back to the package's", () => {
    const mine = path.join(consumer, 'mine');
    fs.mkdirSync(mine);
    const template = fs.readFileSync(path.join(repo, 'templates', 'brief.hbs'), 'utf8');
    fs.writeFileSync(path.join(mine, 'brief.hbs'), template);
    const r = run('npx', ['--offline', 'mowjaz', 'brief', 'summit.json', '--template', 'mine/brief.hbs', '--out', 'mine.pdf', '--digits', 'arab'], consumer);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const ours = repoRender('data/summit.json', path.join(tmp, 'repo-arab.pdf'), '--template', path.join(mine, 'brief.hbs'), '--digits', 'arab');
    expect(fs.readFileSync(path.join(consumer, 'mine.pdf')).equals(ours)).toBe(true);
  });

  it('runs the specimen command and reports a bad command in one line with exit 2', () => {
    fs.copyFileSync(path.join(repo, 'tests', 'fixtures', 'corpus', 'shaping.txt'), path.join(consumer, 'lines.txt'));
    const r = run('npx', ['--offline', 'mowjaz', 'specimen', 'lines.txt', 'sheet.pdf'], consumer);
    expect(r.status, r.stderr).toBe(0);
    const ours = spawnSync(process.execPath, ['build/src/specimen.js', 'tests/fixtures/corpus/shaping.txt', path.join(tmp, 'sheet.pdf')], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(ours.status).toBe(0);
    expect(fs.readFileSync(path.join(consumer, 'sheet.pdf')).equals(fs.readFileSync(path.join(tmp, 'sheet.pdf')))).toBe(true);

    const bad = run('npx', ['--offline', 'mowjaz', 'brif'], consumer);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^mowjaz: unknown command "brif"; the commands are brief, specimen, new\n/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('starts a brief with `mowjaz new`, which then renders as it is, and refuses to overwrite it', () => {
    const r = run('npx', ['--offline', 'mowjaz', 'new', 'next-week'], consumer);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('data/next-week.json: written; render it with npx mowjaz brief data/next-week.json\n');
    const data = JSON.parse(fs.readFileSync(path.join(consumer, 'data', 'next-week.json'), 'utf8'));
    expect(data.$schema).toBe('../node_modules/mowjaz/data/brief.schema.json');
    const rendered = run('npx', ['--offline', 'mowjaz', 'brief', 'data/next-week.json', '--out', 'next-week.pdf'], consumer);
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
    expect(mupdf.Document.openDocument(fs.readFileSync(path.join(consumer, 'next-week.pdf')), 'application/pdf').getMetaData('info:Title')).toBe(data.title);
    const again = run('npx', ['--offline', 'mowjaz', 'new', 'next-week'], consumer);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('mowjaz: data/next-week.json already exists; choose another name or edit that file\n');
  });
});

describe('the library in the installed project', { timeout: 120_000 }, () => {
  it('is imported by name from an ES module and renders from code to the same bytes', () => {
    fs.writeFileSync(
      path.join(consumer, 'render.mjs'),
      [
        "import fs from 'node:fs';",
        "import { renderBrief } from 'mowjaz';",
        "const data = JSON.parse(fs.readFileSync('summit.json', 'utf8'));",
        "fs.writeFileSync('code.pdf', await renderBrief(data));",
      ].join('\n'),
    );
    const r = run(process.execPath, ['render.mjs'], consumer);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(consumer, 'code.pdf')).equals(fs.readFileSync(path.join(tmp, 'repo.pdf')))).toBe(true);
  });

  it('has types that resolve through the exports map', () => {
    fs.writeFileSync(
      path.join(consumer, 'check.ts'),
      [
        "import { renderBrief, InputError, type Brief, type RenderOptions } from 'mowjaz';",
        "const options: RenderOptions = { paper: 'letter', digits: 'arab', missingGlyphs: 'replace' };",
        'export const bytes: Promise<Uint8Array> = renderBrief({}, options);',
        'export const title = (brief: Brief): string => brief.title;',
        'export const bad = (e: unknown): boolean => e instanceof InputError;',
        '// @ts-expect-error: an unknown paper size is a type error, so the types are not `any`',
        "export const wrong: RenderOptions = { paper: 'a3' };",
        '',
      ].join('\n'),
    );
    // skipLibCheck as `tsc --init` sets it: harfbuzzjs' own declarations, which the engine's types
    // reach, name Emscripten types that package does not bring.
    fs.writeFileSync(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
        },
        files: ['check.ts'],
      }),
    );
    const r = run(process.execPath, [path.join(consumer, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], consumer);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
