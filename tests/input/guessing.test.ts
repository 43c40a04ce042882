// Where the input is ambiguous, mowjaz fails instead of guessing: source stamps survive any folder
// name, dates are UTC without a zone and limited to 1900–2200, unknown helpers and missing fields
// in templates are errors with file and line, a colspan wider than the columns is an error, blank-
// looking strings are empty, and towers of combining marks are refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, cli, expectFailure, expectNoStack, expectNothingWritten, expectSuccess, minimal, tempDir, write, type Run } from './cli.js';
import type { JsonData } from '../helpers/fixtures.js';

afterAll(cleanup);

function templateRun(
  files: Record<string, string>,
  data: unknown = minimal(),
  folder = 'tpl',
  env: Record<string, string> = {},
): Run & { dir: string; out: string; main: string } {
  const dir = tempDir('mowjaz-guess-');
  for (const [name, text] of Object.entries(files)) write(path.join(dir, folder), name, text);
  const file = write(dir, 'brief.json', data);
  const out = path.join(dir, 'out.pdf');
  const main = path.join(dir, folder, 'main.hbs');
  return { ...cli([file, '--template', main, '--out', out], env), dir, out, main };
}

function templateError(files: Record<string, string>, words: RegExp): void {
  const run = templateRun(files);
  expect(run.code, run.stderr).toBe(2);
  expectNoStack(run);
  expect(run.stderr).toMatch(words);
  expectNothingWritten(run.dir);
}

