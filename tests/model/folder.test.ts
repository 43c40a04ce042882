// Template folders: `--template <folder>` takes the folder's brief.hbs, its partials before the
// default ones, and its schema.json, which the data must satisfy as well as the shipped schema.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfText, reads, render, root } from './support.js';

const folder = path.join(root, 'tests', 'model', 'fixtures', 'ministry');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-folder-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const brief = {
  title: 'موجز بقالب الوزارة',
  classification: 'secret',
  reference: 'MIN-1',
  custom: { distribution: 'مكتب الوزير فقط' },
  blocks: [{ type: 'key-points', items: ['نقطة واحدة.'] }],
};

const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, ['build/src/cli.js', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
};

describe('template folder', () => {
  it("renders with the folder's own partial (footer) and the default ones (cover, blocks)", async () => {
    const { pages } = await pdfText(await render(brief, { template: folder }));
    expect(reads(pages[1], 'مكتب الوزير فقط')).toBe(true);
    expect(reads(pages[1], 'نقطة واحدة.')).toBe(true);
  });

  it("the folder's main .hbs names the same folder", async () => {
    const { pages } = await pdfText(await render(brief, { template: path.join(folder, 'brief.hbs') }));
    expect(reads(pages[1], 'مكتب الوزير فقط')).toBe(true);
  });

  it("the folder's schema.json is enforced, one line per problem with the JSON path", async () => {
    const { classification: _c, ...noClassification } = brief;
    await expect(render({ ...noClassification, custom: {} }, { template: folder, source: 'b.json' })).rejects.toThrow(
      /^b\.json:1: \/classification: is required\nb\.json:\d+: \/custom\/distribution: is required$/,
    );
  });

  it('the same data is valid for the default template, which ignores "custom"', async () => {
    const { custom: _x, ...plain } = brief;
    const { lines } = await pdfText(await render({ ...plain, custom: { anything: 1 } }));
    expect(reads(lines, 'نقطة واحدة.')).toBe(true);
  });

  it('through the CLI: a file missing a field the folder requires exits 2 with file, line and path, and writes nothing', () => {
    const data = path.join(tmp, 'b.json');
    fs.writeFileSync(data, JSON.stringify({ ...brief, custom: { distribution: 7 } }, null, 2));
    const out = path.join(tmp, 'b.pdf');
    const r = cli([data, '--template', folder, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`mowjaz: ${data}:6: /custom/distribution: must be a string, not a number\n`);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a folder without brief.hbs, and a broken schema.json, are input errors', () => {
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
    const data = path.join(tmp, 'ok.json');
    fs.writeFileSync(data, JSON.stringify(brief));
    expect(cli([data, '--template', empty, '--out', path.join(tmp, 'x.pdf')])).toEqual({
      code: 2,
      stderr: `mowjaz: cannot read template ${empty}: the folder has no brief.hbs\n`,
    });
    fs.writeFileSync(path.join(empty, 'brief.hbs'), '<document title="{{title}}" lang="ar">\n{{> blocks}}\n</document>\n');
    fs.writeFileSync(path.join(empty, 'schema.json'), '{ "required": "title" }');
    const r = cli([data, '--template', empty, '--out', path.join(tmp, 'x.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^mowjaz: ${path.join(empty, 'schema.json')}: not a valid JSON Schema \\(draft-07\\): .*\\n$`));
  });
});
