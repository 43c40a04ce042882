// Unreadable, malformed and schema-breaking data files, run through the real CLI: each fails with
// exit code 2, a one-line-per-problem message naming the file and the line (and column for a
// syntax error) or the JSON path, no stack trace, and no PDF or temporary file written.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, cli, expectFailure, expectNoStack, expectNothingWritten, expectSuccess, minimal, pdfText, reads, tempDir } from './cli.js';
import type { JsonData } from '../helpers/fixtures.js';

afterAll(cleanup);

/**
 * The minimal brief as text, one property per line, with `change` applied to the parsed data. Its
 * blocks: 0 facts (1: a place), 1 summary, 2 section, 3 roster, 4 key points.
 */
function text(change: (d: JsonData) => void = () => {}): string {
  const d = minimal();
  change(d);
  return JSON.stringify(d, null, 2);
}

describe('unreadable data (exit 2, file named, nothing written)', () => {
  it('a data file that does not exist', () => {
    const dir = tempDir();
    const file = path.join(dir, 'missing.json');
    const run = cli([file, '--out-dir', path.join(dir, 'out')]);
    expect(run.code).toBe(2);
    expectNoStack(run);
    expect(run.stderr).toBe(`mowjaz: cannot read data file ${file}: no such file\n`);
    expectNothingWritten(dir);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a folder given as the data file', () => {
    const dir = tempDir();
    const run = cli([dir, '--out', path.join(dir, 'x.pdf')]);
    expect(run.code).toBe(2);
    expectNoStack(run);
    expect(run.stderr).toContain(`cannot read data file ${dir}: it is a folder, not a file`);
    expectNothingWritten(dir);
  });

  it('invalid JSON: a missing comma, with line and column', () => {
    const broken = text().replace('"shortTitle": "قمة",', '"shortTitle": "قمة"');
    const { stderr, file } = expectFailure(broken, 2);
    expect(stderr).toBe(`mowjaz: ${file}:4:3: invalid JSON: unexpected string, expected "," or "}" (a comma is missing)\n`);
  });

  it('invalid JSON: a trailing comma, a comment, NaN, single quotes', () => {
    expect(expectFailure('{"title": "x",}', 2).stderr).toMatch(/brief\.json:1:15: invalid JSON: .*trailing comma/);
    expect(expectFailure('// note\n{}', 2).stderr).toMatch(/brief\.json:1:1: invalid JSON: unexpected token "\/"/);
    expect(expectFailure('{\n  "title": NaN\n}', 2).stderr).toMatch(/brief\.json:2:12: invalid JSON: unexpected token "NaN"/);
    expect(expectFailure("{'title': 'x'}", 2).stderr).toMatch(/brief\.json:1:2: invalid JSON: unexpected token "'", expected a property name in double quotes/);
  });

  it('an empty file, and a file cut short', () => {
    expect(expectFailure('', 2).stderr).toMatch(/brief\.json:1:1: invalid JSON: unexpected end of file \(the file is empty\)/);
    expect(expectFailure(text().slice(0, 120), 2).stderr).toMatch(/brief\.json:\d+:\d+: invalid JSON: (unterminated string|unexpected end of file)/);
  });

  it('UTF-16 with and without a byte order mark, and Latin-1 bytes', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(), 'utf16le')]);
    expect(expectFailure(utf16, 2).stderr).toMatch(/brief\.json: the file is encoded as UTF-16; save it as UTF-8/);
    expect(expectFailure(Buffer.from(text(), 'utf16le'), 2).stderr).toMatch(/brief\.json:1:2: the file holds a NUL byte, so it is not UTF-8 text/);
    const latin1 = Buffer.from(
      text(d => {
        d.summary = 'caf#';
      }),
    ).map(b => (b === 0x23 ? 0xe9 : b)); // é in Latin-1
    expect(expectFailure(latin1, 2).stderr).toMatch(/brief\.json:\d+:\d+: the file is not valid UTF-8 text/);
  });

  it('a UTF-8 byte order mark is accepted', () => {
    expectSuccess(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text())]));
  });

  it('a JSON array, a string, a number or null instead of an object', () => {
    expect(expectFailure('[1, 2]', 2).stderr).toMatch(/brief\.json:1: \(top level\): must be an object, not an array/);
    expect(expectFailure('"قمة"', 2).stderr).toMatch(/brief\.json:1: \(top level\): must be an object, not a string/);
    expect(expectFailure('null', 2).stderr).toMatch(/brief\.json:1: \(top level\): must be an object, not null/);
  });

  it('nesting 100,000 levels deep (deeply nested junk) fails cleanly, not with a stack overflow', () => {
    const { stderr } = expectFailure('['.repeat(100_000) + ']'.repeat(100_000), 2);
    expect(stderr).toMatch(/brief\.json:1:257: arrays and objects are nested more than 256 levels deep/);
    const inField = text(d => {
      d.title = 0;
    }).replace('"title": 0', `"title": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
    expect(expectFailure(inField, 2).stderr).toMatch(/brief\.json:2:\d+: arrays and objects are nested more than 256 levels deep/);
  });
});

describe('schema violations (exit 2, every one listed with its JSON path and line)', () => {
  it('a roster role that is not a string: /blocks/3/groups/0/members/3/role', () => {
    const data = text(d => {
      d.blocks[3].groups = [
        {
          name: 'الجانب الروسي',
          members: [
            { name: 'أ', role: 'ب' },
            { name: 'ج', role: 'د' },
            { name: 'ه', role: 'و' },
            { name: 'ز', role: 42 },
          ],
        },
      ];
    });
    const { stderr, file } = expectFailure(data, 2);
    const line = data.split('\n').findIndex(l => l.includes('"role": 42')) + 1;
    expect(stderr).toBe(`mowjaz: ${file}:${line}: /blocks/3/groups/0/members/3/role: must be a string, not a number\n`);
  });

  it('several violations at once, in document order, each on its own line', () => {
    const { stderr, file } = expectFailure(
      text(d => {
        delete d.blocks[1].paragraphs;
        d.issued = '2025-02-30';
        d.blocks[0].items[1].value = ['', 7];
        d.blocks[4].items = 'نقطة';
        d.titel = 'typo';
      }),
      2,
    );
    const lines = stderr
      .replace(/^mowjaz: /, '')
      .trimEnd()
      .split('\n');
    for (const l of lines) expect(l).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: /\\S+: \\S`));
    expect(stderr).toContain('/blocks/1/paragraphs: is required');
    expect(stderr).toContain('/issued: must be a calendar date written YYYY-MM-DD in the years 1900 to 2200, e.g. 2025-08-15, not "2025-02-30"');
    expect(stderr).toContain('/blocks/0/items/1/value/0: must not be empty');
    expect(stderr).toContain('/blocks/0/items/1/value/1: must be a string, not a number');
    expect(stderr).toContain('/blocks/4/items: must be an array, not a string');
    expect(stderr).toContain('/titel: unexpected property "titel" (did you mean "title"?)');
    expect(lines).toHaveLength(6);
  });

  it('null: never accepted, for a required field or an optional one (leave an optional field out)', () => {
    const { stderr } = expectFailure(
      text(d => {
        d.title = null;
        d.subtitle = null;
        d.blocks[2].paragraphs = null;
      }),
      2,
    );
    expect(stderr).toContain('/title: must be a string, not null');
    expect(stderr).toContain('/subtitle: must be a string, not null');
    expect(stderr).toContain('/blocks/2/paragraphs: must be an array, not null');
  });

  it('duplicate property names', () => {
    const data = text().replace('"shortTitle": "قمة",', '"shortTitle": "قمة",\n  "shortTitle": "آخر",');
    const line = data.split('\n').findIndex(l => l.includes('"آخر"')) + 1;
    const { stderr, file } = expectFailure(data, 2);
    expect(stderr).toBe(`mowjaz: ${file}:${line}: /shortTitle: property "shortTitle" appears twice (only the last one would count)\n`);
  });

  it('a huge number, and __proto__ / constructor keys', () => {
    const huge = text(d => {
      d.title = 0;
    }).replace('"title": 0', '"title": 1e999');
    expect(expectFailure(huge, 2).stderr).toMatch(/brief\.json:2: \/title: must be a string, not a number/);
    const proto = text().replace('"issued": "2025-08-14"', '"issued": "2025-08-14", "__proto__": {"polluted": true}, "constructor": 1');
    const { stderr } = expectFailure(proto, 2);
    expect(stderr).toContain('/__proto__: unexpected property "__proto__"');
    expect(stderr).toContain('/constructor: unexpected property "constructor"');
  });

  it('a property name with a line break or a 100 KB name is shown on one line, shortened', () => {
    const { stderr } = expectFailure(
      text(d => {
        d['bad\nname\u202E'] = 1;
        d['k'.repeat(100_000)] = 1;
      }),
      2,
    );
    expect(stderr).toContain('/bad\\u000aname\\u202e: unexpected property "bad\\u000aname\\u202e"');
    expect(stderr).toMatch(/unexpected property "k{60}…\(100000 characters\)"/);
    expect(stderr.length).toBeLessThan(2000);
    expect(stderr.trimEnd().split('\n')).toHaveLength(2);
  });

  it('50,000 violations: listed up to 100, the rest counted', () => {
    const { stderr } = expectFailure(
      text(d => {
        d.blocks[4].items = Array.from({ length: 50_000 }, (_, i) => i);
      }),
      2,
    );
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toMatch(/brief\.json:\d+: \/blocks\/4\/items\/0: must be a string, not a number$/);
    expect(lines[100]).toMatch(/brief\.json: … and 49900 more problems$/);
  });
});

