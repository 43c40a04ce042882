// Loading a brief's data file: read it, parse it, validate it against data/brief.schema.json.
// Every failure is an InputError whose message names the file and the line, one line per problem.

import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { InputError, problemList } from '../errors.js';
import { packageRoot } from '../fonts/files.js';
import type { Brief } from './brief.js';
import { describeError } from './messages.js';
import { pointerToken, positionAt, positions, scanJson } from './json-text.js';

/** Where the schema lives: the package's data folder, whatever the data file's "$schema" says. */
export function schemaPath(): string {
  return path.join(packageRoot(), 'data', 'brief.schema.json');
}

/** A calendar date written YYYY-MM-DD that exists (no 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

let validator: ValidateFunction<Brief> | undefined;

/** The schema's validator, compiled once per process. */
function briefValidator(): ValidateFunction<Brief> {
  if (validator) return validator;
  const file = schemaPath();
  let schema: unknown;
  try {
    schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    // The schema ships with mowjaz: this is a broken installation, not bad input.
    throw new Error(`cannot load the brief schema ${file}: ${(e as Error).message}`);
  }
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
  ajv.addFormat('date', { type: 'string', validate: isIsoDate });
  validator = ajv.compile<Brief>(schema as object);
  return validator;
}

function readReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a folder, not a file';
    default: return code ?? (e as Error).message;
  }
}

/** Reads, parses and validates a data file. */
export function loadBrief(file: string): Brief {
  return parseBrief(readJsonText(file, 'data file'), file);
}

/** The text of a JSON file; `what` names the kind of file in messages ("data file"). */
export function readJsonText(file: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new InputError(`cannot read ${what} ${file}: ${readReason(e)}`);
  }
  return decodeUtf8(bytes, file);
}

/** The text of a data file, which must be UTF-8 (a byte order mark is allowed). */
function decodeUtf8(bytes: Buffer, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`${file}: the file is encoded as UTF-16; save it as UTF-8`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // JSON text never holds a NUL byte: this is UTF-16 without a byte order mark, or not text at all.
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
    const { line, column } = positionAt(before, before.length);
    throw new InputError(`${file}:${line}:${column}: the file holds a NUL byte, so it is not UTF-8 text (UTF-16, or a binary file?); save it as UTF-8`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const { line, column } = positionAt(text, Math.max(0, text.indexOf('\uFFFD')));
    throw new InputError(`${file}:${line}:${column}: the file is not valid UTF-8 text; save it as UTF-8`);
  }
}

/** Parses and validates the text of a data file; `file` is the name used in messages. */
export function parseBrief(text: string, file: string): Brief {
  return parseValidJson(text, file, briefValidator());
}

/** Parses JSON text and validates it with `validate` (compiled with verbose: true), each problem one line with its line and JSON path. */
export function parseValidJson<T>(text: string, file: string, validate: ValidateFunction<T>): T {
  if (typeof text !== 'string') throw new InputError(`${file}: no data (expected the text of a JSON file)`);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // byte order mark
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(syntaxMessage(text, file, e));
  }
  const scan = scanJson(text);
  const position = positions(text);
  // JSON.parse accepted the text, so the scanner (same grammar) does too, unless it is nested too deeply.
  if (!scan.ok) {
    const { line, column } = position(scan.offset);
    throw new InputError(`${file}:${line}:${column}: ${scan.message}`);
  }
  const locations = scan.locations;
  const problems: { offset: number; line: string }[] = [];
  const lineOf = (offset: number | undefined, words: string): void => {
    const where = offset === undefined ? file : `${file}:${position(offset).line}`;
    problems.push({ offset: offset ?? Infinity, line: `${where}: ${visible(words)}` });
  };

  for (const d of scan.duplicates) {
    lineOf(d.offset, `${showPointer(d.pointer)}: property "${d.key}" appears twice (only the last one would count)`);
  }
  if (!validate(data)) {
    for (const error of validate.errors ?? []) {
      const v = describeError(error as ErrorObject);
      const loc = locations.get(v.at);
      lineOf(v.atKey ? loc?.key ?? loc?.value : loc?.value, `${showPointer(v.pointer)}: ${v.words}`);
    }
  }
  if (problems.length) {
    problems.sort((a, b) => a.offset - b.offset); // document order; the sort is stable
    const lines = [...new Set(problems.map(p => p.line))];
    throw new InputError(problemList(lines, file, 'problems'));
  }
  return data as T;
}

function showPointer(pointer: string): string {
  return pointer === '' ? '(top level)' : pointer;
}

/**
 * Message text with the characters that would break a one-line-per-problem message or reorder a
 * terminal line (line breaks, control and bidi characters, from property names in the data)
 * written as \uXXXX, and overlong names shortened.
 */
function visible(words: string): string {
  return words
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[^\s"/]{200,}/g, long => `${long.slice(0, 60)}…(${long.length} characters)`);
}

/** "data/x.json:12:5: invalid JSON: …", from the scanner, or from JSON.parse's "at position N" if they disagree. */
function syntaxMessage(text: string, file: string, e: unknown): string {
  const scan = scanJson(text);
  if (!scan.ok) {
    const { line, column } = positionAt(text, scan.offset);
    return `${file}:${line}:${column}: invalid JSON: ${scan.message}`;
  }
  const message = (e as Error).message;
  const at = /at position (\d+)/.exec(message);
  if (at) {
    const { line, column } = positionAt(text, Number(at[1]));
    return `${file}:${line}:${column}: invalid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '')}`;
  }
  return `${file}: invalid JSON: ${message.split('\n')[0]}`;
}

/** Every string in the data with its JSON pointer, in document order ("$schema" left out: it is never shown). */
export function textValues(brief: Brief): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  const walk = (value: unknown, pointer: string): void => {
    if (typeof value === 'string') out.push({ path: pointer, value });
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${pointer}/${i}`));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (pointer === '' && key === '$schema') continue;
        walk(item, `${pointer}/${pointerToken(key)}`);
      }
    }
  };
  walk(brief, '');
  return out;
}
