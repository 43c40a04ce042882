// Output is written to a temporary file beside the target and renamed into place, so a reader
// never sees a half-written PDF and a failed run leaves the previous file untouched. mowjaz only
// ever replaces what it could have written itself: a regular PDF file, or nothing. A symbolic
// link is followed to its end, which is replaced (the link stays a link); a device, FIFO, socket
// or folder is refused before anything is created.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { entryKind, systemReason } from './errors.js';

export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/** A write in progress: its temporary file and the folders it created, removed should it not finish. */
interface Unfinished {
  tmp: string;
  folders: string[];
}

const unfinished = new Set<Unfinished>();
let written = 0;

/** Links followed at most, as the kernel does (a loop of links ends here). */
const MAX_LINKS = 40;

/** The file a write to `target` replaces: `target`, or the end of its chain of symbolic links. */
export function outputDestination(target: string): string {
  let file = path.resolve(target);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    let stats: fs.Stats;
    try {
      stats = fs.lstatSync(file);
    } catch {
      return file; // absent (or unreachable: the write reports why)
    }
    if (!stats.isSymbolicLink()) return file;
    // Relative to the link's real folder, as the kernel reads it (".." is the physical parent).
    file = path.resolve(fs.realpathSync(path.dirname(file)), fs.readlinkSync(file));
  }
  throw new OutputError(`cannot write ${target}: ${systemReason({ code: 'ELOOP' }, 'write')}`);
}

/** What a file may hold for writeAtomically to replace it: its kind in words, and a test of its first bytes. */
export interface OutputKind {
  what: string;
  /** How many bytes of the existing file `replaceable` looks at. */
  head: number;
  /** True when an existing file starting with `head` (possibly shorter, never empty) may be replaced. */
  replaceable: (head: string) => boolean;
}

export const PDF_OUTPUT: OutputKind = { what: 'PDF', head: 5, replaceable: head => head === '%PDF-'.slice(0, head.length) };

const article = (what: string): string => (/^[aeiou]/i.test(what) ? 'an' : 'a');

/** True when `file` holds something that is not of `kind`: never replaced (a data file or a template given as --out). */
function holdsOtherContent(file: string, kind: OutputKind): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const head = Buffer.alloc(kind.head);
    const n = fs.readSync(fd, head, 0, kind.head, 0);
    return n > 0 && !kind.replaceable(head.subarray(0, n).toString('latin1'));
  } catch {
    return false; // unreadable: the write itself reports what is wrong
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Whether an output name names a folder (a trailing separator, or `.` / `..`), so its file name is missing. */
export function namesFolder(target: string): boolean {
  return /[/\\]$/.test(target) || ['.', '..'].includes(path.basename(target));
}

/** Why `target` (whose writes land on `dest`) must not be written, or undefined when it may be. */
function refusal(target: string, dest: string, kind: OutputKind): string | undefined {
  if (target === '') return `cannot write the ${kind.what}: the output file name is empty`;
  if (namesFolder(target)) {
    return `cannot write ${target}: it names a folder, so the file name is missing (e.g. ${path.join(target, 'brief.pdf')})`;
  }
  let stats: fs.Stats;
  try {
    stats = fs.statSync(dest);
  } catch {
    return undefined; // absent: created
  }
  const via = dest === path.resolve(target) ? '' : ` (a link to ${dest})`;
  if (!stats.isFile()) return `cannot write ${target}${via}: it is ${entryKind(stats)}`;
  if (holdsOtherContent(dest, kind))
    return `will not replace ${target}${via}: it is not ${article(kind.what)} ${kind.what} (a data file or a template?); choose another output file`;
  return undefined;
}

/**
 * Creates a folder and its missing parents one level at a time, recording each in `created` as it
 * is made (so a failure part way can remove them). Node's recursive mkdir loops forever under a
 * folder that exists but refuses children (/proc/x/…); this stops at the first error.
 */
function makeFolders(dir: string, created: string[]): void {
  const missing: string[] = [];
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing) {
    fs.mkdirSync(d);
    created.push(d);
  }
}

/** Temporary files of this name: `.NAME.pdf.PID.N.tmp` (a dot file, never taken for a finished PDF). */
const tmpPrefix = (base: string): string => `.${base.slice(0, 80)}.`;

/** Whether a process with this id exists (EPERM: it does, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files of `base` left by runs that were killed before they could clean up. */
function removeStale(dir: string, base: string): void {
  const prefix = tmpPrefix(base);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length));
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    const file = path.join(dir, name);
    try {
      if (fs.lstatSync(file).isFile()) fs.unlinkSync(file);
    } catch {
      /* gone already, or not ours to remove */
    }
  }
}

/** Removes what an unfinished write made: its temporary file, then the folders it created, innermost first. */
function undo(job: Unfinished): void {
  try {
    fs.rmSync(job.tmp, { force: true });
  } catch {
    /* never created */
  }
  for (const d of [...job.folders].reverse()) {
    try {
      fs.rmdirSync(d);
    } catch {
      /* not empty: someone else wrote there */
    }
  }
  unfinished.delete(job);
}

/** Removes the temporary files and created folders of every write still in progress (on a signal, before exiting). */
export function abandonWrites(): void {
  for (const job of [...unfinished]) undo(job);
}

/**
 * A delay between chunks of the write, in milliseconds, for tests only: it keeps a write in
 * progress long enough for a test to send a signal during it. Unset, the bytes go in one write.
 */
const TEST_DELAY_VARIABLE = 'MOWJAZ_TEST_WRITE_DELAY_MS';
const CHUNK = 16 * 1024;

async function writeNew(file: string, bytes: Uint8Array): Promise<void> {
  const delay = Number(process.env[TEST_DELAY_VARIABLE] ?? 0);
  // 'wx': never through a link or over a file someone planted under the temporary name.
  const handle = await fs.promises.open(file, 'wx');
  try {
    if (!(delay > 0)) {
      await handle.writeFile(bytes);
      return;
    }
    for (let at = 0; at < bytes.length; at += CHUNK) {
      await handle.write(bytes, at, Math.min(CHUNK, bytes.length - at));
      await sleep(delay);
    }
  } finally {
    await handle.close();
  }
}

/** Writes `bytes` to `target` (or where its links lead) atomically; an OutputError says why it could not. */
export async function writeAtomically(target: string, bytes: Uint8Array, kind: OutputKind = PDF_OUTPUT): Promise<void> {
  const dest = target === '' ? '' : outputDestination(target);
  const refused = refusal(target, dest, kind);
  if (refused) throw new OutputError(refused);
  const dir = path.dirname(dest);
  const base = path.basename(dest);
  const job: Unfinished = { tmp: path.join(dir, `${tmpPrefix(base)}${process.pid}.${++written}.tmp`), folders: [] };
  unfinished.add(job);
  try {
    makeFolders(dir, job.folders);
    removeStale(dir, base);
    await writeNew(job.tmp, bytes);
    fs.renameSync(job.tmp, dest);
    unfinished.delete(job);
  } catch (e) {
    undo(job);
    throw new OutputError(`cannot write ${target}: ${systemReason(e, 'write')}`);
  }
}
