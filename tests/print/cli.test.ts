// The print options on the command line (the built CLI, as npm run brief runs it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../pdf/support.js';
import { boxOf, catalog, open } from './support.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-print-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'build/src/cli.js'), ...args], { cwd: root, encoding: 'utf8' });

describe('print options', () => {
  it('--booklet writes <name>-booklet.pdf beside the brief; --bleed and --marks set the boxes', () => {
    const out = path.join(dir, 'summit.pdf');
    const r = cli('--out', out, '--booklet', '--bleed', '3', '--marks', '--duplex');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const brief = open(fs.readFileSync(out));
    const trim = boxOf(brief, 0, 'TrimBox')!;
    expect(trim[2] - trim[0]).toBeCloseTo(595.28, 1);
    const booklet = open(fs.readFileSync(path.join(dir, 'summit-booklet.pdf')));
    expect(catalog(booklet).get('MarkInfo').get('Marked').asBoolean()).toBe(false);
    // The sheets hold the trimmed pages: A3 landscape, with no bleed or marks of their own.
    const media = boxOf(booklet, 0, 'MediaBox')!;
    expect(media[2]).toBeCloseTo(1190.55, 1);
    expect(booklet.countPages()).toBe(2 * Math.ceil(brief.countPages() / 4));
  });

  it('a bleed that is not a number of millimetres: one line, exit 2, nothing written', () => {
    const out = path.join(dir, 'bad.pdf');
    const r = cli('--out', out, '--bleed', '3mm');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['mowjaz: --bleed must be a number of millimetres from 0 to 20, e.g. 3, not "3mm"']);
    expect(fs.existsSync(out)).toBe(false);
  });
});
