import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Weight = 'regular' | 'bold';
export type Subset = 'arabic' | 'latin' | 'latin-ext';

/** Fallback order for a character: the first subset that has a glyph for it wins. */
export const SUBSETS: readonly Subset[] = ['arabic', 'latin', 'latin-ext'];
export const WEIGHTS: Record<Weight, number> = { regular: 400, bold: 700 };

export interface FontFile { weight: Weight; subset: Subset; source: string; file: string }

export const FONT_FILES: readonly FontFile[] = (Object.keys(WEIGHTS) as Weight[]).flatMap(weight =>
  SUBSETS.map(subset => ({
    weight,
    subset,
    source: `amiri-${subset}-${WEIGHTS[weight]}-normal.woff`,
    file: `amiri-${subset}-${WEIGHTS[weight]}.ttf`,
  })));

/** The package root, found from this module whether it runs from src/ or build/src/. */
let root: string | undefined;

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

export const fontsDir = (): string => path.join(packageRoot(), 'fonts');
