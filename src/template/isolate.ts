// Bidi isolation of data values: each string that carries explicit bidi controls is wrapped in
// FSI … PDI, and embeddings or overrides it leaves open are closed first, so it can reorder
// nothing outside itself (UAX #9 X5c, X6a). Addresses, URLs and international phone numbers in a
// value are left-to-right islands in Arabic text: each is wrapped in LRI … PDI, so that
// `+971 2 000 0000` is not read group by group from the right (and keeps its digits: see parse).

import { isBidiControl } from '../text/bidi.js';

const FSI = '\u2068',
  PDI = '\u2069',
  PDF = '\u202C';

const LRI = '\u2066';

/** E-mail addresses, URLs (without trailing punctuation) and phone numbers written with + or 00 and the country code. */
const LTR_ENTITY = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]}'،؛]|(?:\+|\b00)\d{1,3}(?:[ \u00A0-]?\(?\d{1,4}\)?){2,5}/gu;

/** Each address, URL or phone number in `text` wrapped in LRI … PDI. */
export function isolateEntities(text: string): string {
  return text.replace(LTR_ENTITY, m => LRI + m + PDI);
}

/** A value with its own bidi controls is isolated whole; one without has its addresses, URLs and phone numbers isolated. */
export function isolate(value: string): string {
  if (![...value].some(isBidiControl)) return isolateEntities(value);
  let embeddings = 0,
    isolates = 0;
  let out = '';
  for (const ch of value) {
    if (/[\u202A\u202B\u202D\u202E]/.test(ch))
      embeddings++; // LRE, RLE, LRO, RLO (not PDF, U+202C)
    else if (ch === PDF) {
      if (!embeddings) continue;
      embeddings--;
    } else if (/[\u2066-\u2068]/.test(ch)) isolates++;
    else if (ch === PDI) {
      if (!isolates) continue;
      isolates--;
    }
    out += ch;
  }
  return FSI + out + PDF.repeat(embeddings) + PDI.repeat(isolates) + PDI;
}

export function isolateValues(value: unknown): unknown {
  if (typeof value === 'string') return isolate(value);
  if (Array.isArray(value)) return value.map(isolateValues);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isolateValues(v)]));
  return value;
}
