#!/usr/bin/env node
// `mowjaz <command> [options]`: the package's one program. Each command is an existing CLI module,
// run exactly as `node <module> [options]` runs it, so `mowjaz brief …` and `npm run brief -- …`
// behave alike: same options, messages and exit codes.
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { CliError, runCli } from './cli-support.js';

/**
 * The heap's growth after each full GC, as scripts/node-flags sets it for `npm run brief` (see the
 * README's Performance section): of those flags, the one V8 still reads once it has started.
 */
const HEAP_GROWING_FLAG = '--heap-growing-percent=50';
v8.setFlagsFromString(HEAP_GROWING_FLAG);

interface Command {
  /** One line for `mowjaz --help`. */
  summary: string;
  /** The module's own file, which it is run as. */
  file: URL;
  /** Imports the module, which runs its command (literal imports, so a bundler can follow them). */
  load: () => Promise<unknown>;
}

/** The commands, in the order help lists them; each matches an npm script of the same name. */
const COMMANDS: Readonly<Record<string, Command>> = {
  brief: { summary: 'render briefs from JSON data through the templates', file: new URL('./cli.js', import.meta.url), load: () => import('./cli.js') },
  specimen: {
    summary: 'a proof sheet: each line of a text file set as a paragraph',
    file: new URL('./specimen.js', import.meta.url),
    load: () => import('./specimen.js'),
  },
  new: {
    summary: 'write data/<name>.json, a valid brief with placeholder text to start from',
    file: new URL('./scaffold.js', import.meta.url),
    load: () => import('./scaffold.js'),
  },
};

const HELP = `Usage: mowjaz <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run mowjaz <command> --help for a command's options.`;

async function main(argv: readonly string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return;
  }
  if (name === undefined) throw new CliError(`a command is needed\n\n${HELP}`, 2);
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new CliError(`unknown command "${name}"; the commands are ${Object.keys(COMMANDS).join(', ')}\nRun mowjaz --help for more.`, 2);
  // The module reads its options from process.argv and checks it was started directly (isMainModule):
  // give it the argv node would have given it.
  process.argv = [process.argv[0], fileURLToPath(command.file), ...rest];
  await command.load();
}

void runCli(() => main(process.argv.slice(2)));
