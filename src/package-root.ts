// The folder mowjaz is installed in: data (the schema, the summit brief), templates, fonts and
// the CLI's defaults are found from it, whether the code runs from src/ or build/src/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The nearest folder above this module that holds a package.json; looked up once. */
export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot locate the mowjaz package root');
    dir = up;
  }
  return (root = dir);
}
