#!/usr/bin/env node
// `npm run brief -- [data.json ...] [options]`: renders briefs to dist/<name>.pdf.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Paper, RenderOptions } from './index.js';
import { CliError, runCli } from './cli-support.js';
import { checkNpmAteOptions, checkOptionNames, checkOutName, versionLine } from './cli-hints.js';
import { runBatch } from './batch-report.js';
import {
  DEFAULT_LIMITS,
  MAX_BLOCKS,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_PIXELS,
  MAX_IMAGE_SIDE,
  MAX_MARKS,
  MAX_PAGES,
  MAX_VALUE_CHARS,
  parseSize,
  showSize,
  type Limits,
} from './limits.js';
import { MAX_PROBLEMS, MESSAGE_LINE_WIDTH, shownPath } from './errors.js';
import { FIRST_YEAR, LAST_YEAR } from './data/dates.js';
import { MAIL_HELP, mailCommand } from './mail/cli.js';
import { PRINT_HELP, PRINT_OPTIONS, printSettings, writeBooklets } from './print/cli.js';
import { isMainModule } from './main-module.js';
import { packageRoot } from './package-root.js';

const HELP = (): string => `Usage: npm run brief -- [data.json ...] [options]

Renders each data file through the Handlebars templates to a PDF named after it
(dist/<name>.pdf). With no data file, renders data/summit.json.

Options:
  --data <file.json>       data file (same as giving it as an argument)
  --template <folder>      template folder: its brief.hbs, its partials/ (then
                           templates/partials/) and its schema.json, which the
                           data must satisfy too (default: templates/); or the
                           folder's main .hbs file
  --out <file.pdf>         output file (one data file only; default dist/<name>.pdf)
  --out-dir <folder>       output folder (default dist)
  --theme <file.json>      theme file (see README, "Themes"); wins over the
                           template folder's theme.json and the data's "theme"
  --paper a4|letter        paper size (default: the theme's, a4; a theme can
                           also give a5, a custom size and the orientation)
  --digits latn|arab|arabext
                           Western (0-9), Arabic-Indic (٠-٩) or Extended
                           Arabic-Indic (۰-۹) digits (default latn)
  --no-archival            plain PDF instead of PDF/A-2b
  --missing-glyphs error|replace
                           characters no font can draw: stop (default), or print
                           "?" in their place and list them as warnings
  --jobs <n>               briefs rendered at once, each in its own thread
                           (default: one per core; 1 for a single data file)
  --max-input-size <size>  largest file read: data, template, partial
                           (default ${showSize(DEFAULT_LIMITS.inputBytes)}; e.g. 8MB, 512KB)
  --max-markup-size <size> most markup the templates may expand to
                           (default ${showSize(DEFAULT_LIMITS.markupChars)} characters)
  -h, --help               this help
  --version                the version of mowjaz
${PRINT_HELP}
${MAIL_HELP}

Limits: ${MAX_VALUE_CHARS} characters in one data value, ${MAX_MARKS} combining marks on
one character, dates in the years ${FIRST_YEAR} to ${LAST_YEAR}, ${MAX_BLOCKS} blocks and ${MAX_PAGES} pages in
a document; an image file is at most ${showSize(MAX_IMAGE_BYTES)} and ${MAX_IMAGE_SIDE} pixels a side (${MAX_IMAGE_PIXELS} in all),
inside its template's or data file's folder; at most ${MAX_PROBLEMS} problems or warnings are listed, message lines are cut
at ${MESSAGE_LINE_WIDTH} characters. Only regular files are read; the output must be
a PDF file or not exist yet (a symbolic link is followed).

Exit codes: 0 success, 1 output or system failure, 2 bad input or bad template.
129, 130, 143: stopped by SIGHUP, SIGINT, SIGTERM (no unfinished file is left).`;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new CliError(`--${name} must be ${allowed.join(' or ')}, not "${value}"`, 2);
  return value as T;
}

const OPTIONS = {
  data: { type: 'string', multiple: true },
  template: { type: 'string' },
  theme: { type: 'string' },
  out: { type: 'string' },
  'out-dir': { type: 'string' },
  paper: { type: 'string' },
  digits: { type: 'string' },
  'no-archival': { type: 'boolean' },
  'missing-glyphs': { type: 'string' },
  jobs: { type: 'string' },
  'max-input-size': { type: 'string' },
  'max-markup-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  ...PRINT_OPTIONS,
} as const;

async function main(argv: string[]): Promise<void> {
  const mail = mailCommand(argv);
  checkNpmAteOptions(process.env, mail.rest, OPTIONS);
  checkOptionNames(mail.rest, OPTIONS);
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args: mail.rest, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\nRun with --help for the options.`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP());
    return;
  }
  if (values.version) {
    console.log(versionLine(packageRoot()));
    return;
  }
  checkOutName(values.out);
  const files = [...(values.data ?? []), ...positionals];
  if (!files.length) files.push(shownPath(path.join(packageRoot(), 'data', 'summit.json')));
  if (values.out && files.length > 1) throw new CliError('--out names one file; with several data files use --out-dir', 2);
  mail.check(files);
  const options: RenderOptions = {
    template: values.template,
    themeFile: values.theme,
    paper: values.paper === undefined ? undefined : oneOf<Paper>('paper', values.paper, ['a4', 'letter'], 'a4'),
    print: printSettings(values),
    digits: oneOf<'latn' | 'arab' | 'arabext'>('digits', values.digits, ['latn', 'arab', 'arabext'], 'latn'),
    archival: !values['no-archival'],
    missingGlyphs: oneOf<'error' | 'replace'>('missing-glyphs', values['missing-glyphs'], ['error', 'replace'], 'error'),
    limits: limitsOption(values['max-input-size'], values['max-markup-size']),
  };
  if (values.template && !fs.existsSync(values.template)) throw new CliError(`cannot read template ${values.template}: no such file`, 2);
  const outDir = values['out-dir'] ?? 'dist';

  const tasks = files.map(file => ({ file, out: values.out ?? path.join(outDir, `${path.basename(file).replace(/\.json$/i, '')}.pdf`) }));
  const { outcomes, exitCode } = await runBatch(tasks, options, values.jobs === undefined ? undefined : jobsOption(values.jobs));
  const booklets = values.booklet ? await writeBooklets(outcomes) : 0;
  const mailed = await mail.run(outcomes);
  if (exitCode || mailed || booklets) process.exitCode = Math.max(exitCode, mailed, booklets);
}

function limitsOption(input: string | undefined, markup: string | undefined): Limits {
  const size = (name: string, value: string | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    const bytes = parseSize(value);
    if (bytes === undefined) throw new CliError(`--${name} must be a size such as 8MB, 512KB or 100000, not "${value}"`, 2);
    return bytes;
  };
  return { inputBytes: size('max-input-size', input, DEFAULT_LIMITS.inputBytes), markupChars: size('max-markup-size', markup, DEFAULT_LIMITS.markupChars) };
}

function jobsOption(value: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) throw new CliError(`--jobs must be a whole number of at least 1, not "${value}"`, 2);
  return Number(value);
}

/** Runs the command line with these arguments (without node and the script); sets process.exitCode. */
export function run(argv: string[]): Promise<void> {
  return runCli(() => main(argv));
}

if (isMainModule(import.meta.url)) void run(process.argv.slice(2));
