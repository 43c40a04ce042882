#!/usr/bin/env node
// `npm run brief -- [data.json ...] [options]`: renders briefs to dist/<name>.pdf.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RenderOptions } from './index.js';
import { CliError, runCli } from './cli-support.js';
import { checkNpmAteOptions, checkOptionNames, checkOutName, versionLine } from './cli-hints.js';
import { runBatch } from './batch.js';
import { packageRoot } from './fonts/files.js';
import { MAIL_HELP, mailCommand } from './mail/cli.js';
import { isMainModule } from './main-module.js';

const HELP = `Usage: npm run brief -- [data.json ...] [options]

Renders each data file through the Handlebars templates to a PDF named after it
(dist/<name>.pdf). With no data file, renders data/summit.json.

Options:
  --data <file.json>       data file (same as giving it as an argument)
  --template <file.hbs>    main template (default: templates/brief.hbs); partials
                           come from its partials/ folder, then templates/partials/
  --out <file.pdf>         output file (one data file only; default dist/<name>.pdf)
  --out-dir <folder>       output folder (default dist)
  --paper a4|letter        paper size (default a4)
  --digits latn|arab       Western (0-9) or Arabic-Indic (٠-٩) digits (default latn)
  --no-archival            plain PDF instead of PDF/A-2b
  --missing-glyphs error|replace
                           characters no font can draw: stop (default), or print
                           "?" in their place and list them as warnings
  --jobs <n>               briefs rendered at once, each in its own thread
                           (default: one per core; 1 for a single data file)
  -h, --help               this help
  --version                the version of mowjaz
${MAIL_HELP}

Exit codes: 0 success, 1 output or system failure, 2 bad input or bad template.`;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new CliError(`--${name} must be ${allowed.join(' or ')}, not "${value}"`, 2);
  return value as T;
}

const OPTIONS = {
  data: { type: 'string', multiple: true },
  template: { type: 'string' },
  out: { type: 'string' },
  'out-dir': { type: 'string' },
  paper: { type: 'string' },
  digits: { type: 'string' },
  'no-archival': { type: 'boolean' },
  'missing-glyphs': { type: 'string' },
  jobs: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

async function main(argv: string[]): Promise<void> {
  const mail = mailCommand(argv);
  checkNpmAteOptions(process.env, mail.rest, OPTIONS);
  checkOptionNames(mail.rest, OPTIONS);
  let parsed;
  try {
    parsed = parseArgs({ args: mail.rest, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\nRun with --help for the options.`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) { console.log(HELP); return; }
  if (values.version) { console.log(versionLine(packageRoot())); return; }
  checkOutName(values.out);
  const files = [...(values.data ?? []), ...positionals];
  if (!files.length) files.push(path.relative(process.cwd(), path.join(packageRoot(), 'data', 'summit.json')) || 'data/summit.json');
  if (values.out && files.length > 1) throw new CliError('--out names one file; with several data files use --out-dir', 2);
  mail.check(files);
  const options: RenderOptions = {
    template: values.template,
    paper: oneOf<'a4' | 'letter'>('paper', values.paper, ['a4', 'letter'], 'a4'),
    digits: oneOf<'latn' | 'arab' | 'arabext'>('digits', values.digits, ['latn', 'arab', 'arabext'], 'latn'),
    archival: !values['no-archival'],
    missingGlyphs: oneOf<'error' | 'replace'>('missing-glyphs', values['missing-glyphs'], ['error', 'replace'], 'error'),
    onWarning: message => process.stderr.write(`mowjaz: warning: ${message}\n`),
  };
  if (values.template && !fs.existsSync(values.template)) throw new CliError(`cannot read template ${values.template}: no such file`, 2);
  const outDir = values['out-dir'] ?? 'dist';

  const tasks = files.map(file => ({ file, out: values.out ?? path.join(outDir, `${path.basename(file).replace(/\.json$/i, '')}.pdf`) }));
  const { outcomes, exitCode } = await runBatch(tasks, options, values.jobs === undefined ? undefined : jobsOption(values.jobs));
  const mailed = await mail.run(outcomes);
  if (exitCode || mailed) process.exitCode = Math.max(exitCode, mailed);
}

function jobsOption(value: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) throw new CliError(`--jobs must be a whole number of at least 1, not "${value}"`, 2);
  return Number(value);
}

/** Runs the command line with these arguments (without node and the script); sets process.exitCode. */
export function run(argv: string[]): Promise<void> {
  return runCli(() => main(argv));
}

if (isMainModule(import.meta.url)) run(process.argv.slice(2));
