// Malformed data files: every failure is an InputError (exit code 2) whose message names the file,
// the line (and column for syntax errors), the JSON path and what was expected. Line and column
// numbers below were counted by hand in the fixture texts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadBrief, parseBrief } from '../../src/data/load.js';
import { describeError } from '../../src/data/messages.js';

const FIXTURES = 'tests/data/fixtures';
const FILE = 'data/x.json';

const lines = (name: string): string[] => fs.readFileSync(path.join(FIXTURES, name), 'utf8').trimEnd().split('\n');
/** The minimal valid brief (fixtures/minimal.json), as lines: line n is MINIMAL[n - 1]. */
const MINIMAL = lines('minimal.json');
/** A JSON text the syntax tests break line by line (they fail before validation, so its shape does not matter). */
const SYNTAX = lines('syntax-base.json');

/** `base` with some lines replaced (1-based line numbers); '' blanks a line without moving the others. */
const editLines = (base: string[], changes: Record<number, string>): string => base.map((line, i) => changes[i + 1] ?? line).join('\n');
const edit = (changes: Record<number, string>): string => editLines(MINIMAL, changes);
const editSyntax = (changes: Record<number, string>): string => editLines(SYNTAX, changes);

/** Runs `fn`, which must throw an InputError with exit code 2, and returns its message. */
function failure(fn: () => unknown): string {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(InputError);
  const error = caught as InputError;
  expect(error.exitCode).toBe(2);
  expect(error.message).not.toMatch(/\n\s+at |Error:/); // no stack trace, no error class names
  return error.message;
}

const parseFailure = (text: string): string => failure(() => parseBrief(text, FILE));

/** Each line of a schema failure is "file:LINE: /json/pointer: words". */
function expectViolationLines(message: string): void {
  for (const line of message.split('\n')) expect(line).toMatch(/^data\/x\.json:\d+: (?:\/\S*|\(top level\)): \S/);
}

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-data-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('valid input', () => {
  it('accepts the minimal brief, without "$schema": only the required fields', () => {
    const brief = loadBrief(path.join(FIXTURES, 'minimal.json'));
    expect(brief.blocks.map(b => b.type)).toEqual(['facts', 'summary', 'section', 'roster', 'key-points']);
    expect(brief.blocks[4]).toEqual({ type: 'key-points', items: ['نقطة أولى', 'نقطة ثانية'] });
    expect('$schema' in brief).toBe(false);
  });

  it('accepts a byte order mark and CRLF line ends', () => {
    expect(parseBrief(`\uFEFF${MINIMAL.join('\r\n')}`, FILE).title).toBe('قمة ألاسكا');
  });

  it('validates against the shipped schema whatever "$schema" says', () => {
    const message = parseFailure(edit({ 1: '{ "$schema": "./somewhere-else.json",', 3: '  "shortTitle": "",' }));
    expect(message).toBe('data/x.json:3: /shortTitle: must not be empty');
  });
});

describe('unreadable files', () => {
  it('names a missing file as given', () => {
    const file = path.join(FIXTURES, 'does-not-exist.json');
    expect(failure(() => loadBrief(file))).toBe('cannot read data file tests/data/fixtures/does-not-exist.json: no such file');
  });

  it('names a folder given as the data file', () => {
    expect(failure(() => loadBrief(FIXTURES))).toBe('cannot read data file tests/data/fixtures: it is a folder, not a file');
  });

  it('refuses UTF-16 and invalid UTF-8, with the line of the first bad byte', () => {
    const utf16 = path.join(temp, 'utf16.json');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SYNTAX.join('\n'), 'utf16le')]));
    expect(failure(() => loadBrief(utf16))).toBe(`${utf16}: the file is encoded as UTF-16; save it as UTF-8`);

    const latin1 = path.join(temp, 'latin1.json');
    // line 3 is `  "shortTitle": "Caf\xE9",`: the lone byte 0xE9 is the 21st character of the line
    fs.writeFileSync(
      latin1,
      Buffer.concat([
        Buffer.from(`${SYNTAX.slice(0, 2).join('\n')}\n  "shortTitle": "Caf`),
        Buffer.from([0xe9]),
        Buffer.from(`",\n${SYNTAX.slice(3).join('\n')}`),
      ]),
    );
    expect(failure(() => loadBrief(latin1))).toBe(`${latin1}:3:21: the file is not valid UTF-8 text; save it as UTF-8`);
  });
});

