// How much work one run may take on. Each limit stops the run with a message naming what is too
// large, long before memory or time run out; the README and --help state the values.

export interface Limits {
  /** Bytes read from any one file: a data file, a template or partial, a specimen's text. */
  inputBytes: number;
  /** Characters of the markup the templates expand to (each partial's output, and the whole). */
  markupChars: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<Limits> = {
  inputBytes: 2 * MB,
  markupChars: 16 * MB,
};

/** Characters in one string of the data (about 40 pages of one paragraph). */
export const MAX_VALUE_CHARS = 100_000;

/** Combining marks on one base character: more could stack ink above the line into the one before. */
export const MAX_MARKS = 4;

/** Blocks (paragraphs, headings, lists, tables, rules, page breaks) in one document. */
export const MAX_BLOCKS = 20_000;

/** Pages in one document. */
export const MAX_PAGES = 2_000;

/** Property names longer than this get no "did you mean" suggestion (its cost grows with the square of the length). */
export const MAX_SUGGESTED_KEY = 64;

/** "2MB", "512KB", "1.5 MB", "3000000" (bytes) → bytes; undefined when the text is not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(B|KB|K|MB|M|GB|G)?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? 'B').toUpperCase()[0];
  const bytes = Math.floor(Number(m[1]) * (unit === 'G' ? 1024 * MB : unit === 'M' ? MB : unit === 'K' ? 1024 : 1));
  return bytes >= 1 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** 2097152 → "2 MB", 1536 → "1.5 KB": a size as messages and --help write it. */
export function showSize(bytes: number): string {
  const [value, unit] = bytes >= MB ? [bytes / MB, 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'bytes'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/** Bytes of one image file (PNG, JPEG or SVG). */
export const MAX_IMAGE_BYTES = 10 * MB;

/** Pixels on either side of a PNG or JPEG image. */
export const MAX_IMAGE_SIDE = 10_000;

/** Pixels of a PNG or JPEG image in all (A4 at 600 dpi is 35 million): each is decoded, so this bounds memory. */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** Elements in one SVG image: each is drawn as vectors wherever the image is placed. */
export const MAX_SVG_ELEMENTS = 20_000;
