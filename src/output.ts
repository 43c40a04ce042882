// Output is written to a temporary file beside the target and renamed into place, so a reader
// never sees a half-written PDF and a failed run leaves the previous file untouched.
import fs from 'node:fs';
import path from 'node:path';

export class OutputError extends Error {
  constructor(message: string) { super(message); this.name = 'OutputError'; }
}

/** Why a file could not be written, in words. */
function reason(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a folder';
    case 'ENOTDIR': return 'part of the path is a file, not a folder';
    case 'EEXIST': return 'part of the path is a file, not a folder';
    case 'ENOENT': return 'cannot create a file in that folder';
    case 'EROFS': return 'the file system is read-only';
    case 'ENOSPC': return 'no space left on the device';
    case 'EDQUOT': return 'disk quota exceeded';
    case 'ENAMETOOLONG': return 'the file name is too long';
    case 'EINVAL': return 'the file system does not accept that name';
    case 'EXDEV': return 'cannot rename across file systems';
    default: return (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
  }
}

let written = 0;

/** What a file may hold for writeAtomically to replace it: its kind in words, and a test of its first bytes. */
export interface OutputKind {
  what: string;
  /** How many bytes of the existing file `replaceable` looks at. */
  head: number;
  /** True when an existing file starting with `head` (possibly shorter, never empty) may be replaced. */
  replaceable: (head: string) => boolean;
}

export const PDF_OUTPUT: OutputKind = { what: 'PDF', head: 5, replaceable: head => head === '%PDF-'.slice(0, head.length) };

/** True when `file` exists, holds something, and is not of `kind`: never replaced (a data file or a template given as --out). */
function holdsOtherContent(file: string, kind: OutputKind): boolean {
  let fd: number | undefined;
  try {
    if (!fs.statSync(file).isFile()) return false;
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(kind.head);
    const n = fs.readSync(fd, head, 0, kind.head, 0);
    return n > 0 && !kind.replaceable(head.subarray(0, n).toString('latin1'));
  } catch {
    return false; // missing or unreadable: the write itself reports what is wrong
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Creates a folder and its missing parents one level at a time. Node's recursive mkdir loops
 * forever under a folder that exists but refuses children (/proc/x/…); this stops at the first error.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing) fs.mkdirSync(d);
}

export function writeAtomically(target: string, bytes: Uint8Array, kind: OutputKind = PDF_OUTPUT): void {
  if (target === '') throw new OutputError(`cannot write the ${kind.what}: the output file name is empty`);
  if (holdsOtherContent(target, kind)) throw new OutputError(`will not replace ${target}: it is not ${/^[aeiou]/i.test(kind.what) ? 'an' : 'a'} ${kind.what} (a data file or a template?); choose another output file`);
  const dir = path.dirname(path.resolve(target));
  // Short and unique within this process; a dot file, so it is not taken for a finished file.
  const tmp = path.join(dir, `.${path.basename(target).slice(0, 80)}.${process.pid}.${++written}.tmp`);
  try {
    makeFolders(dir);
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  } catch (e) {
    try { fs.rmSync(tmp, { force: true }); } catch { /* the temporary file was never created */ }
    throw new OutputError(`cannot write ${target}: ${reason(e)}`);
  }
}
