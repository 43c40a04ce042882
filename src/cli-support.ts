// One place that turns failures into a one-line message and an exit code, never a stack trace.
// Exit codes: 0 success, 1 output or system failure, 2 bad input or bad template; interrupted by
// a signal, the usual 128 + its number (SIGHUP 129, SIGINT 130, SIGTERM 143).
import { OutputError, abandonWrites } from './output.js';
import { InputError, fitLines } from './errors.js';
import v8 from 'node:v8';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function exitCodeOf(e: unknown): 1 | 2 {
  if (e instanceof CliError) return e.exitCode;
  if (e instanceof OutputError) return 1;
  if (e instanceof InputError) return 2;
  return 1;
}

/** Prints `mowjaz: <message>` on stderr, every line shortened to MESSAGE_LINE_WIDTH. */
export function say(message: string): void {
  process.stderr.write(`mowjaz: ${fitLines(message)}\n`);
}

const SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/** On a signal, the temporary files and new folders of unfinished writes are removed before exiting. */
function exitCleanlyOnSignals(): void {
  // A startup snapshot cannot hold signal handlers; a run from it installs them when it starts.
  if (v8.startupSnapshot.isBuildingSnapshot()) return;
  for (const [signal, code] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      abandonWrites();
      say(`stopped by ${signal}; no unfinished file is left behind`);
      process.exit(code);
    });
  }
}

export function runCli(main: () => Promise<void>): Promise<void> {
  exitCleanlyOnSignals();
  return main().then(
    () => {
      process.exitCode = process.exitCode ?? 0;
    },
    (e: unknown) => {
      say(e instanceof Error ? e.message : String(e));
      if (process.env.MOWJAZ_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      process.exitCode = exitCodeOf(e);
    },
  );
}
