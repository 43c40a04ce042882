// The only module that talks to Handlebars. Templates are compiled once and kept in the file caches
// it is handed (src/file-cache.ts: again when a file changes, within a bound); every tag in
// a template is stamped with `data-src="file:line"` so that markup errors name the template line.
// Data values are escaped by Handlebars (so they can never add markup) and bidi-isolated here
// (so a stray RLO in a name cannot reorder the text around it).
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { InputError, shownPath } from '../errors.js';
import { cacheKey, sharedFileCaches, type FileCaches } from '../file-cache.js';
import { decodeUtf8, readInputFile, realPathInside } from '../input-file.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { packageRoot } from '../package-root.js';
import { helpers } from './helper-registry.js';
import { isolateValues } from './isolate.js';

export type { Digits } from './helpers.js';
import type { Digits } from './helpers.js';

type HbsNode = { type: string; loc?: { start: { line: number } }; [k: string]: unknown };

const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'];
const hbs = Handlebars.create();
for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn as Handlebars.HelperDelegate);
const knownHelpers = Object.fromEntries([...BUILTIN_HELPERS, ...Object.keys(helpers)].map(h => [h, true]));

export const defaultTemplate = (): string => path.join(packageRoot(), 'templates', 'brief.hbs');

export interface TemplateRun {
  /** Path of the main template; partials come from its `partials/` folder, then the default one. */
  template: string;
  digits: Digits;
  /** Extra values templates can read (e.g. `paper`). */
  extras?: Record<string, unknown>;
  /** Size of each template file read, and of the markup they expand to (default DEFAULT_LIMITS). */
  limits?: Limits;
  /** Where compiled templates are kept (default: the process's, sharedFileCaches()). */
  caches?: FileCaches;
}

/** Renders the data through the template into markup text. */
export function renderTemplate(data: unknown, run: TemplateRun): string {
  const limits = run.limits ?? DEFAULT_LIMITS;
  const main = path.resolve(run.template);
  const caches = run.caches ?? sharedFileCaches();
  const { fn, partials, sources } = templateSet(caches, main, limits.inputBytes);
  const context = { ...(isolateValues(data) as object), ...run.extras, __digits: run.digits };
  // Each partial's output is measured as it is made, so partials that double their output stop
  // at the limit instead of filling memory; a failure is tied to the file it happened in.
  const bounded = Object.fromEntries(
    Object.entries(partials).map(([name, partial]) => [name, guarded(caches, partial, sources.get(name)!, limits.markupChars)]),
  );
  const markup = guarded(
    caches,
    fn,
    main,
    limits.markupChars,
  )(context, { partials: bounded, data: { fileCaches: caches }, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  return markup;
}

/** A failure while a template file runs, already worded with that file and line. */
class TemplateFailure extends InputError {}

function guarded(caches: FileCaches, fn: Handlebars.TemplateDelegate, file: string, maxChars: number): Handlebars.TemplateDelegate {
  return (context, options) => {
    let out: string;
    try {
      out = fn(context, options);
    } catch (e) {
      if (e instanceof TemplateFailure) throw e;
      throw new TemplateFailure(`${shownPath(file)}${runtimeLine(e, caches.of(TEMPLATE_FILES).peek(file)?.ast)}: ${runtimeWords(e)}`);
    }
    if (out.length > maxChars) {
      throw new TemplateFailure(
        `${shownPath(file)}: the template expands to more than ${maxChars} characters of markup, the limit (--max-markup-size raises it)`,
      );
    }
    return out;
  };
}

/** ":12" when the error carries the line it happened on, or the line can be found from what it read. */
function runtimeLine(e: unknown, ast: hbs.AST.Program | undefined): string {
  const line = e instanceof Error ? lineOf(e) : undefined;
  if (line !== undefined) return `:${line}`;
  // A strict lookup through a missing optional object ("sources.length" without sources) has no location: find the path.
  const read = e instanceof TypeError ? /reading '([^']*)'/.exec(e.message)?.[1] : undefined;
  if (read === undefined) return '';
  let found: number | undefined;
  walk(ast, node => {
    if (found === undefined && node.type === 'PathExpression' && (node.parts as string[]).indexOf(read) > 0) found = node.loc?.start.line;
  });
  return found === undefined ? '' : `:${found}`;
}