describe('invalid JSON: file, line and column', () => {
  it('a missing value: `    "date": ,` on line 7, the comma in column 13', () => {
    expect(parseFailure(editSyntax({ 7: '    "date": ,' }))).toBe('data/x.json:7:13: invalid JSON: unexpected token ",", expected a value');
  });

  it('the same error found through loadBrief names the file path as given', () => {
    const file = path.join(temp, 'broken.json');
    fs.writeFileSync(file, editSyntax({ 7: '    "date": }' }));
    expect(failure(() => loadBrief(file))).toBe(`${file}:7:13: invalid JSON: unexpected token "}", expected a value`);
  });

  it('a file cut short (JSON.parse: "Unexpected end of JSON input"): after `    "goals": [` on line 9, column 15', () => {
    const text = [...SYNTAX.slice(0, 8), '    "goals": ['].join('\n');
    expect(() => JSON.parse(text)).toThrow(/Unexpected end of JSON input/);
    expect(parseFailure(text)).toBe('data/x.json:9:15: invalid JSON: unexpected end of file, expected a value');
  });

  it('a file cut short after the last property value: end of line 9, column 30', () => {
    const text = SYNTAX.slice(0, 9).join('\n'); // `    "goals": ["خفض العقوبات"]` is 29 characters long
    expect(parseFailure(text)).toBe('data/x.json:9:30: invalid JSON: unexpected end of file, expected "," or "}"');
  });

  it('an unterminated string: where it starts, line 11, column 14', () => {
    expect(parseFailure([...SYNTAX.slice(0, 10), '  "summary": "ملخص'].join('\n'))).toBe(
      'data/x.json:11:14: invalid JSON: unterminated string (missing closing ")',
    );
  });

  it('an empty file', () => {
    expect(parseFailure('')).toBe('data/x.json:1:1: invalid JSON: unexpected end of file (the file is empty)');
  });

  it('a trailing comma: after line 15, the "}" on line 16', () => {
    expect(parseFailure(editSyntax({ 15: '  "source": "المقال",' }))).toBe(
      'data/x.json:16:1: invalid JSON: unexpected token "}" after "," (remove the trailing comma)',
    );
  });

  it('a missing comma at the end of line 11: the next property name on line 12, column 3', () => {
    expect(parseFailure(editSyntax({ 11: '  "summary": "ملخص"' }))).toBe(
      'data/x.json:12:3: invalid JSON: unexpected string, expected "," or "}" (a comma is missing)',
    );
  });

  it('a line break inside a string: line 11, column 19', () => {
    const message = parseFailure(editSyntax({ 11: '  "summary": "ملخص\nتتمة",' }));
    expect(message).toBe('data/x.json:11:19: invalid JSON: line break inside a string (write \\n, or close the string with ")');
  });

  it('a bare word and a single-quoted string', () => {
    expect(parseFailure(editSyntax({ 5: '  "issued": tomorrow,' }))).toBe('data/x.json:5:13: invalid JSON: unexpected token "tomorrow", expected a value');
    expect(parseFailure(editSyntax({ 3: '  \'shortTitle\': "قمة",' }))).toBe(
      'data/x.json:3:3: invalid JSON: unexpected token "\'", expected a property name in double quotes',
    );
  });

  it('line numbers count CRLF line ends once', () => {
    expect(parseFailure(editSyntax({ 7: '    "date": ,' }).replace(/\n/g, '\r\n'))).toMatch(/^data\/x\.json:7:13: /);
  });
});

