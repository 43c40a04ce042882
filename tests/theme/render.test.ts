// Themes chosen per template folder, per brief and on the command line: the precedence, a brief's
// theme touching no other brief rendered at the same time, palette entries followed by every
// style that names them (colours read back by mupdf), and theme errors through the CLI.
import fs from 'node:fs';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { afterAll, describe, expect, it } from 'vitest';
import { renderValidBrief } from '../../src/index.js';
import { loadBrief } from '../../src/data/load.js';
import { MAX_THEME_BYTES } from '../../src/theme-file.js';
import { defaultTemplate } from '../../src/template/render.js';
import { themeDefaults } from '../../src/theme.js';
import { cleanup, cli, expectFailure, expectNoStack, expectNothingWritten, repoRoot, summit, tempDir, write } from '../input/cli.js';
import { drawnOnPage } from '../pdf/support.js';

afterAll(cleanup);

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests/theme/fixtures', name), 'utf8'));
const rgb = (hex: string): number[] => [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16) / 255);
const near = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) < 0.005);
const open = (bytes: Uint8Array) => mupdf.Document.openDocument(bytes, 'application/pdf');
const pagesOf = (doc: mupdf.Document) => Array.from({ length: doc.countPages() }, (_, i) => drawnOnPage(doc, i));
const size = (page: { width: number; height: number }) => [page.width, page.height].map(Math.round);
const DEFAULT_ACCENT = '#0f3554';

/** A folder holding the summit data as `brief.json`, naming `theme.json` (written from `theme`) when given. */
function briefFolder(theme?: unknown): string {
  const dir = tempDir('mowjaz-theme-');
  const data = summit();
  if (theme !== undefined) {
    data.theme = 'theme.json';
    write(dir, 'theme.json', theme);
  }
  return write(dir, 'brief.json', data);
}

describe('a theme named by the data', () => {
  it("changes its brief's colours and paper, while a brief rendered at the same time keeps its own; each as rendered alone", async () => {
    const themedFile = briefFolder(fixture('crimson.json'));
    const plainFile = briefFolder();
    const render = (file: string) => renderValidBrief(loadBrief(file), { source: file });
    const themedAlone = await render(themedFile);
    const plainAlone = await render(plainFile);
    const [themed, plain, themedAgain] = await Promise.all([render(themedFile), render(plainFile), render(themedFile)]);
    expect(Buffer.compare(Buffer.from(themed), Buffer.from(themedAlone))).toBe(0);
    expect(Buffer.compare(Buffer.from(themedAgain), Buffer.from(themedAlone))).toBe(0);
    expect(Buffer.compare(Buffer.from(plain), Buffer.from(plainAlone))).toBe(0);
    // The unthemed brief is the summit as mowjaz renders it with no theme at all.
    expect(Buffer.compare(Buffer.from(plain), Buffer.from(await renderValidBrief(summit() as never)))).toBe(0);

    const t = pagesOf(open(themed)),
      p = pagesOf(open(plain));
    for (const page of t) expect(size(page)).toEqual([792, 612]); // US Letter, landscape
    for (const page of p) expect(size(page)).toEqual([595, 842]); // A4, portrait
    const colours = (pages: typeof t, kind: string) => pages.flatMap(pg => pg.drawn.filter(d => d.kind === kind).map(d => d.color));
    expect(colours(t, 'fill').some(c => near(c, rgb('#7a1f2b')))).toBe(true);
    expect(colours(t, 'fill').some(c => near(c, rgb('#f2e6e8')))).toBe(true);
    expect(colours(p, 'fill').some(c => near(c, rgb('#7a1f2b')))).toBe(false);
    expect(colours(p, 'fill').some(c => near(c, rgb(DEFAULT_ACCENT)))).toBe(true);
  });

  it("stays in the data file's folder: a path or a link leading out of it is refused, exit 2, nothing written", () => {
    const dir = tempDir('mowjaz-theme-');
    write(dir, 'theme.json', fixture('olive.json'));
    fs.mkdirSync(path.join(dir, 'brief'));
    fs.symlinkSync(path.join(dir, 'theme.json'), path.join(dir, 'brief', 'linked.json'));
    for (const named of ['../theme.json', 'linked.json']) {
      const data = write(dir, 'brief/brief.json', { ...summit(), theme: named });
      const run = cli([data, '--out-dir', path.join(dir, 'out')]);
      expect(run.code).toBe(2);
      expectNoStack(run);
      expect(run.stderr).toMatch(
        /^mowjaz: \S*(theme|linked)\.json: the theme file is outside \S*brief; a theme named by a brief or a template must be in its folder\n$/,
      );
    }
    expectNothingWritten(dir);
  });

  it('is a regular file of reasonable size', () => {
    const big = expectFailure({ ...summit(), theme: 'big.json' }, 2, [], {});
    expect(big.stderr).toMatch(/cannot read theme file .*big\.json: no such file/);
    const dir = tempDir('mowjaz-theme-');
    write(dir, 'big.json', `{ "$schema": "${'x'.repeat(MAX_THEME_BYTES)}" }`);
    fs.mkdirSync(path.join(dir, 'folder.json'));
    const data = write(dir, 'brief.json', { ...summit(), theme: 'big.json' });
    const tooBig = cli([data, '--out-dir', path.join(dir, 'out')]);
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toMatch(/big\.json: the theme file is \d+ bytes; a theme is at most 262144 bytes\n$/);
    const plain = write(dir, 'plain.json', summit());
    const notFile = cli([plain, '--theme', path.join(dir, 'folder.json'), '--out-dir', path.join(dir, 'out')]);
    expect(notFile.code).toBe(2);
    expect(notFile.stderr).toMatch(/cannot read theme file .*folder\.json: it is not a regular file\n$/);
    expectNothingWritten(dir);
  });
});

