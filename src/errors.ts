// Failures a user can act on, and how every message is worded: the CLI prints their message and
// exits with their code (2 for bad input: data, template, markup; 1 for output and system
// failures). Paths, code points, system errors and overlong lines are written here and only here.
import path from 'node:path';
import type { Stats } from 'node:fs';

/** Something wrong with what the user gave: a data file, a template, the markup it produced. */
export class InputError extends Error {
  readonly exitCode = 2 as const;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Problems listed in one message; the rest are counted. */
export const MAX_PROBLEMS = 100;

/** One problem per line, at most MAX_PROBLEMS of them, then how many more there were. */
export function problemList(lines: readonly string[], source: string, what: string): string {
  const listed = lines.length > MAX_PROBLEMS ? [...lines.slice(0, MAX_PROBLEMS), `${source}: … and ${lines.length - MAX_PROBLEMS} more ${what}`] : lines;
  return listed.join('\n');
}

/** A file as messages name it: relative to the working folder when inside it, else absolute. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(file);
}

/** A code point as messages write it: U+0041, U+1F642. */
export const codePointLabel = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** What a file system entry that is not a regular file is, in words ("a folder", "a FIFO (named pipe)"). */
export function entryKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return stats.isFile() ? 'a file' : 'not a regular file';
}

/** Why reading or writing a file failed, in words, from the error's errno code. */
export function systemReason(e: unknown, action: 'read' | 'write'): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return action === 'read' ? 'no such file' : 'cannot create a file in that folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return action === 'read' ? 'it is a folder, not a file' : 'it is a folder';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'part of the path is a file, not a folder';
    case 'ELOOP':
      return 'too many symbolic links (a link that points to itself?)';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    case 'EINVAL':
      return 'the file system does not accept that name';
    case 'EXDEV':
      return 'cannot rename across file systems';
    case 'EIO':
      return 'input/output error on the device';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ENOMEM':
      return 'out of memory';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

/** No line of a message printed by the CLI is longer than this many characters. */
export const MESSAGE_LINE_WIDTH = 400;

/** Each line shortened to MESSAGE_LINE_WIDTH characters (whole code points), saying how much was cut. */
export function fitLines(message: string): string {
  return message
    .split('\n')
    .map(line => {
      if (line.length <= MESSAGE_LINE_WIDTH) return line;
      let cut = MESSAGE_LINE_WIDTH - 40;
      if (/[\uDC00-\uDFFF]/.test(line[cut])) cut--; // never split a surrogate pair
      return `${line.slice(0, cut)}…(${line.length - cut} more characters)`;
    })
    .join('\n');
}
