// Broken templates, run through the real CLI: a main template and a partials/ folder beside it are
// written to a temporary folder (partials are looked up there first, then in templates/partials).
// Each failure exits with code 2 and names the template file and line; nothing is written.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, cli, expectNoStack, expectNothingWritten, minimal, tempDir, write, type Run } from './cli.js';

afterAll(cleanup);

/** Writes `files` (main.hbs and partials/*.hbs) and the minimal brief, renders, expects exit 2. */
function templateFailure(files: Record<string, string>): Run & { dir: string } {
  const dir = tempDir('mowjaz-template-');
  for (const [name, text] of Object.entries(files)) write(dir, name, text);
  const data = write(dir, 'brief.json', minimal());
  const run = cli([data, '--template', path.join(dir, 'main.hbs'), '--out', path.join(dir, 'out', 'brief.pdf')]);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(/^mowjaz: /);
  expectNoStack(run);
  expectNothingWritten(dir);
  expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  return { ...run, dir };
}

const open = '<document title="{{title}}" lang="ar">\n';
const close = '\n</document>\n';

describe('template files', () => {
  it('a main template that does not exist', () => {
    const dir = tempDir();
    const data = write(dir, 'brief.json', minimal());
    const run = cli([data, '--template', path.join(dir, 'nope.hbs'), '--out', path.join(dir, 'x.pdf')]);
    expect(run.code).toBe(2);
    expectNoStack(run);
    expect(run.stderr).toBe(`mowjaz: cannot read template ${path.join(dir, 'nope.hbs')}: no such file\n`);
    expectNothingWritten(dir);
  });

  it('a folder given as the template', () => {
    const dir = tempDir();
    const data = write(dir, 'brief.json', minimal());
    fs.mkdirSync(path.join(dir, 'main.hbs'));
    const run = cli([data, '--template', path.join(dir, 'main.hbs'), '--out', path.join(dir, 'x.pdf')]);
    expect(run.code).toBe(2);
    expectNoStack(run);
    expect(run.stderr).toBe(`mowjaz: cannot read template ${path.join(dir, 'main.hbs')}: the folder has no brief.hbs\n`);
    expectNothingWritten(dir);
  });

  it('a missing partial: names the including file and line, and where it looked', () => {
    const { stderr, dir } = templateFailure({ 'main.hbs': `${open}<p>{{shortTitle}}</p>\n{{> nothere}}${close}` });
    expect(stderr).toContain(
      `${path.join(dir, 'main.hbs')}:3: partial "nothere" not found (looked for ${path.join(dir, 'partials', 'nothere.hbs')} and templates/partials/nothere.hbs)`,
    );
  });

  it('a partial name that climbs out of the partials folder is refused before anything is read', () => {
    const { stderr, dir } = templateFailure({
      'main.hbs': `${open}{{> ../secret}}${close}`,
      'secret.hbs': '<p>not a partial</p>',
    });
    expect(stderr).toContain(`${path.join(dir, 'main.hbs')}:2: partial name "../secret" is not allowed`);
  });

  it('a Handlebars syntax error in the main template', () => {
    const { stderr, dir } = templateFailure({ 'main.hbs': `${open}<p>{{title}</p>${close}` });
    expect(stderr).toMatch(new RegExp(`^mowjaz: ${esc(path.join(dir, 'main.hbs'))}:2: Handlebars syntax error: `));
  });

  it('a block left open in a partial: the partial file and line', () => {
    const { stderr, dir } = templateFailure({
      'main.hbs': `${open}{{> list}}${close}`,
      'partials/list.hbs': '<ul>\n{{#each keywords}}<li>{{this}}</li>\n</ul>\n',
    });
    expect(stderr).toMatch(new RegExp(`^mowjaz: ${esc(path.join(dir, 'partials', 'list.hbs'))}:\\d: Handlebars syntax error: .*got 'EOF'`));
  });

  it('an unknown helper', () => {
    const { stderr, dir } = templateFailure({ 'main.hbs': `${open}<p>{{shortTitle}}</p>\n<p>{{upper title}}</p>${close}` });
    expect(stderr).toContain(
      `${path.join(dir, 'main.hbs')}:3: unknown helper "upper" (helpers: if, unless, each, with, lookup, log, date, hijri, digits, number, inc, join, term, is, any, fact, cell, span, widths)`,
    );
  });

  it('{{{ }}} and {{& }} would let data add markup: refused', () => {
    const { stderr, dir } = templateFailure({ 'main.hbs': `${open}<p>{{{shortTitle}}}</p>${close}` });
    expect(stderr).toContain(`${path.join(dir, 'main.hbs')}:2: {{{…}}} and {{&…}} write a value without escaping it`);
    expect(templateFailure({ 'main.hbs': `${open}\n<p>{{& shortTitle}}</p>${close}` }).stderr).toMatch(/main\.hbs:3: \{\{\{…\}\}\} and \{\{&…\}\}/);
  });

  it('a helper that fails while rendering names the template and the helper', () => {
    const { stderr, dir } = templateFailure({ 'main.hbs': `${open}<p>{{date title}}</p>${close}` });
    expect(stderr).toBe(`mowjaz: ${path.join(dir, 'main.hbs')}: template failed: date: not a calendar date written YYYY-MM-DD: "قمة ألاسكا"\n`);
  });

  it('an empty template, and one that is not UTF-8', () => {
    const { stderr, dir } = templateFailure({ 'main.hbs': '' });
    expect(stderr).toMatch(/no <document/);
    fs.writeFileSync(path.join(dir, 'main.hbs'), Buffer.concat([Buffer.from(`${open}<p>`), Buffer.from([0xe9]), Buffer.from(`</p>${close}`)]));
    const run = cli([path.join(dir, 'brief.json'), '--template', path.join(dir, 'main.hbs'), '--out', path.join(dir, 'x.pdf')]);
    expect(run.code).toBe(2);
    expectNoStack(run);
    expect(run.stderr).toBe(`mowjaz: ${path.join(dir, 'main.hbs')}:2:4: the file is not valid UTF-8 text; save it as UTF-8\n`);
  });

  it("characters no font can draw in the template's own text: the template line, not a data path", () => {
    const { stderr, dir } = templateFailure({ 'main.hbs': `${open}<p>{{shortTitle}}</p>\n<p>نص 😀</p>${close}` });
    expect(stderr).toBe(`mowjaz: ${path.join(dir, 'main.hbs')}:3: the template's text has the character U+1F600, which no font can draw\n`);
    expect(templateFailure({ 'main.hbs': `${open}<footer>&#x4E2D;</footer>${close}` }).stderr).toMatch(
      /main\.hbs: the template's text has the character U\+4E2D, which no font can draw/,
    );
  });

  it('partials that include each other without end', () => {
    const { stderr } = templateFailure({
      'main.hbs': `${open}{{> ping}}${close}`,
      'partials/ping.hbs': '{{> pong}}',
      'partials/pong.hbs': '<p>x</p>{{> ping}}',
    });
    expect(stderr).toMatch(/partials\/p[io]ng\.hbs: template failed: partials include each other without end/);
  });
});

