// Schema violations in plain words, for analysts editing a data file.

import type { ErrorObject } from 'ajv';
import { pointerToken } from './json-text.js';
import { FIRST_YEAR, LAST_YEAR } from './dates.js';
import { MAX_SUGGESTED_KEY } from '../limits.js';

/** One violation: the JSON pointer it concerns, what is wrong, and where in the text to point. */
export interface Violation {
  pointer: string;
  words: string;
  /** Pointer of the value whose position to report: the value itself, or its parent object when a property is missing. */
  at: string;
  /** Report the property name's position rather than the value's. */
  atKey: boolean;
}

/** What a JSON value is, in words: "null", "a number", "an array"… */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value === '' ? 'an empty string' : 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

const FORMAT_WORDS: Record<string, string> = {
  date: `a calendar date written YYYY-MM-DD in the years ${FIRST_YEAR} to ${LAST_YEAR}, e.g. 2025-08-15`,
  // Theme files (themes/theme.schema.json).
  length: 'a length: a number of points (at most 2000), or a string such as "12pt" or "4.2mm"',
  'paper-length': 'a length of at least 100 mm, such as "148mm" or 420',
  'hex-colour': 'a colour written #rrggbb, e.g. "#0f3554"',
  colour: 'a colour written #rrggbb, or a palette entry (ink, accent, muted, rule, band, bandLight)',
  paper: '"a4", "letter" or "a5", or a custom size { "width": …, "height": … }',
};

function quote(value: unknown): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 59)}…"` : s;
}

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment), case-insensitive. */
function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function suggestion(name: string, allowed: string[]): string {
  const list = allowed.length ? ` (allowed here: ${allowed.join(', ')})` : '';
  if (name.length > MAX_SUGGESTED_KEY) return list; // no misspelling of a known name is this long
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3))) return ` (did you mean "${best}"?)`;
  return list;
}

/** Turns one ajv error (from a validator compiled with verbose: true) into plain words. */
export function describeError(error: ErrorObject): Violation {
  const here = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const value = error.data;
  const found = `, not ${describeValue(value)}`;
  const plain = (words: string): Violation => ({ pointer: here, words, at: here, atKey: false });

  switch (error.keyword) {
    case 'type': {
      const types = String(params.type)
        .split(',')
        .map(t => TYPE_WORDS[t] ?? t);
      return plain(`must be ${types.join(' or ')}${found}`);
    }
    case 'required': {
      const missing = String(params.missingProperty);
      return { pointer: `${here}/${pointerToken(missing)}`, words: 'is required', at: here, atKey: false };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
      const allowed = Object.keys(properties ?? {});
      return {
        pointer: `${here}/${pointerToken(extra)}`,
        words: `unexpected property "${extra}"${suggestion(extra, allowed)}`,
        at: `${here}/${pointerToken(extra)}`,
        atKey: true,
      };
    }
    case 'minLength':
      return plain(Number(params.limit) === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long`);
    case 'maxLength':
      return plain(`must be at most ${String(params.limit)} characters long`);
    case 'minItems':
      return plain(`must have at least ${String(params.limit)} item${Number(params.limit) === 1 ? '' : 's'}`);
    case 'maxItems':
      return plain(`must have at most ${String(params.limit)} item${Number(params.limit) === 1 ? '' : 's'}`);
    case 'format': {
      const format = String(params.format);
      return plain(`must be ${FORMAT_WORDS[format] ?? `in the format "${format}"`}, not ${quote(value)}`);
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(quote).join(', ');
      return plain(`must be one of ${allowed}, not ${quote(value)}`);
    }
    case 'const':
      return plain(`must be ${quote(params.allowedValue)}, not ${quote(value)}`);
    case 'discriminator': {
      // A block's "type" chooses the one schema it is checked against (ajv's discriminator).
      const tag = String(params.tag);
      const at = `${here}/${pointerToken(tag)}`;
      const tagValue = (value as Record<string, unknown> | null)?.[tag];
      if (params.error === 'mapping') {
        const branches = (error.parentSchema as { oneOf?: { properties?: Record<string, { const?: unknown }> }[] } | undefined)?.oneOf ?? [];
        const allowed = branches.map(b => b.properties?.[tag]?.const).filter((c): c is string => typeof c === 'string');
        return { pointer: at, words: `unknown ${tag} ${quote(tagValue)}${suggestion(String(tagValue), allowed)}`, at, atKey: false };
      }
      // No tag, or not a string: the same words as the "required" or "type" error on it, so the two make one line.
      return tagValue === undefined
        ? { pointer: at, words: 'is required', at: here, atKey: false }
        : { pointer: at, words: `must be a string, not ${describeValue(tagValue)}`, at, atKey: false };
    }
    case 'pattern':
      return plain(`must match the pattern ${String(params.pattern)}, not ${quote(value)}`);
    default:
      return plain(error.message ?? `fails the schema rule "${error.keyword}"`);
  }
}
