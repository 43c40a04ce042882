// Several data files in one run of the CLI (`npm run brief -- a.json b.json … --jobs N`): each
// bad file fails alone with its own message, the others are written, the exit code is the worst.
// The CLI is run as a separate process from build/ (the global setup compiles first).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, summitData, type Run } from '../helpers/fixtures.js';

const summit = summitData() as Record<string, unknown> & {
  title: string;
  blocks: { type: string; groups?: { members: { role: unknown }[] }[] }[];
};
const ROSTER = summit.blocks.findIndex(b => b.type === 'roster');

/** Runs the CLI in `cwd`; stdout and stderr are pipes, so no progress line is drawn. */
const cli = async (cwd: string, args: string[]): Promise<Run> => runCli(args, { cwd });

const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.subarray(-6).toString('latin1').trimEnd().endsWith('%%EOF');

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-batch-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

const GOOD = ['alpha', 'beta', 'gamma', 'delta'];

/** A fresh folder with four good briefs, one file of broken JSON and one that breaks the schema. */
function workspace(name: string): string {
  const dir = path.join(temp, name);
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  GOOD.forEach((g, i) => {
    const brief: Record<string, unknown> = { ...summit, title: `${summit.title} (${i + 1})` };
    if (i === 1) brief.blocks = [...summit.blocks, ...summit.blocks.filter(b => b.type === 'section')];
    fs.writeFileSync(path.join(dir, 'data', `${g}.json`), JSON.stringify(brief, null, 2));
  });
  fs.writeFileSync(path.join(dir, 'data/broken.json'), '{\n  "title": "قمة",\n  oops\n}\n');
  const invalid = structuredClone(summit);
  invalid.blocks[ROSTER].groups![0].members[3].role = 5;
  fs.writeFileSync(path.join(dir, 'data/invalid.json'), JSON.stringify(invalid, null, 2));
  return dir;
}

const ALL = ['data/alpha.json', 'data/broken.json', 'data/beta.json', 'data/invalid.json', 'data/gamma.json', 'data/delta.json'];

describe('batch rendering', () => {
  let two: Run, one: Run, dirTwo: string, dirOne: string;
  beforeAll(async () => {
    dirTwo = workspace('jobs2');
    dirOne = workspace('jobs1');
    [two, one] = await Promise.all([cli(dirTwo, [...ALL, '--jobs', '2']), cli(dirOne, [...ALL, '--jobs', '1'])]);
  });

  it('writes every good brief as a complete PDF, whatever fails beside it', () => {
    for (const g of GOOD) {
      const file = path.join(dirTwo, 'dist', `${g}.pdf`);
      expect(fs.existsSync(file), file).toBe(true);
      expect(isPdf(fs.readFileSync(file)), file).toBe(true);
    }
  });

  it('writes nothing for the bad files, and leaves no temporary file behind', () => {
    expect(fs.readdirSync(path.join(dirTwo, 'dist')).sort()).toEqual(GOOD.map(g => `${g}.pdf`).sort());
  });

  it('exits with 2 (bad input) and names each bad file with its problem', () => {
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/^mowjaz: data\/broken\.json:3:3: invalid JSON/m);
    expect(two.stderr).toMatch(new RegExp(`^mowjaz: data/invalid\\.json:\\d+: \\/blocks/${ROSTER}/groups/0/members/3/role: must be a string`, 'm'));
    expect(two.stderr).toMatch(/^mowjaz: 2 of 6 briefs failed$/m);
    expect(two.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('reports one line per written file, in the order the files were given', () => {
    const lines = two.stdout.trimEnd().split('\n');
    expect(lines.map(l => l.split(':')[0])).toEqual(['dist/alpha.pdf', 'dist/beta.pdf', 'dist/gamma.pdf', 'dist/delta.pdf']);
    for (const l of lines) expect(l).toMatch(/^dist\/\w+\.pdf: \d+ pages, \d+\.\d KB$/);
    expect(one.stdout).toBe(two.stdout);
    expect(one.stderr).toBe(two.stderr);
    expect(one.code).toBe(2);
  });

  it('gives byte-identical PDFs with one job and with two', () => {
    for (const g of GOOD) {
      const a = fs.readFileSync(path.join(dirOne, 'dist', `${g}.pdf`));
      const b = fs.readFileSync(path.join(dirTwo, 'dist', `${g}.pdf`));
      expect(a.equals(b), g).toBe(true);
    }
  });
});

describe('batch failures', () => {
  it('an unwritable destination fails that file alone, with exit code 1', async () => {
    const dir = workspace('output');
    fs.mkdirSync(path.join(dir, 'dist/beta.pdf'), { recursive: true }); // a folder where the PDF should go
    const run = await cli(dir, ['data/alpha.json', 'data/beta.json', 'data/gamma.json', '--jobs', '2']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^mowjaz: cannot write dist\/beta\.pdf: /m);
    expect(run.stderr).toMatch(/^mowjaz: 1 of 3 briefs failed$/m);
    for (const g of ['alpha', 'gamma']) expect(isPdf(fs.readFileSync(path.join(dir, 'dist', `${g}.pdf`)))).toBe(true);
  });

  it('the exit code is the worst one: bad input (2) outranks an output failure (1)', async () => {
    const dir = workspace('worst');
    fs.mkdirSync(path.join(dir, 'dist/beta.pdf'), { recursive: true });
    const run = await cli(dir, ['data/alpha.json', 'data/beta.json', 'data/broken.json', '--jobs', '2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mowjaz: 2 of 3 briefs failed$/m);
  });

  it('two data files that would write the same PDF: the second fails alone', async () => {
    const dir = workspace('clash');
    fs.mkdirSync(path.join(dir, 'other'));
    fs.copyFileSync(path.join(dir, 'data/alpha.json'), path.join(dir, 'other/alpha.json'));
    const run = await cli(dir, ['data/alpha.json', 'other/alpha.json', 'data/gamma.json', 'data/alpha.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mowjaz: other\/alpha\.json: would overwrite dist\/alpha\.pdf, written for data\/alpha\.json/m);
    expect(run.stderr).toMatch(/^mowjaz: 1 of 3 briefs failed$/m); // data/alpha.json named twice is rendered once
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('rejects a --jobs that is not a positive whole number', async () => {
    const dir = workspace('jobs0');
    const run = await cli(dir, ['data/alpha.json', 'data/beta.json', '--jobs', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('mowjaz: --jobs must be a whole number of at least 1, not "0"\n');
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});
