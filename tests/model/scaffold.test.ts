// `npm run new -- <name>` writes data/<name>.json, which is valid and renders as it is; it never
// replaces a file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/data/load.js';
import { pdfText, reads, root } from './support.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-new-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const node = (script: string, args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [path.join(root, 'build', 'src', script), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('scaffold', () => {
  it('writes data/<name>.json with $schema, valid, and it renders to a PDF', async () => {
    const r = node('scaffold.js', ['weekly'], tmp);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const file = path.join(tmp, 'data', 'weekly.json');
    const text = fs.readFileSync(file, 'utf8');
    const brief = loadBrief(file);
    expect(brief.$schema).toBe(path.relative(path.dirname(file), path.join(root, 'data', 'brief.schema.json')));
    expect(text.trimStart().startsWith('{\n  "$schema"')).toBe(true);
    const out = path.join(tmp, 'weekly.pdf');
    expect(node('cli.js', [file, '--out', out], tmp).code).toBe(0);
    const { lines } = await pdfText(fs.readFileSync(out));
    expect(reads(lines, brief.title), brief.title).toBe(true);
  });

  it('in the package folder the $schema is ./brief.schema.json', () => {
    const name = `scaffold-test-${process.pid}`;
    const file = path.join(root, 'data', `${name}.json`);
    try {
      expect(node('scaffold.js', [name], root).code).toBe(0);
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).$schema).toBe('./brief.schema.json');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('refuses to replace an existing file (exit 2), leaving it as it was', () => {
    fs.mkdirSync(path.join(tmp, 'data'), { recursive: true });
    const file = path.join(tmp, 'data', 'mine.json');
    fs.writeFileSync(file, '{"keep": true}');
    const r = node('scaffold.js', ['mine'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`mowjaz: ${path.join('data', 'mine.json')} already exists; choose another name or edit that file\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"keep": true}');
  });

  it('refuses a name that is a path, and a missing name', () => {
    expect(node('scaffold.js', ['../up'], tmp)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^mowjaz: the brief name must be letters, digits/) });
    expect(node('scaffold.js', [], tmp)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^mowjaz: expected one brief name, got 0/) });
    expect(fs.existsSync(path.join(tmp, 'up.json'))).toBe(false);
  });
});
