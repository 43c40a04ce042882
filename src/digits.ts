// Which digits a document writes, and every conversion that choice implies: template helpers,
// the Arabic text of the markup and the numbers layout writes (pages, list labels) all go
// through here, so 'arab' means the same thing at every stage.
import { InputError } from './errors.js';

/** latn: 0–9; arab: Arabic-Indic ٠–٩; arabext: Extended Arabic-Indic ۰–۹ (Persian, Urdu). */
export type Digits = 'latn' | 'arab' | 'arabext';

export const DIGIT_CHOICES: readonly Digits[] = ['latn', 'arab', 'arabext'];

export const isDigits = (value: unknown): value is Digits => DIGIT_CHOICES.includes(value as Digits);

const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ZERO = 0x06f0;

/**
 * Converts ASCII digits to Arabic-Indic ones (U+0660–U+0669) for 'arab', to Extended Arabic-Indic
 * ones (U+06F0–U+06F9) for 'arabext', or Arabic-Indic ones back to ASCII for 'latn'. Nothing
 * else changes (digits of the other Arabic system are left as written).
 */
export function toDigits(text: string, digits: Digits): string {
  if (digits === 'latn') return text.replace(/[\u0660-\u0669]/g, d => String.fromCharCode(0x30 + d.charCodeAt(0) - ARABIC_INDIC_ZERO));
  const zero = digits === 'arab' ? ARABIC_INDIC_ZERO : EXTENDED_ZERO;
  return text.replace(/[0-9]/g, d => String.fromCharCode(zero + d.charCodeAt(0) - 0x30));
}

/** Arabic decimal separator, thousands separator and percent sign (U+066B, U+066C, U+066A). */
const ARABIC_DECIMAL = '\u066B';
const ARABIC_THOUSANDS = '\u066C';
const ARABIC_PERCENT = '\u066A';

const latinNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20, useGrouping: true });

/** 1234567.5 → "1,234,567.5" ('latn') or "١٬٢٣٤٬٥٦٧٫٥" ('arab', with the Arabic thousands and decimal separators). Throws on NaN and infinities. */
export function formatNumber(n: number, digits: Digits): string {
  if (!Number.isFinite(n)) throw new InputError(`not a finite number: ${String(n)}`);
  const latin = latinNumber.format(n);
  if (digits === 'latn') return latin;
  return toDigits(
    latin.replace(/[,.]/g, c => (c === ',' ? ARABIC_THOUSANDS : ARABIC_DECIMAL)),
    digits,
  );
}

/** A counter (page number, list label): digits only, no grouping, so page 1000 reads "1000". */
export const formatCounter = (n: number, digits: Digits): string => toDigits(String(n), digits);

/**
 * A number as written in running text: digits, a thousands comma before each group of three, a
 * decimal point before the fraction, a percent sign after. Digits of any system, so a number a
 * helper already wrote with Arabic-Indic digits gets its separators too.
 */
const NUMBER =
  /[0-9\u0660-\u0669\u06F0-\u06F9]+(?:,[0-9\u0660-\u0669\u06F0-\u06F9]{3}(?![0-9\u0660-\u0669\u06F0-\u06F9]))*(?:\.[0-9\u0660-\u0669\u06F0-\u06F9]+)?%?/g;

/**
 * A word that is an identifier rather than a number in Arabic text: anything with a Latin letter
 * (MJZ-2025-08-015, ISO 9001), a URL or an e-mail address. It keeps its Western form.
 */
const IDENTIFIER = /[A-Za-z@]|:\/\//;

/** A number of Arabic running text in the chosen digits, with the Arabic separators and percent sign. */
function arabicNumber(number: string, digits: Digits): string {
  const marks: Record<string, string> = { ',': ARABIC_THOUSANDS, '.': ARABIC_DECIMAL, '%': ARABIC_PERCENT };
  return toDigits(
    number.replace(/[,.%]/g, c => marks[c]),
    digits,
  );
}

/** Arabic text with its numbers in `digits` (not 'latn'); identifiers, URLs and addresses untouched. */
export function arabicText(text: string, digits: Exclude<Digits, 'latn'>): string {
  return text
    .split(/(\s+)/)
    .map(word => (IDENTIFIER.test(word) ? word : word.replace(NUMBER, n => arabicNumber(n, digits))))
    .join('');
}

/**
 * What 'arab' and 'arabext' do to the markup's text: numbers in Arabic text take those digits and
 * the Arabic decimal and thousands separators and percent sign; text a span marks as another
 * language keeps its Western form, and so do identifiers, URLs and e-mail addresses.
 * None for 'latn': the text is left as written.
 */
export function digitsInText(digits: Digits): ((text: string, lang: string | undefined) => string) | undefined {
  if (digits === 'latn') return undefined;
  return (text, lang) => (lang && !lang.startsWith('ar') ? text : arabicText(text, digits));
}
