// Loading a brief's data file: read it, parse it, validate it against data/brief.schema.json.
// Every failure is an InputError whose message names the file and the line, one line per problem.

import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { InputError, problemList } from '../errors.js';
import { cacheKey, sharedFileCaches, type FileCaches } from '../file-cache.js';
import { readInputText } from '../input-file.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { packageRoot } from '../package-root.js';
import type { Brief } from './brief.js';
import { describeError } from './messages.js';
import { pointerToken, positionAt, positions, scanJson } from './json-text.js';
import { isIsoDate } from './dates.js';
import { textProblem } from './text-rules.js';

/** Where the schema lives: the package's data folder, whatever the data file's "$schema" says. */
export function schemaPath(): string {
  return path.join(packageRoot(), 'data', 'brief.schema.json');
}

/** Where a data file is checked: the shipped schema, and a template folder's schema.json if given. */
export interface SchemaChoice {
  /** A template folder's schema.json: the brief must satisfy it as well as the shipped schema. */
  schema?: string;
  /** Where compiled schemas are kept (default: the process's, sharedFileCaches()). */
  caches?: FileCaches;
}

/** The id under which the shipped schema is known, so a fragment can $ref its definitions. */
const BASE_ID = 'brief.schema.json';
/** The shipped schema added to an Ajv instance, by the schema's path. */
const SCHEMA_SETS = cacheKey<Ajv>('brief schemas');
/** Validators of the shipped schema ("") and of it with a template folder's fragment (by the fragment's path). */
const VALIDATORS = cacheKey<ValidateFunction<Brief>>('brief validators');

/** The shipped schema, read and added once (again if it changed). */
function schemaSet(caches: FileCaches): Ajv {
  return caches.of(SCHEMA_SETS).fromFile(schemaPath(), newSchemaSet);
}

function newSchemaSet(file: string): Ajv {
  let schema: unknown;
  try {
    schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    // The schema ships with mowjaz: this is a broken installation, not bad input.
    throw new Error(`cannot load the brief schema ${file}: ${(e as Error).message}`);
  }
  // Strict about unknown keywords (a typo in a template folder's schema.json is an error), not about
  // a fragment's "required" naming properties the shipped schema defines, or leaving out "type".
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, verbose: true, discriminator: true, allowUnionTypes: true });
  ajv.addFormat('date', { type: 'string', validate: isIsoDate });
  ajv.addSchema(schema as object, BASE_ID);
  return ajv;
}

/** The validator of the shipped schema, or of it and a fragment; compiled once (again when the fragment changes). */
function briefValidator(caches: FileCaches, fragment?: string): ValidateFunction<Brief> {
  const key = fragment ? path.resolve(fragment) : '';
  return caches.of(VALIDATORS).get(key, stamp => {
    // The validator is made from the shipped schema too: an edited schema makes it again.
    stamp(schemaPath());
    const set = schemaSet(caches);
    if (!fragment) return set.getSchema<Brief>(BASE_ID)!;
    stamp(key);
    return fragmentValidator(set, key, fragment);
  });
}

/** The shipped schema with a template folder's fragment (read from `key`, named `fragment` in messages). */
function fragmentValidator(set: Ajv, key: string, fragment: string): ValidateFunction<Brief> {
  let extra: unknown;
  try {
    extra = JSON.parse(fs.readFileSync(key, 'utf8'));
  } catch (e) {
    throw new InputError(`cannot use the template schema ${fragment}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!extra || typeof extra !== 'object' || Array.isArray(extra)) throw new InputError(`${fragment}: a template schema must be a JSON Schema object`);
  const { $schema: _ignored, ...rules } = extra as Record<string, unknown>;
  try {
    return set.compile<Brief>({ allOf: [{ $ref: BASE_ID }, rules] });
  } catch (e) {
    throw new InputError(`${fragment}: not a valid JSON Schema (draft-07): ${(e as Error).message.split('\n')[0]}`);
  }
}

/** The text of a JSON file of at most `maxBytes` bytes; `what` names the kind of file in messages ("data file"). */
export function readJsonText(file: string, what: string, maxBytes = DEFAULT_LIMITS.inputBytes): string {
  return readInputText(file, { what, maxBytes });
}

/** Reads, parses and validates a data file of at most `maxBytes` bytes. */
export function loadBrief(file: string, choice: SchemaChoice = {}, maxBytes = DEFAULT_LIMITS.inputBytes): Brief {
  return parseBrief(readJsonText(file, 'data file', maxBytes), file, choice);
}

/** Parses and validates the text of a data file; `file` is the name used in messages. */
export function parseBrief(text: string, file: string, choice: SchemaChoice = {}): Brief {
  return parseValidJson(text, file, briefValidator(choice.caches ?? sharedFileCaches(), choice.schema));
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
      lineOf(v.atKey ? (loc?.key ?? loc?.value) : loc?.value, `${showPointer(v.pointer)}: ${v.words}`);
    }
  }
  for (const { path: pointer, value } of textValues(data as Brief)) {
    const words = value === '' ? undefined : textProblem(value);
    if (words) lineOf(locations.get(pointer)?.value, `${showPointer(pointer)}: ${words}`);
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
    .replace(
      /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
      c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
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
