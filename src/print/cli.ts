// The command line's print options: how the brief is laid out and coloured for printing
// (--duplex, --bleed, --marks, --greyscale, given to the renderer), and --booklet, which writes
// an imposed copy beside each brief once the brief is written.
import fs from 'node:fs';
import { CliError } from '../cli-support.js';
import { writeAtomically } from '../output.js';
import type { PrintSettings } from '../theme.js';

const MM = 72 / 25.4;
/** More bleed than a print shop ever asks for is a typing mistake. */
const MAX_BLEED_MM = 20;

export const PRINT_HELP = `
Print:
  --duplex                 printed on both sides: inner (binding) and outer margins, the
                           binding on the right of front pages for a right-to-left brief; an
                           even page count, blank pages where a part must start on a front page
  --booklet                also write <name>-booklet.pdf beside the brief: its pages imposed two
                           to a sheet side on the next paper size up, for saddle stitching (print
                           it on both sides, flip on short edge, at 100 %, then fold and staple)
  --bleed <mm>             bleed around every page, e.g. 3: larger media box, TrimBox and BleedBox
  --marks                  crop marks outside the bleed
  --greyscale              the theme's colours mapped to greys for black-and-white printing`;

export const PRINT_OPTIONS = {
  duplex: { type: 'boolean' },
  booklet: { type: 'boolean' },
  bleed: { type: 'string' },
  marks: { type: 'boolean' },
  greyscale: { type: 'boolean' },
} as const;

export interface PrintValues {
  duplex?: boolean;
  booklet?: boolean;
  bleed?: string;
  marks?: boolean;
  greyscale?: boolean;
}

/** The print settings the options give (only those given, so the theme's stand otherwise). */
export function printSettings(values: PrintValues): Partial<PrintSettings> {
  const settings: Partial<PrintSettings> = {};
  if (values.duplex) settings.duplex = true;
  if (values.marks) settings.marks = true;
  if (values.greyscale) settings.greyscale = true;
  if (values.bleed !== undefined) settings.bleed = bleedOption(values.bleed) * MM;
  return settings;
}

function bleedOption(value: string): number {
  const mm = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(mm <= MAX_BLEED_MM)) throw new CliError(`--bleed must be a number of millimetres from 0 to ${MAX_BLEED_MM}, e.g. 3, not "${value}"`, 2);
  return mm;
}

/** Where the booklet of the brief written to `out` goes: beside it, named after it. */
export const bookletPath = (out: string): string => `${out.replace(/\.pdf$/i, '')}-booklet.pdf`;

/**
 * Writes the booklet of every brief written (read back from its file). Returns the exit code:
 * 1 if a booklet could not be made or written, each failure told on stderr.
 */
export async function writeBooklets(outcomes: readonly { out: string; ok: boolean }[]): Promise<number> {
  let exitCode = 0;
  // pdf-lib is loaded only when a booklet is asked for: most runs never need it.
  const { imposeBooklet } = await import('./booklet.js');
  for (const { out } of outcomes.filter(o => o.ok)) {
    const target = bookletPath(out);
    try {
      await writeAtomically(target, await imposeBooklet(fs.readFileSync(out)));
    } catch (e) {
      process.stderr.write(`mowjaz: cannot write the booklet ${target}: ${e instanceof Error ? e.message : String(e)}\n`);
      exitCode = 1;
    }
  }
  return exitCode;
}
