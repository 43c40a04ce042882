// A small, independent PDF reader for tests: it follows the cross-reference table to the page
// tree, inflates content streams (FlateDecode) with node:zlib and interprets the text operators
// (Tf, Tm, Td/TD/T*, Ts, Tc, Tw, Tz, TL, Tj/TJ/'/", q/Q/cm, BT/ET, BDC/BMC/EMC) to report every
// glyph that is drawn: its code, font and origin in page space. Widths come from the font's /W
// array, exactly as a viewer advances the text position. Only what the mowjaz writer produces is
// supported (classic xref table, Type0/Identity-H fonts with a TrueType FontFile2).
import zlib from 'node:zlib';

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
export class PdfString {
  constructor(
    readonly bytes: Uint8Array,
    readonly hex: boolean,
  ) {}
}
export class PdfOp {
  constructor(readonly op: string) {}
}
export type PdfDict = Map<string, PdfValue>;
export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfValue[] | PdfDict;

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...'()<>[]{}/%'].map(c => c.charCodeAt(0)));

/** Tokenizer + object parser over raw bytes. */
class Lexer {
  pos: number;
  constructor(
    readonly data: Uint8Array,
    pos = 0,
  ) {
    this.pos = pos;
  }

  private skipSpace(): void {
    const d = this.data;
    while (this.pos < d.length) {
      const c = d[this.pos];
      if (WHITE.has(c)) this.pos++;
      else if (c === 0x25 /* % */) {
        while (this.pos < d.length && d[this.pos] !== 0x0a && d[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.data.length;
  }

  /** Next value or operator; `refs` allows `n g R` references (object syntax, not content streams). */
  next(refs: boolean): PdfValue | PdfOp {
    this.skipSpace();
    const d = this.data;
    const c = d[this.pos];
    if (c === 0x2f /* / */) {
      let s = '';
      this.pos++;
      while (this.pos < d.length && !WHITE.has(d[this.pos]) && !DELIM.has(d[this.pos])) {
        if (d[this.pos] === 0x23 /* # */) {
          s += String.fromCharCode(parseInt(String.fromCharCode(d[this.pos + 1], d[this.pos + 2]), 16));
          this.pos += 3;
        } else s += String.fromCharCode(d[this.pos++]);
      }
      return new PdfName(s);
    }
    if (c === 0x3c /* < */) {
      if (d[this.pos + 1] === 0x3c) {
        this.pos += 2;
        const dict: PdfDict = new Map();
        for (;;) {
          this.skipSpace();
          if (d[this.pos] === 0x3e && d[this.pos + 1] === 0x3e) {
            this.pos += 2;
            return dict;
          }
          const key = this.next(refs);
          if (!(key instanceof PdfName)) throw new Error(`PDF: dictionary key expected at ${this.pos}`);
          dict.set(key.name, this.value(refs));
        }
      }
      this.pos++;
      let hex = '';
      while (d[this.pos] !== 0x3e) {
        const ch = String.fromCharCode(d[this.pos++]);
        if (/[0-9a-fA-F]/.test(ch)) hex += ch;
      }
      this.pos++;
      if (hex.length % 2) hex += '0';
      const bytes = new Uint8Array(hex.length / 2);
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
      return new PdfString(bytes, true);
    }
    if (c === 0x28 /* ( */) return this.literal();
    if (c === 0x5b /* [ */) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (d[this.pos] === 0x5d) {
          this.pos++;
          return arr;
        }
        arr.push(this.value(refs));
      }
    }
    // number or keyword
    const start = this.pos;
    while (this.pos < d.length && !WHITE.has(d[this.pos]) && !DELIM.has(d[this.pos])) this.pos++;
    if (this.pos === start) throw new Error(`PDF: unexpected byte 0x${c?.toString(16)} at ${start}`);
    const word = Buffer.from(d.subarray(start, this.pos)).toString('latin1');
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      const n = Number(word);
      if (refs && /^\d+$/.test(word)) {
        const save = this.pos;
        const m = /^\s+(\d+)\s+R(?=[\s/<>[\]()%]|$)/.exec(Buffer.from(d.subarray(this.pos, this.pos + 32)).toString('latin1'));
        if (m) {
          this.pos += m[0].length;
          return new PdfRef(n, Number(m[1]));
        }
        this.pos = save;
      }
      return n;
    }
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return new PdfOp(word);
  }

  value(refs: boolean): PdfValue {
    const v = this.next(refs);
    if (v instanceof PdfOp) throw new Error(`PDF: value expected, found operator ${v.op} at ${this.pos}`);
    return v;
  }

  private literal(): PdfString {
    const d = this.data;
    const out: number[] = [];
    let depth = 0;
    this.pos++;
    for (;;) {
      const c = d[this.pos++];
      if (c === undefined) throw new Error('PDF: unterminated string');
      if (c === 0x5c /* \ */) {
        const e = d[this.pos++];
        const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (e in map) out.push(map[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let oct = String.fromCharCode(e);
          while (oct.length < 3 && d[this.pos] >= 0x30 && d[this.pos] <= 0x37) oct += String.fromCharCode(d[this.pos++]);
          out.push(parseInt(oct, 8) & 0xff);
        } else if (e === 0x0d) {
          if (d[this.pos] === 0x0a) this.pos++;
        } else if (e !== 0x0a) out.push(e);
        continue;
      }
      if (c === 0x28) depth++;
      if (c === 0x29) {
        if (depth === 0) break;
        depth--;
      }
      out.push(c);
    }
    return new PdfString(Uint8Array.from(out), false);
  }
}

export interface PdfObject {
  value: PdfValue;
  stream?: Uint8Array;
}

/** The objects of a PDF with a classic cross-reference table (all sections, newest first). */
export class PdfFile {
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfObject>();
  readonly trailer: PdfDict;

  constructor(readonly data: Uint8Array) {
    const text = Buffer.from(data).toString('latin1');
    const sx = text.lastIndexOf('startxref');
    if (sx < 0) throw new Error('PDF: no startxref');
    let xref: number | null = Number(/startxref\s+(\d+)/.exec(text.slice(sx))![1]);
    let trailer: PdfDict | null = null;
    while (xref !== null) {
      const lex = new Lexer(data, xref);
      const kw = lex.next(false);
      if (!(kw instanceof PdfOp) || kw.op !== 'xref') throw new Error('PDF: only classic xref tables are supported');
      for (;;) {
        const t = lex.next(false);
        if (t instanceof PdfOp && t.op === 'trailer') break;
        const first = t as number,
          count = lex.value(false) as number;
        for (let i = 0; i < count; i++) {
          const off = lex.value(false) as number;
          lex.value(false);
          const kind = lex.next(false) as PdfOp;
          if (kind.op === 'n' && !this.offsets.has(first + i)) this.offsets.set(first + i, off);
        }
      }
      const t = lex.value(true) as PdfDict;
      trailer ??= t;
      const prev = t.get('Prev');
      xref = typeof prev === 'number' ? prev : null;
    }
    this.trailer = trailer!;
  }

  object(num: number): PdfObject {
    const hit = this.cache.get(num);
    if (hit) return hit;
    const off = this.offsets.get(num);
    if (off === undefined) throw new Error(`PDF: object ${num} not in xref`);
    const lex = new Lexer(this.data, off);
    lex.value(false);
    lex.value(false);
    const kw = lex.next(false);
    if (!(kw instanceof PdfOp) || kw.op !== 'obj') throw new Error(`PDF: object ${num} header not found at ${off}`);
    const value = lex.value(true);
    const obj: PdfObject = { value };
    const save = lex.pos;
    const after = lex.next(true);
    if (after instanceof PdfOp && after.op === 'stream' && value instanceof Map) {
      let p = lex.pos;
      if (this.data[p] === 0x0d) p++;
      if (this.data[p] === 0x0a) p++;
      const length = this.resolve(value.get('Length') ?? null);
      if (typeof length !== 'number') throw new Error(`PDF: stream ${num} without /Length`);
      obj.stream = this.data.subarray(p, p + length);
    } else lex.pos = save;
    this.cache.set(num, obj);
    return obj;
  }

  resolve(v: PdfValue | undefined): PdfValue {
    let cur: PdfValue | undefined = v;
    while (cur instanceof PdfRef) cur = this.object(cur.num).value;
    return cur ?? null;
  }

  dict(v: PdfValue | undefined): PdfDict {
    const d = this.resolve(v);
    if (!(d instanceof Map)) throw new Error('PDF: dictionary expected');
    return d;
  }

  /** The decoded data of a stream object (FlateDecode or unfiltered). */
  streamData(ref: PdfValue | undefined): Uint8Array {
    if (!(ref instanceof PdfRef)) throw new Error('PDF: stream reference expected');
    const obj = this.object(ref.num);
    if (!obj.stream || !(obj.value instanceof Map)) throw new Error(`PDF: object ${ref.num} is not a stream`);
    const filter = this.resolve(obj.value.get('Filter'));
    const filters = filter === null ? [] : Array.isArray(filter) ? filter : [filter];
    let data: Uint8Array = obj.stream;
    for (const f of filters) {
      if (!(f instanceof PdfName) || f.name !== 'FlateDecode') throw new Error(`PDF: unsupported filter ${String((f as PdfName)?.name)}`);
      data = zlib.inflateSync(data);
    }
    return data;
  }

  /** Page dictionaries in page order. */
  pages(): PdfDict[] {
    const root = this.dict(this.trailer.get('Root'));
    const out: PdfDict[] = [];
    const walk = (node: PdfDict) => {
      const type = node.get('Type');
      if (type instanceof PdfName && type.name === 'Pages') {
        for (const kid of this.resolve(node.get('Kids')) as PdfValue[]) walk(this.dict(kid));
      } else out.push(node);
    };
    walk(this.dict(root.get('Pages')));
    return out;
  }
}

export interface PdfFont {
  /** Object number of the Type0 font dictionary: identity across pages. */
  id: number;
  baseFont: string;
  /** Widths by CID (1/1000 em), from /W; `dw` for the rest. */
  widths: Map<number, number>;
  dw: number;
  /** The embedded TrueType program (FontFile2), decoded. */
  program: Uint8Array;
}

export interface DrawnGlyph {
  page: number;
  font: PdfFont;
  /** CID (Identity-H: two-byte code). */
  cid: number;
  size: number;
  /** Origin of the glyph in page space (points, y up), rise included. */
  x: number;
  y: number;
  /** Page-space y of the baseline the glyph sits on (the text line matrix without rise). */
  baseline: number;
  /** Text rise in effect (Ts). */
  rise: number;
  /** ActualText of the innermost enclosing marked-content span, if any. */
  actualText?: string;
}

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];

function parseFont(pdf: PdfFile, ref: PdfValue): PdfFont {
  const dict = pdf.dict(ref);
  const sub = pdf.resolve(dict.get('Subtype'));
  const enc = pdf.resolve(dict.get('Encoding'));
  if (!(sub instanceof PdfName) || sub.name !== 'Type0' || !(enc instanceof PdfName) || enc.name !== 'Identity-H') {
    throw new Error('PDF: only Type0 fonts with Identity-H encoding are supported');
  }
  const cidFont = pdf.dict((pdf.resolve(dict.get('DescendantFonts')) as PdfValue[])[0]);
  const map = pdf.resolve(cidFont.get('CIDToGIDMap'));
  if (map !== null && !(map instanceof PdfName && map.name === 'Identity')) throw new Error('PDF: only /CIDToGIDMap /Identity is supported');
  const widths = new Map<number, number>();
  const w = (pdf.resolve(cidFont.get('W')) ?? []) as PdfValue[];
  for (let i = 0; i < w.length; ) {
    const first = w[i] as number;
    const next = pdf.resolve(w[i + 1]);
    if (Array.isArray(next)) {
      next.forEach((v, k) => widths.set(first + k, pdf.resolve(v) as number));
      i += 2;
    } else {
      const last = next as number,
        width = pdf.resolve(w[i + 2]) as number;
      for (let c = first; c <= last; c++) widths.set(c, width);
      i += 3;
    }
  }
  const dw = cidFont.has('DW') ? (pdf.resolve(cidFont.get('DW')) as number) : 1000;
  const descriptor = pdf.dict(cidFont.get('FontDescriptor'));
  const program = pdf.streamData(descriptor.get('FontFile2'));
  const base = pdf.resolve(dict.get('BaseFont'));
  return { id: (ref as PdfRef).num, baseFont: base instanceof PdfName ? base.name : '', widths, dw, program };
}

const latin1 = (s: PdfString) => Buffer.from(s.bytes).toString('latin1');

/** PDF text string (UTF-16BE with BOM, or PDFDocEncoding approximated by Latin-1). */
export function textString(s: PdfString): string {
  const b = s.bytes;
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < b.length; i += 2) out += String.fromCharCode((b[i] << 8) | b[i + 1]);
    return out;
  }
  return latin1(s);
}

