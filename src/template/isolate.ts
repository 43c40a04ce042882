// Bidi isolation of data values: each string that carries explicit bidi controls is wrapped in
// FSI … PDI, and embeddings or overrides it leaves open are closed first, so it can reorder
// nothing outside itself (UAX #9 X5c, X6a).

import { isBidiControl } from '../text/bidi.js';

const FSI = '\u2068', PDI = '\u2069', PDF = '\u202C';

export function isolate(value: string): string {
  if (![...value].some(isBidiControl)) return value;
  let embeddings = 0, isolates = 0;
  let out = '';
  for (const ch of value) {
    if (/[\u202A\u202B\u202D\u202E]/.test(ch)) embeddings++; // LRE, RLE, LRO, RLO (not PDF, U+202C)
    else if (ch === PDF) { if (!embeddings) continue; embeddings--; }
    else if (/[\u2066-\u2068]/.test(ch)) isolates++;
    else if (ch === PDI) { if (!isolates) continue; isolates--; }
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
