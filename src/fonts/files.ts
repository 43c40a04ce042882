import path from 'node:path';
import { packageRoot } from '../package-root.js';

export type Weight = 'regular' | 'bold';
export type Subset = 'arabic' | 'latin' | 'latin-ext';

/** Fallback order for a character: the first subset that has a glyph for it wins. */
export const SUBSETS: readonly Subset[] = ['arabic', 'latin', 'latin-ext'];
export const WEIGHTS: Record<Weight, number> = { regular: 400, bold: 700 };

export interface FontFile {
  weight: Weight;
  subset: Subset;
  source: string;
  file: string;
}

export const FONT_FILES: readonly FontFile[] = (Object.keys(WEIGHTS) as Weight[]).flatMap(weight =>
  SUBSETS.map(subset => ({
    weight,
    subset,
    source: `amiri-${subset}-${WEIGHTS[weight]}-normal.woff`,
    file: `amiri-${subset}-${WEIGHTS[weight]}.ttf`,
  })),
);

export const fontsDir = (): string => path.join(packageRoot(), 'fonts');
