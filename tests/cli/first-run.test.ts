// What a newcomer meets first: --version, a misspelt option, options npm kept for itself, an
// output name that is not a PDF's, the bin entry.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, cli, expectNoStack, minimal, repoRoot, tempDir, write } from '../input/cli.js';

afterAll(cleanup);

describe('first run', () => {
  it('--version prints the name and version from package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const run = cli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`mowjaz ${pkg.version}\n`);
  });

  it('a misspelt option names the closest real one; a far one is only refused', () => {
    for (const [given, meant] of [
      ['--papr', '--paper'],
      ['--tempalte', '--template'],
      ['--out-dri', '--out-dir'],
      ['--digit', '--digits'],
    ]) {
      const run = cli([given, 'x']);
      expect(run.code, given).toBe(2);
      expectNoStack(run);
      expect(run.stderr).toBe(`mowjaz: unknown option ${given}; did you mean ${meant}?\nRun with --help for the options.\n`);
    }
    const far = cli(['--colour', 'red']);
    expect(far.code).toBe(2);
    expect(far.stderr).toBe('mowjaz: unknown option --colour\nRun with --help for the options.\n');
  });

  it('options npm kept for itself (npm run brief --paper letter) are explained, nothing is rendered', () => {
    const dir = tempDir();
    const run = cli(['letter'], { npm_lifecycle_event: 'brief', npm_config_paper: 'true', npm_config_archival: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'mowjaz: npm took --paper letter --no-archival as its own options and did not pass them on: put options for the brief after --, as in: npm run brief -- --paper letter --no-archival\n',
    );
    expect(fs.readdirSync(dir)).toEqual([]);
    // npm passes --out-dir's value on when written with "=".
    const eq = cli([], { npm_lifecycle_event: 'brief', npm_config_out_dir: 'out' });
    expect(eq.stderr).toBe(
      'mowjaz: npm took --out-dir out as its own option and did not pass it on: put options for the brief after --, as in: npm run brief -- --out-dir out\n',
    );
  });

  it('a new output file must be named *.pdf: refused with exit 2, nothing written', () => {
    const dir = tempDir();
    const data = write(dir, 'brief.json', minimal());
    for (const name of ['brief', 'brief.txt', 'brief.pdf.tmp']) {
      const run = cli([data, '--out', path.join(dir, name)]);
      expect(run.code, name).toBe(2);
      expect(run.stderr).toBe(`mowjaz: --out ${path.join(dir, name)}: the output file's name must end in .pdf\n`);
    }
    expect(fs.readdirSync(dir)).toEqual(['brief.json']);
    const upper = cli([data, '--out', path.join(dir, 'BRIEF.PDF')]);
    expect(upper.code, upper.stderr).toBe(0);
  });

  it('package.json has a bin entry mowjaz for the command dispatcher, which starts with a shebang', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ mowjaz: 'build/src/bin.js' });
    expect(fs.readFileSync(path.join(repoRoot, pkg.bin.mowjaz), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
