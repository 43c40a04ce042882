// Whether a module is the program node was started with: a script run directly (not imported).
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Compares resolved file URLs, so symlinked folders and paths with spaces still match. */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return moduleUrl === pathToFileURL(fs.realpathSync(script)).href;
  } catch {
    return false;
  }
}
