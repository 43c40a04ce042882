// Which digits a document writes, and every conversion that choice implies: template helpers,
// the Arabic text of the markup and the numbers layout writes (pages, list labels) all go
// through here, so 'arab' means the same thing at every stage.
import { InputError } from './errors.js';

export type Digits = 'latn' | 'arab';

const ARABIC_INDIC_ZERO = 0x0660;

/** Converts ASCII digits to Arabic-Indic ones (U+0660–U+0669) for 'arab', or those back to ASCII for 'latn'. Nothing else changes. */
export function toDigits(text: string, digits: Digits): string {
  return digits === 'arab'
    ? text.replace(/[0-9]/g, d => String.fromCharCode(ARABIC_INDIC_ZERO + d.charCodeAt(0) - 0x30))
    : text.replace(/[\u0660-\u0669]/g, d => String.fromCharCode(0x30 + d.charCodeAt(0) - ARABIC_INDIC_ZERO));
}

const latinNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20, useGrouping: true });

/** 1234567.5 → "1,234,567.5" ('latn') or "١٬٢٣٤٬٥٦٧٫٥" ('arab', with the Arabic thousands and decimal separators). Throws on NaN and infinities. */
export function formatNumber(n: number, digits: Digits): string {
  if (!Number.isFinite(n)) throw new InputError(`not a finite number: ${String(n)}`);
  const latin = latinNumber.format(n);
  if (digits === 'latn') return latin;
  return toDigits(latin.replace(/[,.]/g, c => (c === ',' ? '\u066C' : '\u066B')), 'arab');
}

/** A counter (page number, list label): digits only, no grouping, so page 1000 reads "1000". */
export const formatCounter = (n: number, digits: Digits): string => toDigits(String(n), digits);

/**
 * What 'arab' does to the markup's text: ASCII digits in Arabic text become Arabic-Indic; text a
 * span marks as another language keeps its digits. None for 'latn': the text is left as written.
 */
export function digitsInText(digits: Digits): ((text: string, lang: string | undefined) => string) | undefined {
  return digits === 'arab' ? (text, lang) => (lang && !lang.startsWith('ar') ? text : toDigits(text, 'arab')) : undefined;
}