describe('schema violations: file, line, JSON path, what was expected', () => {
  it('a wrong type deep in an array: /blocks/0/groups/0/members/3/role (fixture file, line 18)', () => {
    const file = path.join(FIXTURES, 'role-not-string.json');
    expect(failure(() => loadBrief(file))).toBe(`${file}:18: /blocks/0/groups/0/members/3/role: must be a string, not an array`);
  });

  it('a number where a string is needed', () => {
    const text = fs.readFileSync('data/summit.json', 'utf8');
    const line = text.slice(0, text.indexOf('"role": "وزير المالية"')).split('\n').length;
    const at = (JSON.parse(text) as { blocks: { type: string }[] }).blocks.findIndex(b => b.type === 'roster');
    expect(parseFailure(text.replace('"role": "وزير المالية"', '"role": 42'))).toBe(
      `data/x.json:${line}: /blocks/${at}/groups/0/members/3/role: must be a string, not a number`,
    );
  });

  it('a missing required property: its path, at the line of the object that lacks it', () => {
    expect(parseFailure(edit({ 9: '      { "value": "ألاسكا" }' }))).toBe('data/x.json:9: /blocks/0/items/1/label: is required');
  });

  it('an unexpected property, with the allowed names', () => {
    const message = parseFailure(edit({ 9: '      { "label": "المكان", "venue": "ألاسكا" }' }));
    expect(message).toBe(
      [
        'data/x.json:9: /blocks/0/items/1/value: is required',
        'data/x.json:9: /blocks/0/items/1/venue: unexpected property "venue" (allowed here: label, value, unit)',
      ].join('\n'),
    );
  });

  it('a misspelt property, with a suggestion', () => {
    const message = parseFailure(edit({ 3: '  "shortTitel": "قمة",' }));
    expect(message).toBe('data/x.json:3: /shortTitel: unexpected property "shortTitel" (did you mean "shortTitle"?)');
  });

  it('an empty string where text is needed', () => {
    expect(parseFailure(edit({ 14: '    { "type": "key-points", "items": ["نقطة أولى", ""] }' }))).toBe('data/x.json:14: /blocks/4/items/1: must not be empty');
  });

  it('null where an object is needed', () => {
    expect(parseFailure(edit({ 4: '  "issuer": null,' }))).toBe('data/x.json:4: /issuer: must be an object, not null');
  });

  it('a date that is not YYYY-MM-DD, or not in the calendar: says what is allowed', () => {
    expect(parseFailure(edit({ 5: '  "issued": "14/08/2025",' }))).toBe(
      'data/x.json:5: /issued: must be a calendar date written YYYY-MM-DD in the years 1900 to 2200, e.g. 2025-08-15, not "14/08/2025"',
    );
    expect(parseFailure(edit({ 8: '      { "label": "التاريخ", "value": { "date": "2025-02-29" } },' }))).toBe(
      'data/x.json:8: /blocks/0/items/0/value/date: must be a calendar date written YYYY-MM-DD in the years 1900 to 2200, e.g. 2025-08-15, not "2025-02-29"',
    );
    const leap = parseBrief(edit({ 8: '      { "label": "التاريخ", "value": { "date": "2024-02-29" } },' }), FILE).blocks[0];
    expect(leap.type === 'facts' && leap.items[0].value).toEqual({ date: '2024-02-29' });
  });

  it('something other than an object at the top', () => {
    expect(parseFailure('[\n]')).toBe('data/x.json:1: (top level): must be an object, not an array');
  });

  it('a property given twice', () => {
    expect(parseFailure(edit({ 11: '    { "type": "summary", "paragraphs": ["ملخص"], "paragraphs": ["آخر"] },' }))).toBe(
      'data/x.json:11: /blocks/1/paragraphs: property "paragraphs" appears twice (only the last one would count)',
    );
  });

  it('several violations at once: all of them, in the order of the file', () => {
    const text = edit({
      2: '  "title": 5,',
      5: '  "issued": "15 أغسطس",',
      9: '      { "label": "المكان", "value": ["ألاسكا", 7], "agenda": [] }',
      13: '    { "type": "roster", "groups": [{ "name": "الجانب الروسي", "members": [{ "role": "وزير" }] }] },',
      14: '    { "type": "key-points", "items": "نقطة" }',
    });
    const message = parseFailure(text);
    expectViolationLines(message);
    expect(message.split('\n')).toEqual([
      'data/x.json:2: /title: must be a string, not a number',
      'data/x.json:5: /issued: must be a calendar date written YYYY-MM-DD in the years 1900 to 2200, e.g. 2025-08-15, not "15 أغسطس"',
      'data/x.json:9: /blocks/0/items/1/value/1: must be a string, not a number',
      'data/x.json:9: /blocks/0/items/1/agenda: unexpected property "agenda" (allowed here: label, value, unit)',
      'data/x.json:13: /blocks/3/groups/0/members/0/name: is required',
      'data/x.json:14: /blocks/4/items: must be an array, not a string',
    ]);
  });

  it('an object missing everything lists every required property', () => {
    const message = parseFailure('{}');
    expectViolationLines(message);
    expect(message.split('\n').map(l => l.replace(/^data\/x\.json:1: /, ''))).toEqual(['title', 'blocks'].map(p => `/${p}: is required`));
  });
});

describe('describeError', () => {
  const error = (e: Partial<ErrorObject>): ErrorObject => ({ instancePath: '/x', schemaPath: '#/x', params: {}, ...e }) as ErrorObject;

  it('lists the allowed values of an enum', () => {
    expect(describeError(error({ keyword: 'enum', params: { allowedValues: ['latn', 'arab'] }, data: 'roman' })).words).toBe(
      'must be one of "latn", "arab", not "roman"',
    );
  });

  it('escapes "/" and "~" in property names of the path', () => {
    const v = describeError(error({ keyword: 'required', instancePath: '/a', params: { missingProperty: 'b/c~d' } }));
    expect(v).toMatchObject({ pointer: '/a/b~1c~0d', at: '/a' });
  });
});
