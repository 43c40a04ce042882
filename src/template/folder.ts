// A template folder: brief.hbs (the main template), partials/ (looked up before the default
// partials), and an optional schema.json that the folder's briefs must also satisfy. A path to a
// main .hbs file names its folder too. One place knows these names, so a folder can later carry
// further files (a theme.json) without every caller learning them.
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';

export const MAIN_TEMPLATE = 'brief.hbs';
export const SCHEMA_FRAGMENT = 'schema.json';

export interface TemplateFolder {
  /** The main template file. */
  main: string;
  /** The folder holding it, its partials/ and its other files. */
  dir: string;
  /** The folder's schema.json, when it has one. */
  schema?: string;
}

/** The template folder of `--template <folder or main .hbs>`. */
export function templateFolder(given: string): TemplateFolder {
  let main = given;
  if (isDirectory(given)) {
    main = path.join(given, MAIN_TEMPLATE);
    if (!fs.existsSync(main)) throw new InputError(`cannot read template ${given}: the folder has no ${MAIN_TEMPLATE}`);
  }
  const dir = path.dirname(main);
  const schema = path.join(dir, SCHEMA_FRAGMENT);
  return { main, dir, ...(fs.existsSync(schema) ? { schema } : {}) };
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
