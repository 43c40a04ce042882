// poppler's pdftotext, when it is installed: the suites that use it skip, saying so, where it is not.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** pdftotext found on PATH, or null. */
export const PDFTOTEXT: string | null =
  (process.env.PATH ?? '')
    .split(path.delimiter)
    .map(dir => path.join(dir, 'pdftotext'))
    .find(file => {
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    }) ?? null;

export const havePdftotext = PDFTOTEXT !== null;

/** Title suffix of a suite that needs pdftotext: says why it is skipped where it is missing. */
export const needsPdftotext = havePdftotext ? '' : ' (skipped: pdftotext, from poppler-utils, is not installed)';

/** pdftotext's raw UTF-8 output in its default mode, one string per page (split at form feeds), nothing removed. */
export function pdftotextRaw(bytes: Uint8Array): string[] {
  if (!PDFTOTEXT) throw new Error('pdftotext is not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mowjaz-pdftotext-'));
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, bytes);
    const out = execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return out.split('\f').slice(0, -1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
