// Failures a user can act on. The CLI prints their message on one line and exits with their code:
// 2 for bad input (data, template, markup), 1 for output and system failures.

/** Something wrong with what the user gave: a data file, a template, the markup it produced. */
export class InputError extends Error {
  readonly exitCode = 2 as const;
  constructor(message: string) { super(message); this.name = 'InputError'; }
}
