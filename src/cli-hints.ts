// What the brief command tells a newcomer who typed something almost right: the closest real
// option for a misspelt one, options npm took for itself (`npm run brief --paper letter`), an
// output name that is not a PDF's, and the version.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { distance } from 'fastest-levenshtein';
import { CliError } from './cli-support.js';
import { namesFolder } from './output.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The option names a person may type, with `--no-` forms spelt out as the parser knows them. */
const names = (options: Options): string[] => Object.keys(options);

/** The real option closest to `name`, if it is close enough to be the one meant. */
export function closestOption(name: string, options: Options): string | undefined {
  let best: string | undefined,
    bestDistance = Infinity;
  for (const candidate of names(options)) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/** Refuses an unknown option, naming the closest real one (`--papr` → `--paper`). */
export function checkOptionNames(argv: string[], options: Options): void {
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option' || Object.hasOwn(options, token.name)) continue;
    const shown = token.rawName;
    const near = token.rawName.startsWith('--') ? closestOption(token.name, options) : undefined;
    throw new CliError(`unknown option ${shown}${near ? `; did you mean --${near}?` : ''}\nRun with --help for the options.`, 2);
  }
}

/**
 * `npm run brief --paper letter` gives --paper to npm, which hands it on only as the environment
 * variable npm_config_paper (and "letter" as a data file). Found, it is explained rather than run.
 */
export function checkNpmAteOptions(env: NodeJS.ProcessEnv, argv: string[], options: Options): void {
  if (!env.npm_lifecycle_event) return; // not started by npm run
  // npm takes an unknown `--paper letter` as a flag and passes "letter" on as an argument.
  const passedOn = argv.filter(a => !a.startsWith('-'));
  const eaten: string[] = [];
  for (const name of names(options)) {
    if (name === 'help' || name === 'version') continue; // npm answers these itself
    const forms = name.startsWith('no-') ? [name, name.slice(3)] : [name];
    for (const form of forms) {
      const value = env[`npm_config_${form.replace(/-/g, '_')}`];
      if (value === undefined) continue;
      const flag = value === '' || value === 'true' || value === 'false';
      const given = options[name].type === 'boolean' ? '' : flag ? passedOn.shift() : value;
      eaten.push(given === undefined || given === '' ? `--${name}` : `--${name} ${given}`);
      break;
    }
  }
  if (!eaten.length) return;
  const list = eaten.join(' ');
  const what = eaten.length > 1 ? 'options and did not pass them on' : 'option and did not pass it on';
  throw new CliError(`npm took ${list} as its own ${what}: put options for the brief after --, as in: npm run ${env.npm_lifecycle_event} -- ${list}`, 2);
}

/**
 * A new output file must be named *.pdf. An existing file that is not a PDF, an empty name and a
 * name that is a folder (`dir/`, `.`) are refused when written, with the writer's own message.
 */
export function checkOutName(out: string | undefined): void {
  if (!out || namesFolder(out) || /\.pdf$/i.test(out) || fs.existsSync(out)) return;
  throw new CliError(`--out ${out}: the output file's name must end in .pdf`, 2);
}

/** `mowjaz 0.1.0`, from the package's own package.json. */
export function versionLine(root: string): string {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  return `${name} ${version}`;
}