describe('markup the parser rejects', () => {
  it('an unknown element in the main template', () => {
    const { stderr, dir } = templateFailure({ 'main.hbs': `${open}<p>{{shortTitle}}</p>\n\n<div>{{title}}</div>${close}` });
    expect(stderr).toMatch(new RegExp(`^mowjaz: ${esc(path.join(dir, 'main.hbs'))}:4: unknown element <div>; allowed: `));
  });

  it('an unknown element in a partial: the partial file and its own line', () => {
    const { stderr, dir } = templateFailure({
      'main.hbs': `${open}<h1>{{title}}</h1>\n{{> box}}${close}`,
      'partials/box.hbs': '<p>{{shortTitle}}</p>\n<p>\n  <video src="x.mp4"/>\n</p>\n',
    });
    expect(stderr).toMatch(new RegExp(`^mowjaz: ${esc(path.join(dir, 'partials', 'box.hbs'))}:3: unknown element <video>`));
  });

  it('a table row outside a table', () => {
    const { stderr, dir } = templateFailure({ 'main.hbs': `${open}<tr><td>{{title}}</td></tr>${close}` });
    expect(stderr).toContain(`${path.join(dir, 'main.hbs')}:2: <tr> is not allowed inside <document> (table rows and cells belong in a <table>)`);
  });

  it('a cell straight in a table, an attribute the element does not have, a table never closed', () => {
    expect(templateFailure({ 'main.hbs': `${open}<table>\n  <td>x</td>\n</table>${close}` }).stderr).toMatch(
      /main\.hbs:3: <td> is not allowed inside <table> \(table rows and cells belong in a <table>\)/,
    );
    expect(templateFailure({ 'main.hbs': `${open}<p style="color: red">{{title}}</p>${close}` }).stderr).toMatch(
      /main\.hbs:2: <p> has no attribute "style"; allowed: class/,
    );
    expect(templateFailure({ 'main.hbs': `${open}<table columns="50 50">\n<tr><td>{{title}}</td></tr>${close}` }).stderr).toMatch(
      /main\.hbs:2: <table> is not closed/,
    );
  });

  it('a colspan of a billion (it exhausted memory), infinite column widths, a row of 60 cells', () => {
    expect(templateFailure({ 'main.hbs': `${open}<table>\n<tr><td colspan="1000000000">{{title}}</td></tr>\n</table>${close}` }).stderr).toMatch(
      /main\.hbs:3: <td colspan="1000000000">: colspan must be a whole number from 1 to 50/,
    );
    expect(templateFailure({ 'main.hbs': `${open}<table columns="1e308 1e308"><tr><td>a</td><td>b</td></tr></table>${close}` }).stderr).toMatch(
      /main\.hbs:2: <table columns="1e308 1e308">: columns must be up to 50 positive numbers/,
    );
    expect(templateFailure({ 'main.hbs': `${open}<table><tr>${'<td>x</td>'.repeat(60)}</tr></table>${close}` }).stderr).toMatch(
      /main\.hbs:2: a table row may span at most 50 columns/,
    );
  });

  it('a template that makes no <document> root', () => {
    const { stderr } = templateFailure({ 'main.hbs': '{{!-- nothing --}}\n' });
    expect(stderr).toMatch(/main\.hbs: the markup has no <document title="…"> root element/);
  });
});

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
