// Failures a user can act on. The CLI prints their message on one line and exits with their code:
// 2 for bad input (data, template, markup), 1 for output and system failures.

/** Something wrong with what the user gave: a data file, a template, the markup it produced. */
export class InputError extends Error {
  readonly exitCode = 2 as const;
  constructor(message: string) { super(message); this.name = 'InputError'; }
}

/** Problems listed in one message; the rest are counted. */
export const MAX_PROBLEMS = 100;

/** One problem per line, at most MAX_PROBLEMS of them, then how many more there were. */
export function problemList(lines: readonly string[], source: string, what: string): string {
  const listed = lines.length > MAX_PROBLEMS ? [...lines.slice(0, MAX_PROBLEMS), `${source}: … and ${lines.length - MAX_PROBLEMS} more ${what}`] : lines;
  return listed.join('\n');
}
