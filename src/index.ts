// Public API: render a brief from data to PDF bytes.
import { createContext } from './context.js';
import { CoverageCheck } from './coverage.js';
import { parseBrief } from './data/load.js';
import type { Brief } from './data/brief.js';
import { digitsInText, type Digits } from './digits.js';
import { InputError, shownPath } from './errors.js';
import { sharedFileCaches } from './file-cache.js';
import { readDateTime } from './data/dates.js';
import type { Limits } from './limits.js';
import { layoutDocument } from './layout/flow.js';
import { parseMarkup } from './markup/parse.js';
import { writePdf } from './render/pdf.js';
import { defaultTemplate, renderTemplate } from './template/render.js';
import { templateValues, type Paper, type PrintSettings, type ThemeOverride } from './theme.js';
import { themeLayers } from './theme-file.js';
import { templateFolder } from './template/folder.js';
import { markingOf } from './template/classification.js';
import { directionOf } from './print/direction.js';
import { loadImages } from './images/load.js';
import path from 'node:path';

export type { Brief } from './data/brief.js';
export type { Digits } from './digits.js';
export type { Orientation, Paper, PrintSettings, Theme, ThemeOverride } from './theme.js';
export { InputError } from './errors.js';
export { PLACEHOLDER } from './coverage.js';

export interface RenderOptions {
  /** Template folder (its brief.hbs, partials/ and schema.json) or its main .hbs; defaults to the package's templates/. */
  template?: string;
  /**
   * A theme file (the command line's --theme), merged over the defaults, the template folder's
   * theme.json and the theme the data names; a brief's theme affects no other brief.
   */
  themeFile?: string;
  /** Merged over all of those. */
  theme?: ThemeOverride;
  /** Wins over every theme's paper. */
  paper?: Paper;
  /** Win over the theme's print settings: duplex, bleed and marks, greyscale. */
  print?: Partial<PrintSettings>;
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
  /** Sizes of the files read and of the markup (default DEFAULT_LIMITS in src/limits.ts). */
  limits?: Limits;
}

export async function renderBrief(data: Brief | unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  const source = options.source ?? 'data';
  const schema = templateFolder(options.template ?? defaultTemplate()).schema;
  const brief = parseBrief(JSON.stringify(data, null, 2), source, { schema, caches: sharedFileCaches() });
  return renderValidBrief(brief, options);
}

/** Renders data already validated against the schema and the template folder's schema.json (see loadBrief). */
export async function renderValidBrief(brief: Brief, options: RenderOptions = {}): Promise<Uint8Array> {
  const source = options.source ?? 'data';
  const digits = options.digits ?? 'latn';
  const template = templateFolder(options.template ?? defaultTemplate()).main;
  // The process's file caches (compiled templates, locales, schemas) and engines, passed down.
  const caches = sharedFileCaches();
  const layers = [...themeLayers({ template, data: brief, dataFile: options.source, themeFile: options.themeFile, caches }), options.theme ?? {}];
  const context = createContext({ theme: layers, paper: options.paper, print: options.print });
  const coverage = new CoverageCheck(context.engine.coverage, source);
  const drawable = coverage.data(brief);
  const marking = markingOf(brief, context.theme, source);
  const extras = { ...templateValues(context.theme), ...(marking ? { marking } : {}) };
  const markup = renderTemplate(drawable, { template, digits, extras, limits: options.limits, caches });
  const tree = parseMarkup(markup, { source: template, transformText: digitsInText(digits) });
  coverage.template(tree, shownPath(template));
  loadImages(tree, {
    template: path.dirname(template),
    data: options.source ? path.dirname(path.resolve(options.source)) : process.cwd(),
    dataFile: source,
    brief,
  });
  coverage.report(options);
  const laid = layoutDocument(context, tree, { digits });
  const { bleed, marks } = context.theme.print;
  return writePdf(laid, tree.meta, {
    archival: options.archival ?? true,
    creationDate: creationDate(tree.meta.date, source),
    fonts: context.pdfFonts,
    direction: directionOf(tree.meta.lang),
    bleed,
    marks,
  });
}

/**
 * The saddle-stitch booklet of a brief's PDF bytes: its pages imposed two to a sheet side, for
 * printing on both sides (flip on short edge) and folding; see src/print/booklet.ts.
 */
export async function imposeBooklet(brief: Uint8Array): Promise<Uint8Array> {
  const booklet = await import('./print/booklet.js');
  return booklet.imposeBooklet(brief);
}

/** The last moment a PDF date (four-digit year) can hold: 9999-12-31T23:59:59Z. */
const LAST_SECOND = 253402300799;

/** SOURCE_DATE_EPOCH wins (reproducible builds), then the data's date; never the clock. */
export function creationDate(date: string | undefined, source: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new InputError(`SOURCE_DATE_EPOCH must be a number of seconds, not "${epoch}"`);
    if (Number(epoch) > LAST_SECOND) throw new InputError(`SOURCE_DATE_EPOCH must be at most ${LAST_SECOND} (the end of the year 9999), not ${epoch}`);
    return new Date(Number(epoch) * 1000);
  }
  if (date) {
    const d = readDateTime(date);
    if (typeof d === 'string') throw new InputError(`${source}: the document date "${date}" ${d}`);
    return d;
  }
  return new Date(0);
}
