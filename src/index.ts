// Public API: render a brief from data to PDF bytes.
import { parseBrief } from './data/load.js';
import { textValues } from './data/load.js';
import type { Brief } from './data/brief.js';
import { InputError, problemList } from './errors.js';
import { layoutDocument } from './layout/flow.js';
import { parseMarkup } from './markup/parse.js';
import { writePdf } from './render/pdf.js';
import { defaultTemplate, renderTemplate, shownPath, type Digits } from './template/render.js';
import { templateFolder } from './template/folder.js';
import { toDigits } from './template/helpers.js';
import { loadFonts } from './text/fonts.js';
import { codePointLabel, findUncoveredInAnyWeight } from './text/itemize.js';
import type { Paper } from './theme.js';
import type { Block, DocumentTree, Inline } from './markup/tree.js';

export type { Brief } from './data/brief.js';
export type { Digits } from './template/render.js';
export type { Paper } from './theme.js';
export { InputError } from './errors.js';

export interface RenderOptions {
  /** Template folder (its brief.hbs, partials/ and schema.json) or its main .hbs; defaults to the package's templates/. */
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
  const brief = parseBrief(JSON.stringify(data, null, 2), source, { schema: templateFolder(options.template ?? defaultTemplate()).schema });
  return renderValidBrief(brief, options);
}

/** Renders data already validated against the schema and the template folder's schema.json (see loadBrief). */
export async function renderValidBrief(brief: Brief, options: RenderOptions = {}): Promise<Uint8Array> {
  const source = options.source ?? 'data';
  const digits = options.digits ?? 'latn';
  const paper = options.paper ?? 'a4';
  const checked = replaceUncovered(brief, source, options);
  const template = templateFolder(options.template ?? defaultTemplate()).main;
  const markup = renderTemplate(checked, { template, digits, extras: { paper } });
  const tree = parseMarkup(markup, {
    source: template,
    transformText: digits === 'arab' ? (text, lang) => (lang && !lang.startsWith('ar') ? text : toDigits(text, 'arab')) : undefined,
  });
  checkTemplateText(tree, template);
  const laid = layoutDocument(tree, { paper, formatNumber: n => toDigits(String(n), digits) });
  return writePdf(laid, tree.meta, { archival: options.archival ?? true, creationDate: creationDate(tree.meta.date, source) });
}

function replaceUncovered(brief: Brief, source: string, options: RenderOptions): Brief {
  const fonts = loadFonts();
  const problems: string[] = [];
  let copy: Brief | undefined;
  const problem = (path: string, codePoint: number, offset: number): void => {
    problems.push(`${source}: ${path}: character ${codePointLabel(codePoint)} at position ${offset + 1} cannot be drawn by any font`);
  };
  const uncovered = (text: string) => findUncoveredInAnyWeight(text, fonts);
  for (const { path, value } of textValues(brief)) {
    const found = uncovered(value);
    if (!found) continue;
    if (options.missingGlyphs !== 'replace') { problem(path, found.codePoint, found.offset); continue; }
    // Character by character from the first one missing: one pass, however many there are.
    let text = value.slice(0, found.offset);
    for (const ch of value.slice(found.offset)) {
      const missing = uncovered(ch);
      if (missing) problem(path, missing.codePoint, text.length);
      text += missing ? PLACEHOLDER : ch;
    }
    copy ??= structuredClone(brief);
    setAtPointer(copy, path, text);
  }
  if (problems.length && options.missingGlyphs !== 'replace') {
    throw new InputError(`${problemList(problems, source, 'characters no font can draw')}\n(use --missing-glyphs replace to print a placeholder instead)`);
  }
  for (const p of problems) options.onWarning?.(`${p}; replaced by "${PLACEHOLDER}"`);
  return copy ?? brief;
}

/**
 * Characters no font can draw that are left in the document come from the templates' own text
 * (the data's were stopped or replaced above): an input error naming the template line.
 */
function checkTemplateText(tree: DocumentTree, template: string): void {
  const fonts = loadFonts();
  const check = (inlines: readonly Inline[] | undefined, src: string): void => {
    for (const inline of inlines ?? []) {
      // Styles make text bold too (headings, table heads), so both weights must have it.
      const found = findUncoveredInAnyWeight(inline.text, fonts);
      if (found) throw new InputError(`${src}: the template's text has the character ${codePointLabel(found.codePoint)}, which no font can draw`);
    }
  };
  const blocks = (list: readonly Block[]): void => {
    for (const b of list) {
      if (b.kind === 'heading' || b.kind === 'paragraph') check(b.inlines, b.src);
      else if (b.kind === 'list') b.items.forEach(item => check(item, b.src));
      else if (b.kind === 'table') {
        check(b.caption, b.src);
        for (const row of [...b.head, ...b.body]) for (const cell of row.cells) check(cell.inlines, b.src);
      }
    }
  };
  const file = shownPath(template);
  check(tree.header, file);
  check(tree.footer, file);
  blocks(tree.cover);
  blocks(tree.body);
}

function setAtPointer(root: unknown, pointer: string, value: string): void {
  const keys = pointer.split('/').slice(1).map(k => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = root as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

/** The last moment a PDF date (four-digit year) can hold: 9999-12-31T23:59:59Z. */
const LAST_SECOND = 253402300799;

/** SOURCE_DATE_EPOCH wins (reproducible builds), then the data's date; never the clock. */
function creationDate(date: string | undefined, source: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new InputError(`SOURCE_DATE_EPOCH must be a number of seconds, not "${epoch}"`);
    if (Number(epoch) > LAST_SECOND) throw new InputError(`SOURCE_DATE_EPOCH must be at most ${LAST_SECOND} (the end of the year 9999), not ${epoch}`);
    return new Date(Number(epoch) * 1000);
  }
  if (date) {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
    if (Number.isNaN(d.getTime())) throw new InputError(`${source}: the document date "${date}" is not a valid date`);
    if (d.getUTCFullYear() < 0 || d.getUTCFullYear() > 9999) throw new InputError(`${source}: the document date "${date}" is outside the years 0 to 9999 that a PDF date can hold`);
    return d;
  }
  return new Date(0);
}
