// Public API: render a brief from data to PDF bytes.
import { parseBrief } from './data/load.js';
import { textValues } from './data/load.js';
import type { Brief } from './data/brief.js';
import { InputError } from './errors.js';
import { layoutDocument } from './layout/flow.js';
import { parseMarkup } from './markup/parse.js';
import { writePdf } from './render/pdf.js';
import { defaultTemplate, renderTemplate, type Digits } from './template/render.js';
import { toDigits } from './template/helpers.js';
import { loadFonts } from './text/fonts.js';
import { findUncovered } from './text/itemize.js';
import type { Paper } from './theme.js';

export type { Brief } from './data/brief.js';
export type { Digits } from './template/render.js';
export type { Paper } from './theme.js';
export { InputError } from './errors.js';

export interface RenderOptions {
  /** Main Handlebars template; defaults to the package's templates/brief.hbs. */
  template?: string;
  paper?: Paper;
  digits?: Digits;
  /** PDF/A-2b output (default true). */
  archival?: boolean;
  /**
   * Characters no font can draw (emoji, CJK, control characters): 'error' (default) stops with
   * the JSON path and code point; 'replace' draws PLACEHOLDER instead and reports a warning.
   */
  missingGlyphs?: 'error' | 'replace';
  onWarning?: (message: string) => void;
  /** Name of the data source in messages (a file path). */
  source?: string;
}

/** Drawn in place of a character no font has, with `missingGlyphs: 'replace'`. */
export const PLACEHOLDER = '?';

export async function renderBrief(data: Brief | unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  const source = options.source ?? 'data';
  const brief = parseBrief(JSON.stringify(data, null, 2), source);
  return renderValidBrief(brief, options);
}

/** Renders data already validated against the schema (see loadBrief). */
export async function renderValidBrief(brief: Brief, options: RenderOptions = {}): Promise<Uint8Array> {
  const source = options.source ?? 'data';
  const digits = options.digits ?? 'latn';
  const paper = options.paper ?? 'a4';
  const checked = replaceUncovered(brief, source, options);
  const template = options.template ?? defaultTemplate();
  const markup = renderTemplate(checked, { template, digits, extras: { paper } });
  const tree = parseMarkup(markup, {
    source: template,
    transformText: digits === 'arab' ? (text, lang) => (lang && !lang.startsWith('ar') ? text : toDigits(text, 'arab')) : undefined,
  });
  const laid = layoutDocument(tree, { paper, formatNumber: n => toDigits(String(n), digits) });
  return writePdf(laid, tree.meta, { archival: options.archival ?? true, creationDate: creationDate(tree.meta.date, source) });
}

function replaceUncovered(brief: Brief, source: string, options: RenderOptions): Brief {
  const fonts = loadFonts();
  const problems: string[] = [];
  let copy: Brief | undefined;
  for (const { path, value } of textValues(brief)) {
    let text = value;
    for (let found = findUncovered(text, fonts); found; found = findUncovered(text, fonts)) {
      const cp = `U+${found.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
      problems.push(`${source}: ${path}: character ${cp} at position ${found.offset + 1} cannot be drawn by any font`);
      if (options.missingGlyphs !== 'replace') break;
      text = text.slice(0, found.offset) + PLACEHOLDER + text.slice(found.offset + String.fromCodePoint(found.codePoint).length);
    }
    if (text !== value) {
      copy ??= structuredClone(brief);
      setAtPointer(copy, path, text);
    }
  }
  if (problems.length && options.missingGlyphs !== 'replace') {
    throw new InputError(`${problems.join('\n')}\n(use --missing-glyphs replace to print a placeholder instead)`);
  }
  for (const p of problems) options.onWarning?.(`${p}; replaced by "${PLACEHOLDER}"`);
  return copy ?? brief;
}

function setAtPointer(root: unknown, pointer: string, value: string): void {
  const keys = pointer.split('/').slice(1).map(k => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = root as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

/** SOURCE_DATE_EPOCH wins (reproducible builds), then the data's date; never the clock. */
function creationDate(date: string | undefined, source: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new InputError(`SOURCE_DATE_EPOCH must be a number of seconds, not "${epoch}"`);
    return new Date(Number(epoch) * 1000);
  }
  if (date) {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
    if (Number.isNaN(d.getTime())) throw new InputError(`${source}: the document date "${date}" is not a valid date`);
    return d;
  }
  return new Date(0);
}
