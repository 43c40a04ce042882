// The one way mowjaz reads a file it is given (data, templates, partials, specimen text): only a
// regular file, opened without blocking (a FIFO cannot stall the run), read in chunks that stop at
// a size limit (an endless /dev/zero or /proc file cannot fill memory), decoded as strict UTF-8.
import fs from 'node:fs';
import path from 'node:path';
import { InputError, entryKind, systemReason } from './errors.js';
import { showSize } from './limits.js';
import { positionAt } from './data/json-text.js';

export interface InputFile {
  /** What the file is, for messages: "data file", "template". */
  what: string;
  /** Bytes to read at most; a larger file is refused. */
  maxBytes: number;
  /** The file's name in messages (default: as given). */
  shown?: string;
}

const CHUNK = 64 * 1024;

/** The bytes of a regular file of at most `maxBytes` bytes; anything else is an InputError. */
export function readInputFile(file: string, { what, maxBytes, shown = file }: InputFile): Buffer {
  const refuse = (why: string): InputError => new InputError(`cannot read ${what} ${shown}: ${why}`);
  let fd: number;
  try {
    // Looked at before opening: opening a FIFO or a device can block or have effects.
    const stats = fs.statSync(file);
    if (!stats.isFile()) throw refuse(`it is ${entryKind(stats)}, not a file`);
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    throw e instanceof InputError ? e : refuse(systemReason(e, 'read'));
  }
  try {
    const stats = fs.fstatSync(fd); // the file opened, should it have been swapped since the look
    if (!stats.isFile()) throw refuse(`it is ${entryKind(stats)}, not a file`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) {
        throw new InputError(`${shown}: the ${what} is larger than ${showSize(maxBytes)}, the limit for one input file (--max-input-size raises it)`);
      }
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    throw e instanceof InputError ? e : refuse(systemReason(e, 'read'));
  } finally {
    fs.closeSync(fd);
  }
}

/** The text of a file that must be UTF-8: UTF-16, NUL bytes and invalid sequences are refused with their line and column. */
export function decodeUtf8(bytes: Uint8Array, shown: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`${shown}: the file is encoded as UTF-16; save it as UTF-8`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // Text never holds a NUL byte: this is UTF-16 without a byte order mark, or not text at all.
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
    const { line, column } = positionAt(before, before.length);
    throw new InputError(`${shown}:${line}:${column}: the file holds a NUL byte, so it is not UTF-8 text (UTF-16, or a binary file?); save it as UTF-8`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const { line, column } = positionAt(text, Math.max(0, text.indexOf('\uFFFD')));
    throw new InputError(`${shown}:${line}:${column}: the file is not valid UTF-8 text; save it as UTF-8`);
  }
}

/** readInputFile, then decodeUtf8. */
export function readInputText(file: string, input: InputFile): string {
  return decodeUtf8(readInputFile(file, input), input.shown ?? file);
}

/**
 * Where `file` really is, when it lies inside `folder` once symbolic links are followed (of the
 * file, the folder and every folder between): the one rule for every file a template or a brief
 * names (partials, themes, images). 'outside' when it leads out; 'missing' when it does not exist.
 */
export function realPathInside(file: string, folder: string): { real: string } | 'outside' | 'missing' {
  // A name that leaves the folder as written is refused before the file system is asked about it.
  if (!isInside(path.resolve(file), path.resolve(folder))) return 'outside';
  let real: string, realFolder: string;
  try {
    real = fs.realpathSync(file);
    realFolder = fs.realpathSync(folder);
  } catch {
    return 'missing';
  }
  return isInside(real, realFolder) ? { real } : 'outside';
}

function isInside(file: string, folder: string): boolean {
  const inside = path.relative(folder, file);
  return !!inside && !inside.startsWith('..') && !path.isAbsolute(inside);
}
