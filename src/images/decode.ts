// What an image file is, checked before anything is laid out: a PNG whose chunks and pixel data
// are whole, a baseline or progressive JPEG in grey or RGB that runs to its end, or an SVG that
// draws only shapes. Anything else is refused with a reason, so that what reaches the PDF is
// what the image shows (pdfkit copies PNG and JPEG data into the PDF without decoding it).
import zlib from 'node:zlib';
import { Parser } from 'htmlparser2';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, MAX_SVG_ELEMENTS } from '../limits.js';
import { svgWarnings } from '../render/pdf-writer.js';

export interface ImageFacts {
  format: 'png' | 'jpeg' | 'svg';
  /** Natural size in points: a pixel (and an SVG "px") is 1/96 inch, as in CSS. */
  width: number;
  height: number;
  /** An SVG as it is drawn: its root element made to fill the box it is drawn in (see `svg`). */
  drawn?: Uint8Array;
}

/** Points per CSS pixel. */
const PX = 0.75;

/** The facts of an image file, or why it cannot be drawn. */
export function describeImage(bytes: Uint8Array): ImageFacts | string {
  if (startsWith(bytes, PNG_SIGNATURE)) return png(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpeg(bytes);
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('utf8');
  if (/^(?:\uFEFF)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(head)) return svg(bytes);
  return 'is not a PNG, JPEG or SVG file (those are the formats mowjaz draws)';
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** Raster sizes within the limits, or why not. */
function rasterSize(width: number, height: number): string | undefined {
  if (width < 1 || height < 1) return `has no pixels (${width} × ${height})`;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return `is ${width} × ${height} pixels; an image may have at most ${MAX_IMAGE_SIDE} on a side`;
  if (width * height > MAX_IMAGE_PIXELS) return `has ${width * height} pixels; an image may have at most ${MAX_IMAGE_PIXELS}`;
  return undefined;
}

// ---- PNG (ISO/IEC 15948) ----------------------------------------------------------------------

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Bit depths allowed for each colour type, and its channels. */
const PNG_TYPES: Record<number, { depths: number[]; channels: number }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1 },
  2: { depths: [8, 16], channels: 3 },
  3: { depths: [1, 2, 4, 8], channels: 1 },
  4: { depths: [8, 16], channels: 2 },
  6: { depths: [8, 16], channels: 4 },
};
/** Adam7 passes: starting column and row, and the steps between them. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

function png(bytes: Uint8Array): ImageFacts | string {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Buffer[] = [];
  let header: { width: number; height: number; depth: number; type: number; interlace: number } | undefined;
  let palette = false;
  let end = false;
  for (let at = 8; !end; ) {
    if (at + 12 > data.length) return 'is a damaged PNG: it ends before its IEND chunk (a truncated file?)';
    const length = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > data.length) return `is a damaged PNG: its ${type} chunk runs past the end of the file`;
    const body = data.subarray(at + 8, at + 8 + length);
    if (zlib.crc32(data.subarray(at + 4, at + 8 + length)) !== data.readUInt32BE(at + 8 + length))
      return `is a damaged PNG: its ${type} chunk fails its checksum`;
    if (!header && type !== 'IHDR') return 'is a damaged PNG: it does not start with its IHDR chunk';
    if (type === 'IHDR') {
      if (header || length !== 13) return 'is a damaged PNG: its IHDR chunk is not as the format says';
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8], type: body[9], interlace: body[12] };
      const kind = PNG_TYPES[header.type];
      if (!kind?.depths.includes(header.depth) || body[10] !== 0 || body[11] !== 0 || header.interlace > 1)
        return `is a PNG of a kind the format does not define (colour type ${header.type}, ${header.depth} bits)`;
      const size = rasterSize(header.width, header.height);
      if (size) return size;
    } else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') end = true;
    at += 12 + length;
  }
  if (!header) return 'is a damaged PNG: it has no IHDR chunk';
  if (header.type === 3 && !palette) return 'is a damaged PNG: a palette image without its PLTE chunk';
  if (!idat.length) return 'is a damaged PNG: it has no pixel data (IDAT)';
  const { width, height, depth, interlace } = header;
  const bits = PNG_TYPES[header.type].channels * depth;
  const passes = interlace ? ADAM7.map(([x0, y0, dx, dy]) => [Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)]) : [[width, height]];
  const rows = passes.filter(([w, h]) => w > 0 && h > 0).map(([w, h]) => ({ count: h, bytes: 1 + Math.ceil((w * bits) / 8) }));
  const expected = rows.reduce((n, r) => n + r.count * r.bytes, 0);
  let pixels: Buffer;
  try {
    pixels = zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch {
    return 'is a damaged PNG: its pixel data cannot be decompressed';
  }
  if (pixels.length !== expected) return `is a damaged PNG: its pixel data holds ${pixels.length} bytes where ${width} × ${height} pixels need ${expected}`;
  // Each row starts with its filter type, 0 to 4.
  for (let at = 0, r = 0; r < rows.length; r++)
    for (let i = 0; i < rows[r].count; i++, at += rows[r].bytes) if (pixels[at] > 4) return 'is a damaged PNG: a row of its pixel data has an unknown filter';
  return { format: 'png', width: width * PX, height: height * PX };
}

// ---- JPEG (ITU T.81) --------------------------------------------------------------------------

function jpeg(bytes: Uint8Array): ImageFacts | string {
  let size: { width: number; height: number } | undefined;
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return 'is a damaged JPEG: a segment does not start with a marker';
    while (bytes[at] === 0xff) at++; // fill bytes
    const marker = bytes[at++];
    if (marker === 0xd9) {
      if (!size) return 'is a damaged JPEG: it has no frame header (SOF)';
      return { format: 'jpeg', width: size.width * PX, height: size.height * PX };
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // no length
    if (at + 2 > bytes.length) break;
    const length = (bytes[at] << 8) | bytes[at + 1];
    if (length < 2 || at + length > bytes.length) break;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      // Baseline, extended and progressive Huffman frames are what a PDF's DCTDecode reads.
      if (marker > 0xc2) return 'is a JPEG of a kind PDF cannot hold (lossless, hierarchical or arithmetic-coded); save it as a baseline JPEG';
      const height = (bytes[at + 3] << 8) | bytes[at + 4];
      const width = (bytes[at + 5] << 8) | bytes[at + 6];
      const components = bytes[at + 7];
      if (bytes[at + 2] !== 8) return 'is a 12-bit JPEG; save it with 8 bits per channel';
      // A CMYK image would not match the PDF/A output intent (sRGB).
      if (components !== 1 && components !== 3) return `is a JPEG with ${components} colour channels (CMYK?); save it in RGB or greyscale`;
      if (height === 0) return 'is a JPEG whose height is given after its data (DNL); save it again';
      const limit = rasterSize(width, height);
      if (limit) return limit;
      size = { width, height };
    }
    at += length;
    if (marker === 0xda) {
      if (!size) return 'is a damaged JPEG: its image data comes before its frame header';
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      while (at < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && !(bytes[at + 1] >= 0xd0 && bytes[at + 1] <= 0xd7))) at++;
    }
  }
  return 'is a damaged JPEG: it ends before its end marker (a truncated file?)';
}

// ---- SVG --------------------------------------------------------------------------------------

/** Elements svg-to-pdfkit would draw with fonts pdfkit does not embed, read from other files, or that do not belong in a still image. */
const REFUSED: Record<string, string> = {
  text: 'text (PDF/A needs every font embedded, and the SVG renderer uses fonts it does not embed; convert the text to paths, or put it in the caption)',
  tspan: 'text (convert the text to paths, or put it in the caption)',
  textpath: 'text (convert the text to paths, or put it in the caption)',
  image: 'an <image> (an SVG may not read other files; embed shapes only)',
  foreignobject: 'a <foreignObject> (HTML inside SVG is not drawn)',
  script: 'a <script>',
  a: 'a link (<a>): links are not part of a figure',
};
const LENGTH_UNITS: Record<string, number> = { '': PX, px: PX, pt: 1, pc: 12, mm: 72 / 25.4, cm: 72 / 2.54, in: 72 };

