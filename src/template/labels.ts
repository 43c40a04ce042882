// Template helpers for the general brief model: the words a template does not write itself
// (headings and labels from the brief's "labels", else from the locale file of its language)
// and the values of facts and table cells, written in the document's digits.
// The words themselves are looked up in locale.ts.
import { InputError } from '../errors.js';
import { labelFor, type BriefRoot } from './locale.js';
import { digitsFor, expectArgs, formatDate, formatHijri, formatNumber, named, type HelperOptions } from './helpers.js';

function isDateValue(value: unknown): value is { date: string; hijri?: boolean } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { date?: unknown }).date === 'string';
}

/**
 * Template helpers:
 * - `{{term "summary"}}` → the brief's label of that name, else the locale's ("الملخص");
 *   `{{term "summary" title}}` → `title` when the block has one. (Not called "label": facts
 *   have a `label` property, and a helper's name would hide it.)
 * - `{{is type "facts"}}` → "true" when the two are the same, else "" (for `{{#if (is …)}}`).
 * - `{{any a b …}}` → "true" when one of its arguments is set (a list: not empty), else "".
 * - `{{fact value unit}}` → a fact's value: a text as it is, a number in the document's digits
 *   with separators, a list joined by the "separator" label, a date as a date (and its Hijri date);
 *   then the unit, if any, after a space (a percent or per-mille sign with none).
 * - `{{cell this}}` → a table cell's content (a text, a number, or a spanning cell's value);
 *   `{{span this}}` → the number of columns it spans.
 * - `{{widths columns}}` → the `columns` attribute of a table: each column's relative width,
 *   the average of the given ones where a column has none.
 */
/** Units written with no space before them: the percent and per-mille signs, Latin and Arabic. */
const TIGHT_UNIT = /^[%\u066a\u2030\u0609]$/u;

const rootOf = (options: HelperOptions): BriefRoot => (options.data?.root ?? {}) as BriefRoot;
/** The label of that name, the locale read through the run's file caches. */
const wordFor = (name: string, options: HelperOptions): string => labelFor(name, rootOf(options), options.data?.fileCaches);

export function labelHelpers(): Record<string, (...args: unknown[]) => string> {
  const text = (name: string, value: unknown, options: HelperOptions): string => {
    if (typeof value === 'number') return formatNumber(value, digitsFor(name, undefined, options));
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(String).join(wordFor('separator', options));
    if (isDateValue(value)) {
      const digits = digitsFor(name, undefined, options);
      const day = formatDate(value.date, digits);
      return value.hijri ? `${day} (${formatHijri(value.date, digits)})` : day;
    }
    throw new InputError(`expected a text, a number, a list or a date, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  };
  return {
    term: named('term', (params, options) => {
      expectArgs('term', params, 1, 2, "a label name and optionally the block's own title");
      const [name, own] = params;
      if (typeof own === 'string' && own !== '') return own;
      if (typeof name !== 'string') throw new InputError(`expected a label name, got ${JSON.stringify(name)}`);
      return wordFor(name, options);
    }),
    is: named('is', params => {
      expectArgs('is', params, 2, 2, 'a block type and the type to test for');
      return params[0] === params[1] ? 'true' : '';
    }),
    any: named('any', params => (params.some(p => (Array.isArray(p) ? p.length > 0 : Boolean(p))) ? 'true' : '')),
    fact: named('fact', (params, options) => {
      expectArgs('fact', params, 1, 2, 'a value and optionally its unit');
      const [value, unit] = params;
      const shown = text('fact', value, options);
      if (typeof unit !== 'string' || unit === '') return shown;
      // A percent or per-mille sign is written against its number ("71.5%"); a word unit after a space.
      return TIGHT_UNIT.test(unit) ? `${shown}${unit}` : `${shown} ${unit}`;
    }),
    cell: named('cell', (params, options) => {
      expectArgs('cell', params, 1, 1, 'a table cell');
      const [cell] = params;
      const value = typeof cell === 'object' && cell !== null && !Array.isArray(cell) ? (cell as { value?: unknown }).value : cell;
      if (typeof value !== 'string' && typeof value !== 'number') throw new InputError(`expected a text or a number, got ${JSON.stringify(value)}`);
      return text('cell', value, options);
    }),
    span: named('span', params => {
      expectArgs('span', params, 1, 1, 'a table cell');
      const [cell] = params;
      const colspan = typeof cell === 'object' && cell !== null ? (cell as { colspan?: unknown }).colspan : undefined;
      return String(typeof colspan === 'number' ? colspan : 1);
    }),
    widths: named('widths', params => {
      expectArgs('widths', params, 1, 1, 'the columns of a table');
      const [columns] = params;
      if (!Array.isArray(columns)) throw new InputError(`expected the list of columns, got ${JSON.stringify(columns)}`);
      const given = columns.map(c => (c as { width?: unknown }).width).filter((w): w is number => typeof w === 'number' && w > 0);
      const average = given.length ? given.reduce((a, b) => a + b, 0) / given.length : 1;
      return columns
        .map(c => {
          const w = (c as { width?: unknown }).width;
          return String(typeof w === 'number' && w > 0 ? w : average);
        })
        .join(' ');
    }),
  };
}