describe('source stamps', () => {
  it('a template in a folder whose name holds " & < > renders, and its errors name that folder', () => {
    const folder = 'say "hi" & <bye>';
    const good = templateRun({ 'main.hbs': '<document title="{{title}}">\n<p>{{shortTitle}}</p>\n</document>\n' }, minimal(), folder);
    expect(good.code, good.stderr).toBe(0);
    const bad = templateRun({ 'main.hbs': '<document title="{{title}}">\n<p>{{shortTitle}}<q></q></p>\n</document>\n' }, minimal(), folder);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${folder}/main.hbs:2: unknown element <q>`);
  });
});

describe('dates', () => {
  const dated = (date: string) => ({ 'main.hbs': `<document title="{{title}}" date="${date}">\n<p>{{shortTitle}}</p>\n</document>\n` });

  it('a <document date> without a zone is UTC: the same bytes whatever TZ says', () => {
    const [a, b] = ['Pacific/Kiritimati', 'America/Adak'].map(TZ => templateRun(dated('2025-08-15T10:30:00'), minimal(), 'tpl', { TZ }));
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const [pa, pb] = [a.out, b.out].map(f => fs.readFileSync(f));
    expect(pa.equals(pb)).toBe(true);
    expect(pa.toString('latin1')).toContain('<xmp:CreateDate>2025-08-15T10:30:00Z</xmp:CreateDate>');
  });

  it('a <document date> that is not ISO 8601, or in the year 1: exit 2', () => {
    for (const date of ['August 15, 2025', '0001-01-01', '2025-08-15T25:00']) {
      const run = templateRun(dated(date));
      expect(run.code, date).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`the document date "${date}" (must|has)`));
    }
  });

  it('data dates before 1900 or after 2200: exit 2 with the JSON path', () => {
    expect(expectFailure({ ...minimal(), issued: '0000-01-01' }, 2).stderr).toMatch(
      /\/issued: must be a calendar date written YYYY-MM-DD in the years 1900 to 2200, e\.g\. 2025-08-15, not "0000-01-01"/,
    );
    const late = minimal();
    late.blocks[0].items[0].value.date = '2201-01-01'; // the date of the first fact
    expect(expectFailure(late, 2).stderr).toMatch(/\/blocks\/0\/items\/0\/value\/date: must be a calendar date .* not "2201-01-01"/);
    expectSuccess({ ...minimal(), issued: '1900-01-01' });
  });
});

describe('templates', () => {
  const open = '<document title="{{title}}">\n';
  it('an unknown block helper: exit 2 with file and line', () => {
    templateError({ 'main.hbs': `${open}<p>\n{{#upper}}x{{/upper}}</p>\n</document>\n` }, /main\.hbs:3: unknown block helper "upper"/);
  });

  it('a misspelt field, in the main template and in a partial: exit 2 with file and line', () => {
    templateError({ 'main.hbs': `${open}<p>{{titel}}</p>\n</document>\n` }, /tpl\/main\.hbs:2: "titel" is not a field of the data here/);
    templateError(
      { 'main.hbs': `${open}{{> part}}\n</document>\n`, 'partials/part.hbs': '<p>\n\n{{issuer.nmae}}</p>' },
      /tpl\/partials\/part\.hbs:3: "nmae" is not a field/,
    );
  });

  it('a field read through a missing optional object: exit 2 with the line', () => {
    templateError(
      { 'main.hbs': `${open}<p>{{shortTitle}}</p>\n{{#if authors.length}}<p>x</p>{{/if}}\n</document>\n` },
      /main\.hbs:3: "length" is read from a field the data does not have/,
    );
  });

  it('optional fields tested with {{#if}} render when they are absent', () => {
    const run = templateRun({
      'main.hbs': `${open}<p>{{shortTitle}}{{#if subtitle}} {{subtitle}}{{/if}}</p>\n{{#if authors}}<p>{{authors.0.name}}</p>{{/if}}\n</document>\n`,
    });
    expect(run.code, run.stderr).toBe(0);
  });

  it('a colspan wider than the declared columns: exit 2', () => {
    templateError(
      { 'main.hbs': `${open}<table columns="50 50">\n<tr><td colspan="50">x</td></tr>\n</table>\n</document>\n` },
      /main\.hbs:2: <table columns="50 50"> declares 2 columns, but a row spans 50/,
    );
  });
});

describe('data strings', () => {
  /** The minimal brief with its summary paragraph (blocks/1/paragraphs/0) replaced. */
  const withSummary = (text: string): JsonData => {
    const data = minimal();
    data.blocks[1].paragraphs = [text];
    return data;
  };

  it('only spaces, zero-width or control characters: "must not be empty" with the path', () => {
    for (const blank of ['   ', '\u200b\u200b', '\u00a0\u3000', '\u200e\u2060\ufeff', '\u0001\u0002']) {
      const { stderr } = expectFailure(withSummary(blank), 2);
      expect(stderr, JSON.stringify(blank)).toMatch(/\/blocks\/1\/paragraphs\/0: must not be empty \(it holds only spaces, control or invisible characters\)/);
    }
    const points = minimal();
    points.blocks[4].items = ['نقطة', ' \t '];
    const { stderr } = expectFailure(points, 2);
    expect(stderr).toMatch(/\/blocks\/4\/items\/1: must not be empty/);
  });

  it('more than 4 combining marks on one character: refused with the path; 4 are drawn', () => {
    const { stderr } = expectFailure(withSummary(`ملخص ل${'\u064E'.repeat(200)}`), 2);
    expect(stderr).toMatch(/\/blocks\/1\/paragraphs\/0: has more than 4 combining marks on one character \(at position 6\)/);
    expectSuccess(withSummary('ملخص لَّٰٓ'));
  });
});

describe('the ink of the marks allowed', () => {
  it('four of any Arabic mark on a tall letter stay within 1.85 em above the baseline and 0.9 em below (Amiri, read by HarfBuzz)', async () => {
    const hb = await import('harfbuzzjs');
    const { repoRoot } = await import('./cli.js');
    const face = new hb.Face(new hb.Blob(fs.readFileSync(path.join(repoRoot, 'fonts', 'amiri-arabic-400.ttf'))));
    const font = new hb.Font(face);
    const ys = (gid: number): number[] => [...font.glyphToPath(gid).matchAll(/-?[\d.]+,(-?[\d.]+)/g)].map(m => Number(m[1]));
    let top = 0,
      bottom = 0;
    const marks = [...'\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0670\u06E1'];
    for (const base of ['ل', 'ك', 'ط', 'ي', 'ج']) {
      for (const mark of marks) {
        const buffer = new hb.Buffer();
        buffer.addText(base + mark.repeat(4));
        buffer.guessSegmentProperties();
        hb.shape(font, buffer);
        const positions = buffer.getGlyphPositions();
        buffer.getGlyphInfos().forEach((g, i) => {
          for (const y of ys(g.codepoint)) {
            top = Math.max(top, y + positions[i].yOffset);
            bottom = Math.min(bottom, y + positions[i].yOffset);
          }
        });
      }
    }
    expect(top / face.upem).toBeGreaterThan(1); // the marks do stack
    expect(top / face.upem).toBeLessThanOrEqual(1.85);
    expect(-bottom / face.upem).toBeLessThanOrEqual(0.9);
  });
});
