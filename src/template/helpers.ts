// Formatting helpers for templates: plain functions, and a `helpers` record ready for
// Handlebars.registerHelper. Helpers return plain strings (Handlebars escapes them), never SafeString.
// The document's digit choice comes from the hidden root property `__digits` ('latn' unless set).

import type { FileCaches } from '../file-cache.js';
import { InputError } from '../errors.js';
import { formatNumber, isDigits, toDigits, type Digits } from '../digits.js';

export { formatNumber, toDigits, type Digits } from '../digits.js';

/** The calendar date of "YYYY-MM-DD", as a Date at noon UTC (formatted in UTC, so no time zone can shift the day). */
function calendarDate(iso: string): Date {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso);
  const date = new Date(0);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    date.setUTCFullYear(year, month - 1, day); // setUTCFullYear, unlike Date.UTC, keeps years below 100
    date.setUTCHours(12);
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return date;
  }
  throw new InputError(`not a calendar date written YYYY-MM-DD: ${JSON.stringify(iso)}`);
}

const gregorian = new Intl.DateTimeFormat('ar-EG-u-ca-gregory-nu-latn', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const hijri = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Day, month name and year from Intl; put together here, so no direction marks or reordering of the locale's pattern slip in. */
function parts(format: Intl.DateTimeFormat, date: Date): { day: string; month: string; year: string } {
  const get = (type: Intl.DateTimeFormatPartTypes): string => format.formatToParts(date).find(p => p.type === type)?.value ?? '';
  return { day: get('day'), month: get('month'), year: get('year') };
}

/** "2025-08-15" → "15 أغسطس 2025" ('latn') or "١٥ أغسطس ٢٠٢٥" ('arab'), with the month names of Egypt and the Arab East. */
export function formatDate(iso: string, digits: Digits): string {
  const { day, month, year } = parts(gregorian, calendarDate(iso));
  return toDigits(`${day} ${month} ${year}`, digits);
}

/** "2025-08-15" → "21 صفر 1447 هـ": the Hijri date in the Umm al-Qura calendar. */
export function formatHijri(iso: string, digits: Digits): string {
  const { day, month, year } = parts(hijri, calendarDate(iso));
  return toDigits(`${day} ${month} ${year} هـ`, digits);
}

// ---- Handlebars helpers ---------------------------------------------------------------------

/** The part of Handlebars' options object the helpers read. */
export interface HelperOptions {
  /** `fileCaches`: where the template run keeps what it reads from files (the locales). */
  data?: { root?: { __digits?: unknown }; fileCaches?: FileCaches };
}

function isOptions(value: unknown): value is HelperOptions {
  return typeof value === 'object' && value !== null && 'hash' in value && 'name' in value;
}

/** Splits a helper call into its arguments and the options object Handlebars passes last. */
function call(_name: string, args: unknown[]): { params: unknown[]; options: HelperOptions } {
  const last = args[args.length - 1];
  return isOptions(last) ? { params: args.slice(0, -1), options: last } : { params: args, options: {} };
}

/** The digits to use: an explicit 'latn'/'arab' argument, else the document's `__digits`, else 'latn'. */
export function digitsFor(name: string, explicit: unknown, options: HelperOptions): Digits {
  const choice = explicit ?? options.data?.root?.__digits ?? 'latn';
  if (isDigits(choice)) return choice;
  throw new InputError(`${name}: digits must be "latn", "arab" or "arabext", not ${JSON.stringify(choice)}`);
}

export function expectArgs(name: string, params: unknown[], min: number, max: number, usage: string): void {
  if (params.length < min || params.length > max)
    throw new InputError(`${name}: expected ${usage}, got ${params.length} argument${params.length === 1 ? '' : 's'}`);
}

function isoArg(name: string, value: unknown): string {
  if (typeof value !== 'string')
    throw new InputError(`${name}: expected a date written YYYY-MM-DD, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  return value;
}

function numberArg(name: string, value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(toDigits(value.trim(), 'latn')) : NaN;
  if (!Number.isFinite(n)) throw new InputError(`${name}: expected a number, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  return n;
}

/** Wraps a helper so its errors name it. */
export function named(name: string, fn: (params: unknown[], options: HelperOptions) => string): (...args: unknown[]) => string {
  return (...args: unknown[]) => {
    const { params, options } = call(name, args);
    try {
      return fn(params, options);
    } catch (e) {
      if (e instanceof InputError && !e.message.startsWith(`${name}:`)) throw new InputError(`${name}: ${e.message}`);
      throw e;
    }
  };
}

/**
 * Template helpers, for Handlebars.registerHelper. Each takes an optional last argument "latn" or
 * "arab" to override the document's digits where that makes sense.
 * - `{{date summit.date}}` → "15 أغسطس 2025"
 * - `{{hijri summit.date}}` → "21 صفر 1447 هـ"
 * - `{{digits reference}}` → the text with its digits in the document's digits
 * - `{{number 1234.5}}` → "1,234.5" / "١٬٢٣٤٫٥"
 * - `{{inc @index}}` → the index plus one, for numbering, in the document's digits
 * - `{{join keywords "، "}}` → the items joined by the separator (default "، ")
 */
export const formattingHelpers: Record<string, (...args: unknown[]) => string> = {
  date: named('date', (params, options) => {
    expectArgs('date', params, 1, 2, 'a date and optionally "latn" or "arab"');
    return formatDate(isoArg('date', params[0]), digitsFor('date', params[1], options));
  }),
  hijri: named('hijri', (params, options) => {
    expectArgs('hijri', params, 1, 2, 'a date and optionally "latn" or "arab"');
    return formatHijri(isoArg('hijri', params[0]), digitsFor('hijri', params[1], options));
  }),
  digits: named('digits', (params, options) => {
    expectArgs('digits', params, 1, 2, 'a text and optionally "latn" or "arab"');
    const value = params[0];
    if (value === undefined || value === null) return '';
    return toDigits(String(value), digitsFor('digits', params[1], options));
  }),
  number: named('number', (params, options) => {
    expectArgs('number', params, 1, 2, 'a number and optionally "latn" or "arab"');
    return formatNumber(numberArg('number', params[0]), digitsFor('number', params[1], options));
  }),
  inc: named('inc', (params, options) => {
    expectArgs('inc', params, 1, 2, 'an index (e.g. @index) and optionally "latn" or "arab"');
    const n = numberArg('inc', params[0]);
    return toDigits(String(n + 1), digitsFor('inc', params[1], options));
  }),
  join: named('join', params => {
    expectArgs('join', params, 1, 2, 'a list and optionally a separator');
    const [list, separator = '، '] = params;
    if (list === undefined || list === null) return '';
    if (!Array.isArray(list)) throw new InputError(`join: expected a list, got ${JSON.stringify(list)}`);
    if (typeof separator !== 'string') throw new InputError(`join: the separator must be a string, got ${JSON.stringify(separator)}`);
    return list.map(item => (item === undefined || item === null ? '' : String(item))).join(separator);
  }),
};