describe('characters no font can draw', () => {
  it('emoji, CJK and C0 controls stop the run with the JSON path and code point', () => {
    const { stderr, file } = expectFailure(
      text(d => {
        d.blocks[1].paragraphs = ['ملخص 😀'];
        d.blocks[3].groups = [{ name: 'جانب', members: [{ name: 'اسم', role: '外交部长' }] }];
        d.blocks[4].items = ['نقطة\u0007'];
      }),
      2,
    );
    expect(stderr).toContain(`${file}: /blocks/1/paragraphs/0: character U+1F600 at position 6 cannot be drawn by any font`);
    expect(stderr).toContain(`${file}: /blocks/3/groups/0/members/0/role: character U+5916 at position 1 cannot be drawn by any font`);
    expect(stderr).toContain(`${file}: /blocks/4/items/0: character U+0007 at position 5 cannot be drawn by any font`);
    expect(stderr).toContain('--missing-glyphs replace');
  });

  it('a character only the regular face has, in a value the template may set in bold (a heading)', () => {
    const { stderr, file } = expectFailure(
      text(d => {
        d.blocks[2].title = 'عنوان \u{1EE00}';
      }),
      2,
    );
    expect(stderr).toContain(`${file}: /blocks/2/title: character U+1EE00 at position 7 cannot be drawn by any font`);
  });

  it('a lone surrogate, DEL and a line separator are refused too; tab and newline are not', () => {
    const { stderr } = expectFailure(
      text(d => {
        d.blocks[1].paragraphs = ['a\ud800b'];
        d.blocks[2].paragraphs = ['x\u007f'];
        d.blocks[4].items = ['a\u2028b'];
      }),
      2,
    );
    expect(stderr).toContain('/blocks/1/paragraphs/0: character U+D800');
    expect(stderr).toContain('/blocks/2/paragraphs/0: character U+007F');
    expect(stderr).toContain('/blocks/4/items/0: character U+2028');
    expectSuccess(
      text(d => {
        d.blocks[1].paragraphs = ['سطر\tأول\nسطر ثان'];
      }),
    );
  });

  it('--missing-glyphs replace prints "?" and lists each one as a warning', async () => {
    const { stderr, pdf } = expectSuccess(
      text(d => {
        d.blocks[1].paragraphs = ['أ😀ب中ج'];
      }),
      ['--missing-glyphs', 'replace'],
    );
    const warnings = stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^mowjaz: warning: .*brief\.json: \/blocks\/1\/paragraphs\/0: character U\+1F600 at position 2 cannot be drawn by any font; replaced by "\?"$/,
    );
    expect(warnings[1]).toMatch(/\/blocks\/1\/paragraphs\/0: character U\+4E2D at position 4 .*replaced by "\?"$/);
    expect(reads((await pdfText(pdf)).flat(), 'أ?ب?ج')).toBe(true);
  });
});
