// Partials are read only from inside their partials/ folder, symbolic links followed: a link that
// leads out of it (to /etc/hostname, to a data file beside it) is bad input naming the partial.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, cli, expectNoStack, expectNothingWritten, minimal, pdfText, reads, tempDir, write } from './cli.js';

afterAll(cleanup);

const main = '<document title="{{title}}">\n<p>{{shortTitle}}</p>\n{{> leak}}\n</document>\n';

describe('partials stay in their folder', () => {
  for (const [name, target] of [
    ['a file outside the tree', '/etc/hostname'],
    ['a file beside the folder', '../secret.hbs'],
  ] as const) {
    it(`a partial that is a link to ${name}: exit 2, naming the partial, nothing read`, () => {
      const dir = tempDir('mowjaz-confine-');
      const data = write(dir, 'brief.json', minimal());
      write(dir, 'main.hbs', main);
      write(dir, 'secret.hbs', '<p>سر</p>');
      fs.mkdirSync(path.join(dir, 'partials'));
      fs.symlinkSync(target, path.join(dir, 'partials', 'leak.hbs'));
      const run = cli([data, '--template', path.join(dir, 'main.hbs'), '--out', path.join(dir, 'out.pdf')]);
      expect(run.code, run.stderr).toBe(2);
      expectNoStack(run);
      expect(run.stderr).toMatch(/^mowjaz: .*main\.hbs:3: partial "leak": .*partials\/leak\.hbs leads outside its folder .*partials/);
      expectNothingWritten(dir);
    });
  }

  it('a link to another file inside the folder is read', async () => {
    const dir = tempDir('mowjaz-confine-');
    const data = write(dir, 'brief.json', minimal());
    write(dir, 'main.hbs', main);
    write(dir, 'partials/shared/real.hbs', '<p>فقرة مشتركة</p>');
    fs.symlinkSync(path.join('shared', 'real.hbs'), path.join(dir, 'partials', 'leak.hbs'));
    const out = path.join(dir, 'out.pdf');
    const run = cli([data, '--template', path.join(dir, 'main.hbs'), '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(reads((await pdfText(fs.readFileSync(out))).flat(), 'فقرة مشتركة')).toBe(true);
  });
});
