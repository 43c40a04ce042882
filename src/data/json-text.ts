// A small strict JSON scanner that works on the text of a data file, for error messages:
// it finds where a syntax error is (JSON.parse in Node 20 does not always say), and where
// each value and property name sits, by JSON pointer, so schema violations can name a line.
// It accepts exactly the grammar of RFC 8259, like JSON.parse, but refuses nesting deeper than
// MAX_DEPTH levels (so that no data file can exhaust the stack).

import { codePointLabel } from '../errors.js';

/** A 1-based line and column; columns count UTF-16 code units, as editors do. */
export interface Position {
  line: number;
  column: number;
}

/** Where a value sits in the text: the offset of its first character, and of its property name if it has one. */
export interface Location {
  value: number;
  key?: number;
}

export interface DuplicateKey {
  pointer: string;
  key: string;
  offset: number;
}

export type ScanResult = { ok: true; locations: Map<string, Location>; duplicates: DuplicateKey[] } | { ok: false; offset: number; message: string };

/** Escapes one JSON pointer reference token (RFC 6901). */
export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The line and column of a character offset; \r\n, \n and a lone \r each end a line. */
export function positionAt(text: string, offset: number): Position {
  return positions(text)(offset);
}

/**
 * positionAt for many offsets in one text: the line starts are found once, each lookup is a
 * binary search (a file with thousands of problems must not take quadratic time).
 */
export function positions(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return offset => {
    const end = Math.min(offset, text.length);
    let lo = 0,
      hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= end) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

/** Arrays and objects nested deeper than this are refused (the scanner recurses; no brief nests beyond a few levels). */
export const MAX_DEPTH = 256;

/** A character as a message shows it: quoted if visible, U+XXXX otherwise. */
export function showChar(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  if (cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0) || /\p{Cf}|\p{Zl}|\p{Zp}/u.test(c)) {
    return codePointLabel(cp);
  }
  return `"${c}"`;
}

class SyntaxProblem {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const NUMBER_LOOSE = /[-+0-9.eE]+/y;
const WORD = /[A-Za-z0-9_$]+/y;

/** Scans JSON text: either the first syntax error, or the location of every value by JSON pointer. */
export function scanJson(text: string): ScanResult {
  const locations = new Map<string, Location>();
  const duplicates: DuplicateKey[] = [];
  let i = 0;

  const skipWs = (): void => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };

  /** The token at i, for "unexpected …" messages. */
  const tokenAt = (at: number): string => {
    if (at >= text.length) return 'end of file';
    const c = text[at];
    if (c === '"') return 'string';
    if (/[-0-9]/.test(c)) return 'number';
    WORD.lastIndex = at;
    const w = WORD.exec(text);
    if (w) return `token "${w[0].length > 20 ? `${w[0].slice(0, 20)}…` : w[0]}"`;
    const ch = String.fromCodePoint(text.codePointAt(at) ?? 0);
    return `token ${showChar(ch)}`;
  };
  const unexpected = (expected: string): SyntaxProblem => new SyntaxProblem(i, `unexpected ${tokenAt(i)}${expected ? `, expected ${expected}` : ''}`);

  const scanString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= text.length) throw new SyntaxProblem(start, 'unterminated string (missing closing ")');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c === 0x0a || c === 0x0d) throw new SyntaxProblem(i, 'line break inside a string (write \\n, or close the string with ")');
      if (c < 0x20) throw new SyntaxProblem(i, `control character ${showChar(text[i])} inside a string`);
      if (c === 0x5c) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        if (e === undefined) throw new SyntaxProblem(start, 'unterminated string (missing closing ")');
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxProblem(i, 'invalid escape: \\u must be followed by four hex digits');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (ESCAPES.has(e)) {
          out += JSON.parse(`"\\${e}"`) as string;
          i += 2;
        } else {
          throw new SyntaxProblem(i, `invalid escape "\\${e}" in a string (write \\\\ for a backslash)`);
        }
        chunk = i;
        continue;
      }
      i++;
    }
  };

  /**
   * After a member of an object or array: true at a comma (another member follows), false at
   * `close` (the container ends), each consumed; anything else is an error, which says a comma is
   * missing when what stands there looks like the next member (`commaMissing`).
   */
  const another = (close: '}' | ']', commaMissing: boolean): boolean => {
    if (text[i] === ',' || text[i] === close) return text[i++] === ',';
    throw unexpected(`"," or "${close}"${commaMissing ? ' (a comma is missing)' : ''}`);
  };

  /** Past an opening bracket: true when the container is empty (its `close` consumed too). */
  const opensEmpty = (close: '}' | ']'): boolean => {
    i++;
    skipWs();
    if (text[i] !== close) return false;
    i++;
    return true;
  };

  const scanValue = (pointer: string, key?: number, depth = 0): void => {
    skipWs();
    if (i >= text.length) throw unexpected('a value');
    locations.set(pointer, key === undefined ? { value: i } : { value: i, key });
    const c = text[i];
    if ((c === '{' || c === '[') && depth >= MAX_DEPTH) {
      throw new SyntaxProblem(i, `arrays and objects are nested more than ${MAX_DEPTH} levels deep`);
    }
    if (c === '{') {
      if (opensEmpty('}')) return;
      const seen = new Set<string>();
      for (;;) {
        skipWs();
        if (text[i] !== '"') {
          throw text[i] === '}'
            ? new SyntaxProblem(i, 'unexpected token "}" after "," (remove the trailing comma)')
            : unexpected('a property name in double quotes');
        }
        const keyAt = i;
        const name = scanString();
        const child = `${pointer}/${pointerToken(name)}`;
        if (seen.has(name)) duplicates.push({ pointer: child, key: name, offset: keyAt });
        seen.add(name);
        skipWs();
        if (text[i] !== ':') throw unexpected('":" after the property name');
        i++;
        scanValue(child, keyAt, depth + 1);
        skipWs();
        if (!another('}', text[i] === '"')) return;
      }
    }
    if (c === '[') {
      if (opensEmpty(']')) return;
      for (let n = 0; ; n++) {
        skipWs();
        if (text[i] === ']') throw new SyntaxProblem(i, 'unexpected token "]" after "," (remove the trailing comma)');
        scanValue(`${pointer}/${n}`, undefined, depth + 1);
        skipWs();
        if (!another(']', i < text.length && text[i] !== '}')) return;
      }
    }
    if (c === '"') {
      scanString();
      return;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER_LOOSE.lastIndex = i;
      const loose = NUMBER_LOOSE.exec(text)![0];
      NUMBER.lastIndex = i;
      const strict = NUMBER.exec(text)?.[0];
      if (strict !== loose) throw new SyntaxProblem(i, `invalid number "${loose}"`);
      i += strict.length;
      return;
    }
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        WORD.lastIndex = i;
        if (WORD.exec(text)![0] === lit) {
          i += lit.length;
          return;
        }
      }
    }
    throw unexpected('a value');
  };

  try {
    skipWs();
    if (i >= text.length) return { ok: false, offset: i, message: 'unexpected end of file (the file is empty)' };
    scanValue('');
    skipWs();
    if (i < text.length) throw new SyntaxProblem(i, `unexpected ${tokenAt(i)} after the end of the data`);
  } catch (e) {
    if (e instanceof SyntaxProblem) return { ok: false, offset: e.offset, message: e.message };
    throw e;
  }
  return { ok: true, locations, duplicates };
}
