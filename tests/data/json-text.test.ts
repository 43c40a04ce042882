// The JSON scanner behind line numbers: it must accept exactly what JSON.parse accepts, and
// place every value where it is in the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointerToken, positionAt, scanJson, showChar } from '../../src/data/json-text.js';

/** The value at a JSON pointer. */
function resolve(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  return pointer
    .slice(1)
    .split('/')
    .map(t => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], value);
}

function countNodes(value: unknown): number {
  if (Array.isArray(value)) return 1 + value.reduce((n: number, v) => n + countNodes(v), 0);
  if (value !== null && typeof value === 'object') return 1 + Object.values(value).reduce((n: number, v) => n + countNodes(v), 0);
  return 1;
}

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('positionAt', () => {
  it('counts lines and columns from 1, with \\n, \\r\\n and a lone \\r ending lines', () => {
    const text = 'ab\ncd\r\nef\rgh';
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(text, 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt(text, 7)).toEqual({ line: 3, column: 1 });
    expect(positionAt(text, 10)).toEqual({ line: 4, column: 1 });
    expect(positionAt(text, text.length)).toEqual({ line: 4, column: 3 });
  });
});

describe('scanJson', () => {
  it('locates every value and property name of any JSON document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const parsed: unknown = JSON.parse(text);
        const scan = scanJson(text);
        if (!scan.ok) throw new Error(`rejected valid JSON: ${scan.message}`);
        expect(scan.locations.size).toBe(countNodes(parsed));
        expect(scan.duplicates).toEqual([]);
        for (const [pointer, at] of scan.locations) {
          const v = resolve(parsed, pointer);
          const head = Array.isArray(v) ? '[' : v !== null && typeof v === 'object' ? '{' : JSON.stringify(v);
          expect(text.startsWith(head, at.value)).toBe(true);
          if (at.key !== undefined) {
            const key = pointer
              .slice(pointer.lastIndexOf('/') + 1)
              .replace(/~1/g, '/')
              .replace(/~0/g, '~');
            expect(text.startsWith(JSON.stringify(key), at.key)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly what JSON.parse accepts', () => {
    const significant = fc.constantFrom(...'{}[]:,"\\ \n\t-+.0123456789eEtrufalsn/x\u0001\u00e9');
    const mutated = fc
      .tuple(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.tuple(fc.nat(), fc.nat(2), significant), { minLength: 1, maxLength: 3 }))
      .map(([value, edits]) => {
        let text = JSON.stringify(value, null, 1);
        for (const [at, kind, ch] of edits) {
          const i = text.length ? at % (text.length + 1) : 0;
          text =
            kind === 0 ? text.slice(0, i) + text.slice(i + 1) : kind === 1 ? text.slice(0, i) + ch + text.slice(i) : text.slice(0, i) + ch + text.slice(i + 1);
        }
        return text;
      });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ maxLength: 12 })), text => {
        expect(scanJson(text).ok).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('handles the edge cases of the grammar like JSON.parse', () => {
    for (const text of [
      '0',
      '-0',
      '1e5',
      '1E+5',
      '-1.5e-3',
      '"\\u00e9"',
      '"\\/"',
      ' [ ] ',
      '{"":1}',
      'null',
      'true',
      '01',
      '1.',
      '.5',
      '-',
      '+1',
      '1e',
      '"\\x"',
      '"\\u12"',
      "'a'",
      'nul',
      'truex',
      '[1,]',
      '{"a":1,}',
      '"\t"',
      '\u00a01',
      '1 2',
    ]) {
      expect(scanJson(text).ok, text).toBe(parses(text));
    }
  });

  it('reports duplicate property names with their path and position', () => {
    const scan = scanJson('{"a": {"b": 1,\n "b": 2}}');
    expect(scan.ok && scan.duplicates).toEqual([{ pointer: '/a/b', key: 'b', offset: 16 }]);
  });

  it('escapes pointer tokens and shows invisible characters by code point', () => {
    expect(pointerToken('a/b~c')).toBe('a~1b~0c');
    expect(showChar('}')).toBe('"}"');
    expect(showChar('\u00a0')).toBe('U+00A0');
    expect(showChar('\u200f')).toBe('U+200F');
  });
});