function runtimeWords(e: unknown): string {
  if (e instanceof RangeError && /call stack/.test(e.message)) return 'template failed: partials include each other without end (the call stack overflowed)';
  if (e instanceof RangeError && /string length/.test(e.message)) return 'the template expands to more markup than a string can hold';
  const message = e instanceof Error ? e.message : String(e);
  const missing = /^"([^"]*)" not defined in/.exec(message);
  if (missing) return `"${missing[1]}" is not a field of the data here (test an optional field with {{#if ${missing[1]}}})`;
  const through = e instanceof TypeError ? /reading '([^']*)'/.exec(message) : null;
  if (through) return `"${through[1]}" is read from a field the data does not have (test an optional field with {{#if …}} first)`;
  if (e instanceof InputError) return `template failed: ${e.message}`;
  return `template failed: ${message.split('\n')[0]}`;
}

interface TemplateSet {
  fn: Handlebars.TemplateDelegate;
  /** Partials by name, passed at render time (nothing is registered globally). */
  partials: Record<string, Handlebars.TemplateDelegate>;
  /** The file each partial was read from. */
  sources: Map<string, string>;
}

/** A template file, parsed (checked, its tags stamped with their lines) and compiled. */
interface CompiledFile {
  ast: hbs.AST.Program;
  fn: Handlebars.TemplateDelegate;
}

/** Main templates with their partials, by the main template's path. */
const TEMPLATE_SETS = cacheKey<TemplateSet>('template sets');
/** Each template or partial file, by its path. */
const TEMPLATE_FILES = cacheKey<CompiledFile>('template files');

/** The compiled template and its partials: compiled once, again only when one of its files changed. */
function templateSet(caches: FileCaches, main: string, maxBytes: number): TemplateSet {
  return caches.of(TEMPLATE_SETS).get(main, stamp => compileWithPartials(caches, main, maxBytes, stamp));
}

function compileWithPartials(caches: FileCaches, main: string, maxBytes: number, stamp: (file: string) => void): TemplateSet {
  stamp(main);
  const fn = compileFile(caches, main, maxBytes).fn;
  const partials: Record<string, Handlebars.TemplateDelegate> = {};
  const sources = new Map<string, string>();
  const dirs = [...new Set([path.join(path.dirname(main), 'partials'), path.join(path.dirname(defaultTemplate()), 'partials')])];
  const pending = [...partialNames(caches, main, maxBytes)];
  const seen = new Set<string>();
  while (pending.length) {
    const { name, file: from, line } = pending.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    if (!PARTIAL_NAME.test(name)) {
      throw new InputError(
        `${shownPath(from)}:${line}: partial name "${name}" is not allowed: partials are named by their file in a partials/ folder (letters, digits, "-", "_", and "/" for a subfolder; no "..")`,
      );
    }
    const dir = dirs.find(d => fs.existsSync(path.join(d, `${name}.hbs`)));
    if (!dir)
      throw new InputError(
        `${shownPath(from)}:${line}: partial "${name}" not found (looked for ${dirs.map(d => shownPath(path.join(d, `${name}.hbs`))).join(' and ')})`,
      );
    const file = path.join(dir, `${name}.hbs`);
    confine(file, dir, `${shownPath(from)}:${line}: partial "${name}"`);
    stamp(file);
    partials[name] = compileFile(caches, file, maxBytes).fn;
    sources.set(name, file);
    pending.push(...partialNames(caches, file, maxBytes));
  }
  return { fn, partials, sources };
}

/** A partial is read only if, symbolic links followed, it lies inside its partials/ folder. */
function confine(file: string, dir: string, what: string): void {
  const found = realPathInside(file, dir);
  if (found === 'missing') throw new InputError(`${what}: ${shownPath(file)} is a symbolic link to nothing`);
  if (found === 'outside') {
    throw new InputError(`${what}: ${shownPath(file)} leads outside its folder ${shownPath(dir)} (to ${fs.realpathSync(file)}); partials must lie inside it`);
  }
}

/** Partial names: file names below a partials/ folder, never leaving it. */
const PARTIAL_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*(?:\/[\p{L}\p{N}_][\p{L}\p{N}_.-]*)*$/u;

function parseFile(file: string, maxBytes: number): hbs.AST.Program {
  const source = decodeUtf8(readInputFile(file, { what: 'template', maxBytes, shown: shownPath(file) }), shownPath(file));
  let ast: hbs.AST.Program;
  try {
    ast = hbs.parse(source);
  } catch (e) {
    throw new InputError(`${shownPath(file)}:${lineOf(e as Error) ?? '?'}: Handlebars syntax error: ${summary(e as Error)}`);
  }
  rejectUnescaped(ast as unknown as HbsNode, shownPath(file));
  rejectSections(ast as unknown as HbsNode, shownPath(file));
  stampSources(ast as unknown as HbsNode, shownPath(file));
  return ast;
}