describe('precedence', () => {
  it("is default < the template folder's theme.json < the data's theme < --theme", async () => {
    const folder = tempDir('mowjaz-template-');
    const template = path.join(folder, 'brief.hbs');
    fs.copyFileSync(defaultTemplate(), template);
    write(folder, 'theme.json', { paper: 'letter', palette: { accent: '#4a5a12' }, styles: { h1: { color: '#5c2a6e' } } });
    const dataFile = briefFolder(fixture('teal-a5.json'));
    const themeFile = write(tempDir('mowjaz-theme-'), 'cli.json', { orientation: 'landscape', palette: { accent: '#6b3d0c' } });
    const render = (options: { template?: string; themeFile?: string; data?: string }) =>
      renderValidBrief(loadBrief(options.data ?? briefFolder()), { source: options.data, template: options.template, themeFile: options.themeFile }).then(b =>
        pagesOf(open(b)),
      );
    // The cover band: the highest fill below the classification banner (which stands at the safe edge).
    const band = (pages: ReturnType<typeof pagesOf>) =>
      pages[0].drawn.filter(d => d.kind === 'fill' && d.bounds[1] > themeDefaults.bleedSafe + 1).sort((a, b) => a.bounds[1] - b.bounds[1])[0].color;
    const textColours = (pages: ReturnType<typeof pagesOf>) => pages.flatMap(p => p.drawn.filter(d => d.kind === 'text').map(d => d.color));

    const byTemplate = await render({ template });
    expect(size(byTemplate[0])).toEqual([612, 792]);
    expect(near(band(byTemplate), rgb('#4a5a12'))).toBe(true);
    expect(textColours(byTemplate).some(c => near(c, rgb('#5c2a6e')))).toBe(true); // the template theme's h1

    const byData = await render({ template, data: dataFile });
    expect(size(byData[0])).toEqual([420, 595]); // A5 from the data wins over the template's Letter
    expect(near(band(byData), rgb('#0b4f55'))).toBe(true);
    expect(textColours(byData).some(c => near(c, rgb('#5c2a6e')))).toBe(true); // what the data's theme leaves alone stays

    const byOption = await render({ template, data: dataFile, themeFile });
    expect(size(byOption[0])).toEqual([595, 420]); // A5 still, turned by --theme
    expect(near(band(byOption), rgb('#6b3d0c'))).toBe(true);
  });
});

describe('palette entries', () => {
  it('recolour everything that names them (headings, table heads, list labels, the cover) and nothing else', async () => {
    // The default styles of headings and table heads name the accent rather than copy its value.
    for (const name of ['h1', 'h2', 'cell-head', 'cell-group', 'cover-title'] as const) expect(themeDefaults.styles[name].color).toBe('accent');
    const accent = '#7a1f2b';
    const before = pagesOf(open(await renderValidBrief(summit() as never)));
    const after = pagesOf(open(await renderValidBrief(summit() as never, { theme: { palette: { accent } } })));
    expect(after).toHaveLength(before.length);
    let recoloured = 0;
    before.forEach((page, p) => {
      expect(after[p].drawn).toHaveLength(page.drawn.length);
      page.drawn.forEach((d, i) => {
        const now = after[p].drawn[i];
        expect(now.kind).toBe(d.kind);
        expect(now.bounds).toEqual(d.bounds); // the same layout
        if (near(d.color, rgb(DEFAULT_ACCENT))) {
          recoloured++;
          expect(near(now.color, rgb(accent)), `page ${p + 1} item ${i}`).toBe(true);
        } else expect(now.color).toEqual(d.color);
      });
    });
    // Every heading, head cell, list label and the cover's band, title and rules.
    const kinds = (pages: typeof after) => new Set(pages.flatMap(pg => pg.drawn.filter(d => near(d.color, rgb(accent))).map(d => d.kind)));
    expect([...kinds(after)].sort()).toEqual(['fill', 'stroke', 'text']);
    expect(recoloured).toBeGreaterThan(20);
  });
});

describe('theme errors through the command line', () => {
  it('--theme with wrong values: one line each with file, line and JSON path, exit 2, nothing written', () => {
    const dir = tempDir('mowjaz-theme-');
    const theme = path.join(repoRoot, 'tests/theme/fixtures/wrong-values.json');
    const data = write(dir, 'brief.json', summit());
    const run = cli([data, '--theme', theme, '--out-dir', path.join(dir, 'out')]);
    expect(run.code).toBe(2);
    expectNoStack(run);
    const lines = run.stderr
      .replace(/^mowjaz: /, '')
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(line).toMatch(/^tests\/theme\/fixtures\/wrong-values\.json:\d+: \/[a-z0-9/]+: /);
    expect(lines[0]).toBe(
      'tests/theme/fixtures/wrong-values.json:2: /paper: must be "a4", "letter" or "a5", or a custom size { "width": …, "height": … }, not "a3"',
    );
    expectNothingWritten(dir);
  });

  it('a theme named by the data with a wrong value: the theme file named, exit 2, nothing written', () => {
    const run = expectFailure({ ...summit(), theme: 'missing.json' }, 2);
    expect(run.stderr).toMatch(/missing\.json: no such file/);
    const dir = tempDir('mowjaz-theme-');
    write(dir, 'look.json', '{\n  "palette": {\n    "accent": "#12345"\n  }\n}\n');
    const data = write(dir, 'brief.json', { ...summit(), theme: 'look.json' });
    const bad = cli([data, '--out-dir', path.join(dir, 'out')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^mowjaz: \S*look\.json:3: \/palette\/accent: must be a colour written #rrggbb, e\.g\. "#0f3554", not "#12345"\n$/);
    expectNothingWritten(dir);
  });
});