interface TextState {
  tc: number;
  tw: number;
  th: number;
  tl: number;
  rise: number;
  font: PdfFont | null;
  size: number;
}

/** Every glyph drawn on every page, in content-stream order. */
export function readDrawnGlyphs(bytes: Uint8Array): { glyphs: DrawnGlyph[]; pages: number } {
  const pdf = new PdfFile(bytes);
  const fontCache = new Map<number, PdfFont>();
  const glyphs: DrawnGlyph[] = [];
  const pages = pdf.pages();
  pages.forEach((page, pageIndex) => {
    const resources = pdf.dict(page.get('Resources'));
    const fontDict = resources.has('Font') ? pdf.dict(resources.get('Font')) : new Map<string, PdfValue>();
    const fontByName = (name: string): PdfFont => {
      const ref = fontDict.get(name);
      if (!(ref instanceof PdfRef)) throw new Error(`PDF: font /${name} not in page resources`);
      let f = fontCache.get(ref.num);
      if (!f) {
        f = parseFont(pdf, ref);
        fontCache.set(ref.num, f);
      }
      return f;
    };
    const contents = page.get('Contents');
    const resolved = contents instanceof PdfRef ? pdf.object(contents.num) : null;
    const refs: PdfValue[] = Array.isArray(contents)
      ? contents
      : resolved && !resolved.stream && Array.isArray(resolved.value)
        ? resolved.value
        : [contents ?? null];
    const parts = refs.map(r => pdf.streamData(r));
    const data = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
    let at = 0;
    for (const p of parts) {
      data.set(p, at);
      at += p.length;
      data[at++] = 0x0a;
    }

    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const gstack: { ctm: Matrix; ts: TextState }[] = [];
    let ts: TextState = { tc: 0, tw: 0, th: 1, tl: 0, rise: 0, font: null, size: 0 };
    let tm: Matrix = [1, 0, 0, 1, 0, 0],
      tlm: Matrix = [1, 0, 0, 1, 0, 0];
    const marked: (string | undefined)[] = [];
    const operands: PdfValue[] = [];
    const lex = new Lexer(data);

    const showString = (s: PdfString) => {
      const font = ts.font;
      if (!font) throw new Error('PDF: text shown without a font');
      const b = s.bytes;
      for (let i = 0; i + 1 < b.length; i += 2) {
        const cid = (b[i] << 8) | b[i + 1];
        const trm = mul(tm, ctm);
        const [x, y] = apply(trm, 0, ts.rise);
        const [, baseline] = apply(trm, 0, 0);
        const actual = [...marked].reverse().find(t => t !== undefined);
        glyphs.push({ page: pageIndex, font, cid, size: ts.size, x, y, baseline, rise: ts.rise, ...(actual !== undefined ? { actualText: actual } : {}) });
        const w0 = font.widths.get(cid) ?? font.dw;
        const tx = ((w0 / 1000) * ts.size + ts.tc) * ts.th;
        tm = mul([1, 0, 0, 1, tx, 0], tm);
      }
    };
    const td = (x: number, y: number) => {
      tlm = mul([1, 0, 0, 1, x, y], tlm);
      tm = tlm;
    };

    while (!lex.atEnd()) {
      const tok = lex.next(false);
      if (!(tok instanceof PdfOp)) {
        operands.push(tok);
        continue;
      }
      const o = operands.splice(0);
      const num = (i: number) => o[i] as number;
      switch (tok.op) {
        case 'q':
          gstack.push({ ctm, ts: { ...ts } });
          break;
        case 'Q': {
          const s = gstack.pop();
          if (s) {
            ctm = s.ctm;
            ts = s.ts;
          }
          break;
        }
        case 'cm':
          ctm = mul(o.slice(0, 6) as Matrix, ctm);
          break;
        case 'BT':
          tm = [1, 0, 0, 1, 0, 0];
          tlm = tm;
          break;
        case 'ET':
          break;
        case 'Tf':
          ts.font = fontByName((o[0] as PdfName).name);
          ts.size = num(1);
          break;
        case 'Tm':
          tm = o.slice(0, 6) as Matrix;
          tlm = tm;
          break;
        case 'Td':
          td(num(0), num(1));
          break;
        case 'TD':
          ts.tl = -num(1);
          td(num(0), num(1));
          break;
        case 'T*':
          td(0, -ts.tl);
          break;
        case 'Ts':
          ts.rise = num(0);
          break;
        case 'Tc':
          ts.tc = num(0);
          break;
        case 'Tw':
          ts.tw = num(0);
          break;
        case 'Tz':
          ts.th = num(0) / 100;
          break;
        case 'TL':
          ts.tl = num(0);
          break;
        case 'Tj':
          showString(o[0] as PdfString);
          break;
        case "'":
          td(0, -ts.tl);
          showString(o[0] as PdfString);
          break;
        case '"':
          ts.tw = num(0);
          ts.tc = num(1);
          td(0, -ts.tl);
          showString(o[2] as PdfString);
          break;
        case 'TJ':
          for (const item of o[0] as PdfValue[]) {
            if (item instanceof PdfString) showString(item);
            else tm = mul([1, 0, 0, 1, (-(item as number) / 1000) * ts.size * ts.th, 0], tm);
          }
          break;
        case 'BMC':
          marked.push(undefined);
          break;
        case 'BDC': {
          const props = o[1];
          const actual = props instanceof Map ? props.get('ActualText') : undefined;
          marked.push(actual instanceof PdfString ? textString(actual) : undefined);
          break;
        }
        case 'EMC':
          marked.pop();
          break;
        default:
          break; // colour, paths, etc.: irrelevant to glyph positions
      }
    }
  });
  return { glyphs, pages: pages.length };
}