function compileFile(caches: FileCaches, file: string, maxBytes: number): CompiledFile {
  return caches.of(TEMPLATE_FILES).fromFile(file, () => {
    const ast = parseFile(file, maxBytes);
    return { ast, fn: compileAst(ast, file) };
  });
}

function compileAst(ast: hbs.AST.Program, file: string): Handlebars.TemplateDelegate {
  // strict: a field the data does not have is an error, not an empty string; {{#if}} tests optional ones.
  const options = { knownHelpers, knownHelpersOnly: true, noEscape: false, strict: true };
  try {
    hbs.precompile(ast, options); // reports unknown helpers now, with their line, not mid-render
  } catch (e) {
    const m = /unknown helper (\S+)/.exec((e as Error).message);
    const what = m ? `unknown helper "${m[1]}" (helpers: ${Object.keys(knownHelpers).join(', ')})` : summary(e as Error);
    throw new InputError(`${shownPath(file)}:${lineOf(e as Error) ?? '?'}: ${what}`);
  }
  return hbs.compile(ast, options);
}

function partialNames(caches: FileCaches, file: string, maxBytes: number): { name: string; file: string; line: number }[] {
  const out: { name: string; file: string; line: number }[] = [];
  walk(compileFile(caches, file, maxBytes).ast as unknown as HbsNode, node => {
    if (node.type !== 'PartialStatement' && node.type !== 'PartialBlockStatement') return;
    const name = node.name as HbsNode;
    if (name.type === 'PathExpression' || name.type === 'StringLiteral') out.push({ name: String(name.original), file, line: node.loc?.start.line ?? 0 });
  });
  return out;
}

/** `{{{value}}}` and `{{& value}}` write data unescaped, so data could add markup: refused. */
function rejectUnescaped(ast: HbsNode, file: string): void {
  walk(ast, node => {
    if (node.type === 'MustacheStatement' && node.escaped === false) {
      throw new InputError(
        `${file}:${node.loc?.start.line ?? '?'}: {{{…}}} and {{&…}} write a value without escaping it, so data could add markup; write {{…}}`,
      );
    }
  });
}

/**
 * `{{#name}}…{{/name}}` with no helper of that name would silently repeat or skip its content as
 * a field is a list or missing: refused, naming the helpers and the explicit forms.
 */
function rejectSections(ast: HbsNode, file: string): void {
  walk(ast, node => {
    if (node.type !== 'BlockStatement') return;
    const name = (node.path as HbsNode).original as string;
    if (!Object.hasOwn(knownHelpers, name)) {
      throw new InputError(
        `${file}:${node.loc?.start.line ?? '?'}: unknown block helper "${name}" (block helpers: ${BUILTIN_HELPERS.filter(h => h !== 'lookup' && h !== 'log').join(', ')}; write {{#each ${name}}} to repeat over a list, {{#if ${name}}} to test a field)`,
      );
    }
  });
}

/** Attribute text as htmlparser2 reads it back: `&` and `"` escaped, so any file name fits between quotes. */
const attributeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Adds `data-src="file:line"` to every opening tag in the template's literal text. */
function stampSources(ast: HbsNode, file: string): void {
  walk(ast, node => {
    if (node.type !== 'ContentStatement') return;
    const value = node.value as string;
    const original = (node.original as string) ?? value;
    const lead = Math.max(0, original.indexOf(value));
    const startLine = node.loc?.start.line ?? 1;
    node.value = value.replace(/<([a-zA-Z][\w-]*)(?=[\s/>])/g, (_m, tag: string, at: number) => {
      const line = startLine + (original.slice(0, lead + at).match(/\n/g)?.length ?? 0);
      return `<${tag} data-src="${attributeText(`${file}:${line}`)}"`;
    });
  });
}

function walk(node: unknown, visit: (n: HbsNode) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach(n => walk(n, visit));
    return;
  }
  const n = node as HbsNode;
  if (typeof n.type === 'string') visit(n);
  for (const key of ['body', 'program', 'inverse', 'params', 'hash', 'pairs', 'value', 'path', 'name']) {
    const child = n[key];
    if (child && typeof child === 'object') walk(child, visit);
  }
}

function lineOf(e: Error & { lineNumber?: number }): number | undefined {
  if (typeof e.lineNumber === 'number') return e.lineNumber;
  const m = /on line (\d+)/.exec(e.message) ?? / - (\d+):\d+/.exec(e.message);
  return m ? Number(m[1]) : undefined;
}

function summary(e: Error): string {
  const lines = e.message.split('\n').filter(Boolean);
  return (lines.length > 1 ? lines[lines.length - 1] : lines[0]).replace(/ - \d+:\d+$/, '');
}
