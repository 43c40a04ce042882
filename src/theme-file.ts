// Theme files: JSON validated against themes/theme.schema.json (problems reported by file, line
// and JSON path, as for data files), lengths turned into points; and the layers a brief's theme
// is merged from, in order of precedence: the defaults, the template folder's theme.json, the
// theme the data names, the command line's --theme.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parseValidJson, readJsonText } from './data/load.js';
import { realPathInside } from './input-file.js';
import { InputError } from './errors.js';
import { cacheKey, sharedFileCaches, type FileCaches } from './file-cache.js';
import { packageRoot } from './package-root.js';
import { shownPath } from './errors.js';
import { MM, PALETTE_NAMES, type ThemeOverride } from './theme.js';

export const themeSchemaPath = (): string => path.join(packageRoot(), 'themes', 'theme.schema.json');

/** A theme is a few kilobytes; anything much larger is not one. */
export const MAX_THEME_BYTES = 256 * 1024;

/** The file a template folder's theme is read from, beside the main template. */
export const TEMPLATE_THEME = 'theme.json';

const LENGTH = /^([0-9]+(?:\.[0-9]+)?)\s*(mm|pt)$/;
const MAX_LENGTH = 2000;

/** A length of a theme file in points: a number is points already; "…mm" and "…pt" strings are converted. */
export function toPoints(length: number | string): number {
  if (typeof length === 'number') return length;
  const m = LENGTH.exec(length);
  if (!m) throw new Error(`not a length: ${length}`); // the schema lets only lengths through
  return m[2] === 'mm' ? Number(m[1]) * MM : Number(m[1]);
}

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  $defs?: Record<string, SchemaNode>;
}

interface ThemeValidator {
  validate: ValidateFunction<object>;
  schema: SchemaNode;
}

/** The theme schema's validator, by the schema's path. */
const THEME_VALIDATORS = cacheKey<ThemeValidator>('theme validators');

function themeValidator(caches: FileCaches): ThemeValidator {
  return caches.of(THEME_VALIDATORS).fromFile(themeSchemaPath(), newThemeValidator);
}

function newThemeValidator(file: string): ThemeValidator {
  let schema: SchemaNode;
  try {
    schema = JSON.parse(fs.readFileSync(file, 'utf8')) as SchemaNode;
  } catch (e) {
    // The schema ships with mowjaz: this is a broken installation, not bad input.
    throw new Error(`cannot load the theme schema ${file}: ${(e as Error).message}`);
  }
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true });
  const length = (s: string) => LENGTH.test(s) && toPoints(s) <= MAX_LENGTH;
  ajv.addFormat('length', { type: 'string', validate: length });
  ajv.addFormat('paper-length', { type: 'string', validate: s => LENGTH.test(s) && toPoints(s) >= 100 * MM - 0.01 && toPoints(s) <= 5000 });
  ajv.addFormat('hex-colour', { type: 'string', validate: /^#[0-9a-fA-F]{6}$/ });
  ajv.addFormat('colour', { type: 'string', validate: s => /^#[0-9a-fA-F]{6}$/.test(s) || (PALETTE_NAMES as readonly string[]).includes(s) });
  ajv.addFormat('paper', { type: 'string', validate: /^(a4|letter|a5)$/ });
  return { validate: ajv.compile<object>(schema), schema };
}

/**
 * A validated theme with every length in points: the schema says where lengths are (the
 * definitions named `length` and `paperLength`), so the conversion follows it.
 */
function inPoints(value: unknown, node: SchemaNode, root: SchemaNode): unknown {
  if (node.$ref) {
    const name = node.$ref.replace('#/$defs/', '');
    if ((name === 'length' || name === 'paperLength') && (typeof value === 'number' || typeof value === 'string')) return toPoints(value);
    return inPoints(value, root.$defs![name], root);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !node.properties) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== '$schema')
      .map(([k, v]) => [k, inPoints(v, node.properties![k], root)]),
  );
}

/** Parses and validates a theme file's text; `file` names it in messages. */
export function parseTheme(text: string, file: string, caches: FileCaches = sharedFileCaches()): ThemeOverride {
  const { validate, schema } = themeValidator(caches);
  return inPoints(parseValidJson(text, file, validate), schema, schema) as ThemeOverride;
}

/**
 * Reads a theme file: a regular file of at most MAX_THEME_BYTES, and, when `folder` is given,
 * inside that folder once links are followed (a theme a brief or a template names stays beside it).
 */
export function loadThemeFile(file: string, folder?: string, caches?: FileCaches): ThemeOverride {
  const shown = shownPath(file);
  let stat: fs.Stats;
  let real: string;
  try {
    real = fs.realpathSync(file);
    stat = fs.statSync(real);
  } catch {
    return parseTheme(readJsonText(file, 'theme file'), shown, caches); // reports why it cannot be read
  }
  if (folder !== undefined) {
    if (realPathInside(real, folder) === 'outside') {
      throw new InputError(`${shown}: the theme file is outside ${shownPath(folder)}; a theme named by a brief or a template must be in its folder`);
    }
  }
  if (!stat.isFile()) throw new InputError(`cannot read theme file ${shown}: it is not a regular file`);
  if (stat.size > MAX_THEME_BYTES) throw new InputError(`${shown}: the theme file is ${stat.size} bytes; a theme is at most ${MAX_THEME_BYTES} bytes`);
  return parseTheme(readJsonText(real, 'theme file'), shown, caches);
}

export interface ThemeSources {
  /** The main template: a theme.json beside it is the template folder's theme. */
  template: string;
  /** The data: its `theme` property, if any, names a theme file relative to the data file's folder. */
  data: unknown;
  /** The data file (none: the working folder holds what the data names). */
  dataFile?: string;
  /** The command line's --theme: wins over the others. */
  themeFile?: string;
  /** Where the theme schema's validator is kept (default: the process's, sharedFileCaches()). */
  caches?: FileCaches;
}

/** The theme layers of one brief, lowest precedence first, each to be merged over the defaults in turn. */
export function themeLayers(sources: ThemeSources): ThemeOverride[] {
  const layers: ThemeOverride[] = [];
  const templateFolder = path.dirname(path.resolve(sources.template));
  const beside = path.join(templateFolder, TEMPLATE_THEME);
  const { caches } = sources;
  if (fs.existsSync(beside)) layers.push(loadThemeFile(beside, templateFolder, caches));
  const named = (sources.data as { theme?: unknown } | null)?.theme;
  if (typeof named === 'string') {
    const dataFolder = sources.dataFile ? path.dirname(path.resolve(sources.dataFile)) : process.cwd();
    layers.push(loadThemeFile(path.resolve(dataFolder, named), dataFolder, caches));
  }
  if (sources.themeFile !== undefined) layers.push(loadThemeFile(sources.themeFile, undefined, caches));
  return layers;
}
