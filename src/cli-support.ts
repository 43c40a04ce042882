// One place that turns failures into a one-line message and an exit code, never a stack trace.
// Exit codes: 0 success, 1 output or system failure, 2 bad input or bad template.
import { OutputError } from './output.js';
import { InputError } from './errors.js';

export class CliError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2) { super(message); this.name = 'CliError'; }
}

export function exitCodeOf(e: unknown): 1 | 2 {
  if (e instanceof CliError) return e.exitCode;
  if (e instanceof OutputError) return 1;
  if (e instanceof InputError) return 2;
  return 1;
}

export function runCli(main: () => Promise<void>): Promise<void> {
  return main().then(
    () => { process.exitCode = process.exitCode ?? 0; },
    (e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      process.stderr.write(`mowjaz: ${message}\n`);
      if (process.env.MOWJAZ_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      process.exitCode = exitCodeOf(e);
    },
  );
}
