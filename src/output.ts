// Output is written to a temporary file beside the target and renamed into place, so a reader
// never sees a half-written PDF and a failed run leaves the previous file untouched.
import fs from 'node:fs';
import path from 'node:path';

export class OutputError extends Error {
  constructor(message: string) { super(message); this.name = 'OutputError'; }
}

export function writeAtomically(target: string, bytes: Uint8Array): void {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new OutputError(`cannot write ${target}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code ?? String(e)}`);
  }
}