/** An SVG length attribute in points (undefined for none, a percentage or nonsense). */
function svgLength(value: string | undefined): number | undefined {
  const m = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?\s*$/i.exec(value ?? '');
  return m ? Number(m[1]) * LENGTH_UNITS[(m[2] ?? '').toLowerCase()] : undefined;
}

function svg(bytes: Uint8Array): ImageFacts | string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'is an SVG that is not valid UTF-8 text';
  }
  if (/<!ENTITY/i.test(text)) return 'is an SVG that declares entities (<!ENTITY>), which are not read';
  let root: Record<string, string> | undefined;
  let rootTag = { start: 0, end: 0 };
  let elements = 0;
  let problem: string | undefined;
  let line = 1;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (problem) return;
        const lower = name.toLowerCase();
        line = text.slice(0, parser.startIndex).split('\n').length;
        if (!root) {
          if (lower !== 'svg') problem = `is not an SVG image: its root element is <${name}>`;
          root = attrs;
          rootTag = { start: parser.startIndex, end: parser.endIndex };
        }
        if (++elements > MAX_SVG_ELEMENTS) problem = `has more than ${MAX_SVG_ELEMENTS} elements, the most an SVG image may have`;
        else if (REFUSED[lower]) problem = `holds ${REFUSED[lower]}, at line ${line} of the SVG`;
        for (const [attr, value] of Object.entries(attrs)) {
          if (problem) break;
          const reference = /href$/i.test(attr) ? value : /url\(\s*['"]?([^)'"]*)/i.exec(value)?.[1];
          if (reference !== undefined && !reference.trim().startsWith('#'))
            problem = `refers to "${reference.slice(0, 60)}" at line ${line} of the SVG; an SVG image may refer only to its own parts (#id)`;
        }
      },
      ontext(chunk) {
        if (!problem && /@import|url\(\s*['"]?(?!#)/i.test(chunk))
          problem = `loads a style sheet or a file at line ${line} of the SVG; an SVG image may refer only to its own parts`;
      },
    },
    { xmlMode: true },
  );
  parser.write(text);
  parser.end();
  if (problem) return problem;
  if (!root) return 'is not an SVG image: it has no <svg> element';
  const box = (root.viewBox ?? root.viewbox ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const [boxW, boxH] = box.length === 4 && box.every(Number.isFinite) && box[2] > 0 && box[3] > 0 ? [box[2] * PX, box[3] * PX] : [undefined, undefined];
  let width = svgLength(root.width);
  let height = svgLength(root.height);
  if (width === undefined && height === undefined && boxW !== undefined) [width, height] = [boxW, boxH];
  else if (width === undefined && height !== undefined && boxW !== undefined) width = (height * boxW) / boxH!;
  else if (height === undefined && width !== undefined && boxW !== undefined) height = (width * boxH!) / boxW;
  if (!(width! > 0) || !(height! > 0)) return 'is an SVG without a size: give its <svg> a width and height, or a viewBox';
  // svg-to-pdfkit draws the root at its own width and height inside the box it is given: made
  // 100% of the box, with a viewBox of its size when it has none, it is scaled to the box instead.
  const attrs = { ...root, width: '100%', height: '100%', ...(boxW === undefined ? { viewBox: `0 0 ${width! / PX} ${height! / PX}` } : {}) };
  const tag = `<svg${Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}"`)
    .join('')}${text[rootTag.end - 1] === '/' ? '/' : ''}>`;
  const drawn = text.slice(0, rootTag.start) + tag + text.slice(rootTag.end + 1);
  const warnings = svgWarnings(drawn, width!, height!);
  if (warnings.length) return `is an SVG that cannot be drawn as it is: ${warnings[0].replace(/^SVGtoPDF:\s*/, '')}`;
  return { format: 'svg', width: width!, height: height!, drawn: new TextEncoder().encode(drawn) };
}
