// The only module that talks to Handlebars. Templates are compiled once per process; every tag in
// a template is stamped with `data-src="file:line"` so that markup errors name the template line.
// Data values are escaped by Handlebars (so they can never add markup) and bidi-isolated here
// (so a stray RLO in a name cannot reorder the text around it).
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { InputError } from '../errors.js';
import { packageRoot } from '../fonts/files.js';
import { helpers } from './helpers.js';
import { isolateValues } from './isolate.js';

export type { Digits } from './helpers.js';
import type { Digits } from './helpers.js';

type HbsNode = { type: string; loc?: { start: { line: number } }; [k: string]: unknown };

const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'];
const hbs = Handlebars.create();
for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn as Handlebars.HelperDelegate);
const knownHelpers = Object.fromEntries([...BUILTIN_HELPERS, ...Object.keys(helpers)].map(h => [h, true]));
const compiled = new Map<string, { mtimeMs: number; fn: Handlebars.TemplateDelegate }>();

export const defaultTemplate = (): string => path.join(packageRoot(), 'templates', 'brief.hbs');

/** A file as messages name it: relative to the working folder when inside it, else absolute. */
export const shownPath = (file: string): string => {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(file);
};

export interface TemplateRun {
  /** Path of the main template; partials come from its `partials/` folder, then the default one. */
  template: string;
  digits: Digits;
  /** Extra values templates can read (e.g. `paper`). */
  extras?: Record<string, unknown>;
}

/** Renders the data through the template into markup text. */
export function renderTemplate(data: unknown, run: TemplateRun): string {
  const { fn, partials } = templateSet(path.resolve(run.template));
  const context = { ...(isolateValues(data) as object), ...run.extras, __digits: run.digits };
  try {
    return fn(context, { partials, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (e) {
    const why = e instanceof RangeError && /call stack/.test(e.message)
      ? 'partials include each other without end (the call stack overflowed)'
      : (e as Error).message.split('\n')[0];
    throw new InputError(`${shownPath(run.template)}: template failed: ${why}`);
  }
}

interface TemplateSet {
  fn: Handlebars.TemplateDelegate;
  /** Partials by name, passed at render time (nothing is registered globally). */
  partials: Record<string, Handlebars.TemplateDelegate>;
  /** Every file the set was compiled from, with its modification time. */
  files: Map<string, number>;
}

const sets = new Map<string, TemplateSet>();

/** The compiled template and its partials: compiled once, again only when one of its files changed. */
function templateSet(main: string): TemplateSet {
  const hit = sets.get(main);
  if (hit && [...hit.files].every(([file, mtime]) => mtimeOf(file) === mtime)) return hit;
  const set = compileWithPartials(main);
  sets.set(main, set);
  return set;
}

function mtimeOf(file: string): number {
  try { return fs.statSync(file).mtimeMs; } catch { return -1; }
}

function compileWithPartials(main: string): TemplateSet {
  const fn = compileFile(main);
  const partials: Record<string, Handlebars.TemplateDelegate> = {};
  const files = new Map([[main, mtimeOf(main)]]);
  const dirs = [...new Set([path.join(path.dirname(main), 'partials'), path.join(path.dirname(defaultTemplate()), 'partials')])];
  const pending = [...partialNames(main)];
  const seen = new Set<string>();
  while (pending.length) {
    const { name, file: from, line } = pending.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    if (!PARTIAL_NAME.test(name)) {
      throw new InputError(`${shownPath(from)}:${line}: partial name "${name}" is not allowed: partials are named by their file in a partials/ folder (letters, digits, "-", "_", and "/" for a subfolder; no "..")`);
    }
    const file = dirs.map(d => path.join(d, `${name}.hbs`)).find(f => fs.existsSync(f));
    if (!file) throw new InputError(`${shownPath(from)}:${line}: partial "${name}" not found (looked for ${dirs.map(d => shownPath(path.join(d, `${name}.hbs`))).join(' and ')})`);
    partials[name] = compileFile(file);
    files.set(file, mtimeOf(file));
    pending.push(...partialNames(file));
  }
  return { fn, partials, files };
}

/** Partial names: file names below a partials/ folder, never leaving it. */
const PARTIAL_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*(?:\/[\p{L}\p{N}_][\p{L}\p{N}_.-]*)*$/u;

const asts = new Map<string, { mtimeMs: number; ast: hbs.AST.Program }>();

function parseFile(file: string): hbs.AST.Program {
  let stat: fs.Stats;
  try { stat = fs.statSync(file); } catch { throw new InputError(`cannot read template ${shownPath(file)}: no such file`); }
  if (stat.isDirectory()) throw new InputError(`cannot read template ${shownPath(file)}: it is a folder, not a file`);
  const hit = asts.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.ast;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read template ${shownPath(file)}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? (e as Error).message}`);
  }
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = new TextDecoder('utf-8').decode(bytes).split('\uFFFD')[0].split('\n').length;
    throw new InputError(`${shownPath(file)}:${line}: the template is not UTF-8 text; save it as UTF-8`);
  }
  let ast: hbs.AST.Program;
  try {
    ast = hbs.parse(source);
  } catch (e) {
    throw new InputError(`${shownPath(file)}:${lineOf(e as Error) ?? '?'}: Handlebars syntax error: ${summary(e as Error)}`);
  }
  rejectUnescaped(ast as unknown as HbsNode, shownPath(file));
  stampSources(ast as unknown as HbsNode, shownPath(file));
  asts.set(file, { mtimeMs: stat.mtimeMs, ast });
  return ast;
}

function compileFile(file: string): Handlebars.TemplateDelegate {
  const ast = parseFile(file);
  const mtimeMs = fs.statSync(file).mtimeMs;
  const hit = compiled.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.fn;
  const options = { knownHelpers, knownHelpersOnly: true, noEscape: false };
  try {
    hbs.precompile(ast, options); // reports unknown helpers now, with their line, not mid-render
  } catch (e) {
    const m = /unknown helper (\S+)/.exec((e as Error).message);
    const what = m ? `unknown helper "${m[1]}" (helpers: ${Object.keys(knownHelpers).join(', ')})` : summary(e as Error);
    throw new InputError(`${shownPath(file)}:${lineOf(e as Error) ?? '?'}: ${what}`);
  }
  const fn = hbs.compile(ast, options);
  compiled.set(file, { mtimeMs, fn });
  return fn;
}

function partialNames(file: string): { name: string; file: string; line: number }[] {
  const out: { name: string; file: string; line: number }[] = [];
  walk(parseFile(file) as unknown as HbsNode, node => {
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
      throw new InputError(`${file}:${node.loc?.start.line ?? '?'}: {{{…}}} and {{&…}} write a value without escaping it, so data could add markup; write {{…}}`);
    }
  });
}

/** Adds `data-src="file:line"` to every opening tag in the template's literal text. */
function stampSources(ast: HbsNode, file: string): void {
  walk(ast, node => {
    if (node.type !== 'ContentStatement') return;
    const value = node.value as string;
    const original = (node.original as string) ?? value;
    const lead = Math.max(0, original.indexOf(value));
    const startLine = node.loc?.start.line ?? 1;
    node.value = value.replace(/<([a-zA-Z][\w-]*)(?=[\s/>])/g, (m, tag: string, at: number) => {
      const line = startLine + (original.slice(0, lead + at).match(/\n/g)?.length ?? 0);
      return `<${tag} data-src="${file}:${line}"`;
    });
  });
}

function walk(node: unknown, visit: (n: HbsNode) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) { node.forEach(n => walk(n, visit)); return; }
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
